"""Bounded validation of a whole catalogue: every problem of a file at once, up to
`MAX_PROBLEMS`, with the checks the models alone cannot make (unique ids, references that
resolve, the languages of every text, what format 1 requires).

An invalid file costs no more to check than a valid one of its size: records are validated one
at a time, long lists of them in parts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any, get_args, get_origin

from annotated_types import MaxLen, MinLen
from pydantic import (
    ValidationError,
)
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError

from careers_cli.catalogue.entries import FORMAT_1_LANGUAGES, FORMAT_2_FIELDS, MORE_PROBLEMS, Entry


def is_version_one(data: dict[str, Any]) -> bool:
    version = data.get("schema_version")
    return type(version) is int and version == 1


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
    return (_problem(*finding) for finding in cross_record_findings(data))


def cross_record_findings(data: dict[str, Any]) -> Iterator[Finding]:
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


TEXT_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "careers": (
        ("title",),
        ("description",),
        ("responsibilities", "*"),
        ("required_skills", "*", "text"),
    ),
    "skills": (("label",), ("description",)),
    "platforms": (("name",),),
    "trends": (("title",), ("text",)),
    "tips": (("title",), ("text",)),
    "sections": (("heading",), ("paragraphs", "*"), ("part",)),
}
"""Where the texts of each collection are (besides the catalogue's own `title`)."""


_MISSING = "Field required"


def language_findings(data: dict[str, Any], version_one: bool) -> Iterator[Finding]:
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
    for collection, path in FORMAT_2_FIELDS:
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


_SPLIT_AT = 16


class Problems:
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


def validate_parts(
    model: type[Entry],
    value: Any,
    loc: Loc,
    validate: Callable[[Any], Any],
    problems: Problems,
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
    model: type[Entry], items: list[Any], loc: Loc, problems: Problems, *, top: bool
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
            keep(validate_parts(model, item, (*loc, index), validate, problems, _SPLIT_AT))
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
def _record_lists(model: type[Entry]) -> dict[str, tuple[type[Entry], int, int | None]]:
    """The fields of `model` that are lists of records: item model, least and most items."""
    found: dict[str, tuple[type[Entry], int, int | None]] = {}
    for name, field in model.model_fields.items():
        args = get_args(field.annotation)
        if get_origin(field.annotation) is list and _is_record(args[0]):
            least = [m.min_length for m in field.metadata if isinstance(m, MinLen)]
            most = [m.max_length for m in field.metadata if isinstance(m, MaxLen)]
            found[name] = (args[0], max(least, default=0), min(most, default=None))
    return found


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Entry)


def _long_record_lists(
    model: type[Entry], value: Any, split_at: int
) -> dict[str, tuple[type[Entry], int, list[Any]]]:
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
def _stand_in(model: type[Entry]) -> Entry:
    """An instance that passes as `model` in a list of records, without being validated (a
    text's check that it has a language still runs on it, so it has one)."""
    values: dict[str, Any] = {"en": "-"} if "en" in model.model_fields else {}
    return model.model_construct(None, **values)
