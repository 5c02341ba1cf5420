"""ESCO's occupations and skills, and the links between them, read from their tables.

What the catalogue format cannot hold (a label over its length, names past its count) is left
out and counted in a `Tally`, never cut: a cut label would be a label ESCO does not have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from careers_cli.catalogue.esco.tables import Row
from careers_cli.errors import CatalogueError

MAX_LABEL = 200
"""Characters in a title, alternative title, skill label or alias."""
MAX_TEXT = 20_000
"""Characters in a description."""
MAX_NAMES = 600
"""Alternative titles or aliases of one record, per language."""
MAX_SKILLS_PER_LINE = 1_500
"""Skills on one required-skill line (essential, or optional)."""

# Alternative labels are one per line in ESCO's occupation files and " | "-separated in its
# skill files; either is accepted in both.
_LABEL_SEPARATOR = re.compile(r"[\r\n]+| \| ")
# Arabic titles name both forms of a job: "مدون فيديو / مدونة فيديو"; some have a space on one
# side of the slash only ("أخصائي تخمير/ أخصائية تخمير").
_FORM_SEPARATOR = re.compile(r"\s*/\s*")
_ISCO_GROUP = re.compile(r"[0-9]{4}")

CONCEPT_COLUMNS = ("conceptUri", "preferredLabel")
"""What every occupation and skill file must have; the details are used where present."""
OCCUPATION_DETAILS = ("altLabels", "description", "definition", "iscoGroup")
SKILL_DETAILS = ("altLabels", "description", "definition")
RELATION_COLUMNS = ("occupationUri", "relationType", "skillUri")


class Tally:
    """What an import left out, counted as the files are read."""

    def __init__(self) -> None:
        self.dangling = 0
        """Relation rows naming an occupation or skill that is not imported."""
        self.too_long = 0
        """Labels, alternative labels and descriptions longer than the format allows."""
        self.over_limit = 0
        """Alternative labels and skill links past the format's count limits."""


class Concept(NamedTuple):
    """An occupation or a skill in one language, as the catalogue will keep it."""

    uri: str
    label: str
    alt_labels: tuple[str, ...]
    description: str = ""
    isco_08: str = ""


def tidy(text: str) -> str:
    """A label with its runs of white space (ESCO has no-break spaces inside some labels) as
    one space, and none at either end."""
    return " ".join(text.split())


_NO_BREAK_SPACES = re.compile("[\u00a0\u2007\u202f]")


def tidy_prose(text: str) -> str:
    """A description with ESCO's no-break spaces as ordinary ones and no white space at the
    ends of its lines; its line breaks kept.

    ESCO's no-break spaces stand between any two words ("are\u00a0highly specialised"), left
    by the editors' tools rather than put there to keep words together, and a terminal wraps
    at them like spaces anyway: kept, a line of a view could end in one. Tidied here, once, the
    catalogue's JSON, CSV and pages carry the same clean text as its views.
    """
    spaced = _NO_BREAK_SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in spaced.strip().splitlines())


def read_concepts(
    rows: Iterable[Row], path: str, tally: Tally, *, split_forms: bool = False
) -> dict[str, Concept]:
    """The English occupations or skills, by URI, in the order of the file.

    The English file defines the records, so a row without a URI or label, or a URI given
    twice, is an error; a record whose label is too long for the format is left out. With
    `split_forms` (occupations), each form of a label that names two (`actor/actress`) is
    also an alternative title, as Arabic forms are.
    """
    concepts: dict[str, Concept] = {}
    first_lines: dict[str, int] = {}
    for line, cells in rows:
        uri, label = cells[0].strip(), tidy(cells[1])
        if not uri:
            raise CatalogueError("import.empty_cell", path=path, line=line, column="conceptUri")
        if not label:
            raise CatalogueError("import.empty_cell", path=path, line=line, column="preferredLabel")
        if uri in first_lines:
            first = first_lines[uri]
            raise CatalogueError("import.duplicate_uri", path=path, line=line, uri=uri, first=first)
        first_lines[uri] = line
        if len(label) > MAX_LABEL:
            tally.too_long += 1
            continue
        if split_forms:
            names = "\n".join(english_forms(label))
            cells = (*cells[:2], _with_forms(cells[2]), *cells[3:]) if len(cells) > 2 else cells
        else:
            names = ""
        concepts[uri] = _concept(uri, label, names, cells, tally)
    return concepts


def _with_forms(cell: str) -> str:
    """An alternative-label cell with the forms of each label after it."""
    labels = [tidy(part) for part in _LABEL_SEPARATOR.split(cell)]
    return "\n".join(name for label in labels for name in (label, *english_forms(label)))


def english_forms(label: str) -> list[str]:
    """The forms of a job that an English label names together, masculine and feminine,
    each a title of its own (`waiter/waitress`: `waiter`, `waitress`); none for a label that
    names one form, or two different jobs (`copy editor/fact checker`, `video/graphics
    technician`).

    The two sides of the slash must be the same job but for one word, whose two forms share
    their first three letters (`head waiter/head waitress`), or the second side one such word,
    which takes the other words of the first (`airport host/hostess`).
    """
    if label.count("/") != 1:
        return []
    first, second = (side.split() for side in label.split("/"))
    if not first or not second:
        return []
    if len(first) == len(second):
        differ = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
        if len(differ) == 1 and _one_stem(*differ[0]):
            return [" ".join(first), " ".join(second)]
    elif len(second) == 1 and _one_stem(first[-1], second[0]):
        return [" ".join(first), " ".join([*first[:-1], second[0]])]
    return []


def _one_stem(word: str, other: str) -> bool:
    """Whether two words look like forms of one (`steward`, `stewardess`)."""
    return len(word) > 2 and word[:3].casefold() == other[:3].casefold()


def read_translations(
    rows: Iterable[Row], tally: Tally, *, split_forms: bool = False
) -> dict[str, Concept]:
    """The occupations or skills of another language, by URI.

    They only add names and descriptions to the English records, so a row without a URI or
    label is passed over and a URI given twice keeps its first row. With `split_forms`
    (occupations), an Arabic title made of forms separated by "/" is kept whole, and each form
    is also an alternative title, even where the two are the same ("عامل تركيب البلاط / عامل
    تركيب البلاط" is also "عامل تركيب البلاط"); so is each form of an alternative label.
    """
    concepts: dict[str, Concept] = {}
    for _line, cells in rows:
        uri, label = cells[0].strip(), tidy(cells[1])
        if not uri or not label or uri in concepts:
            continue
        if len(label) > MAX_LABEL:
            tally.too_long += 1
            continue
        names = ""
        if split_forms:
            names = "\n".join(arabic_forms(label))
            cells = (
                (*cells[:2], _with_arabic_forms(cells[2]), *cells[3:]) if len(cells) > 2 else cells
            )
        concepts[uri] = _concept(uri, label, names, cells, tally)
    return concepts


def arabic_forms(label: str) -> list[str]:
    """The forms of a job an Arabic label names together, each a title of its own; none for
    a label that names one form."""
    forms = [form for form in _FORM_SEPARATOR.split(label) if form]
    return forms if len(forms) > 1 else []


def _with_arabic_forms(cell: str) -> str:
    """An Arabic alternative-label cell with the forms of each label after it."""
    labels = [tidy(part) for part in _LABEL_SEPARATOR.split(cell)]
    return "\n".join(name for label in labels for name in (label, *arabic_forms(label)))


def _concept(uri: str, label: str, names: str, cells: tuple[str, ...], tally: Tally) -> Concept:
    """`cells` beyond the URI and label: alternative labels, the description, the definition
    (used when there is no description), then, for occupations, the ISCO-08 group.
    `names` are alternative labels to put before those of the row."""
    alt_cell = cells[2] if len(cells) > 2 else ""
    alt_labels = clean_labels(f"{names}\n{alt_cell}" if names else alt_cell, label, tally)
    if len(cells) <= 3:
        return Concept(uri, label, alt_labels)
    description = tidy_prose(cells[3]) or tidy_prose(cells[4])
    if len(description) > MAX_TEXT:
        tally.too_long += 1
        description = ""
    isco = cells[5].strip() if len(cells) > 5 else ""  # skills have no ISCO-08 group
    return Concept(uri, label, alt_labels, description, isco if _ISCO_GROUP.fullmatch(isco) else "")


def clean_labels(cell: str, preferred: str, tally: Tally) -> tuple[str, ...]:
    """The alternative labels of a cell: stripped, without empty ones, repeats (in any case)
    or the preferred label; too long ones and those past `MAX_NAMES` are counted and left out."""
    if not cell:
        return ()
    seen = {preferred.casefold()}
    kept: list[str] = []
    for part in _LABEL_SEPARATOR.split(cell):
        label = tidy(part)
        key = label.casefold()
        if not label or key in seen:
            continue
        seen.add(key)
        if len(label) > MAX_LABEL:
            tally.too_long += 1
        else:
            kept.append(label)
    if len(kept) > MAX_NAMES:
        tally.over_limit += len(kept) - MAX_NAMES
        del kept[MAX_NAMES:]
    return tuple(kept)


class SkillLinks:
    """The skills one occupation links to, each once, in the order of the relations file.

    A skill linked twice keeps its first place; linked both ways, it is essential.
    """

    def __init__(self) -> None:
        self.essential: dict[str, None] = {}
        self.optional: dict[str, None] = {}

    def add(self, skill_id: str, *, essential: bool) -> None:
        if essential:
            self.optional.pop(skill_id, None)
            self.essential.setdefault(skill_id, None)
        elif skill_id not in self.essential:
            self.optional.setdefault(skill_id, None)


def read_links(
    rows: Iterable[Row],
    path: str,
    occupations: dict[str, Concept],
    skill_ids: dict[str, str],
    tally: Tally,
) -> dict[str, SkillLinks]:
    """The skill links of each occupation, by the occupation's URI.

    A relation type other than essential or optional is an error (a link of unknown meaning);
    a row naming an occupation or skill that is not imported is passed over and counted.
    """
    links: dict[str, SkillLinks] = {}
    for line, (occupation_uri, relation, skill_uri) in rows:
        kind = relation.strip().casefold()
        if kind not in ("essential", "optional"):
            raise CatalogueError("import.bad_relation", path=path, line=line, value=relation)
        occupation = occupation_uri.strip()
        skill_id = skill_ids.get(skill_uri.strip())
        if skill_id is None or occupation not in occupations:
            tally.dangling += 1
            continue
        if occupation not in links:
            links[occupation] = SkillLinks()
        links[occupation].add(skill_id, essential=kind == "essential")
    return links
