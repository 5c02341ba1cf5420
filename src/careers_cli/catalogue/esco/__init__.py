"""Importing ESCO's CSV download into a catalogue file (`careers import esco`).

ESCO (European Skills, Competences, Qualifications and Occupations) publishes occupations,
skills and the links between them. Each occupation becomes a career, each skill a skill of
the vocabulary, and each link an essential or optional required skill. English is required
(the ids are made from it); Arabic titles and labels are added where the download has them.

The result is checked against the catalogue format before anything is written, so an import
either gives a valid catalogue or an error naming the file and line it could not accept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from careers_cli.catalogue.esco.concepts import (
    CONCEPT_COLUMNS,
    OCCUPATION_DETAILS,
    RELATION_COLUMNS,
    SKILL_DETAILS,
    Concept,
    SkillLinks,
    Tally,
    read_concepts,
    read_links,
    read_translations,
)
from careers_cli.catalogue.esco.document import career_record, catalogue_document, skill_record
from careers_cli.catalogue.esco.download import Download, DownloadFile, open_download
from careers_cli.catalogue.esco.ids import unique_ids
from careers_cli.catalogue.esco.tables import table_rows
from careers_cli.catalogue.esco.writing import catalogue_json, check_output, write_catalogue
from careers_cli.catalogue.progress import Progress, unwatched
from careers_cli.errors import CatalogueError, UsageError
from careers_cli.i18n.messages import Alternatives, message
from careers_cli.text.language import LANGUAGES, Language

__all__ = [
    "EscoImport",
    "catalogue_json",
    "check_languages",
    "check_output",
    "import_esco",
    "write_catalogue",
]

"""The languages an import can take from ESCO: English always, Arabic where it is there."""


class EscoImport(NamedTuple):
    """An imported catalogue, and what went into it and what was left out."""

    data: dict[str, Any]
    """The catalogue, ready for `json.dumps`."""
    languages: tuple[str, ...]
    careers: int
    skills: int
    essential_links: int
    optional_links: int
    arabic_titles: int
    """Careers with an Arabic title."""
    dangling_relations: int
    """Relation rows skipped for naming an occupation or skill that is not imported."""
    too_long: int
    """Labels, alternative labels and descriptions skipped as longer than the format allows."""
    over_limit: int
    """Alternative labels and skill links skipped past the format's count limits."""

    @property
    def skipped(self) -> int:
        return self.dangling_relations + self.too_long + self.over_limit

    def summary(self, output: str, language: Language = "en") -> str:
        """What was imported into `output`, in one sentence; with Arabic, how many careers
        have an Arabic title."""
        counts = {
            "careers": self.careers,
            "skills": self.skills,
            "links": self.essential_links + self.optional_links,
            "essential": self.essential_links,
            "optional": self.optional_links,
            "path": output,
        }
        if "ar" in self.languages:
            return message("import.done_with_arabic", language, arabic=self.arabic_titles, **counts)
        return message("import.done", language, **counts)

    def skipped_warning(self, language: Language = "en") -> str:
        """What was left out, each kind with its count, in one line (when `skipped`)."""
        kinds = (
            ("import.skipped_relations", self.dangling_relations),
            ("import.skipped_too_long", self.too_long),
            ("import.skipped_over_limit", self.over_limit),
        )
        parts = [message(key, language, count=count) for key, count in kinds if count]
        separator = message("import.skipped_separator", language)
        return message("import.skipped", language, parts=separator.join(parts))


def check_languages(languages: Sequence[str] | None, *, command: str | None = None) -> bool | None:
    """Whether Arabic is asked for: True, False, or None for "where the download has it".

    English is always imported, since the ids come from it; a language ESCO cannot be
    imported in is a usage error (`command` is where its help would say more).
    """
    if languages is None:
        return None
    for language in languages:
        if language.strip().lower() not in LANGUAGES:
            choices = Alternatives([f"'{known}'" for known in LANGUAGES])
            raise UsageError(
                "import.unknown_language", language=language, choices=choices, command=command
            )
    return "ar" in (language.strip().lower() for language in languages)


def import_esco(
    source: Path,
    *,
    languages: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> EscoImport:
    """Read an ESCO CSV download (its folder, or the .zip) into a valid catalogue.

    Raises `CatalogueError` for a download that cannot be read or is not ESCO's, naming the
    file and line; `UsageError` for a language that cannot be imported.
    """
    arabic_wanted = check_languages(languages)
    tally = Tally()
    with open_download(source) as download:
        concepts = _read(download, source, arabic_wanted, progress or unwatched, tally)
    data = _catalogue(concepts, tally)
    _check_valid(data, source)
    return _summary(data, tally)


class _Concepts(NamedTuple):
    """What the files of a download say, by URI."""

    occupations: dict[str, Concept]
    skills: dict[str, Concept]
    skill_ids: dict[str, str]
    links: dict[str, SkillLinks]
    arabic_titles: dict[str, Concept] | None
    """None when Arabic is not imported."""
    arabic_labels: dict[str, Concept]


def _read(
    download: Download, source: Path, arabic_wanted: bool | None, report: Progress, tally: Tally
) -> _Concepts:
    """Read the files: English occupations, skills and links, then the Arabic names."""
    english = _english_files(download, source)
    arabic = _arabic_files(download, source, arabic_wanted)
    occupations = _english_concepts(
        english.occupations, OCCUPATION_DETAILS, report, tally, split_forms=True
    )
    if not occupations:
        raise CatalogueError("import.no_occupations", path=english.occupations.name)
    skills = _english_concepts(english.skills, SKILL_DETAILS, report, tally)
    skill_ids = unique_ids({uri: skill.label for uri, skill in skills.items()}, "skill")
    relations = table_rows(english.relations, needed=RELATION_COLUMNS, progress=report)
    links = read_links(relations, english.relations.name, occupations, skill_ids, tally)
    titles = arabic.occupations
    return _Concepts(
        occupations,
        skills,
        skill_ids,
        links,
        None
        if titles is None
        else _translations(titles, OCCUPATION_DETAILS, report, tally, split_forms=True),
        _translations(arabic.skills, SKILL_DETAILS, report, tally),
    )


def _catalogue(concepts: _Concepts, tally: Tally) -> dict[str, Any]:
    """The catalogue of what was read: a career per occupation, a skill per skill."""
    labels = {uri: occupation.label for uri, occupation in concepts.occupations.items()}
    career_ids = unique_ids(labels, "occupation")
    arabic_titles = concepts.arabic_titles or {}
    careers = [
        career_record(
            career_ids[uri], occupation, arabic_titles.get(uri), concepts.links.get(uri), tally
        )
        for uri, occupation in concepts.occupations.items()
    ]
    skills = [
        skill_record(concepts.skill_ids[uri], skill, concepts.arabic_labels.get(uri))
        for uri, skill in concepts.skills.items()
    ]
    languages = ("en", "ar") if concepts.arabic_titles is not None else ("en",)
    return catalogue_document(languages, careers, skills)


class _Files(NamedTuple):
    occupations: DownloadFile
    skills: DownloadFile
    relations: DownloadFile


class _Translations(NamedTuple):
    occupations: DownloadFile | None
    skills: DownloadFile | None


def _english_files(download: Download, source: Path) -> _Files:
    """The three English files; the occupations first, since without them the source is
    not an ESCO download at all."""
    found = []
    for name in ("occupations_en.csv", "skills_en.csv", "occupationSkillRelations_en.csv"):
        file = download.find(name)
        if file is None:
            raise CatalogueError("import.not_esco", path=str(source), file=name)
        found.append(file)
    return _Files(*found)


def _arabic_files(download: Download, source: Path, wanted: bool | None) -> _Translations:
    """The Arabic files where wanted; asked for explicitly, their titles must be there."""
    if wanted is False:
        return _Translations(None, None)
    occupations = download.find("occupations_ar.csv")
    if occupations is None:
        if wanted:
            raise CatalogueError("import.no_arabic", path=str(source), file="occupations_ar.csv")
        return _Translations(None, None)
    return _Translations(occupations, download.find("skills_ar.csv"))


def _english_concepts(
    file: DownloadFile,
    details: tuple[str, ...],
    report: Progress,
    tally: Tally,
    *,
    split_forms: bool = False,
) -> dict[str, Concept]:
    rows = table_rows(file, needed=CONCEPT_COLUMNS, optional=details, progress=report)
    return read_concepts(rows, file.name, tally, split_forms=split_forms)


def _translations(
    file: DownloadFile | None,
    details: tuple[str, ...],
    report: Progress,
    tally: Tally,
    *,
    split_forms: bool = False,
) -> dict[str, Concept]:
    if file is None:
        return {}
    rows = table_rows(file, needed=CONCEPT_COLUMNS, optional=details, progress=report)
    return read_translations(rows, tally, split_forms=split_forms)


def _summary(data: dict[str, Any], tally: Tally) -> EscoImport:
    careers: list[dict[str, Any]] = data["careers"]
    counts = {"essential": 0, "optional": 0}
    for career in careers:
        for line in career.get("required_skills", ()):
            counts[line["importance"]] += len(line["skills"])
    return EscoImport(
        data=data,
        languages=tuple(data["languages"]),
        careers=len(careers),
        skills=len(data["skills"]),
        essential_links=counts["essential"],
        optional_links=counts["optional"],
        arabic_titles=sum(1 for career in careers if "ar" in career["title"]),
        dangling_relations=tally.dangling,
        too_long=tally.too_long,
        over_limit=tally.over_limit,
    )


def _check_valid(data: dict[str, Any], source: Path) -> None:
    """Check the result against the catalogue format: a problem here is a bug of the import,
    or a download outside ESCO's shape, and is reported with its place rather than written."""
    from pydantic import ValidationError

    from careers_cli.catalogue.format import check_catalogue

    try:
        check_catalogue(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise CatalogueError(
            "import.invalid",
            path=str(source),
            place=_place(first["loc"], data),
            detail=str(first["msg"]),
        ) from None


def _place(loc: tuple[int | str, ...], data: Any) -> str:
    """A Pydantic location with the record's id: `careers[5] (id 'blogger').title.en`."""
    parts: list[str] = []
    node: Any = data
    for step in loc:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            record_id = node.get("id") if isinstance(node, dict) and len(parts) == 1 else None
            parts.append(f"[{step}]" + (f" (id '{record_id}')" if record_id else ""))
        else:
            node = node.get(step) if isinstance(node, dict) else None
            parts.append(f".{step}" if parts else step)
    return "".join(parts)
