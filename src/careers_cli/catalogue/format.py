"""The catalogue file as a whole: `CatalogueFile`, the root of the format.

Its records are the models of `entries`; `careers schema` prints the JSON Schema generated from
them, and a file is valid exactly when `CatalogueFile.model_validate` accepts it. Besides field
types it checks what a single field cannot (`validation`): ids are unique within their
collection and every reference (skill, career, platform) names a record that exists.

An invalid file costs no more to check than a valid one of its size: records are validated one
at a time, and after `MAX_PROBLEMS` problems the rest are only counted, or, for records, skipped.
"""

from __future__ import annotations

from typing import Any, Literal, cast

from pydantic import (
    Field,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from careers_cli.catalogue.entries import (
    FORMAT_1_LANGUAGES,
    MAX_PROBLEMS,
    BilingualLabel,
    CareerEntry,
    CatalogueLanguage,
    Entry,
    Label,
    PlatformEntry,
    SectionEntry,
    SkillEntry,
    TipEntry,
    TrendEntry,
)
from careers_cli.catalogue.validation import (
    Problems,
    cross_record_findings,
    is_version_one,
    language_findings,
    validate_parts,
)


class CatalogueFile(Entry):
    """A whole catalogue file, in format 2 (`schema_version: 2`); format 1 files are read too.

    Format 1 is format 2 without `languages` (it is English and Arabic), with every text in both
    languages, at least one responsibility and one required-skill line per career, a text on
    every line, an ISCO-08 code on every occupation, and none of format 2's new fields.
    """

    schema_version: Literal[1, 2] = Field(description="Format version of this file: 2.")
    languages: list[CatalogueLanguage] = Field(
        min_length=1,
        max_length=2,
        description="The languages the catalogue's text is written in; every text has at least "
        "one of them. Format 1 files have no such field: they are English and Arabic.",
    )
    title: BilingualLabel
    source: Label | None = Field(default=None, description="Where the text comes from.")
    careers: list[CareerEntry] = Field(min_length=1)
    skills: list[SkillEntry] = Field(min_length=1)
    platforms: list[PlatformEntry] = Field(default_factory=list)
    trends: list[TrendEntry] = Field(default_factory=list)
    tips: list[TipEntry] = Field(default_factory=list)
    sections: list[SectionEntry] = Field(default_factory=list)

    @field_validator("schema_version", mode="before")
    @classmethod
    def _version_is_a_json_integer(cls, value: Any) -> Any:
        """`true` and `1.0` equal 1 in Python, but the version is the JSON integer 1 or 2."""
        if type(value) is not int or value not in FORMAT_VERSIONS:
            raise PydanticCustomError(
                "literal_error", "Input should be 1 or 2", {"expected": "1 or 2"}
            )
        return value

    @field_validator("languages")
    @classmethod
    def _languages_once_each(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise PydanticCustomError("repeated_language", "a language is listed twice")
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _check_ids_and_references(
        cls, data: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> CatalogueFile:
        """Field errors and cross-record errors (duplicate ids, dangling references) together.

        The cross-record checks read the raw data, so a file with a bad field still has its
        references checked: `careers validate` reports every problem at once, up to
        `MAX_PROBLEMS`. Once records are left unchecked at the bound, so are the references.
        """
        if not isinstance(data, dict):
            return cast(CatalogueFile, handler(data))
        given = data
        version_one = is_version_one(data)
        if version_one and "languages" not in data:
            data = {**data, "languages": list(FORMAT_1_LANGUAGES)}
        keep_records = not (info.context or {}).get(_CHECK_ONLY, False)
        problems = Problems(MAX_PROBLEMS, keep_records=keep_records)
        catalogue = validate_parts(cls, data, (), handler, problems, split_at=0)
        if not problems.unchecked:
            problems.count_in(cross_record_findings(data))
            problems.count_in(language_findings(given, version_one))
        if problems.found:
            raise problems.error(cls.__name__)
        return cast(CatalogueFile, catalogue)


FORMAT_VERSIONS = (1, 2)


_CHECK_ONLY = "careers_cli.check_only"


def check_catalogue(data: Any) -> None:
    """Raise the `ValidationError` that `CatalogueFile.model_validate` would, without building the
    models: faster, and what a caller that only needs validity wants."""
    CatalogueFile.model_validate(data, context={_CHECK_ONLY: True})
