"""What the commands ask of a catalogue: `CatalogueIndex`, and the name entries both indexes
keep.

`CatalogueIndex` is every question the search, name and view layers put to a catalogue: a
record by id, the careers that need some skills, the names that start with some words. It has
two implementations that give the same answers: `memory.MemoryIndex`, over a `Catalogue` read
from its file (the built-in catalogue, and any catalogue when there is no store), and
`store.StoredIndex`, which queries a compiled SQLite store and reads only the records a command
needs.

Every list of careers comes in catalogue order, so that what a command prints never depends on
which implementation answered.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Literal, NamedTuple

from careers_cli.catalogue.domain import (
    Career,
    LinkedNote,
    Platform,
    Section,
    Skill,
)
from careers_cli.text.language import Bilingual, Language
from careers_cli.text.normalise import completion_key, normalise

NoteKind = Literal["trends", "tips"]


class SkillFit(NamedTuple):
    """How one career stands to some skills: what `match` ranks by."""

    career_id: str
    matched: frozenset[str]
    """The skills asked for that the career is tagged with."""
    optional: frozenset[str]
    """Those of them the career needs only optionally."""
    covered: int
    """The career's requirements that name one of the skills: a required-skill line with words
    of its own, or each skill of a line without."""
    requirements: int
    essential: int
    """How many skills the career needs essentially."""


class Overlap(NamedTuple):
    """How many skills a career shares with some skills, and how many it has."""

    career_id: str
    shared: int
    skills: int


class SkillNeighbour(NamedTuple):
    """A career that has some of a set of skills: what `next` ranks by."""

    career_id: str
    shared: Mapping[str, bool]
    """The skills of the set it has, each with whether it needs it only optionally."""
    essential: int
    """How many skills it needs essentially."""
    optional: int
    """How many it needs only optionally."""
    isco_08: str
    """Its ISCO-08 group (the first occupation's), "" where it has none."""


def career_isco(career: Career) -> str:
    """A career's ISCO-08 group: its first occupation's, "" where it has none."""
    return next((o.isco_08 for o in career.occupations if o.isco_08), "")


NameEntry = tuple[tuple[str, ...], bool]
"""One name of a record as search compares it: its normalised words, and whether it is only
another name (an alternative title or an alias) rather than the record's id, title or label."""


Completion = tuple[str, str]
"""A value offered to the shell, and its help."""


class CatalogueIndex(ABC):
    """The questions commands put to a catalogue (see the module's docstring)."""

    title: Bilingual
    languages: tuple[Language, ...]
    careers_by_id: Mapping[str, Career]
    skills_by_id: Mapping[str, Skill]
    platforms_by_id: Mapping[str, Platform]

    # --- whole collections, for the commands that list them ---------------------------------

    @abstractmethod
    def careers(self, limit: int | None = None) -> Iterable[Career]:
        """Every career (or the first `limit`), in catalogue order."""

    @abstractmethod
    def skills(self) -> Iterable[Skill]:
        """Every skill, in catalogue order."""

    @abstractmethod
    def notes(self, kind: NoteKind) -> Sequence[LinkedNote]:
        """Every trend or tip, in catalogue order."""

    @abstractmethod
    def sections(self) -> Sequence[Section]:
        """The catalogue's prose sections (an article's introduction, conclusion ...), in
        catalogue order."""

    # --- careers by skill -------------------------------------------------------------------

    @abstractmethod
    def careers_needing(self, skill_id: str) -> list[Career]:
        """The careers tagged with a skill."""

    @abstractmethod
    def careers_with_any(self, skill_ids: Iterable[str]) -> list[Career]:
        """The careers tagged with at least one of the skills."""

    @abstractmethod
    def skill_fits(self, skill_ids: Collection[str]) -> list[SkillFit]:
        """For each career tagged with one of the skills: how it stands to them."""

    @abstractmethod
    def overlaps(self, skill_ids: Collection[str]) -> list[Overlap]:
        """For each career tagged with one of the skills: how many of them it has."""

    @abstractmethod
    def skill_neighbours(self, skill_ids: Collection[str]) -> list[SkillNeighbour]:
        """Each career tagged with one of the skills, in catalogue order: the ones it has, how
        many skills it needs essentially and optionally, and its ISCO-08 group."""

    @abstractmethod
    def career_ids_by_skill(self, skill_ids: Collection[str] | None = None) -> dict[str, list[str]]:
        """Skill id -> the ids of the careers tagged with it, for every skill or those of
        `skill_ids` (skills no career needs are absent)."""

    @abstractmethod
    def notes_about(self, kind: NoteKind, career_id: str) -> tuple[LinkedNote, ...]:
        """The trends or tips that concern a career."""

    @abstractmethod
    def career_count(self) -> int:
        """How many careers the catalogue has."""

    @abstractmethod
    def skill_career_counts(self, skill_ids: Iterable[str]) -> dict[str, int]:
        """Skill id -> how many careers are tagged with it (skills no career needs: 0)."""

    @abstractmethod
    def skills_of(self, career_ids: Collection[str]) -> dict[str, dict[str, bool]]:
        """Career id -> its skills (by id, A to Z) and whether it needs each only optionally,
        for the careers of `career_ids` that exist and have skills, without reading them."""

    @abstractmethod
    def careers_using(self, platform_ids: Collection[str]) -> dict[str, frozenset[str]]:
        """Career id -> which of the platforms or tools it lists (careers listing none are
        absent)."""

    # --- names ------------------------------------------------------------------------------

    @abstractmethod
    def careers_named(self, name: str) -> dict[str, bool]:
        """Careers with a normalised name equal to `name`: id -> whether that name is only an
        alternative title (False when it is its id or a title)."""

    @abstractmethod
    def career_names_with_words(self, words: Sequence[str]) -> dict[str, list[NameEntry]]:
        """Careers with one name (normalised id, title, alternative title) in which every one
        of `words` starts a word, each with all its names."""

    @abstractmethod
    def career_names(self) -> dict[str, list[NameEntry]]:
        """Career id -> every name it can be called by: for misspellings, which are compared
        with each of them."""

    @abstractmethod
    def skills_named(self, name: str) -> dict[str, bool]:
        """Skills with a normalised name equal to `name`: id -> whether that name is only an
        alias (False when it is its id or a label)."""

    @abstractmethod
    def skill_names_with_words(self, words: Sequence[str]) -> dict[str, list[NameEntry]]:
        """Skills with one name (normalised id, label, alias) in which every one of `words`
        starts a word, each with all its names."""

    @abstractmethod
    def skill_names(self) -> dict[str, list[NameEntry]]:
        """Skill id -> every name it can be called by (for misspellings)."""

    # --- completion -------------------------------------------------------------------------

    @abstractmethod
    def complete_careers(self, incomplete: str) -> tuple[list[Completion], list[Completion]]:
        """Career ids that start with `incomplete` (as typed), each with its English title;
        and English alternative titles that do, each with its career's id."""

    @abstractmethod
    def complete_skills(self, incomplete: str) -> tuple[list[Completion], list[Completion]]:
        """Skill ids that start with `incomplete`, each with its English label; and English
        labels that do (and differ from the id), each with its skill's id."""


def careers_completion(
    careers: Iterable[Career], incomplete: str
) -> tuple[list[Completion], list[Completion]]:
    """`CatalogueIndex.complete_careers` over careers in catalogue order."""
    careers = list(careers)
    key = completion_key(incomplete)
    ids = [(c.id, c.title.in_language("en")) for c in careers if c.id.startswith(incomplete)]
    titles = [
        (t, c.id)
        for c in careers
        for t in completed_titles(c.title.ar, c.alt_titles.en, c.alt_titles.ar)
        if completion_key(t).startswith(key)
    ]
    return ids, titles


def completed_titles(title_ar: str, alt_en: Iterable[str], alt_ar: Iterable[str]) -> list[str]:
    """The names TAB offers for a career besides its id (whose slug is its English title): its
    English alternative titles, then its Arabic title and alternative titles."""
    return [*alt_en, *([title_ar] if title_ar else []), *alt_ar]


def skills_completion(
    skills: Iterable[Skill], incomplete: str
) -> tuple[list[Completion], list[Completion]]:
    """`CatalogueIndex.complete_skills` over skills in catalogue order."""
    skills = list(skills)
    key = completion_key(incomplete)
    ids = [(s.id, s.label.in_language("en")) for s in skills if s.id.startswith(incomplete)]
    labels = [
        (label, s.id)
        for s in skills
        for label in completed_labels(s.id, s.label.en, s.label.ar)
        if completion_key(label).startswith(key)
    ]
    return ids, labels


def completed_labels(skill_id: str, label_en: str, label_ar: str) -> list[str]:
    """The names TAB offers for a skill besides its id: its labels, English then Arabic (an
    English label that is the id itself is offered as the id)."""
    return [label for label in (label_en, label_ar) if label and label != skill_id]


def normalised_career_names(
    career_id: str, titles: Iterable[str | None], alt_titles: Iterable[str]
) -> list[tuple[str, bool]]:
    """A career's names as search compares them: its id, its titles and its alternative titles
    (each English, then Arabic, these marked as other names), normalised; a missing, empty or
    repeated one is left out."""
    named = [(career_id, False), *((t, False) for t in titles), *((t, True) for t in alt_titles)]
    return _unique_normalised(named)


def career_name_entries(career: Career) -> list[NameEntry]:
    """A career's names (`normalised_career_names`) as search compares them."""
    titles = (career.title.en, career.title.ar)
    alt_titles = (*career.alt_titles.en, *career.alt_titles.ar)
    names = normalised_career_names(career.id, titles, alt_titles)
    return [(tuple(name.split()), alias) for name, alias in names]


def skill_name_entries(skill: Skill) -> list[NameEntry]:
    """A skill's names (`normalised_skill_names`) as search compares them."""
    return [(tuple(name.split()), alias) for name, alias in normalised_skill_names(skill)]


def normalised_skill_names(skill: Skill) -> list[tuple[str, bool]]:
    """A skill's normalised id and labels, then its aliases in both languages (marked as
    other names); a missing, empty or repeated one is left out."""
    named = [(skill.id, False), (skill.label.en, False), (skill.label.ar, False)]
    named += [(alias, True) for alias in (*skill.aliases.en, *skill.aliases.ar)]
    return _unique_normalised(named)


def _unique_normalised(named: Iterable[tuple[str | None, bool]]) -> list[tuple[str, bool]]:
    kept: dict[str, bool] = {}
    for name, alias in named:
        if name and (normalised := normalise(name)) and normalised not in kept:
            kept[normalised] = alias
    return list(kept.items())


def words_start_words(words: Sequence[str], name: Sequence[str]) -> bool:
    """Every one of `words` starts a word of `name`."""
    return all(any(n.startswith(w) for n in name) for w in words)
