#!/usr/bin/env python3
"""Build cases.json (beside this script) from the ESCO v1.2 CSVs.

Every accept list is computed here from the CSVs by the rule written into the
case; the only hand-written inputs are the queries (what a user types), the
rule parameters (words, phrases, ISCO unit groups, keyword patterns) and a few
explicit, commented exclusions.  Deterministic: fixed seeds, sorted inputs.

Usage: python3 tests/data/relevance/build_cases.py ESCO_CSV_DIR
where ESCO_CSV_DIR holds the CSVs unpacked from tests/data/esco-release/esco-release.tar.xz.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases.json")

SEED_EXACT = 20240601
SEED_ALT = 20240602
SEED_TYPO = 20240603
SEED_ARABIC = 20240604


# ---------------------------------------------------------------- the ESCO data


@dataclass(frozen=True, eq=False)
class Occupation:
    """One row of occupations_en.csv (compared by identity: concept URIs are unique)."""

    uri: str
    label: str
    """preferredLabel, as in the CSV."""
    isco: str
    """iscoGroup: the ISCO-08 unit group code."""
    alts: tuple[str, ...]
    """altLabels, one label per line in the CSV."""


@dataclass(frozen=True, eq=False)
class Skill:
    """One row of skills_en.csv (compared by identity: concept URIs are unique)."""

    uri: str
    label: str
    """preferredLabel, as in the CSV."""
    alts: tuple[str, ...]
    """altLabels, joined by " | " in the CSV."""


@dataclass(frozen=True)
class Esco:
    """The CSVs, each sorted by concept URI, and lookups over them."""

    occupations: list[Occupation]
    skills: list[Skill]
    arabic: list[tuple[str, str]]
    """(conceptUri, preferredLabel) of each row of occupations_ar.csv."""
    relations: dict[str, set[str]]
    """occupation URI -> URIs of its skills (essential or optional)."""
    occupation_by_uri: dict[str, Occupation]
    skill_by_uri: dict[str, Skill]
    occupation_labels: set[str]
    skill_labels: set[str]


def find_dir(args: Sequence[str]) -> str:
    for d in args:
        if os.path.exists(os.path.join(d, "occupations_en.csv")):
            return d
    sys.exit(
        "usage: build_cases.py ESCO_CSV_DIR "
        "(unpack tests/data/esco-release/esco-release.tar.xz first)"
    )


def read(directory: str, name: str) -> list[dict[str, str]]:
    with open(os.path.join(directory, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_concepts(directory: str, name: str) -> list[dict[str, str]]:
    """The rows of a concept CSV, sorted by conceptUri."""
    return sorted(read(directory, name), key=lambda r: r["conceptUri"])


def split_alts(cell: str) -> tuple[str, ...]:
    # occupations: one label per line; skills: labels joined by " | "
    return tuple(a.strip() for a in re.split(r"\n| \| ", cell or "") if a.strip())


def load(directory: str) -> Esco:
    occupations = [
        Occupation(r["conceptUri"], r["preferredLabel"], r["iscoGroup"], split_alts(r["altLabels"]))
        for r in read_concepts(directory, "occupations_en.csv")
    ]
    skills = [
        Skill(r["conceptUri"], r["preferredLabel"], split_alts(r["altLabels"]))
        for r in read_concepts(directory, "skills_en.csv")
    ]
    arabic = [
        (r["conceptUri"], r["preferredLabel"])
        for r in read_concepts(directory, "occupations_ar.csv")
    ]
    relations: dict[str, set[str]] = defaultdict(set)
    for r in read(directory, "occupationSkillRelations_en.csv"):
        relations[r["occupationUri"]].add(r["skillUri"])
    return Esco(
        occupations=occupations,
        skills=skills,
        arabic=arabic,
        relations=relations,
        occupation_by_uri={o.uri: o for o in occupations},
        skill_by_uri={s.uri: s for s in skills},
        occupation_labels={o.label for o in occupations},
        skill_labels={s.label for s in skills},
    )


# ---------------------------------------------------------------- text


def norm(s: str) -> str:
    """Whitespace-normalised, case-folded form used for matching only."""
    s = unicodedata.normalize("NFC", s).replace("\xa0", " ")
    return re.sub(r"\s+", " ", s).strip().casefold()


def clean(s: str) -> str:
    """What a user would type for a label: whitespace normalised, case kept."""
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()


def phrase_re(p: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)", re.I)


def slug(s: str, n: int = 40) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s[:n].strip("-") or "x"


def occ_labels(objs: Iterable[Occupation]) -> list[str]:
    return sorted({o.label for o in objs}, key=norm)


def by_isco_major(occupations: Iterable[Occupation]) -> dict[str, list[Occupation]]:
    """Occupations by ISCO major group (the first digit of the unit group)."""
    groups: dict[str, list[Occupation]] = defaultdict(list)
    for o in occupations:
        groups[o.isco[:1]].append(o)
    return groups


# ---------------------------------------------------------------- the cases


@dataclass
class Case:
    """One entry of cases.json."""

    id: str
    kind: Literal["career", "skill", "match"]
    lang: Literal["en", "ar"]
    category: str
    query: str | list[str]
    """What is typed: one text, or (kind "match") a list of skills."""
    accept: list[str]
    """preferredLabels of the occupations or skills that count as right answers."""
    rule: str
    note: str = ""
    first: str | None = None
    """The answer that should come first, when there is one."""

    def as_json(self) -> dict[str, str | list[str]]:
        """The entry, keys in the file's order; an absent first or an empty note is left out."""
        out: dict[str, str | list[str]] = {
            "id": self.id,
            "kind": self.kind,
            "lang": self.lang,
            "category": self.category,
            "query": self.query,
            "accept": self.accept,
        }
        if self.first is not None:
            out["first"] = self.first
        out["rule"] = self.rule
        if self.note:
            out["note"] = self.note
        return out


class Cases:
    """The cases in the order they are made; a repeated id gets a suffix -2, -3, ..."""

    def __init__(self) -> None:
        self.items: list[Case] = []

    def add(self, case: Case) -> None:
        base, k = case.id, 2
        while any(x.id == case.id for x in self.items):
            case.id = f"{base}-{k}"
            k += 1
        self.items.append(case)


# ---------------------------------------------------------------- career word rule
# (word, preferredLabel): occupations having an altLabel equal to an everyday word that
# names another sense of the word, or is a generic catch-all for that occupation; these
# occupations are not accepted for the word.
ALT_EXACT_REJECT = {
    ("teacher", "politics lecturer"),  # catch-all alt "teacher"
    ("counsellor", "lawyer"),  # "counsellor" = counsel-at-law
    ("supervisor", "oil refinery control room operator"),
    ("inspector", "private detective"),
    ("clerk", "lottery cashier"),
    ("agent", "auctioneer"),
    ("plumber", "pipe welder"),  # pipefitter, not plumber
    ("designer", "art director"),
    ("assistant", "secretary"),
    ("actor", "artistic coach"),  # coaches actors
    ("secretary", "receptionist"),
    ("receptionist", "telephone switchboard operator"),
}

WORD_RULE_TEXT = (
    "occupations whose preferredLabel contains '{w}' (or '{w}s') as a whole word, "
    "case-insensitive ('/'-joined gender forms such as 'actor/actress' count), plus "
    "occupations with an altLabel exactly '{w}'"
)


class WordRule(NamedTuple):
    accept: list[str]
    """preferredLabels of every occupation the rule accepts."""
    first: str | None
    """The occupation whose preferredLabel (or one of its '/'-joined forms) is the word."""
    by_alt: list[str]
    """The accepted occupations that only an altLabel brings in."""
    n_pref: int
    """How many occupations the preferredLabel brings in."""
    rejected: list[str]
    """Occupations with an altLabel equal to the word, left out by ALT_EXACT_REJECT."""


def word_rule(occupations: Sequence[Occupation], word: str) -> WordRule:
    """Occupations whose preferredLabel contains word (or word+s) as a whole word,
    plus occupations with an altLabel exactly equal to it (minus rejects)."""
    r = re.compile(r"\b" + re.escape(word) + r"s?\b", re.I)
    pref = [o for o in occupations if r.search(clean(o.label))]
    prefset = {o.label for o in pref}
    alt = [
        o
        for o in occupations
        if o.label not in prefset
        and any(norm(a) in (word, word + "s") for a in o.alts)
        and (word, o.label) not in ALT_EXACT_REJECT
    ]
    first = [o.label for o in occupations if norm(o.label) == word]
    first += [
        o.label
        for o in occupations
        if "/" in o.label and word in [norm(p) for p in o.label.split("/")]
    ]
    rej = [
        o.label
        for o in occupations
        if (word, o.label) in ALT_EXACT_REJECT
        and any(norm(a) in (word, word + "s") for a in o.alts)
    ]
    return WordRule(
        occ_labels(pref + alt), (first[0] if first else None), occ_labels(alt), len(pref), rej
    )


# ---------------------------------------------------------------- 1. exact titles


def exact_titles(esco: Esco, cases: Cases) -> None:
    rng = random.Random(SEED_EXACT)
    by_major = by_isco_major(esco.occupations)
    for major in sorted(by_major):
        for o in rng.sample(by_major[major], 3):
            q = clean(o.label)
            acc = occ_labels(x for x in esco.occupations if norm(x.label) == norm(q))
            cases.add(
                Case(
                    id="exact-" + slug(q),
                    kind="career",
                    lang="en",
                    category="exact-title",
                    query=q,
                    accept=acc,
                    first=o.label,
                    rule="the occupation whose preferredLabel equals the query "
                    "(case/whitespace-insensitive); "
                    f"sampled 3 per ISCO major group with random.Random({SEED_EXACT})",
                    note=f"ISCO {o.isco}",
                )
            )


# ---------------------------------------------------------------- 2. alt titles


def alt_titles(esco: Esco, cases: Cases) -> None:
    occupations = esco.occupations
    label_owners: dict[str, set[str]] = defaultdict(set)  # normalised label -> occupation URIs
    for o in occupations:
        label_owners[norm(o.label)].add(o.uri)
        for a in o.alts:
            label_owners[norm(a)].add(o.uri)
    all_label_texts = [(o.uri, norm(lab)) for o in occupations for lab in (o.label, *o.alts)]
    pref_norms = {norm(o.label) for o in occupations}

    def alt_ok(o: Occupation, a: str) -> bool:
        na, np_ = norm(a), norm(o.label)
        if na in pref_norms or len(label_owners[na]) != 1:
            return False
        if na in np_ or np_ in na:  # trivial variant of its own title
            return False
        if not re.fullmatch(r"[a-z][a-z ,'\-/]{4,60}", na):
            return False
        # share at most half of its words (compared on their first 5 letters) with the
        # preferred label
        pw = {w[:5] for w in re.findall(r"[a-z]+", np_)}
        aw = [
            w[:5] for w in re.findall(r"[a-z]+", na) if w not in ("of", "and", "in", "the", "for")
        ]
        if sum(w in pw for w in aw) * 2 > len(aw):
            return False
        r = phrase_re(na)
        return not any(u != o.uri and r.search(t) for u, t in all_label_texts)

    rng = random.Random(SEED_ALT)
    by_major = by_isco_major(occupations)
    for major in sorted(by_major):
        pool = list(by_major[major])
        rng.shuffle(pool)
        got = 0
        for o in pool:
            alts = [a for a in o.alts if alt_ok(o, a)]
            if not alts:
                continue
            a = clean(rng.choice(sorted(alts)))
            cases.add(
                Case(
                    id="alt-" + slug(a),
                    kind="career",
                    lang="en",
                    category="alt-title",
                    query=a,
                    accept=[o.label],
                    first=o.label,
                    rule="the only occupation having this altLabel; the label is no occupation's "
                    "preferredLabel, occurs as a whole phrase in no other occupation's labels "
                    "and shares at most half its words with the occupation's preferredLabel; "
                    f"sampled 2 per ISCO major group with random.Random({SEED_ALT})",
                    note=f"ISCO {o.isco}; preferredLabel '{clean(o.label)}'",
                )
            )
            got += 1
            if got == 2:
                break


# ---------------------------------------------------------------- 3. everyday words

EVERYDAY = [
    "teacher", "counsellor", "driver", "designer", "supervisor", "inspector", "technician",
    "assistant", "clerk", "agent", "nurse", "engineer", "manager", "cook", "chef", "baker",
    "plumber", "electrician", "accountant", "lawyer", "pilot", "farmer", "journalist",
    "photographer", "programmer", "developer", "architect", "pharmacist", "dentist",
    "mechanic", "cleaner", "waiter", "actor", "singer", "professor",
]  # fmt: skip


def everyday_words(esco: Esco, cases: Cases) -> None:
    for w in EVERYDAY:
        acc, first, extra, npref, rej = word_rule(esco.occupations, w)
        if not acc:
            continue
        note = f"{len(acc)} occupations ({npref} by preferredLabel"
        note += f"; by altLabel '{w}': {', '.join(extra)})" if extra else ")"
        if rej:
            note += (
                f"; left out although an altLabel is '{w}' "
                f"(other sense / catch-all synonym): {', '.join(rej)}"
            )
        cases.add(
            Case(
                id="word-" + w,
                kind="career",
                lang="en",
                category="everyday-word",
                query=w,
                accept=acc,
                rule=WORD_RULE_TEXT.format(w=w)
                + ", minus altLabel matches named in the note as another sense",
                note=note,
                first=first or None,
            )
        )

    # "doctor": no label-based rule works (only 'specialised doctor' contains it; the GP has
    # no 'doctor' label at all), so the rule is the two ISCO unit groups of medical doctors.
    doc = [o for o in esco.occupations if o.isco in ("2211", "2212")]
    cases.add(
        Case(
            id="word-doctor",
            kind="career",
            lang="en",
            category="everyday-word",
            query="doctor",
            accept=occ_labels(doc),
            rule="occupations in ISCO unit groups 2211 (generalist medical practitioners) "
            "and 2212 (specialist medical practitioners)",
            note="only 'specialised doctor' contains the word 'doctor'; "
            "'general practitioner' has no label with 'doctor'",
        )
    )


# ---------------------------------------------------------------- 4. misspellings


def vocabulary(esco: Esco) -> set[str]:
    """Every word of every occupation and skill label (normalised)."""
    vocab: set[str] = set()
    for o in esco.occupations:
        for lab in (o.label, *o.alts):
            vocab.update(re.findall(r"[a-z]+", norm(lab)))
    for s in esco.skills:
        for lab in (s.label, *s.alts):
            vocab.update(re.findall(r"[a-z]+", norm(lab)))
    return vocab


def osa(a: str, b: str) -> int:
    """optimal string alignment (Damerau-Levenshtein with adjacent swaps)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = int(a[i - 1] != b[j - 1])
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


# one-edit misspellings of everyday single-word titles: typo -> intended word
WORD_TYPOS = [
    ("electrican", "electrician"), ("acountant", "accountant"), ("pharmasist", "pharmacist"),
    ("plumbr", "plumber"), ("jounalist", "journalist"), ("teahcer", "teacher"),
    ("engeneer", "engineer"), ("psycologist", "psychologist"), ("recepcionist", "receptionist"),
    ("hairdreser", "hairdresser"), ("mechanik", "mechanic"), ("carpinter", "carpenter"),
    ("photgrapher", "photographer"),
]  # fmt: skip

# a letter's neighbours on a QWERTY keyboard, for substitution typos
KEYB = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def keyboard_neighbours() -> dict[str, list[str]]:
    neigh: dict[str, list[str]] = {}
    for r_, row in enumerate(KEYB):
        for c_, ch in enumerate(row):
            n = [row[k] for k in (c_ - 1, c_ + 1) if 0 <= k < len(row)]
            for rr in (r_ - 1, r_ + 1):
                if 0 <= rr < 3:
                    n += [KEYB[rr][k] for k in (c_ - 1, c_, c_ + 1) if 0 <= k < len(KEYB[rr])]
            neigh[ch] = sorted(set(n))
    return neigh


NEIGH = keyboard_neighbours()

TypoKind = Literal["drop", "swap", "double", "substitute"]
TYPO_KINDS: list[TypoKind] = ["drop", "swap", "double", "substitute"]


def make_typo(word: str, kind: TypoKind, rng: random.Random) -> str | None:
    i = rng.randrange(1, len(word) - 1)  # keep first and last letter
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        if word[i] == word[i + 1]:
            return None
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(NEIGH[word[i]]) + word[i + 1 :]


def new_typo(word: str, kind: TypoKind, rng: random.Random, vocab: set[str]) -> str | None:
    """The first of up to 10 tries at a typo of word that is no word of any label."""
    for _ in range(10):
        t = make_typo(word, kind, rng)
        if t and t != word and t not in vocab:
            return t
    return None


def misspellings(esco: Esco, cases: Cases) -> None:
    occupations = esco.occupations
    vocab = vocabulary(esco)
    for typo, w in WORD_TYPOS:
        assert osa(typo, w) == 1 and typo not in vocab, (typo, w)
        acc, first, _, _, _ = word_rule(occupations, w)
        assert acc, w
        cases.add(
            Case(
                id="typo-" + typo,
                kind="career",
                lang="en",
                category="misspelling",
                query=typo,
                accept=acc,
                rule=f"one edit from '{w}'; accept = " + WORD_RULE_TEXT.format(w=w),
                note=f"{len(acc)} occupations",
                first=first or None,
            )
        )

    # seeded one-edit typos of whole preferred labels
    rng = random.Random(SEED_TYPO)
    pool = [o for o in occupations if re.fullmatch(r"[a-z]+( [a-z]+){1,3}", o.label)]
    rng.shuffle(pool)
    made = 0
    used_groups: set[str] = set()
    pref_clean = [norm(o.label) for o in occupations]
    for o in pool:
        if made == 12:
            break
        if o.isco[:1] in used_groups and len(used_groups) < 10:
            continue  # spread over ISCO major groups first
        label = o.label
        words = label.split()
        cand = [k for k, w_ in enumerate(words) if len(w_) >= 6]
        if not cand:
            continue
        k = max(cand, key=lambda k_: (len(words[k_]), -k_))
        kind = TYPO_KINDS[made % 4]
        t = new_typo(words[k], kind, rng, vocab)
        if t is None:
            continue
        q = " ".join([*words[:k], t, *words[k + 1 :]])
        near = [p for p in pref_clean if p != label and osa(q, p) <= 1]
        if near or osa(q, label) != 1:
            continue
        cases.add(
            Case(
                id="typo-" + slug(q),
                kind="career",
                lang="en",
                category="misspelling",
                query=q,
                accept=[label],
                first=label,
                rule=f"one {kind} edit in the word '{words[k]}' of the preferredLabel '{label}'; "
                "no other preferredLabel is within one edit; "
                f"sampled with random.Random({SEED_TYPO})",
                note=f"ISCO {o.isco}",
            )
        )
        used_groups.add(o.isco[:1])
        made += 1


# ---------------------------------------------------------------- 5. symbols (skills)

LookupMode = Literal["exact", "contains"]


def skill_lookup(skills: Sequence[Skill], q: str, mode: LookupMode) -> tuple[list[Skill], str]:
    nq = norm(q)
    if mode == "exact":
        p = [s for s in skills if norm(s.label) == nq]
        if p:
            return p, "preferredLabel equals the query"
        a = [s for s in skills if any(norm(x) == nq for x in s.alts)]
        return a, "no preferredLabel equals the query; an altLabel does"
    r = re.compile(r"(?<![\w.#+])" + re.escape(q) + r"(?![\w#+])", re.I)
    p = [s for s in skills if r.search(clean(s.label)) or any(r.search(x) for x in s.alts)]
    return p, "preferredLabel or an altLabel contains the query as a whole token"


SYMBOLS: list[tuple[str, LookupMode]] = [
    ("C++", "exact"), ("C#", "exact"), ("C Sharp", "exact"), ("ASP.NET", "exact"), ("R", "exact"),
    ("Objective-C", "exact"), ("objective c", "exact"), ("CSS", "exact"), ("SQL", "exact"),
    ("VB.NET", "exact"), ("Visual C++", "exact"), ("ML", "exact"), ("PRINCE2", "exact"),
    ("DB2", "exact"), ("N1QL", "exact"), ("SA8000", "exact"), ("5S methodology", "exact"),
    ("3D modelling", "exact"), ("5,700 kg", "contains"), ("OHSAS 18001", "contains"),
    ("PM²", "contains"), ("HTML", "contains"),
]  # fmt: skip


def symbols(esco: Esco, cases: Cases) -> None:
    for q, mode in SYMBOLS:
        hits, _ = skill_lookup(esco.skills, q, mode)
        assert hits, q
        acc = sorted({s.label for s in hits}, key=norm)
        tok = re.compile(r"(?<![\w.#+])" + re.escape(q) + r"(?![\w#+])", re.I)
        fields = []
        for s in hits:
            if norm(s.label) == norm(q):
                fields.append("preferredLabel (exact)")
            elif mode == "exact":
                fields.append("altLabel '" + next(x for x in s.alts if norm(x) == norm(q)) + "'")
            elif tok.search(clean(s.label)):
                fields.append("preferredLabel (contains)")
            else:
                fields.append("altLabel '" + next(x for x in s.alts if tok.search(x)) + "'")
        ex = [s.label for s in hits if norm(s.label) == norm(q)]
        cases.add(
            Case(
                id="sym-" + slug(q.replace("+", "plus").replace("#", "sharp").replace("²", "2")),
                kind="skill",
                lang="en",
                category="symbol",
                query=q,
                accept=acc,
                rule=(
                    "skills whose preferredLabel equals the query (case-insensitive); if none, "
                    "skills with an altLabel equal to it"
                    if mode == "exact"
                    else "skills whose preferredLabel or an altLabel contains the query "
                    "as a whole token"
                ),
                note="matched field: "
                + "; ".join(f"{s.label} <- {f}" for s, f in zip(hits, fields, strict=True)),
                first=ex[0] if ex else None,
            )
        )


# ---------------------------------------------------------------- 6. skill phrases
# (query, phrases matched as whole phrases in preferredLabel or altLabels,
#  verbs matched at the start of the preferredLabel, excluded labels with reason)
PHRASES: list[tuple[str, list[str], list[str], dict[str, str]]] = [
    ("machine learning", ["machine learning"], [], {}),
    ("data mining", ["data mining"], [], {}),
    ("project management", ["project management"], [], {}),
    ("customer service", ["customer service", "customer services"], [], {}),
    (
        "teamwork",
        ["teamwork", "team work", "team building", "teambuilding", "team spirit", "work in teams"],
        [],
        {},
    ),
    ("first aid", ["first aid"], [], {}),
    (
        "driving",
        ["driving"],
        ["drive"],
        {
            "show initiative": "altLabel 'be a driving force' (figurative)",
            "drive timber piles": "pile driving",
            "drive steel piles": "pile driving",
            "drive metal sheet piles": "pile driving",
            "drive concrete piles": "pile driving",
            "drive tunnel boring machine": "tunnelling, not driving a vehicle",
        },
    ),
    ("cooking", ["cooking"], ["cook"], {}),
    (
        "budgeting",
        ["budgeting", "budget", "budgets", "budgetary"],
        [],
        {
            "use spreadsheets software": "altLabel is a product name 'Household Budget Worksheet'",
            "use online tools to collaborate": "altLabel is a product name 'Budget Conferencing'",
        },
    ),
    ("social media", ["social media"], [], {}),
    ("photography", ["photography", "photograph", "photographs", "photographic"], [], {}),
    ("python", ["python"], [], {}),
    ("statistics", ["statistics", "statistical"], [], {}),
    ("welding", ["welding"], ["weld"], {}),
    ("negotiation", ["negotiation", "negotiations", "negotiating"], ["negotiate"], {}),
    (
        "public speaking",
        ["public speaking", "public presentation", "public presentations", "live presentation"],
        [],
        {},
    ),
    ("marketing", ["marketing"], [], {}),
    ("accounting", ["accounting"], [], {}),
    (
        "nursing",
        ["nursing"],
        [],
        {"nurse plants": "plant nursery sense", "nurse trees": "plant nursery sense"},
    ),
    ("teaching", ["teaching"], ["teach"], {}),
    ("graphic design", ["graphic design", "design graphics", "graphics design"], [], {}),
    ("spreadsheets", ["spreadsheet", "spreadsheets"], [], {}),
    ("excel", ["excel"], [], {}),
    ("time management", ["time management", "manage time"], [], {}),
]

# ESCO-phrased skill queries, typed exactly
ESCO_PHRASED = [
    "provide first aid",
    "perform data analysis",
    "use spreadsheets software",
    "operate forklift",
    "manage budgets",
    "apply social media marketing",
]


def skill_phrases(esco: Esco, cases: Cases) -> None:
    skills = esco.skills
    for q, phrases, verbs, excl in PHRASES:
        regs = [phrase_re(p) for p in phrases]
        hits = []
        for s in skills:
            labs = [clean(s.label), *s.alts]
            ok = any(r.search(lab) for r in regs for lab in labs)
            ok = ok or any(norm(s.label).startswith(v + " ") for v in verbs)
            if ok and s.label not in excl:
                hits.append(s)
        assert hits, q
        for e in excl:
            assert e in esco.skill_labels, e
        acc = sorted({s.label for s in hits}, key=norm)
        rule = (
            "skills whose preferredLabel or an altLabel contains "
            + " or ".join(f"'{p}'" for p in phrases)
            + " as a whole phrase (case-insensitive)"
        )
        if verbs:
            rule += ", or whose preferredLabel starts with the verb " + " or ".join(
                f"'{v}'" for v in verbs
            )
        if excl:
            rule += "; minus the exclusions in the note"
        note = f"{len(acc)} skills"
        if excl:
            note += "; excluded: " + "; ".join(f"{k} ({v})" for k, v in excl.items())
        ex = [s.label for s in skills if norm(s.label) == norm(q)]
        cases.add(
            Case(
                id="skill-" + slug(q),
                kind="skill",
                lang="en",
                category="phrase",
                query=q,
                accept=acc,
                rule=rule,
                note=note,
                first=ex[0] if ex else None,
            )
        )

    for q in ESCO_PHRASED:
        hits, _ = skill_lookup(skills, q, "exact")
        alt = [s for s in skills if s not in hits and any(norm(x) == norm(q) for x in s.alts)]
        acc = sorted({s.label for s in [*hits, *alt]}, key=norm)
        note = "ESCO wording typed exactly"
        if alt:
            note += f"; also an altLabel of: {', '.join(s.label for s in alt)}"
        cases.add(
            Case(
                id="skill-esco-" + slug(q),
                kind="skill",
                lang="en",
                category="phrase",
                query=q,
                accept=acc,
                first=hits[0].label,
                rule="skills whose preferredLabel or an altLabel equals the query "
                "(case-insensitive)",
                note=note,
            )
        )


# ---------------------------------------------------------------- 7. Arabic titles

# (preferredLabel, which Arabic form: 0 masculine, 1 feminine, or the whole title)
ArabicForm = int | Literal["whole"]
COMMON_AR: list[tuple[str, ArabicForm]] = [
    ("primary school teacher", 0), ("primary school teacher", 1),
    ("secondary school teacher", "whole"), ("nurse responsible for general care", 1),
    ("specialist nurse", 0), ("civil engineer", 0), ("general practitioner", 0),
    ("general practitioner", 1), ("bus driver", 0), ("taxi driver", "whole"), ("cook", 0),
    ("cook", 1), ("electrician", 0), ("plumber", 0), ("pharmacist", 1), ("accountant", 0),
    ("lawyer", "whole"), ("dental practitioner", 0),
]  # fmt: skip
ARABIC_FORMS: list[ArabicForm] = [0, 1, "whole"]


def arabic_titles(esco: Esco, cases: Cases) -> None:
    ar_forms: dict[str, set[str]] = defaultdict(set)  # normalised form -> occupation URIs
    ar_by_uri: dict[str, str] = {}  # only occupations also in occupations_en.csv
    for uri, ar_label in esco.arabic:
        if uri not in esco.occupation_by_uri:
            continue
        t = clean(ar_label)
        ar_by_uri[uri] = t
        ar_forms[t].add(uri)
        for p in t.split("/"):
            ar_forms[clean(p)].add(uri)

    def ar_case(o: Occupation, which: ArabicForm, why: str) -> None:
        t = ar_by_uri[o.uri]
        parts = [clean(p) for p in t.split("/")]
        if isinstance(which, str) or len(parts) == 1:
            q, wname = t, ("whole title" if len(parts) > 1 else "title (no gender pair)")
        else:
            q, wname = parts[which], ("masculine form" if which == 0 else "feminine form")
        acc = occ_labels([esco.occupation_by_uri[u] for u in ar_forms[q]])
        whole = wname.startswith(("whole", "title"))
        suffix = "whole" if whole else ("m" if which == 0 else "f")
        cases.add(
            Case(
                id=f"ar-{slug(o.label, 30)}-{suffix}",
                kind="career",
                lang="ar",
                category="arabic-title",
                query=q,
                accept=acc,
                rule=f"the {wname} from occupations_ar.csv; accept = every occupation (joined by "
                "URI to occupations_en.csv) whose Arabic title, or one of its ' / '-separated "
                "forms, equals the query",
                note=f"{why}; Arabic title of '{clean(o.label)}': {t}",
                first=o.label if len(acc) == 1 else None,
            )
        )

    def by_label(label: str) -> Occupation:
        return next(x for x in esco.occupations if x.label == label)

    for lab, which in COMMON_AR:
        ar_case(by_label(lab), which, "common job")
    rng = random.Random(SEED_ARABIC)
    pool = sorted(u for u in ar_by_uri if "/" in ar_by_uri[u])
    common_uris = {by_label(lab).uri for lab, _ in COMMON_AR}
    picked = 0
    for u in rng.sample(pool, 20):
        if picked == 6:
            break
        if u in common_uris:
            continue
        which = rng.choice(ARABIC_FORMS)
        ar_case(esco.occupation_by_uri[u], which, f"random pick, random.Random({SEED_ARABIC})")
        picked += 1


# ---------------------------------------------------------------- 8. personas (match)


def persona(
    esco: Esco,
    cases: Cases,
    pid: str,
    skills: list[str],
    rule: str,
    *,
    isco: Sequence[str] = (),
    pattern: str | None = None,
    exclude: Sequence[str] = (),
) -> None:
    """A match case: the skills typed, and the occupations in the ISCO unit groups or whose
    preferredLabel matches the pattern, minus the exclusions."""
    pat = re.compile(pattern, re.I) if pattern else None
    sel = [
        o
        for o in esco.occupations
        if (o.isco in isco or (pat is not None and pat.search(clean(o.label)) is not None))
        and clean(o.label) not in exclude
    ]
    for e in exclude:
        assert any(clean(o.label) == e for o in esco.occupations), e
    acc = occ_labels(sel)
    assert 5 <= len(acc) <= 80, (pid, len(acc))
    # sanity check: how many accepted occupations are linked to a skill whose label
    # contains one of the typed words (any of its words of 4+ letters)
    toks = {t for s in skills for t in re.findall(r"[a-z]{4,}", s.lower())}
    regs = [re.compile(r"\b" + re.escape(t), re.I) for t in toks]
    linked = 0
    for o in sel:
        linked_skills = [
            esco.skill_by_uri[u] for u in esco.relations.get(o.uri, ()) if u in esco.skill_by_uri
        ]
        if any(r.search(lab) for s in linked_skills for r in regs for lab in (s.label, *s.alts)):
            linked += 1
    cases.add(
        Case(
            id="match-" + pid,
            kind="match",
            lang="en",
            category="persona",
            query=skills,
            accept=acc,
            rule=rule,
            note=f"{len(acc)} occupations; {linked} of them are linked (essential/optional) to "
            "a skill whose label contains a word of the query",
        )
    )


def personas(esco: Esco, cases: Cases) -> None:
    persona(
        esco,
        cases,
        "data-science",
        ["python", "statistics", "machine learning", "data mining"],
        "occupations whose preferredLabel matches data scientist/analyst/engineer/quality "
        "specialist/warehouse designer, chief data officer, statistic*, actuar*, artificial "
        "intelligence, computer vision, computer scientist, mathematician, biometrician, "
        "demographer, knowledge engineer or database designer/developer",
        pattern=r"\bdata (scientist|analyst|engineer|quality specialist|warehouse designer)|"
        r"chief data officer|statistic|actuar|artificial intelligence|computer vision|"
        r"computer scientist|mathematician|biometrician|demographer|knowledge engineer|"
        r"database (designer|developer)",
    )
    persona(
        esco,
        cases,
        "web-development",
        ["html", "css", "javascript", "website design"],
        "occupations whose preferredLabel contains 'web' or 'webmaster', 'user interface', "
        "'user experience', 'search engine optimisation', or is software developer / cloud "
        "software developer / mobile application developer / ICT application developer",
        pattern=r"\bweb|user interface|user experience|search engine optimisation|"
        r"^(cloud )?software developer$|^mobile application developer$|"
        r"^ICT application developer$",
    )
    persona(
        esco,
        cases,
        "accounting",
        ["bookkeeping", "tax returns", "financial statements", "spreadsheets"],
        "occupations in ISCO unit groups 2411 (accountants) and 3313 (accounting associate "
        "professionals), plus occupations whose preferredLabel contains accountant/accounting/"
        "bookkeeper/payroll clerk/tax clerk/auditing clerk/billing clerk",
        isco=("2411", "3313"),
        pattern=r"accountant|accounting|bookkeep|payroll clerk|tax clerk|auditing clerk|"
        r"billing clerk",
    )
    persona(
        esco,
        cases,
        "nursing",
        ["patient care", "first aid", "taking blood pressure", "giving injections"],
        "occupations in ISCO unit groups 2221 (nursing professionals), 2222 (midwifery "
        "professionals), 3221/3222 (nursing and midwifery associate professionals) and 5321 "
        "(health care assistants)",
        isco=("2221", "2222", "3221", "3222", "5321"),
    )
    persona(
        esco,
        cases,
        "driving",
        ["driving", "driving licence", "road safety", "vehicle maintenance"],
        "occupations in ISCO unit groups 8321, 8322, 8331, 8332 (motorcycle, car, bus/tram and "
        "heavy truck drivers), plus occupations whose preferredLabel contains 'driver', except "
        "train driver (rail)",
        isco=("8321", "8322", "8331", "8332"),
        pattern=r"\bdriver\b",
        exclude=("train driver",),
    )
    persona(
        esco,
        cases,
        "cooking",
        ["cooking", "baking", "food preparation", "recipes"],
        "occupations in ISCO unit groups 3434 (chefs), 5120 (cooks), 9411 (fast food preparers) "
        "and 7512 (bakers, pastry-cooks and confectionery makers)",
        isco=("3434", "5120", "9411", "7512"),
    )
    persona(
        esco,
        cases,
        "teaching",
        ["teaching", "lesson planning", "classroom management", "tutoring"],
        "occupations whose preferredLabel contains the word 'teacher' or 'tutor'",
        pattern=r"\bteachers?\b|\btutor\b",
    )
    persona(
        esco,
        cases,
        "graphic-design",
        ["drawing", "photoshop", "typography", "illustration"],
        "occupations in ISCO unit group 2166 (graphic and multimedia designers) except the two "
        "stage 'performance' designers, plus cartoonist, storyboard artist and drawing artist",
        isco=("2166",),
        pattern=r"^(cartoonist|storyboard artist|drawing artist)$",
        exclude=("performance lighting designer", "performance video designer"),
    )
    persona(
        esco,
        cases,
        "carpentry",
        ["woodworking", "carpentry", "power tools", "measuring and cutting wood"],
        "occupations in ISCO unit groups 7115 (carpenters and joiners), 7522 (cabinet-makers) "
        "and 7523 (woodworking-machine operators), plus preferredLabels containing carpenter/"
        "woodcarver/woodturner/joiner",
        isco=("7115", "7522", "7523"),
        pattern=r"carpenter|woodcarver|woodturner|\bjoiner",
    )
    persona(
        esco,
        cases,
        "electrical-work",
        ["electrical wiring", "installing sockets", "fuse boxes", "testing circuits"],
        "occupations in ISCO unit groups 7411 (building electricians) and 7413 (electrical line "
        "installers), plus preferredLabels containing 'electrician', 'electrical mechanic' or "
        "'electrical supervisor'",
        isco=("7411", "7413"),
        pattern=r"electrician|electrical mechanic|electrical supervisor",
    )
    persona(
        esco,
        cases,
        "sales",
        ["selling", "customer service", "negotiation", "product knowledge"],
        "occupations in ISCO unit groups 5223 (shop sales assistants), 3322 (commercial sales "
        "representatives), 2433 (technical and medical sales professionals) and 5243 "
        "(door-to-door salespersons), plus preferredLabels containing sales representative/"
        "assistant/agent/consultant/manager",
        isco=("5223", "3322", "2433", "5243"),
        pattern=r"\bsales (representative|assistant|agent|consultant|manager)",
    )
    persona(
        esco,
        cases,
        "social-media-marketing",
        ["social media", "instagram", "content writing", "advertising"],
        "occupations whose preferredLabel contains marketing/marketer, advertising, brand "
        "manager, online community, public relations, digital media designer, web content "
        "manager or copywriter, except advertising installer (ISCO 9629) and vocational teachers",
        pattern=r"marketing|marketer|advertising|brand manager|online community|public relations|"
        r"digital media designer|web content manager|copywriter",
        exclude=("advertising installer", "business and marketing vocational teacher"),
    )
    persona(
        esco,
        cases,
        "farming",
        ["growing crops", "tractor driving", "animal care", "harvesting"],
        "occupations in ISCO unit groups 6111, 6112, 6114 (crop growers), 6121, 6122, 6123, 6129 "
        "(animal producers), 6130 (mixed farmers) and 9211-9213 (farm labourers), plus "
        "preferredLabels containing 'farmer'",
        isco=(
            "6111",
            "6112",
            "6114",
            "6121",
            "6122",
            "6123",
            "6129",
            "6130",
            "9211",
            "9212",
            "9213",
        ),
        pattern=r"\bfarmer\b",
    )
    persona(
        esco,
        cases,
        "hairdressing",
        ["cutting hair", "hair colouring", "hair styling", "shampooing"],
        "occupations in ISCO unit group 5141 (hairdressers), plus preferredLabels containing "
        "'hair designer'",
        isco=("5141",),
        pattern=r"hair designer",
    )
    persona(
        esco,
        cases,
        "translation",
        ["translation", "foreign languages", "interpreting", "grammar"],
        "occupations in ISCO unit group 2643 (translators, interpreters and other linguists) "
        "except graphologist, plus preferredLabels containing 'translat' or 'interpret'",
        isco=("2643",),
        pattern=r"translat|interpret",
        exclude=("graphologist",),
    )
    persona(
        esco,
        cases,
        "childcare",
        ["looking after children", "playing with kids", "first aid", "nappy changing"],
        "occupations in ISCO unit group 5311 (child care workers), plus preferredLabels "
        "containing child/childcare/early years/nursery",
        isco=("5311",),
        pattern=r"\bchild|early years|nursery",
    )


# ---------------------------------------------------------------- checks and output


def check(esco: Esco, cases: list[Case]) -> None:
    """Unique ids; every accept list non-empty, without repeats, naming existing labels;
    first, when given, among the accepted."""
    ids = Counter(c.id for c in cases)
    assert all(v == 1 for v in ids.values()), [k for k, v in ids.items() if v > 1]
    for c in cases:
        pool = esco.skill_labels if c.kind == "skill" else esco.occupation_labels
        assert c.accept, c.id
        assert all(a in pool for a in c.accept), c.id
        assert len(set(c.accept)) == len(c.accept), c.id
        if c.first is not None:
            assert c.first in c.accept, c.id


def write(cases: list[Case], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump([c.as_json() for c in cases], f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv: Sequence[str]) -> None:
    esco = load(find_dir(argv))
    cases = Cases()
    exact_titles(esco, cases)
    alt_titles(esco, cases)
    everyday_words(esco, cases)
    misspellings(esco, cases)
    symbols(esco, cases)
    skill_phrases(esco, cases)
    arabic_titles(esco, cases)
    personas(esco, cases)
    check(esco, cases.items)
    write(cases.items, OUT)
    cnt = Counter((c.kind, c.category) for c in cases.items)
    print(f"{len(cases.items)} cases -> {OUT}")
    for (kind, category), v in sorted(cnt.items()):
        print(f"  {kind:7s} {category:14s} {v}")


if __name__ == "__main__":
    main(sys.argv[1:])
