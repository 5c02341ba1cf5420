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

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Literal, NamedTuple

from careers_cli.domain import (
    Bilingual,
    Career,
    Catalogue,
    LinkedNote,
    Platform,
    Skill,
    requirement_skills,
)
from careers_cli.text import Language, normalise

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
    def careers(self) -> Iterable[Career]:
        """Every career, in catalogue order."""

    @abstractmethod
    def skills(self) -> Iterable[Skill]:
        """Every skill, in catalogue order."""

    @abstractmethod
    def notes(self, kind: NoteKind) -> Sequence[LinkedNote]:
        """Every trend or tip, in catalogue order."""

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
    def career_ids_by_skill(self) -> dict[str, list[str]]:
        """Skill id -> the ids of the careers tagged with it (skills no career needs are
        absent)."""

    @abstractmethod
    def notes_about(self, kind: NoteKind, career_id: str) -> tuple[LinkedNote, ...]:
        """The trends or tips that concern a career."""

    # --- names ------------------------------------------------------------------------------

    @abstractmethod
    def career_ids_named(self, words: tuple[str, ...]) -> list[str]:
        """Careers with an id, title or alternative title whose normalised words are `words`."""

    @abstractmethod
    def career_ids_starting(self, prefix: str) -> list[str]:
        """Careers whose id starts with `prefix`."""

    @abstractmethod
    def career_ids_with_words(self, words: Sequence[str]) -> list[str]:
        """Careers with one name (normalised id, title, alternative title) in which every one
        of `words` starts a word."""

    @abstractmethod
    def career_names(self) -> dict[str, list[tuple[str, ...]]]:
        """Career id -> the normalised word lists it can be called by: every name, for fuzzy
        matching, which compares a misspelling with each of them."""

    @abstractmethod
    def skill_ids_with_term(self, term: str) -> set[str]:
        """Skills with a normalised id, label or alias equal to `term`."""

    @abstractmethod
    def skill_ids_with_words(self, words: Sequence[str], *, names_only: bool) -> set[str]:
        """Skills with one term (its id or label; also its aliases unless `names_only`) in
        which every one of `words` starts a word."""

    @abstractmethod
    def skill_terms(self) -> dict[str, set[str]]:
        """Normalised id, label or alias -> the skills it names: every term, for fuzzy matching."""

    # --- completion -------------------------------------------------------------------------

    @abstractmethod
    def complete_careers(self, incomplete: str) -> list[Completion]:
        """Career ids that start with `incomplete` (as typed), each with its English title;
        then English alternative titles that do, each with its career's id."""

    @abstractmethod
    def complete_skills(self, incomplete: str) -> list[Completion]:
        """Skill ids that start with `incomplete`, each with its English label; then English
        labels that do (and differ from the id), each with its skill's id."""


def careers_completion(careers: Iterable[Career], incomplete: str) -> list[Completion]:
    """`CatalogueIndex.complete_careers` over careers in catalogue order."""
    careers = list(careers)
    ids = [(c.id, c.title.in_language("en")) for c in careers if c.id.startswith(incomplete)]
    titles = [(t, c.id) for c in careers for t in c.alt_titles.en if t.startswith(incomplete)]
    return ids + titles


def skills_completion(skills: Iterable[Skill], incomplete: str) -> list[Completion]:
    """`CatalogueIndex.complete_skills` over skills in catalogue order."""
    skills = list(skills)
    ids = [(s.id, s.label.in_language("en")) for s in skills if s.id.startswith(incomplete)]
    labels = [
        (s.label.en, s.id)
        for s in skills
        if s.label.en and s.label.en.startswith(incomplete) and s.label.en != s.id
    ]
    return ids + labels


def normalised_career_names(
    career_id: str, titles: Iterable[str | None], alt_titles: Iterable[str]
) -> list[str]:
    """A career's names as search compares them: its id, its titles and its alternative titles
    (each English, then Arabic), normalised; a missing or empty one is left out."""
    names = (career_id, *titles, *alt_titles)
    return [normalised for name in names if name and (normalised := normalise(name))]


def career_name_words(career: Career) -> list[tuple[str, ...]]:
    """The word lists of a career's normalised names (`normalised_career_names`)."""
    titles = (career.title.en, career.title.ar)
    alt_titles = (*career.alt_titles.en, *career.alt_titles.ar)
    return [tuple(name.split()) for name in normalised_career_names(career.id, titles, alt_titles)]


def skill_name_terms(skill: Skill) -> list[str]:
    """A skill's normalised id and labels."""
    return [t for t in (normalise(n) for n in (skill.id, skill.label.en, skill.label.ar)) if t]


def skill_alias_terms(skill: Skill) -> list[str]:
    """A skill's normalised aliases, in both languages."""
    return [t for t in (normalise(n) for n in (*skill.aliases.en, *skill.aliases.ar)) if t]


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

    def careers(self) -> Iterator[Career]:
        return iter(self.catalogue.careers)

    def skills(self) -> Iterator[Skill]:
        return iter(self.catalogue.skills)

    def notes(self, kind: NoteKind) -> Sequence[LinkedNote]:
        return self.catalogue.trends if kind == "trends" else self.catalogue.tips

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

    def career_ids_by_skill(self) -> dict[str, list[str]]:
        return {s: [c.id for c in careers] for s, careers in self._careers_by_skill.items()}

    def notes_about(self, kind: NoteKind, career_id: str) -> tuple[LinkedNote, ...]:
        return tuple(n for n in self.notes(kind) if career_id in n.careers)

    @cached_property
    def _career_names(self) -> dict[str, list[tuple[str, ...]]]:
        return {c.id: career_name_words(c) for c in self.catalogue.careers}

    def career_ids_named(self, words: tuple[str, ...]) -> list[str]:
        return [cid for cid, names in self._career_names.items() if words in names]

    def career_ids_starting(self, prefix: str) -> list[str]:
        return [cid for cid in self.careers_by_id if cid.startswith(prefix)]

    def career_ids_with_words(self, words: Sequence[str]) -> list[str]:
        return [
            cid
            for cid, names in self._career_names.items()
            if any(words_start_words(words, name) for name in names)
        ]

    def career_names(self) -> dict[str, list[tuple[str, ...]]]:
        return self._career_names

    @cached_property
    def _skill_names(self) -> dict[str, set[str]]:
        return _terms((s.id, skill_name_terms(s)) for s in self.catalogue.skills)

    @cached_property
    def _skill_terms(self) -> dict[str, set[str]]:
        return _terms(
            (s.id, [*skill_name_terms(s), *skill_alias_terms(s)]) for s in self.catalogue.skills
        )

    def skill_ids_with_term(self, term: str) -> set[str]:
        return set(self._skill_terms.get(term, ()))

    def skill_ids_with_words(self, words: Sequence[str], *, names_only: bool) -> set[str]:
        terms = self._skill_names if names_only else self._skill_terms
        return {
            sid
            for term, sids in terms.items()
            if words_start_words(words, term.split())
            for sid in sids
        }

    def skill_terms(self) -> dict[str, set[str]]:
        return self._skill_terms

    def complete_careers(self, incomplete: str) -> list[Completion]:
        return careers_completion(self.catalogue.careers, incomplete)

    def complete_skills(self, incomplete: str) -> list[Completion]:
        return skills_completion(self.catalogue.skills, incomplete)


def requirements_covered(career: Career, skill_ids: Collection[str]) -> tuple[int, int]:
    """How many of the career's requirements name one of `skill_ids`, and how many it has."""
    lines = ((line.text is not None, line.skills) for line in career.required_skills)
    requirements = list(requirement_skills(lines))
    covered = sum(1 for skills in requirements if any(s in skill_ids for s in skills))
    return covered, len(requirements)


def _terms(named: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    terms: dict[str, set[str]] = {}
    for record_id, keys in named:
        for key in keys:
            terms.setdefault(key, set()).add(record_id)
    return terms
