"""What the commands ask of a catalogue, and the answers from a catalogue held in memory.

`CatalogueIndex` is every question the search, name and view layers put to a catalogue: a
record by id, the careers that need some skills, the names that start with some words. It has
two implementations that give the same answers: `MemoryIndex`, over a `Catalogue` read from its
file (the built-in catalogue, and any catalogue when there is no store), and `store.StoredIndex`,
which queries a compiled SQLite store and reads only the records a command needs.

Every list of careers comes in catalogue order, so that what a command prints never depends on
which implementation answered.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Literal, NamedTuple

from careers_cli.catalogue.domain import (
    Career,
    Catalogue,
    LinkedNote,
    Platform,
    Section,
    Skill,
    requirement_skills,
)
from careers_cli.text.language import Bilingual, Language
from careers_cli.text.normalise import normalise

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


class Overlap(NamedTuple):
    """How many skills a career shares with some skills, and how many it has."""

    career_id: str
    shared: int
    skills: int


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
    ids = [(c.id, c.title.in_language("en")) for c in careers if c.id.startswith(incomplete)]
    titles = [(t, c.id) for c in careers for t in c.alt_titles.en if t.startswith(incomplete)]
    return ids, titles


def skills_completion(
    skills: Iterable[Skill], incomplete: str
) -> tuple[list[Completion], list[Completion]]:
    """`CatalogueIndex.complete_skills` over skills in catalogue order."""
    skills = list(skills)
    ids = [(s.id, s.label.in_language("en")) for s in skills if s.id.startswith(incomplete)]
    labels = [
        (s.label.en, s.id)
        for s in skills
        if s.label.en and s.label.en.startswith(incomplete) and s.label.en != s.id
    ]
    return ids, labels


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


class MemoryIndex(CatalogueIndex):
    """The answers from a whole catalogue in memory, found by scanning it (built once per
    process, on the structures each question needs)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.title = catalogue.title
        self.languages = catalogue.languages
        self.careers_by_id = {c.id: c for c in catalogue.careers}
        self.skills_by_id = {s.id: s for s in catalogue.skills}
        self.platforms_by_id = {p.id: p for p in catalogue.platforms}

    def careers(self, limit: int | None = None) -> Iterator[Career]:
        return iter(self.catalogue.careers[:limit])

    def skills(self) -> Iterator[Skill]:
        return iter(self.catalogue.skills)

    def notes(self, kind: NoteKind) -> Sequence[LinkedNote]:
        return self.catalogue.trends if kind == "trends" else self.catalogue.tips

    def sections(self) -> Sequence[Section]:
        return self.catalogue.sections

    @cached_property
    def _careers_by_skill(self) -> dict[str, list[Career]]:
        needing: dict[str, list[Career]] = {}
        for career in self.catalogue.careers:
            for skill_id in career.skill_ids:
                needing.setdefault(skill_id, []).append(career)
        return needing

    def careers_needing(self, skill_id: str) -> list[Career]:
        return self._careers_by_skill.get(skill_id, [])

    def careers_with_any(self, skill_ids: Iterable[str]) -> list[Career]:
        wanted = set(skill_ids)
        return [c for c in self.catalogue.careers if not wanted.isdisjoint(c.skill_ids)]

    def skill_fits(self, skill_ids: Collection[str]) -> list[SkillFit]:
        wanted = set(skill_ids)
        fits = []
        for career in self.careers_with_any(wanted):
            matched = wanted.intersection(career.skill_ids)
            covered, requirements = requirements_covered(career, wanted)
            optional = frozenset(matched & career.optional_skills)
            fits.append(SkillFit(career.id, frozenset(matched), optional, covered, requirements))
        return fits

    def overlaps(self, skill_ids: Collection[str]) -> list[Overlap]:
        wanted = set(skill_ids)
        return [
            Overlap(c.id, len(wanted.intersection(c.skill_ids)), len(c.skill_ids))
            for c in self.careers_with_any(wanted)
        ]

    def career_ids_by_skill(self, skill_ids: Collection[str] | None = None) -> dict[str, list[str]]:
        needing = self._careers_by_skill
        wanted = needing if skill_ids is None else [s for s in skill_ids if s in needing]
        return {s: [c.id for c in needing[s]] for s in wanted}

    def notes_about(self, kind: NoteKind, career_id: str) -> tuple[LinkedNote, ...]:
        return tuple(n for n in self.notes(kind) if career_id in n.careers)

    def career_count(self) -> int:
        return len(self.catalogue.careers)

    def skill_career_counts(self, skill_ids: Iterable[str]) -> dict[str, int]:
        return {s: len(self._careers_by_skill.get(s, ())) for s in skill_ids}

    def skills_of(self, career_ids: Collection[str]) -> dict[str, dict[str, bool]]:
        wanted = set(career_ids)
        return {
            c.id: {s: c.is_optional(s) for s in sorted(set(c.skill_ids))}
            for c in self.catalogue.careers
            if c.id in wanted and c.skill_ids
        }

    def careers_using(self, platform_ids: Collection[str]) -> dict[str, frozenset[str]]:
        wanted = set(platform_ids)
        using = ((c.id, wanted.intersection(c.platforms)) for c in self.catalogue.careers)
        return {career_id: frozenset(found) for career_id, found in using if found}

    @cached_property
    def _career_names(self) -> dict[str, list[NameEntry]]:
        return {c.id: career_name_entries(c) for c in self.catalogue.careers}

    def careers_named(self, name: str) -> dict[str, bool]:
        if "_career_names" in self.__dict__:  # every name normalised already
            return records_named(self._career_names, name)
        # Else only the careers that may have that name are normalised (the first command
        # after a catalogue changed, answered before its store is compiled, names one).
        candidates = (
            c
            for c in self.catalogue.careers
            if may_be_named(
                name, (c.id, c.title.en, c.title.ar, *c.alt_titles.en, *c.alt_titles.ar)
            )
        )
        return records_named({c.id: career_name_entries(c) for c in candidates}, name)

    def career_names_with_words(self, words: Sequence[str]) -> dict[str, list[NameEntry]]:
        return _with_words(self._career_names, words)

    def career_names(self) -> dict[str, list[NameEntry]]:
        return self._career_names

    @cached_property
    def _skill_names(self) -> dict[str, list[NameEntry]]:
        return {s.id: skill_name_entries(s) for s in self.catalogue.skills}

    def skills_named(self, name: str) -> dict[str, bool]:
        if "_skill_names" in self.__dict__:
            return records_named(self._skill_names, name)
        candidates = (
            s
            for s in self.catalogue.skills
            if may_be_named(name, (s.id, s.label.en, s.label.ar, *s.aliases.en, *s.aliases.ar))
        )
        return records_named({s.id: skill_name_entries(s) for s in candidates}, name)

    def skill_names_with_words(self, words: Sequence[str]) -> dict[str, list[NameEntry]]:
        return _with_words(self._skill_names, words)

    def skill_names(self) -> dict[str, list[NameEntry]]:
        return self._skill_names

    def complete_careers(self, incomplete: str) -> tuple[list[Completion], list[Completion]]:
        return careers_completion(self.catalogue.careers, incomplete)

    def complete_skills(self, incomplete: str) -> tuple[list[Completion], list[Completion]]:
        return skills_completion(self.catalogue.skills, incomplete)


def requirements_covered(career: Career, skill_ids: Collection[str]) -> tuple[int, int]:
    """How many of the career's requirements name one of `skill_ids`, and how many it has."""
    lines = ((line.text is not None, line.skills) for line in career.required_skills)
    requirements = list(requirement_skills(lines))
    covered = sum(1 for skills in requirements if any(s in skill_ids for s in skills))
    return covered, len(requirements)


_LAST_ARABIC_LETTER = re.compile(
    "[\u0621-\u063f\u0641-\u064a]"
    # all of what follows that normalising removes (taken whole, as a possessive `*+` would:
    # a lookahead never gives back what it matched), then no letter or digit
    "(?=([\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069]*))\\1"
    "(?![^\\W_])"
)
"""An Arabic letter that ends a word (after it, only what normalising removes: diacritics,
tatweel, invisible marks): no article or clitic is stripped from a word's end, so normalising
keeps it, and the name is not ASCII."""


def may_be_named(name: str, raw_names: Iterable[str | None]) -> bool:
    """False only where no one of `raw_names` can normalise to `name` (a normalised name): an
    ASCII name normalises to its lower-case words, so each word of `name` must be in it, and a
    name with a word that ends in an Arabic letter keeps that letter, so it is never an ASCII
    `name`. Cheaper than normalising every name, for a lookup that runs once."""
    words = name.split()
    ascii_name = name.isascii()
    for raw in raw_names:
        if not raw:
            continue
        if not raw.isascii():
            if ascii_name and _LAST_ARABIC_LETTER.search(raw):
                continue
            return True
        lowered = raw.lower()
        if all(word in lowered for word in words):
            return True
    return False


def records_named(names_of: Mapping[str, Sequence[NameEntry]], name: str) -> dict[str, bool]:
    """`CatalogueIndex.careers_named` over records' names in memory: the records with a name
    equal to `name`, each with whether every such name of it is only another name."""
    words = tuple(name.split())
    named: dict[str, bool] = {}
    for record_id, names in names_of.items():
        aliases = [alias for found, alias in names if found == words]
        if aliases:
            named[record_id] = all(aliases)
    return named


def _with_words(
    names_of: dict[str, list[NameEntry]], words: Sequence[str]
) -> dict[str, list[NameEntry]]:
    if not words:  # no words name nothing (as in the store's full-text query)
        return {}
    return {
        record_id: names
        for record_id, names in names_of.items()
        if any(words_start_words(words, name) for name, _ in names)
    }
