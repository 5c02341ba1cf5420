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

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from careers_cli.text.language import Bilingual, Language
from careers_cli.text.sentences import first_sentence


class NamesByLanguage(NamedTuple):
    """Other names of a skill (aliases) or a career (alternative titles), per language."""

    en: tuple[str, ...] = ()
    ar: tuple[str, ...] = ()

    def in_language(self, language: Language) -> tuple[str, ...]:
        return self.ar if language == "ar" else self.en


class Skill(NamedTuple):
    id: str
    label: Bilingual
    aliases: NamesByLanguage
    description: Bilingual | None = None


class SkillRequirement(NamedTuple):
    text: Bilingual | None
    """The line's wording; None when the line is only its skills (format 2)."""
    skills: tuple[str, ...]
    importance: str
    """"essential" or "optional"."""


class OccupationMatch(NamedTuple):
    scheme: str
    label: Bilingual
    """The occupation's label: English, and ESCO's Arabic where the catalogue gives it."""
    isco_08: str | None
    uri: str
    match: str
    basis: str


class Career(NamedTuple):
    id: str
    title: Bilingual
    alt_titles: NamesByLanguage
    description: Bilingual
    responsibilities: tuple[Bilingual, ...]
    required_skills: tuple[SkillRequirement, ...]
    platforms: tuple[str, ...]
    occupations: tuple[OccupationMatch, ...]
    skill_ids: tuple[str, ...]
    """The vocabulary skills the career is tagged with, in order of first mention."""
    optional_skills: frozenset[str]
    """Those of `skill_ids` that only optional lines name (format 2)."""

    def is_optional(self, skill_id: str) -> bool:
        return skill_id in self.optional_skills

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
    """A part of the catalogue's prose: an article's introduction, conclusion and so on."""

    id: str
    heading: Bilingual | None
    paragraphs: tuple[Bilingual, ...]
    part: Bilingual | None = None
    """The heading of the part of the text the section begins, above its own."""
    lists: Literal["trends", "tips"] | None = None
    """The notes the section introduces, which follow its paragraphs."""

    @property
    def name(self) -> Bilingual:
        """The heading, or the id where there is none (an introduction often has none)."""
        return self.heading or Bilingual(self.id, self.id)


class Catalogue(NamedTuple):
    schema_version: int
    languages: tuple[Language, ...]
    """The languages the catalogue's text is written in (format 1: English and Arabic)."""
    title: Bilingual
    source: str | None
    careers: tuple[Career, ...]
    skills: tuple[Skill, ...]
    platforms: tuple[Platform, ...]
    trends: tuple[LinkedNote, ...]
    tips: tuple[LinkedNote, ...]
    sections: tuple[Section, ...]


class TranslationCoverage(NamedTuple):
    """How much of a catalogue is written in one language."""

    language: Language
    titles: int
    descriptions: int
    careers: int
    skill_labels: int
    skills: int


def translation_coverage(catalogue: Catalogue) -> list[TranslationCoverage]:
    """For English and Arabic, how many career titles, descriptions and skill labels the
    catalogue has in that language (information, not problems: format 2 needs only one)."""
    languages: tuple[Language, ...] = ("en", "ar")
    return [
        TranslationCoverage(
            language,
            titles=sum(1 for c in catalogue.careers if not c.title.is_fallback(language)),
            descriptions=sum(
                1 for c in catalogue.careers if not c.description.is_fallback(language)
            ),
            careers=len(catalogue.careers),
            skill_labels=sum(1 for s in catalogue.skills if not s.label.is_fallback(language)),
            skills=len(catalogue.skills),
        )
        for language in languages
    ]


def catalogue_from_data(data: Mapping[str, Any]) -> Catalogue:
    """Build the catalogue from parsed JSON that is known to be valid (defaults as in `models`)."""
    return Catalogue(
        schema_version=data["schema_version"],
        languages=tuple(data.get("languages", ("en", "ar"))),
        title=bilingual_from_data(data["title"]),
        source=data.get("source"),
        careers=tuple(career_from_data(c) for c in data["careers"]),
        skills=tuple(skill_from_data(s) for s in data["skills"]),
        platforms=tuple(platform_from_data(p) for p in data.get("platforms", ())),
        trends=tuple(note_from_data(n) for n in data.get("trends", ())),
        tips=tuple(note_from_data(n) for n in data.get("tips", ())),
        sections=tuple(_section(s) for s in data.get("sections", ())),
    )


def platform_from_data(data: Mapping[str, Any]) -> Platform:
    return Platform(data["id"], bilingual_from_data(data["name"]), data["kind"])


def bilingual_from_data(value: Mapping[str, str | None]) -> Bilingual:
    return Bilingual(value.get("en") or "", value.get("ar") or "")


def _bilinguals(values: Sequence[Mapping[str, str | None]]) -> tuple[Bilingual, ...]:
    return tuple(bilingual_from_data(v) for v in values)


def _other_names(value: Mapping[str, Sequence[str]]) -> NamesByLanguage:
    return NamesByLanguage(tuple(value.get("en", ())), tuple(value.get("ar", ())))


def skill_from_data(data: Mapping[str, Any]) -> Skill:
    description = data.get("description")
    return Skill(
        data["id"],
        bilingual_from_data(data["label"]),
        _other_names(data.get("aliases", {})),
        bilingual_from_data(description) if description is not None else None,
    )


def career_from_data(data: Mapping[str, Any]) -> Career:
    required_skills = tuple(
        SkillRequirement(
            bilingual_from_data(line["text"]) if line.get("text") is not None else None,
            tuple(line["skills"]),
            line.get("importance", "essential"),
        )
        for line in data.get("required_skills", ())
    )
    skill_ids, optional_skills = linked_skills(data.get("required_skills", ()))
    return Career(
        id=data["id"],
        title=bilingual_from_data(data["title"]),
        alt_titles=_other_names(data.get("alt_titles", {})),
        description=bilingual_from_data(data["description"]),
        responsibilities=_bilinguals(data.get("responsibilities", ())),
        required_skills=required_skills,
        platforms=tuple(data.get("platforms", ())),
        occupations=tuple(
            OccupationMatch(
                o.get("scheme", "ESCO"),
                Bilingual(o["label"], o.get("label_ar") or ""),
                o.get("isco_08"),
                o["uri"],
                o["match"],
                o["basis"],
            )
            for o in data.get("occupations", ())
        ),
        skill_ids=skill_ids,
        optional_skills=optional_skills,
    )


def linked_skills(lines: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, ...], frozenset[str]]:
    """A career's skills, from its required-skill lines as the file gives them: all of them in
    order of first mention, and those that only optional lines name."""
    lines = list(lines)
    essential = {
        s
        for line in lines
        if line.get("importance", "essential") == "essential"
        for s in line["skills"]
    }
    skill_ids = tuple(dict.fromkeys(s for line in lines for s in line["skills"]))
    return skill_ids, frozenset(s for s in skill_ids if s not in essential)


def requirement_skills(lines: Iterable[tuple[bool, Sequence[str]]]) -> Iterator[Sequence[str]]:
    """A career's requirements, each as the skills it names, from its lines as (whether the line
    has words of its own, its skills): such a line is one requirement; a line without gives one
    per skill."""
    for has_text, skills in lines:
        if has_text:
            yield skills
        else:
            yield from ((skill_id,) for skill_id in skills)


def note_from_data(data: Mapping[str, Any]) -> LinkedNote:
    return LinkedNote(
        id=data["id"],
        title=bilingual_from_data(data["title"]),
        text=bilingual_from_data(data["text"]),
        careers=tuple(data.get("careers", ())),
        skills=tuple(data.get("skills", ())),
        platforms=tuple(data.get("platforms", ())),
    )


def section_from_data(data: Mapping[str, Any]) -> Section:
    """A prose section from its JSON in a valid catalogue."""
    return _section(data)


def _section(data: Mapping[str, Any]) -> Section:
    heading, part = data.get("heading"), data.get("part")
    return Section(
        data["id"],
        bilingual_from_data(heading) if heading is not None else None,
        _bilinguals(data["paragraphs"]),
        bilingual_from_data(part) if part is not None else None,
        data.get("lists"),
    )
