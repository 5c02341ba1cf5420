"""The catalogue as the program works with it: small immutable records built from valid data.

The file format and its validation live in `models` (Pydantic). Building those models costs
about 85 ms, more than a third of a command's run time, so the built-in catalogue, which the
test suite validates, is read straight into these classes, and the models are built only to
validate a user's file. (Typer imports the `pydantic` package itself, not the models.)
`tests/test_domain.py` checks that these classes keep to the models. They are named tuples
because a command's start-up time matters and these are the cheapest immutable records to
define.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from careers_cli.text import Language, first_sentence


class Bilingual(NamedTuple):
    """The same text in English and Arabic."""

    en: str
    ar: str

    def in_language(self, language: Language) -> str:
        return self.ar if language == "ar" else self.en


class Aliases(NamedTuple):
    """Other words for a skill, per language; used only for search."""

    en: tuple[str, ...] = ()
    ar: tuple[str, ...] = ()

    def in_language(self, language: Language) -> tuple[str, ...]:
        return self.ar if language == "ar" else self.en


class Skill(NamedTuple):
    id: str
    label: Bilingual
    aliases: Aliases


class SkillRequirement(NamedTuple):
    text: Bilingual
    skills: tuple[str, ...]


class OccupationMatch(NamedTuple):
    scheme: str
    label: str
    isco_08: str
    uri: str
    match: str
    basis: str


class Career(NamedTuple):
    id: str
    title: Bilingual
    description: Bilingual
    responsibilities: tuple[Bilingual, ...]
    required_skills: tuple[SkillRequirement, ...]
    platforms: tuple[str, ...]
    occupations: tuple[OccupationMatch, ...]
    skill_ids: tuple[str, ...]
    """The vocabulary skills the career is tagged with, in order of first mention."""

    def summary(self) -> Bilingual:
        """The one-line summary: the first sentence of the description."""
        return Bilingual(first_sentence(self.description.en), first_sentence(self.description.ar))


class Platform(NamedTuple):
    id: str
    name: Bilingual
    kind: str


class LinkedNote(NamedTuple):
    """A trend or a tip, linked to the careers, skills and platforms it concerns."""

    id: str
    title: Bilingual
    text: Bilingual
    careers: tuple[str, ...]
    skills: tuple[str, ...]
    platforms: tuple[str, ...]


class Section(NamedTuple):
    id: str
    heading: Bilingual | None
    paragraphs: tuple[Bilingual, ...]


class Catalogue(NamedTuple):
    schema_version: int
    title: Bilingual
    source: str | None
    careers: tuple[Career, ...]
    skills: tuple[Skill, ...]
    platforms: tuple[Platform, ...]
    trends: tuple[LinkedNote, ...]
    tips: tuple[LinkedNote, ...]
    sections: tuple[Section, ...]


def catalogue_from_data(data: Mapping[str, Any]) -> Catalogue:
    """Build the catalogue from parsed JSON that is known to be valid (defaults as in `models`)."""
    return Catalogue(
        schema_version=data["schema_version"],
        title=_bilingual(data["title"]),
        source=data.get("source"),
        careers=tuple(_career(c) for c in data["careers"]),
        skills=tuple(_skill(s) for s in data["skills"]),
        platforms=tuple(
            Platform(p["id"], _bilingual(p["name"]), p["kind"]) for p in data.get("platforms", ())
        ),
        trends=tuple(_note(n) for n in data.get("trends", ())),
        tips=tuple(_note(n) for n in data.get("tips", ())),
        sections=tuple(_section(s) for s in data.get("sections", ())),
    )


def _bilingual(value: Mapping[str, str]) -> Bilingual:
    return Bilingual(value["en"], value["ar"])


def _bilinguals(values: Sequence[Mapping[str, str]]) -> tuple[Bilingual, ...]:
    return tuple(Bilingual(v["en"], v["ar"]) for v in values)


def _skill(data: Mapping[str, Any]) -> Skill:
    aliases = data.get("aliases", {})
    return Skill(
        data["id"],
        _bilingual(data["label"]),
        Aliases(tuple(aliases.get("en", ())), tuple(aliases.get("ar", ()))),
    )


def _career(data: Mapping[str, Any]) -> Career:
    required_skills = tuple(
        SkillRequirement(_bilingual(line["text"]), tuple(line["skills"]))
        for line in data["required_skills"]
    )
    return Career(
        id=data["id"],
        title=_bilingual(data["title"]),
        description=_bilingual(data["description"]),
        responsibilities=_bilinguals(data["responsibilities"]),
        required_skills=required_skills,
        platforms=tuple(data.get("platforms", ())),
        occupations=tuple(
            OccupationMatch(
                o.get("scheme", "ESCO"), o["label"], o["isco_08"], o["uri"], o["match"], o["basis"]
            )
            for o in data.get("occupations", ())
        ),
        skill_ids=tuple(dict.fromkeys(s for line in required_skills for s in line.skills)),
    )


def _note(data: Mapping[str, Any]) -> LinkedNote:
    return LinkedNote(
        id=data["id"],
        title=_bilingual(data["title"]),
        text=_bilingual(data["text"]),
        careers=tuple(data.get("careers", ())),
        skills=tuple(data.get("skills", ())),
        platforms=tuple(data.get("platforms", ())),
    )


def _section(data: Mapping[str, Any]) -> Section:
    heading = data.get("heading")
    return Section(
        data["id"],
        _bilingual(heading) if heading is not None else None,
        _bilinguals(data["paragraphs"]),
    )
