"""The catalogue file format, as Pydantic models.

These models are the format: `careers schema` prints the JSON Schema generated from them, and a
file is valid exactly when `Catalogue.model_validate` accepts it. Besides field types they check
what a single field cannot: ids are unique within their collection and every reference (skill,
career, platform) names a record that exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError


def _require_visible_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", "text must not be empty or only white space")
    return value


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="A lowercase id: letters a-z, digits and single hyphens.",
    ),
]
Text = Annotated[str, Field(max_length=20_000), AfterValidator(_require_visible_text)]
Label = Annotated[str, Field(max_length=200), AfterValidator(_require_visible_text)]


class Record(BaseModel):
    """Base of every model: unknown fields are refused and records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class BilingualText(Record):
    """The same text in English and Arabic; both are required."""

    en: Text
    ar: Text


class BilingualLabel(Record):
    """A short name in English and Arabic."""

    en: Label
    ar: Label


class SkillAliases(Record):
    """Other words people use for a skill, per language; used only for search."""

    en: list[Label] = Field(default_factory=list)
    ar: list[Label] = Field(default_factory=list)


class Skill(Record):
    """One entry of the shared skill vocabulary that required skills are tagged with."""

    id: Slug
    label: BilingualLabel
    aliases: SkillAliases = Field(default_factory=SkillAliases)


class SkillRequirement(Record):
    """One required-skill line of a career, tagged with the vocabulary skills it asks for."""

    text: BilingualText
    skills: list[Slug] = Field(min_length=1)


class OccupationMatch(Record):
    """The closest standard occupation (ESCO, with its ISCO-08 unit group) to a career."""

    scheme: Literal["ESCO"] = "ESCO"
    label: Label = Field(description="The ESCO occupation's preferred label (English).")
    isco_08: str = Field(pattern=r"^[0-9]{4}$", description="ISCO-08 unit group code.")
    uri: str = Field(pattern=r"^https?://\S+$", max_length=500)
    match: Literal["exact", "close", "approximate"]
    basis: Label = Field(description="Why this occupation corresponds (English).")


class Career(Record):
    """A career: what the work is, what it asks of a person, and where it sits in ESCO."""

    id: Slug
    title: BilingualLabel
    description: BilingualText
    responsibilities: list[BilingualText] = Field(min_length=1)
    required_skills: list[SkillRequirement] = Field(min_length=1)
    platforms: list[Slug] = Field(default_factory=list)
    occupations: list[OccupationMatch] = Field(default_factory=list)


class Platform(Record):
    """A platform or tool the catalogue names (Facebook, Google Analytics, ...)."""

    id: Slug
    name: BilingualLabel
    kind: Literal["platform", "tool"]


class LinkedNote(Record):
    """A titled piece of advice or outlook, linked to the careers and skills it concerns."""

    id: Slug
    title: BilingualLabel
    text: BilingualText
    careers: list[Slug] = Field(default_factory=list)
    skills: list[Slug] = Field(default_factory=list)
    platforms: list[Slug] = Field(default_factory=list)


class Trend(LinkedNote):
    """A future trend of the field."""


class Tip(LinkedNote):
    """A tip for succeeding in the field."""


class Section(Record):
    """A prose section of the source text (introduction, conclusion, ...)."""

    id: Slug
    heading: BilingualLabel | None = Field(
        default=None, description="The section's heading; the source's opening has none."
    )
    paragraphs: list[BilingualText] = Field(min_length=1)


class Catalogue(Record):
    """A whole catalogue file."""

    schema_version: Literal[1] = Field(description="Format version of this file.")
    title: BilingualLabel
    source: Label | None = Field(default=None, description="Where the text comes from.")
    careers: list[Career] = Field(min_length=1)
    skills: list[Skill] = Field(min_length=1)
    platforms: list[Platform] = Field(default_factory=list)
    trends: list[Trend] = Field(default_factory=list)
    tips: list[Tip] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)

    @field_validator("schema_version", mode="before")
    @classmethod
    def _version_is_the_integer_one(cls, value: Any) -> Any:
        """`true` and `1.0` equal 1 in Python, but the version is the JSON integer 1."""
        if type(value) is not int or value != 1:
            raise PydanticCustomError("literal_error", "Input should be 1", {"expected": "1"})
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _check_ids_and_references(
        cls, data: Any, handler: ValidatorFunctionWrapHandler
    ) -> Catalogue:
        """Field errors and cross-record errors (duplicate ids, dangling references) together.

        The cross-record checks read the raw data, so a file with a bad field still has its
        references checked: `careers validate` reports every problem at once.
        """
        problems = list(_cross_record_problems(data)) if isinstance(data, dict) else []
        try:
            catalogue = handler(data)
        except ValidationError as error:
            field_problems = [
                InitErrorDetails(
                    type=PydanticCustomError(e["type"], e["msg"], e.get("ctx")),
                    loc=e["loc"],
                    input=e["input"],
                )
                for e in error.errors(include_url=False)
            ]
            raise ValidationError.from_exception_data(
                cls.__name__, field_problems + problems
            ) from None
        if problems:
            raise ValidationError.from_exception_data(cls.__name__, problems)
        return cast(Catalogue, catalogue)


_COLLECTIONS = ("careers", "skills", "platforms", "trends", "tips", "sections")
# Where records point at other records: (collection, path inside a record, kind pointed at).
_REFERENCES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("careers", ("required_skills", "*", "skills"), "skills"),
    ("careers", ("platforms",), "platforms"),
    ("trends", ("careers",), "careers"),
    ("trends", ("skills",), "skills"),
    ("trends", ("platforms",), "platforms"),
    ("tips", ("careers",), "careers"),
    ("tips", ("skills",), "skills"),
    ("tips", ("platforms",), "platforms"),
)
_SINGULAR = {"careers": "career", "skills": "skill", "platforms": "platform"}


def _records(data: dict[str, Any], collection: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(collection)
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _cross_record_problems(data: dict[str, Any]) -> Iterator[InitErrorDetails]:
    """Duplicate ids within a collection, and references to ids that no record has."""
    known: dict[str, set[str]] = {}
    for collection in _COLLECTIONS:
        seen: set[str] = set()
        for index, record in _records(data, collection):
            record_id = record.get("id")
            if not isinstance(record_id, str):
                continue
            if record_id in seen:
                message = "id '{ref}' is used by an earlier record"
                yield _problem("duplicate_id", message, (collection, index, "id"), record_id)
            seen.add(record_id)
        known[collection] = seen
    for collection, path, target in _REFERENCES:
        records = _records(data, collection)
        if _all_known(_references(records, path), known[target]):
            continue  # the common case, decided without building a place for each reference
        for index, record in records:
            for loc, ref in _walk(record, path, (collection, index)):
                if isinstance(ref, str) and ref not in known[target]:
                    kind = _SINGULAR[target]
                    message = f"unknown {kind} '{{ref}}': no {kind} has this id"
                    yield _problem(f"unknown_{kind}", message, loc, ref)


def _references(records: list[tuple[int, dict[str, Any]]], path: tuple[str, ...]) -> list[Any]:
    """Every reference that `path` leads to in `records`, in one flat list."""
    nodes: list[Any] = [record for _, record in records]
    for step in path:
        if step == "*":
            nodes = [item for node in nodes if isinstance(node, list) for item in node]
        else:
            nodes = [node.get(step) for node in nodes if isinstance(node, dict)]
    return [ref for node in nodes if isinstance(node, list) for ref in node]


def _all_known(refs: list[Any], known_ids: set[str]) -> bool:
    try:
        return known_ids.issuperset(refs)
    except TypeError:  # an unhashable value (an object or a list) where an id belongs
        return False


def _walk(
    node: Any, path: tuple[str, ...], loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Follow `path` ("*" = every list item) to a list of references; yield (loc, ref)."""
    if not path:
        if isinstance(node, list):
            for position, ref in enumerate(node):
                yield (*loc, position), ref
        return
    step, rest = path[0], path[1:]
    if step == "*":
        if isinstance(node, list):
            for position, item in enumerate(node):
                yield from _walk(item, rest, (*loc, position))
    elif isinstance(node, dict):
        yield from _walk(node.get(step), rest, (*loc, step))


def _problem(kind: str, message: str, loc: tuple[str | int, ...], ref: str) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(kind, message, {"ref": ref}),
        loc=loc,
        input=ref,
    )
