"""Relevance on the real ESCO release: how often what a person types finds what they meant.

    python benchmarks/relevance.py [--cases tests/data/relevance/cases.json]

Reads the labelled queries of `tests/data/relevance/cases.json` (their acceptable answers were
worked out from the ESCO CSVs by `tests/data/relevance/build_cases.py`, never from a run of
this program), imports the full release of `tests/data/esco-release/` and asks each query as
the commands do:

- a career (`careers show QUERY`): the career taken, or the candidates of an ambiguous name,
  or the suggestions for a name that fits nothing, in the order shown;
- a skill (`careers skills QUERY`): the skills listed, or the suggestions;
- a persona (`careers match -s A -s B ...`): the careers ranked.

success@k is the share of queries with an acceptable answer among the first k shown. Two
simple baselines run beside it on the same queries: the best rapidfuzz WRatio of any title or
other name (or label or alias), and the titles (or labels) that contain the query, shortest
first; for personas, careers by how many of the skills asked they need. The suite
`tests/relevance/` runs the same cases and holds the program to success@3 of 95%.
"""

from __future__ import annotations

import argparse
import json
import tarfile
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.catalogue.esco import import_esco
from careers_cli.catalogue.esco.concepts import tidy
from careers_cli.errors import AmbiguousNameError, NotFoundError, UsageError
from careers_cli.index.memory import MemoryIndex
from careers_cli.rules import names, search
from careers_cli.text.normalise import normalise

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "data" / "relevance" / "cases.json"
RELEASE = REPO / "tests" / "data" / "esco-release" / "esco-release.tar.xz"
SHOWN = 3
"""How many answers count: success@3."""


class Case(NamedTuple):
    """One labelled query, as `cases.json` gives it."""

    id: str
    kind: str
    category: str
    query: str | list[str]
    accept: list[str]
    first: str | None

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Case:
        return cls(
            raw["id"],
            raw["kind"],
            raw["category"],
            raw["query"],
            list(raw["accept"]),
            raw.get("first"),
        )


def read_cases(path: Path = CASES) -> list[Case]:
    return [Case.of(raw) for raw in json.loads(path.read_text(encoding="utf-8"))]


def unpack(archive: Path, folder: Path) -> None:
    """Unpack the release's tar.xz into `folder` (only regular files and folders inside it)."""
    with tarfile.open(archive, "r:xz") as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(folder, filter="data")
        else:  # Python before 3.10.12: the archive is the repository's own
            tar.extractall(folder)


@contextmanager
def release_index(archive: Path = RELEASE) -> Iterator[MemoryIndex]:
    """The full release, unpacked into a temporary folder and imported, in memory."""
    with tempfile.TemporaryDirectory(prefix="careers-esco-") as folder:
        unpack(archive, Path(folder))
        source = next(Path(folder).rglob("occupations_en.csv")).parent
        yield MemoryIndex(catalogue_from_data(import_esco(source).data))


class Answers(NamedTuple):
    """The ids of the careers or skills that `accept` names, by their English label."""

    careers: dict[str, str]
    skills: dict[str, str]

    @classmethod
    def of(cls, index: MemoryIndex) -> Answers:
        careers = {tidy(c.title.en): c.id for c in index.careers_by_id.values()}
        skills = {tidy(s.label.en): s.id for s in index.skills_by_id.values()}
        return cls(careers, skills)

    def ids(self, case: Case) -> set[str]:
        table = self.skills if case.kind == "skill" else self.careers
        return {table[tidy(label)] for label in case.accept if tidy(label) in table}


Asker = Callable[[MemoryIndex, Case], list[str]]
"""A way to answer a case: the ids shown, best first."""


def _unresolved(error: NotFoundError | AmbiguousNameError) -> list[str]:
    return [candidate.id for candidate in error.candidates]


def program(index: MemoryIndex, case: Case) -> list[str]:
    """What the commands show for the case, best first."""
    try:
        if case.kind == "career":
            assert isinstance(case.query, str)
            return [names.resolve_career(index, case.query).record_id]
        if case.kind == "skill":
            assert isinstance(case.query, str)
            return [skill.id for skill in names.search_skills(index, case.query)]
    except (NotFoundError, AmbiguousNameError) as error:
        return _unresolved(error)
    except UsageError:
        return []
    queries = [case.query] if isinstance(case.query, str) else case.query
    found, _ = names.resolve_each(index, queries, word_families=True)
    wanted = [f.record for f in found]
    return [m.career.id for m in search.rank_by_skills(index, wanted, limit=SHOWN)]


def _names(index: MemoryIndex, kind: str) -> list[tuple[str, str, bool]]:
    """Every (record id, name, is another name) of careers or skills."""
    if kind == "skill":
        return [
            (s.id, name, alias)
            for s in index.skills_by_id.values()
            for name, alias in [(s.label.en, False), *((a, True) for a in s.aliases.en)]
            if name
        ]
    return [
        (c.id, name, alias)
        for c in index.careers_by_id.values()
        for name, alias in [
            (c.title.en, False),
            (c.title.ar, False),
            *((a, True) for a in (*c.alt_titles.en, *c.alt_titles.ar)),
        ]
        if name
    ]


def _skill_overlap(index: MemoryIndex, case: Case) -> list[str]:
    """Careers by how many of the skills asked they need (each skill by its label, alias or
    id, taken literally), then by id."""
    queries = [case.query] if isinstance(case.query, str) else case.query
    wanted = {normalise(q) for q in queries}
    having = {
        s.id
        for s in index.skills_by_id.values()
        if wanted & {normalise(n) for n in (s.id, s.label.en, *s.aliases.en) if n}
    }
    counts = {c.id: len(having & set(c.skill_ids)) for c in index.careers_by_id.values()}
    ranked = sorted((c for c in counts if counts[c]), key=lambda c: (-counts[c], c))
    return ranked[:SHOWN]


def fuzzy_names(index: MemoryIndex, case: Case) -> list[str]:
    """Baseline: the records whose best name has the highest rapidfuzz WRatio to the query."""
    from rapidfuzz import fuzz, process

    if case.kind == "match":
        return _skill_overlap(index, case)
    assert isinstance(case.query, str)
    entries = _names(index, case.kind)
    scored = process.extract(
        normalise(case.query),
        [normalise(name) for _, name, _ in entries],
        scorer=fuzz.WRatio,
        limit=50,
    )
    shown: list[str] = []
    for _, _, position in scored:
        record_id = entries[position][0]
        if record_id not in shown:
            shown.append(record_id)
    return shown[:SHOWN]


def containing(index: MemoryIndex, case: Case) -> list[str]:
    """Baseline: the titles (or labels) that contain the query, shortest first."""
    if case.kind == "match":
        return _skill_overlap(index, case)
    assert isinstance(case.query, str)
    wanted = normalise(case.query)
    found = sorted(
        (len(name), record_id)
        for record_id, name, alias in _names(index, case.kind)
        if not alias and wanted in normalise(name)
    )
    shown: list[str] = []
    for _, record_id in found:
        if record_id not in shown:
            shown.append(record_id)
    return shown[:SHOWN]


METHODS: dict[str, Asker] = {
    "careers (this program)": program,
    "baseline: fuzzy names (WRatio)": fuzzy_names,
    "baseline: titles containing it": containing,
}


class Outcome(NamedTuple):
    case: Case
    shown: list[str]
    accepted: set[str]

    def success(self, k: int) -> bool:
        return bool(self.accepted & set(self.shown[:k]))


def evaluate(index: MemoryIndex, cases: Sequence[Case], method: Asker) -> list[Outcome]:
    answers = Answers.of(index)
    return [Outcome(case, method(index, case), answers.ids(case)) for case in cases]


def rates(outcomes: Sequence[Outcome]) -> tuple[float, float]:
    """success@1 and success@3."""
    total = max(len(outcomes), 1)
    return (
        sum(o.success(1) for o in outcomes) / total,
        sum(o.success(SHOWN) for o in outcomes) / total,
    )


def _table(results: Mapping[str, list[Outcome]]) -> str:
    categories: dict[str, list[str]] = defaultdict(list)
    first = next(iter(results.values()))
    for outcome in first:
        categories[f"{outcome.case.kind} {outcome.case.category}"].append(outcome.case.id)
    lines = ["| queries | n | " + " | ".join(f"{m} @1 / @3" for m in results) + " |"]
    lines.append("|---|---:|" + "---:|" * len(results))
    rows = [*sorted(categories.items()), ("all", [o.case.id for o in first])]
    for name, ids in rows:
        wanted = set(ids)
        cells = []
        for outcomes in results.values():
            at_1, at_3 = rates([o for o in outcomes if o.case.id in wanted])
            cells.append(f"{at_1:.0%} / {at_3:.0%}")
        lines.append(f"| {name} | {len(ids)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--misses", action="store_true", help="list the queries missed")
    arguments = parser.parse_args(argv)
    cases = read_cases(arguments.cases)
    started = time.perf_counter()
    with release_index() as index:
        print(f"ESCO release imported in {time.perf_counter() - started:.1f} s; {len(cases)} cases")
        results = {name: evaluate(index, cases, method) for name, method in METHODS.items()}
    print(_table(results))
    if arguments.misses:
        for outcome in results["careers (this program)"]:
            if not outcome.success(SHOWN):
                print(f"missed {outcome.case.id}: {outcome.case.query!r} -> {outcome.shown}")


if __name__ == "__main__":
    main()
