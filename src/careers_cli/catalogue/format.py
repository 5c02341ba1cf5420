"""The catalogue file format, as Pydantic models.

These models are the format: `careers schema` prints the JSON Schema generated from them, and a
file is valid exactly when `CatalogueFile.model_validate` accepts it. Besides field types they check
what a single field cannot: ids are unique within their collection and every reference (skill,
career, platform) names a record that exists.

An invalid file costs no more to check than a valid one of its size: records are validated one
at a time, and after `MAX_PROBLEMS` problems the rest are only counted, or, for records, skipped.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Annotated, Any, Literal, cast, get_args, get_origin

from annotated_types import MaxLen, MinLen
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError

MAX_PROBLEMS = 1_000
"""Validation lists at most this many problems; it counts those after them, skipping records."""
MORE_PROBLEMS = "more_problems"
"""Type of the entry that ends a `ValidationError` cut short at `MAX_PROBLEMS`: its context gives
the problems `found` in all and the records left `unchecked`."""

# The longest lists the format allows: ten times what real data reaches (an ESCO occupation has
# up to about 150 skill links and 60 alternative titles, a skill about 40 alternative labels).
# Pydantic stops reading a list one item past its maximum and reports only its length, so these
# bound the problems one record can have.
MAX_LINKS = 1_500
"""Required-skill lines of a career, skills of one line, references of a trend or tip."""
MAX_ALIASES = 600
"""Other names of a skill, per language."""
MAX_ITEMS = 500
"""Responsibilities, platforms and occupations of a career; paragraphs of a section."""


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


def _require_a_language(en: str | None, ar: str | None) -> None:
    if en is None and ar is None:
        raise PydanticCustomError("no_language", "text needs at least one language: en or ar")


class BilingualText(Record):
    """A text in English, Arabic or both: at least one of the catalogue's `languages`. (In
    format 1 both are required.) Where the reader's language is missing, the other is shown,
    marked as such."""

    en: Text | None = None
    ar: Text | None = None

    @model_validator(mode="after")
    def _has_a_language(self) -> BilingualText:
        _require_a_language(self.en, self.ar)
        return self


class BilingualLabel(Record):
    """A short name in English, Arabic or both (see `BilingualText`)."""

    en: Label | None = None
    ar: Label | None = None

    @model_validator(mode="after")
    def _has_a_language(self) -> BilingualLabel:
        _require_a_language(self.en, self.ar)
        return self


class OtherNames(Record):
    """Other names of a record, per language (a skill's aliases, a career's alternative
    titles): searched, never required."""

    en: list[Label] = Field(default_factory=list, max_length=MAX_ALIASES)
    ar: list[Label] = Field(default_factory=list, max_length=MAX_ALIASES)


class SkillEntry(Record):
    """One entry of the shared skill vocabulary that required skills are tagged with."""

    id: Slug
    label: BilingualLabel
    aliases: OtherNames = Field(default_factory=OtherNames)


class SkillRequirementEntry(Record):
    """One line of a career's skills: the vocabulary skills it asks for, how much they matter,
    and optionally the line's own wording (format 1 requires it)."""

    text: BilingualText | None = Field(
        default=None, description="The requirement in words; without it, its skills' labels."
    )
    skills: list[Slug] = Field(min_length=1, max_length=MAX_LINKS)
    importance: Literal["essential", "optional"] = Field(
        default="essential",
        description="essential: the career needs these skills; optional: they help (format 2).",
    )


class OccupationMatchEntry(Record):
    """The closest standard occupation (ESCO, with its ISCO-08 unit group) to a career."""

    scheme: Literal["ESCO"] = "ESCO"
    label: Label = Field(description="The ESCO occupation's preferred label (English).")
    label_ar: Label | None = Field(
        default=None, description="ESCO's Arabic preferred label of the occupation (format 2)."
    )
    isco_08: str | None = Field(
        default=None,
        pattern=r"^[0-9]{4}$",
        description="ISCO-08 unit group code (required in format 1).",
    )
    uri: str = Field(pattern=r"^https?://\S+$", max_length=500)
    match: Literal["exact", "close", "approximate"]
    basis: Label = Field(description="Why this occupation corresponds (English).")


class CareerEntry(Record):
    """A career: what the work is, what it asks of a person, and where it sits in ESCO."""

    id: Slug
    title: BilingualLabel
    alt_titles: OtherNames = Field(
        default_factory=OtherNames,
        description="Other titles of the career, per language: searched like the title (format 2).",
    )
    description: BilingualText
    responsibilities: list[BilingualText] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="At least one in format 1."
    )
    required_skills: list[SkillRequirementEntry] = Field(
        default_factory=list, max_length=MAX_LINKS, description="At least one line in format 1."
    )
    platforms: list[Slug] = Field(default_factory=list, max_length=MAX_ITEMS)
    occupations: list[OccupationMatchEntry] = Field(default_factory=list, max_length=MAX_ITEMS)


class PlatformEntry(Record):
    """A platform or tool the catalogue names (Facebook, Google Analytics, ...)."""

    id: Slug
    name: BilingualLabel
    kind: Literal["platform", "tool"]


class LinkedNoteEntry(Record):
    """A titled piece of advice or outlook, linked to the careers and skills it concerns."""

    id: Slug
    title: BilingualLabel
    text: BilingualText
    careers: list[Slug] = Field(default_factory=list, max_length=MAX_LINKS)
    skills: list[Slug] = Field(default_factory=list, max_length=MAX_LINKS)
    platforms: list[Slug] = Field(default_factory=list, max_length=MAX_LINKS)


class TrendEntry(LinkedNoteEntry):
    """A future trend of the field."""


class TipEntry(LinkedNoteEntry):
    """A tip for succeeding in the field."""


class SectionEntry(Record):
    """A prose section of the source text (introduction, conclusion, ...)."""

    id: Slug
    heading: BilingualLabel | None = Field(
        default=None, description="The section's heading; the source's opening has none."
    )
    paragraphs: list[BilingualText] = Field(min_length=1, max_length=MAX_ITEMS)


CatalogueLanguage = Literal["en", "ar"]


class CatalogueFile(Record):
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
        version_one = _is_version_one(data)
        if version_one and "languages" not in data:
            data = {**data, "languages": list(FORMAT_1_LANGUAGES)}
        keep_records = not (info.context or {}).get(_CHECK_ONLY, False)
        problems = _Problems(MAX_PROBLEMS, keep_records=keep_records)
        catalogue = _validate_parts(cls, data, (), handler, problems, split_at=0)
        if not problems.unchecked:
            problems.count_in(_cross_record_findings(data))
            problems.count_in(_language_findings(given, version_one))
        if problems.found:
            raise problems.error(cls.__name__)
        return cast(CatalogueFile, catalogue)


FORMAT_VERSIONS = (1, 2)
FORMAT_1_LANGUAGES = ("en", "ar")
_CHECK_ONLY = "careers_cli.check_only"


def _is_version_one(data: dict[str, Any]) -> bool:
    version = data.get("schema_version")
    return type(version) is int and version == 1


def check_catalogue(data: Any) -> None:
    """Raise the `ValidationError` that `CatalogueFile.model_validate` would, without building the
    models: faster, and what a caller that only needs validity wants."""
    CatalogueFile.model_validate(data, context={_CHECK_ONLY: True})


_COLLECTIONS = ("careers", "skills", "platforms", "trends", "tips", "sections")
REFERENCES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("careers", ("required_skills", "*", "skills"), "skills"),
    ("careers", ("platforms",), "platforms"),
    ("trends", ("careers",), "careers"),
    ("trends", ("skills",), "skills"),
    ("trends", ("platforms",), "platforms"),
    ("tips", ("careers",), "careers"),
    ("tips", ("skills",), "skills"),
    ("tips", ("platforms",), "platforms"),
)
"""Where records point at other records: (collection, path inside a record, collection pointed
at); "*" in a path stands for every item of a list."""
_SINGULAR = {"careers": "career", "skills": "skill", "platforms": "platform"}


Loc = tuple[str | int, ...]
Finding = tuple[str, str, Loc, Any]
"""A problem found outside pydantic, before it becomes an error: its type, message, place and
either the id it is about or the message's parameters (a dict)."""


def _records(data: dict[str, Any], collection: str) -> list[Any]:
    # The list itself, not (index, record) pairs: a million records would make a million tuples.
    items = data.get(collection)
    return items if isinstance(items, list) else []


def cross_record_problems(data: dict[str, Any]) -> Iterator[InitErrorDetails]:
    """Duplicate ids within a collection, and references to ids that no record has.

    These are the problems no single field shows, as the error details that validation adds to
    the fields' own; `data` is parsed JSON, valid or not.
    """
    return (_problem(*finding) for finding in _cross_record_findings(data))


def _cross_record_findings(data: dict[str, Any]) -> Iterator[Finding]:
    known: dict[str, set[str]] = {}
    for collection in _COLLECTIONS:
        seen: set[str] = set()
        for index, record in enumerate(_records(data, collection)):
            record_id = record.get("id") if isinstance(record, dict) else None
            if not isinstance(record_id, str):
                continue
            if record_id in seen:
                message = "id '{ref}' is used by an earlier record"
                yield "duplicate_id", message, (collection, index, "id"), record_id
            seen.add(record_id)
        known[collection] = seen
    for collection, path, target in REFERENCES:
        records = _records(data, collection)
        known_ids = known[target]
        if _all_known(_references(records, path), known_ids):
            continue  # the common case, decided without building a place for each reference
        kind = _SINGULAR[target]
        message = f"unknown {kind} '{{ref}}': no {kind} has this id"
        for index, record in enumerate(records):
            for loc, ref in _walk(record, path, (collection, index)):
                if isinstance(ref, str) and ref not in known_ids:
                    yield f"unknown_{kind}", message, loc, ref


def _references(records: list[Any], path: tuple[str, ...]) -> list[Any]:
    """Every reference that `path` leads to in `records`, in one flat list."""
    nodes: list[Any] = records
    for step in path:
        if step == "*":
            nodes = [item for node in nodes if isinstance(node, list) for item in node]
        else:  # only the values present: a million records without the key make no list
            nodes = [v for node in nodes if isinstance(node, dict) and (v := node.get(step))]
    return [ref for node in nodes if isinstance(node, list) for ref in node]


def _all_known(refs: list[Any], known_ids: set[str]) -> bool:
    try:
        return known_ids.issuperset(refs)
    except TypeError:  # an unhashable value (an object or a list) where an id belongs
        return False


def _walk(node: Any, path: tuple[str, ...], loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Follow `path` ("*" = every list item) to lists of references; yield (loc, ref)."""
    for place, refs in _nodes(node, path, loc):
        if isinstance(refs, list):
            for position, ref in enumerate(refs):
                yield (*place, position), ref


def _problem(kind: str, message: str, loc: Loc, about: Any) -> InitErrorDetails:
    context = about if isinstance(about, dict) else {"ref": about}
    return InitErrorDetails(
        type=PydanticCustomError(kind, message, context),
        loc=loc,
        input=context.get("ref"),
    )


# --- languages, and what format 1 requires -----------------------------------------------------

TEXT_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "careers": (
        ("title",),
        ("description",),
        ("responsibilities", "*"),
        ("required_skills", "*", "text"),
    ),
    "skills": (("label",),),
    "platforms": (("name",),),
    "trends": (("title",), ("text",)),
    "tips": (("title",), ("text",)),
    "sections": (("heading",), ("paragraphs", "*")),
}
"""Where the texts of each collection are (besides the catalogue's own `title`)."""
_FORMAT_2_FIELDS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, ("languages",)),
    ("careers", ("alt_titles",)),
    ("careers", ("required_skills", "*", "importance")),
    ("careers", ("occupations", "*", "label_ar")),
)
_MISSING = "Field required"


def _language_findings(data: dict[str, Any], version_one: bool) -> Iterator[Finding]:
    """Texts in a language the catalogue does not declare; in format 1, everything format 1
    requires beyond format 2 (both languages in every text, ...) and format 2's fields."""
    if version_one:
        yield from _format_1_findings(data)
        return
    declared = data.get("languages")
    known = set(FORMAT_1_LANGUAGES)
    if (
        not isinstance(declared, list)
        or not declared
        or not all(isinstance(lang, str) and lang in known for lang in declared)
        or len(set(declared)) < len(declared)
    ):
        return  # `languages` itself is the problem
    if set(declared) == known:
        return  # every language the format has is declared
    undeclared = [lang for lang in FORMAT_1_LANGUAGES if lang not in declared]
    message = "text in '{ref}', which is not one of the catalogue's languages"
    for loc, text in texts_of(data):
        for lang in undeclared:
            if text.get(lang) is not None:
                yield "undeclared_language", message, (*loc, lang), lang


def texts_of(data: dict[str, Any]) -> Iterator[tuple[Loc, dict[str, Any]]]:
    """Every text object of the file, with its place."""
    if isinstance(data.get("title"), dict):
        yield ("title",), data["title"]
    for collection, paths in TEXT_FIELDS.items():
        for index, record in enumerate(_records(data, collection)):
            for path in paths:
                for loc, node in _nodes(record, path, (collection, index)):
                    if isinstance(node, dict):
                        yield loc, node


def _nodes(node: Any, path: tuple[str, ...], loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Follow `path` ("*" = every list item) and yield what it leads to, with its place."""
    if not path:
        yield loc, node
        return
    step, rest = path[0], path[1:]
    if step == "*":
        if isinstance(node, list):
            for position, item in enumerate(node):
                yield from _nodes(item, rest, (*loc, position))
    elif isinstance(node, dict) and step in node:
        yield from _nodes(node[step], rest, (*loc, step))


def _format_1_findings(data: dict[str, Any]) -> Iterator[Finding]:
    for collection, path in _FORMAT_2_FIELDS:
        records = [data] if collection is None else _records(data, collection)
        for index, record in enumerate(records):
            start: Loc = () if collection is None else (collection, index)
            for place, _ in _nodes(record, path, start):
                message = "'{ref}' is a field of format 2: set schema_version to 2 to use it"
                yield "format_2_field", message, place, str(place[-1])
    for text_loc, text in texts_of(data):
        if text.get("en") is not None or text.get("ar") is not None:  # else pydantic says so
            for lang in FORMAT_1_LANGUAGES:
                if text.get(lang) is None:
                    yield "missing", _MISSING, (*text_loc, lang), {}
    for index, career in enumerate(_records(data, "careers")):
        if not isinstance(career, dict):
            continue
        loc: Loc = ("careers", index)
        for field in ("responsibilities", "required_skills"):
            if field not in career:
                yield "missing", _MISSING, (*loc, field), {}
            elif career[field] == []:
                too_short = "List should have at least 1 item after validation, not 0"
                yield "too_short", too_short, (*loc, field), {"min_length": 1, "actual_length": 0}
        for place, line in _nodes(career, ("required_skills", "*"), loc):
            if isinstance(line, dict) and "text" not in line:
                yield "missing", _MISSING, (*place, "text"), {}
        for place, occupation in _nodes(career, ("occupations", "*"), loc):
            if isinstance(occupation, dict) and occupation.get("isco_08") is None:
                yield "missing", _MISSING, (*place, "isco_08"), {}


# --- validation that stops after MAX_PROBLEMS --------------------------------------------------
#
# Pydantic keeps every error of a call until the call ends, and an error costs about 300 bytes
# (1 KB once converted to a dict): the 600,000 empty records of a 1.8 MB file have 3 million
# problems. So records are validated one call each, in pydantic's order, and once the bound is
# reached no further record is validated. A record's own list of records longer than
# `_SPLIT_AT` is validated item by item too, so that one record cannot pile up errors either.

_SPLIT_AT = 16


class _Problems:
    """Problems in the order pydantic reports them: kept up to a bound, counted past it."""

    def __init__(self, limit: int, *, keep_records: bool) -> None:
        self.limit = limit
        self.keep_records = keep_records
        """Whether validated records are kept to build the model, or only checked."""
        self.kept: list[InitErrorDetails] = []
        self.found = 0
        self.unchecked = 0
        """Records not validated (or not to the end) because the bound was reached."""
        self.cut = False
        """Whether the record being validated was left unfinished."""

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.limit

    def add_error(self, error: ValidationError, loc: Loc) -> None:
        if self.full:  # only counted, never converted
            self.found += error.error_count()
        else:
            self.add(error.errors(include_url=False), loc)

    def add(self, details: list[ErrorDetails], loc: Loc) -> None:
        self.found += len(details)
        self.kept += [
            InitErrorDetails(
                type=PydanticCustomError(d["type"], d["msg"], d.get("ctx")),
                loc=(*loc, *d["loc"]),
                input=d["input"],
            )
            for d in details[: max(self.limit - len(self.kept), 0)]
        ]

    def count_in(self, findings: Iterator[Finding]) -> None:
        """Keep findings up to the bound and count the others without building their errors."""
        kept = [_problem(*finding) for finding in islice(findings, self.limit - len(self.kept))]
        self.kept += kept
        self.found += len(kept) + sum(1 for _ in findings)

    def error(self, title: str) -> ValidationError:
        details = list(self.kept)
        if self.found > len(self.kept) or self.unchecked:
            summary = PydanticCustomError(
                MORE_PROBLEMS,
                "validation stopped listing problems: {found} found, {unchecked} records unchecked",
                {"found": self.found, "unchecked": self.unchecked},
            )
            details.append(InitErrorDetails(type=summary, loc=(), input=None))
        return ValidationError.from_exception_data(title, details)


def _validate_parts(
    model: type[Record],
    value: Any,
    loc: Loc,
    validate: Callable[[Any], Any],
    problems: _Problems,
    split_at: int,
) -> Any:
    """Validate `value` as `model`, its lists of records longer than `split_at` item by item.

    The lists are replaced by stand-ins, records that pass unchecked, for one call that checks
    everything else; then their items are validated, each list at its turn in pydantic's order.
    Returns the validated record, or None when it has problems.
    """
    found_before = problems.found
    lists = _long_record_lists(model, value, split_at)
    if not lists:
        try:
            return validate(value)
        except ValidationError as error:
            problems.add_error(error, loc)
            return None
    with_stand_ins = dict(value)
    for listed, (item, least, _) in lists.items():
        # Any length the field allows gives the same answer: the shortest costs least.
        with_stand_ins[listed] = [_stand_in(item)] * max(least, 1)
    details: list[ErrorDetails] = []
    try:
        result = validate(with_stand_ins)
    except ValidationError as error:  # few: each long list was one stand-in
        result, details = None, error.errors(include_url=False)
    for detail in details:  # a problem shows the record as given, not the copy
        if detail["input"] is with_stand_ins:
            detail["input"] = value
    fields = list(model.model_fields)
    by_field: dict[int, list[ErrorDetails]] = {}
    for detail in details:  # pydantic's order: field by field, then unknown fields
        head = detail["loc"][0] if detail["loc"] else None
        position = fields.index(head) if head in fields else len(fields)
        by_field.setdefault(position, []).append(detail)
    checked: dict[str, list[Any]] = {}
    for position, name in enumerate([*fields, None]):
        problems.add(by_field.get(position, []), loc)
        if name in lists and position not in by_field:  # a list of the wrong length has no items
            item, _, items = lists[name]
            checked[name] = _validate_items(item, items, (*loc, name), problems, top=not loc)
    if result is None or problems.found > found_before or problems.unchecked:
        return None
    return result.model_copy(update=checked) if problems.keep_records else result


def _validate_items(
    model: type[Record], items: list[Any], loc: Loc, problems: _Problems, *, top: bool
) -> list[Any]:
    """Validate each item as `model` (keeping them if `problems.keep_records`); stop when the
    bound is reached. Top-level records left over are counted as unchecked, and so is a record
    whose own list of records was cut short."""
    validate = model.__pydantic_validator__.validate_python
    record_lists = tuple(_record_lists(model))
    checked: list[Any] = []
    keep = checked.append if problems.keep_records else _discard
    for index, item in enumerate(items):
        if problems.full:
            if top:
                problems.unchecked += len(items) - index
            else:
                problems.cut = True
            break
        if record_lists and _has_long_list(item, record_lists):
            keep(_validate_parts(model, item, (*loc, index), validate, problems, _SPLIT_AT))
            if top and problems.cut:
                problems.unchecked += 1
                problems.cut = False
            continue
        try:  # the common case, inline: it runs once for each record of the file
            keep(validate(item))
        except ValidationError as error:
            problems.add_error(error, (*loc, index))
    return checked


def _discard(_: Any) -> None:
    """Drop a record validated only to check the file: keeping 10,000 careers' models alive
    takes 70% longer than validating them and dropping each at once."""


def _has_long_list(item: Any, names: tuple[str, ...]) -> bool:
    if type(item) is not dict:
        return False
    for name in names:
        value = item.get(name)
        if type(value) is list and len(value) > _SPLIT_AT:
            return True
    return False


@functools.cache
def _record_lists(model: type[Record]) -> dict[str, tuple[type[Record], int, int | None]]:
    """The fields of `model` that are lists of records: item model, least and most items."""
    found: dict[str, tuple[type[Record], int, int | None]] = {}
    for name, field in model.model_fields.items():
        args = get_args(field.annotation)
        if get_origin(field.annotation) is list and _is_record(args[0]):
            least = [m.min_length for m in field.metadata if isinstance(m, MinLen)]
            most = [m.max_length for m in field.metadata if isinstance(m, MaxLen)]
            found[name] = (args[0], max(least, default=0), min(most, default=None))
    return found


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Record)


def _long_record_lists(
    model: type[Record], value: Any, split_at: int
) -> dict[str, tuple[type[Record], int, list[Any]]]:
    """The lists of records in `value` longer than `split_at`, of a length their field allows:
    item model, least items, the list."""
    record_lists = _record_lists(model)
    if not record_lists or not isinstance(value, dict):
        return {}
    return {
        name: (item, least, items)
        for name, (item, least, most) in record_lists.items()
        if type(items := value.get(name)) is list
        and max(split_at + 1, least) <= len(items) <= (len(items) if most is None else most)
    }


@functools.cache
def _stand_in(model: type[Record]) -> Record:
    """An instance that passes as `model` in a list of records, without being validated (a
    text's check that it has a language still runs on it, so it has one)."""
    values: dict[str, Any] = {"en": "-"} if "en" in model.model_fields else {}
    return model.model_construct(None, **values)
