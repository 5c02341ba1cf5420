"""The answers from a catalogue held in memory: `MemoryIndex`, and the name lookups it shares
with the store.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property

from careers_cli.catalogue.domain import (
    Career,
    Catalogue,
    LinkedNote,
    Section,
    Skill,
    requirement_skills,
)
from careers_cli.index.query import (
    CatalogueIndex,
    Completion,
    NameEntry,
    NoteKind,
    Overlap,
    SkillFit,
    SkillNeighbour,
    career_isco,
    career_name_entries,
    careers_completion,
    skill_name_entries,
    skills_completion,
    words_start_words,
)


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
            essential = len(career.skill_ids) - len(career.optional_skills)
            fits.append(
                SkillFit(career.id, frozenset(matched), optional, covered, requirements, essential)
            )
        return fits

    def overlaps(self, skill_ids: Collection[str]) -> list[Overlap]:
        wanted = set(skill_ids)
        return [
            Overlap(c.id, len(wanted.intersection(c.skill_ids)), len(c.skill_ids))
            for c in self.careers_with_any(wanted)
        ]

    def skill_neighbours(self, skill_ids: Collection[str]) -> list[SkillNeighbour]:
        wanted = set(skill_ids)
        return [
            SkillNeighbour(
                c.id,
                {s: c.is_optional(s) for s in wanted.intersection(c.skill_ids)},
                len(set(c.skill_ids)) - len(c.optional_skills),
                len(c.optional_skills),
                career_isco(c),
            )
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
