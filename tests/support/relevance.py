"""What the relevance tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from careers_cli.text.normalise import normalise
from tests.helpers import (
    CACHE_DIR_VAR,
    Run,
    imported_esco_sample,
    invoke,
    raw_catalogue,
    same_from_store,
    seen,
    settled,
    settled_copy,
    write_catalogue,
)
from tests.support.moves import Reference

CANDIDATE_LIMIT = 10  # the brief's "at most 10 candidates", written out here, not imported


NAME, WORDS, PREFIXES = 1, 2, 3
"""Kinds of match, strongest first (the exact id, kind 0, is asked for by id in the tests)."""


class Fit(NamedTuple):
    """How well a record's best name fits a query: sorted, the best record comes first."""

    kind: int
    alias: bool
    """Whether the best name is only an alias or alternative title: a title or label the
    record is known by comes first."""
    length: int
    """The length of that name, normalised: the query covers more of a shorter one."""
    record_id: str


def kind_of_fit(words: Sequence[str], name: Sequence[str]) -> int | None:
    if list(words) == list(name):
        return NAME
    if set(words) <= set(name):
        return WORDS
    if all(any(word.startswith(w) for word in name) for w in words):
        return PREFIXES
    return None


def reference_ranking(query: str, records: Mapping[str, Sequence[tuple[str, bool]]]) -> list[Fit]:
    """Every record with a name the query fits (whole, by words or by word starts), best first.

    `records`: id -> (name as the file gives it, whether it is only an alias or alt title)."""
    words = normalise(query).split()
    fits = []
    for record_id, record_names in records.items():
        found = []
        for text, alias in record_names:
            name = normalise(text).split()
            kind = kind_of_fit(words, name) if name else None
            if kind is not None:
                found.append(Fit(kind, alias, len(" ".join(name)), record_id))
        if found:
            fits.append(min(found))
    return sorted(fits)


def tied_best(fits: Sequence[Fit]) -> list[Fit]:
    """The records that fit as well as the best: the same kind (and for a whole name, a title
    or label alike, or an alias alike)."""
    best = fits[0]
    return [f for f in fits if f.kind == best.kind and (f.kind != NAME or f.alias == best.alias)]


def skill_candidates(data: Mapping[str, Any], fits: Sequence[Fit]) -> list[Fit]:
    """The skills an ambiguous skill name lists, best first, as the README says: of `fits`
    (a reference ranking), those no career needs are left out when one that is needed fits;
    of the best tied, a label before an alias, then those more careers need."""
    counts = Counter(
        skill
        for career in data["careers"]
        for skill in {s for line in career.get("required_skills", []) for s in line["skills"]}
    )
    needed = [f for f in fits if counts[f.record_id]] or list(fits)
    return sorted(tied_best(needed), key=lambda f: (f.alias, -counts[f.record_id]))


def career_names(data: Mapping[str, Any]) -> dict[str, list[tuple[str, bool]]]:
    """Career id -> its id, titles and (as aliases) alternative titles."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for career in data["careers"]:
        alt = career.get("alt_titles", {})
        listed = [(career["id"], False)]
        listed += [(t, False) for t in career["title"].values() if t]
        listed += [(t, True) for t in (*alt.get("en", []), *alt.get("ar", []))]
        found[career["id"]] = listed
    return found


class Expected(NamedTuple):
    """One career of `match`, as the score rule gives it."""

    rank: int
    career_id: str
    score: float
    centrality: float


def expected_matches(data: Mapping[str, Any], wanted: Sequence[str]) -> list[Expected]:
    """`careers match` worked out from the catalogue's JSON: for each skill asked for that a
    career needs, ln(1 + N / careers needing it), halved when the career needs it only
    optionally; a platform or tool the career lists counts like an essential skill. Equal
    (rounded) scores share a rank; among them the career whose essential skills go more with
    those asked (README, "How match ranks"), then the id, comes first."""
    careers = data["careers"]
    total = len(careers)
    platform_ids = {p["id"] for p in data.get("platforms", [])}

    def lines(career: Mapping[str, Any]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = career.get("required_skills", [])
        return found

    def tagged(career: Mapping[str, Any]) -> set[str]:
        return {s for line in lines(career) for s in line["skills"]}

    def essential(career: Mapping[str, Any]) -> set[str]:
        return {
            s
            for line in lines(career)
            if line.get("importance", "essential") == "essential"
            for s in line["skills"]
        }

    needing = Counter(s for c in careers for s in tagged(c))
    listing = Counter(p for c in careers for p in c.get("platforms", []))
    rows: list[tuple[float, float, str]] = []
    for career in careers:
        score, matched = 0.0, False
        for w in wanted:
            if w in platform_ids and w in career.get("platforms", []):
                score += math.log(1 + total / listing[w])
                matched = True
            elif w not in platform_ids and w in tagged(career):
                factor = 1.0 if w in essential(career) else 0.5
                score += factor * math.log(1 + total / needing[w])
                matched = True
        if not matched:
            continue
        requirements: list[Sequence[str]] = []
        for line in lines(career):
            if line.get("text"):
                requirements.append(line["skills"])
            else:
                requirements.extend([s] for s in line["skills"])
        covered = sum(1 for r in requirements if any(s in wanted for s in r))
        centrality = covered / len(requirements) if requirements else 0.0
        rows.append((round(score, 2), centrality, career["id"]))
    # Equal scores: the career with the larger share of its essential skills asked for, then
    # the one whose other essential skills are more often needed by careers that have one of
    # the skills asked, on average, comes first.
    matching = {career_id for _, _, career_id in rows}
    by_id = {c["id"]: c for c in careers}

    def tie_breaks(career_id: str) -> tuple[float, float]:
        core = essential(by_id[career_id])
        own = core - set(wanted)
        shares = []
        for skill in own:
            having = [c["id"] for c in careers if skill in tagged(c)]
            shares.append(sum(1 for c in having if c in matching) / len(having))
        asked_share = (len(core) - len(own)) / len(core) if core else 0.0
        return asked_share, sum(shares) / len(shares) if shares else 0.0

    sharing = Counter(score for score, _, _ in rows)
    kin = {r[2]: tie_breaks(r[2]) for r in rows if sharing[r[0]] > 1}
    rows.sort(key=lambda r: (-r[0], *(-k for k in kin.get(r[2], (0.0, 0.0))), r[2]))
    ranked: list[Expected] = []
    for position, (score, centrality, career_id) in enumerate(rows):
        rank = ranked[-1].rank if ranked and ranked[-1].score == score else position + 1
        ranked.append(Expected(rank, career_id, score, centrality))
    return ranked


def shown_matches(run: Run) -> list[Expected]:
    """What `match --format json` printed, as `Expected` rows."""
    return [
        Expected(r["rank"], r["id"], r["score"]["value"], r["score"]["centrality"])
        for r in json.loads(run.stdout)
    ]


def stderr_lines(run: Run) -> list[str]:
    return run.stderr.splitlines()


def ambiguous_lines(
    query: str,
    what: str,
    tied: Sequence[Fit],
    titles: Mapping[str, str],
    more: str = "",
) -> list[str]:
    """The lines of an ambiguous name as the brief describes them: the error, at most 10
    candidates (id, then English name), then how many more."""
    shown = [f.record_id for f in tied[:CANDIDATE_LIMIT]]
    width = max(map(len, shown))
    lines = [f"error: '{query}' fits {len(tied)} {what}; use one of these ids (best first):"]
    lines += [f"  {record_id:<{width}}  {titles[record_id]}" for record_id in shown]
    if len(tied) > CANDIDATE_LIMIT:
        lines.append(f"  ... and {len(tied) - CANDIDATE_LIMIT} more{more}")
    return lines


class Catalogue(NamedTuple):
    """A catalogue file used with --data, its JSON, and the cache folder its store goes to."""

    path: Path
    data: dict[str, Any]
    cache: Path
    bundled: bool = False
    """The built-in catalogue: also run without --data (read from the package, no store)."""

    @property
    def reference(self) -> Reference:
        """The rules of `next`, `gap` and `--next-skills`, worked out again from `data`."""
        return Reference(self.data)


def every_way(catalogue: Catalogue, args: Sequence[str]) -> Run:
    """`careers ARGS` with --no-cache, then from the store (compiled by the first such run of
    the module), then again: the same exit code, stdout and stderr, byte for byte."""
    from_file = same_from_store(args, catalogue.path, catalogue.cache)
    if catalogue.bundled:
        built_in = invoke(args, {CACHE_DIR_VAR: str(catalogue.cache)})
        assert seen(built_in) == seen(from_file), f"built-in, no --data differs: {args}"
    return from_file


def validated(path: Path, data: dict[str, Any]) -> Catalogue:
    """A catalogue written by this module, checked by `careers validate`."""
    write_catalogue(path, data)
    settled(path)
    run = invoke(["validate", str(path)])
    assert run.exit_code == 0, run.stderr
    cache = path.parent / "cache"
    cache.mkdir()
    return Catalogue(path, data, cache)


def career_entry(
    career_id: str, title: str, essential: Sequence[str], optional: Sequence[str] = ()
) -> dict[str, Any]:
    lines = [{"importance": "essential", "skills": list(essential)}] if essential else []
    if optional:
        lines.append({"importance": "optional", "skills": list(optional)})
    return {
        "id": career_id,
        "title": {"en": title},
        "description": {"en": f"{title}: generated for the relevance tests."},
        "required_skills": lines,
    }


def skill_entry(skill_id: str, label: str, *aliases: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": skill_id, "label": {"en": label}}
    if aliases:
        entry["aliases"] = {"en": list(aliases)}
    return entry


def catalogue_data(
    title: str, careers: list[dict[str, Any]], skills: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "schema_version": 2,
        "languages": ["en"],
        "title": {"en": title},
        "careers": careers,
        "skills": skills,
    }


# Skills whose names differ only by the symbols that make them names of their own.
SYMBOL_SKILLS = {
    "c": "C",
    "cpp": "C++",
    "c-sharp": "C#",
    "f-sharp": "F#",
    "dotnet": ".NET",
    "nodejs": "Node.js",
    "r": "R",
    "python": "Python",
    "excel": "Excel",
    "demand-excellence": "demand excellence",
}


def symbols_catalogue() -> dict[str, Any]:
    """One specialist per skill, and careers that need several (some optionally)."""
    careers = [
        career_entry(f"{skill_id}-specialist", f"{label} specialist", [skill_id])
        for skill_id, label in SYMBOL_SKILLS.items()
    ]
    careers += [
        career_entry("systems-programmer", "Systems programmer", ["c", "cpp"], ["r"]),
        career_entry("windows-developer", "Windows developer", ["c-sharp", "dotnet"], ["f-sharp"]),
        career_entry("web-developer", "Web developer", ["nodejs"], ["python", "c"]),
        career_entry("data-analyst", "Data analyst", ["r", "python", "excel"]),
        career_entry("sales-lead", "Sales lead", ["demand-excellence"], ["excel"]),
        career_entry("language-designer", "Language designer", ["cpp", "f-sharp", "c-sharp"]),
        career_entry("accountant", "Accountant", ["spreadsheets"], ["excel"]),
    ]
    skills = [skill_entry(skill_id, label) for skill_id, label in SYMBOL_SKILLS.items()]
    # "excel" is also an alias of this one: the label wins (a label beats an alias).
    skills.append(skill_entry("spreadsheets", "Spreadsheets", "excel", "sheets"))
    return catalogue_data("Names with symbols", careers, skills)


def builtin(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The built-in catalogue, also as a copy given with --data (so that a store answers)."""
    path = settled_copy(tmp_path_factory.mktemp("built-in"))
    return Catalogue(path, raw_catalogue(), path.parent / "cache", bundled=True)


def esco(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The ESCO sample, imported as a user would: `careers import esco ... --output`."""
    folder = tmp_path_factory.mktemp("esco")
    path = imported_esco_sample(folder)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Catalogue(path, data, folder / "cache")


def symbols(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("symbols") / "symbols.json", symbols_catalogue())


def everyday_catalogue() -> dict[str, Any]:
    """Careers and skills as ESCO names them: an everyday word that is the alternative title
    of one career and a word of several titles; a title naming two forms of a job; a skill no
    career needs whose other name is a word of skills that careers need."""
    lecturer = career_entry("politics-lecturer", "Politics lecturer", ["pedagogy"])
    lecturer["alt_titles"] = {"en": ["teacher", "politics professor"]}
    hearse = career_entry("hearse-driver", "Hearse driver", ["driving"])
    hearse["alt_titles"] = {"en": ["driver", "funeral driver"]}
    actor = career_entry("actor-actress", "actor/actress", ["acting"])
    actor["alt_titles"] = {"en": ["actor", "actress"]}
    coach = career_entry("artistic-coach", "Artistic coach", ["acting"])
    coach["alt_titles"] = {"en": ["actress", "vocal coach"]}
    vlogger = career_entry("vlogger", "Vlogger", ["acting"])
    vlogger["alt_titles"] = {"en": ["youtuber"]}
    careers = [
        lecturer,
        career_entry("music-teacher", "Music teacher", ["pedagogy"]),
        career_entry("dance-teacher", "Dance teacher", ["pedagogy"]),
        career_entry("primary-school-teacher", "Primary school teacher", ["pedagogy"]),
        hearse,
        career_entry("bus-driver", "Bus driver", ["driving"]),
        career_entry("taxi-driver", "Taxi driver", ["driving"]),
        actor,
        coach,
        vlogger,
        career_entry("youtuber-manager", "Youtuber manager", ["driving"]),
        career_entry("graphic-designer", "Graphic designer", ["graphic-design", "web-design"]),
        career_entry("web-designer", "Web designer", ["web-design"]),
    ]
    skills = [
        skill_entry("pedagogy", "Pedagogy"),
        skill_entry("driving", "Drive vehicles"),
        skill_entry("acting", "Acting"),
        skill_entry("think-creatively", "Think creatively", "design", "creative thinking"),
        skill_entry("graphic-design", "Graphic design"),
        skill_entry("web-design", "Web design"),
    ]
    return catalogue_data("Everyday words", careers, skills)


def everyday(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("everyday") / "everyday.json", everyday_catalogue())


def english_titles(data: Mapping[str, Any]) -> dict[str, str]:
    return {c["id"]: c["title"].get("en") or c["title"]["ar"] for c in data["careers"]}


def needing(data: Mapping[str, Any], *wanted: str) -> list[str]:
    """The careers that need every wanted skill or list every wanted platform, in catalogue
    order."""
    return [
        c["id"]
        for c in data["careers"]
        if set(wanted)
        <= {s for line in c.get("required_skills", []) for s in line["skills"]}
        | set(c.get("platforms", []))
    ]


def skill_names(data: Mapping[str, Any]) -> dict[str, list[tuple[str, bool]]]:
    """Skill id -> its id, labels and (as aliases) its aliases."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for skill in data["skills"]:
        aliases = skill.get("aliases", {})
        listed = [(skill["id"], False)]
        listed += [(t, False) for t in skill["label"].values() if t]
        listed += [(t, True) for t in (*aliases.get("en", []), *aliases.get("ar", []))]
        found[skill["id"]] = listed
    return found


def guessed(record_id: str, query: str) -> str:
    return f"using {record_id}, the closest match to '{query}'\n"
