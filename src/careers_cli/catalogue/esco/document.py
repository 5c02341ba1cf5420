"""The catalogue an ESCO import writes: format 2, as JSON-ready dictionaries.

Keys with nothing in them are left out (no `alt_titles` without alternative titles, no `ar`
without Arabic), so a file holds only what ESCO says. Careers and skills are sorted by id, so
the same release gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from careers_cli.catalogue.esco.concepts import MAX_SKILLS_PER_LINE, Concept, SkillLinks, Tally

SCHEMA_VERSION = 2
TITLE = {"en": "ESCO occupations and skills", "ar": "المهن والمهارات في تصنيف ESCO"}
SOURCE = "ESCO, © European Union, https://esco.ec.europa.eu"
BASIS = "imported from ESCO"

JsonObject = dict[str, Any]


def catalogue_document(
    languages: tuple[str, ...], careers: list[JsonObject], skills: list[JsonObject]
) -> JsonObject:
    """The whole catalogue: its languages, title and source, then careers and skills by id."""
    return {
        "schema_version": SCHEMA_VERSION,
        "languages": list(languages),
        "title": {language: TITLE[language] for language in languages},
        "source": SOURCE,
        "careers": sorted(careers, key=_by_id),
        "skills": sorted(skills, key=_by_id),
    }


def _by_id(record: JsonObject) -> str:
    return str(record["id"])


def career_record(
    career_id: str,
    english: Concept,
    arabic: Concept | None,
    links: SkillLinks | None,
    tally: Tally,
) -> JsonObject:
    """A career from an ESCO occupation, its Arabic names, and its skill links."""
    record: JsonObject = {"id": career_id, "title": _texts(english.label, arabic and arabic.label)}
    alt_titles = _name_lists(english, arabic)
    if alt_titles:
        record["alt_titles"] = alt_titles
    description = _texts(english.description, arabic and arabic.description)
    if description:
        record["description"] = description
    required = _required_skills(links, tally) if links is not None else []
    if required:
        record["required_skills"] = required
    record["occupations"] = [_occupation(english, arabic)]
    return record


def skill_record(skill_id: str, english: Concept, arabic: Concept | None) -> JsonObject:
    """A skill of the vocabulary from an ESCO skill and its names and description in Arabic."""
    record: JsonObject = {"id": skill_id, "label": _texts(english.label, arabic and arabic.label)}
    aliases = _name_lists(english, arabic)
    if aliases:
        record["aliases"] = aliases
    description = _texts(english.description, arabic and arabic.description)
    if description:
        record["description"] = description
    return record


def _texts(english: str, arabic: str | None) -> dict[str, str]:
    """A text by language, with only the languages that have it."""
    texts = {"en": english} if english else {}
    if arabic:
        texts["ar"] = arabic
    return texts


def _name_lists(english: Concept, arabic: Concept | None) -> dict[str, list[str]]:
    names = {"en": list(english.alt_labels)} if english.alt_labels else {}
    if arabic is not None and arabic.alt_labels:
        names["ar"] = list(arabic.alt_labels)
    return names


def _required_skills(links: SkillLinks, tally: Tally) -> list[JsonObject]:
    """An essential line, then an optional one, each left out when it has no skill."""
    lines: list[JsonObject] = []
    for importance, skills in (("essential", links.essential), ("optional", links.optional)):
        ids = list(skills)
        if len(ids) > MAX_SKILLS_PER_LINE:
            tally.over_limit += len(ids) - MAX_SKILLS_PER_LINE
            del ids[MAX_SKILLS_PER_LINE:]
        if ids:
            lines.append({"importance": importance, "skills": ids})
    return lines


def _occupation(english: Concept, arabic: Concept | None) -> JsonObject:
    """The ESCO occupation the career is: itself, so the match is exact."""
    occupation: JsonObject = {"scheme": "ESCO", "label": english.label}
    if arabic is not None:
        occupation["label_ar"] = arabic.label
    if english.isco_08:
        occupation["isco_08"] = english.isco_08
    occupation.update(uri=english.uri, match="exact", basis=BASIS)
    return occupation
