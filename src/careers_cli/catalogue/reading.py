"""Finding, reading and validating a catalogue file.

Every way a file can be wrong becomes a `CatalogueError` that names the file and the exact place:
line and column for JSON syntax, record id and field path for content. Nothing here writes.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careers_cli.catalogue.domain import Catalogue, catalogue_from_data
from careers_cli.errors import CatalogueError, Problem, os_error_reason
from careers_cli.i18n.messages import (
    Alternatives,
    constant_phrase,
    has_message,
    json_phrase,
    value_phrase,
)
from careers_cli.userfiles.regular import NotARegularFileError, open_regular

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

DATA_ENV_VAR = "CAREERS_DATA"
MAX_CATALOGUE_BYTES = 256 * 1024 * 1024
MAX_OBJECT_KEYS = 100
"""No object of the format has more than 9 keys. Past this many, a file is refused as it is
parsed: validation would report every unknown key, each a problem that costs memory."""
BUNDLED_NAME = "careers.json"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class CatalogueSource(NamedTuple):
    """Where a catalogue comes from: a user's file, or the one shipped with the package."""

    path: Path
    bundled: bool


def find_catalogue(option_path: Path | None) -> CatalogueSource:
    """Choose the catalogue: `--data`, then `$CAREERS_DATA`, then the shipped one."""
    if option_path is not None:
        return CatalogueSource(option_path, bundled=False)
    from_env = os.environ.get(DATA_ENV_VAR, "")
    if from_env.strip():
        return CatalogueSource(Path(from_env), bundled=False)
    return CatalogueSource(bundled_catalogue_path(), bundled=True)


def bundled_catalogue_path() -> Path:
    """The catalogue inside the installed package (or the checkout's, in a development install)."""
    shipped = resources.files("careers_cli").joinpath("data").joinpath(BUNDLED_NAME)
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[3] / "data" / BUNDLED_NAME


def load_catalogue(source: CatalogueSource) -> Catalogue:
    """Read and validate a catalogue, or raise `CatalogueError` saying what and where.

    The built-in catalogue is not validated again at run time: the test suite validates it
    (tests/test_catalogue_data.py), and not building the Pydantic models keeps start-up fast.
    """
    return read_catalogue(source).catalogue


class LoadedCatalogue(NamedTuple):
    """A valid catalogue, with the file's bytes and parsed JSON it was built from."""

    catalogue: Catalogue
    data: dict[str, Any]
    raw: bytes


def read_catalogue(source: CatalogueSource) -> LoadedCatalogue:
    """`load_catalogue`, keeping what it read: for compiling a store from the same file."""
    raw = read_catalogue_bytes(source.path)
    with _collection_paused():
        parsed = parse_catalogue_json(raw, source.path)
        if parsed.duplicates_found or not source.bundled:
            validate_catalogue(parsed, source.path)
        data = parsed.data
        catalogue = catalogue_from_data(data)
        # The catalogue lives as long as the process: move it out of the collector's sight
        # before the collector runs again, or its first run would traverse every object.
        gc.freeze()
    return LoadedCatalogue(catalogue, data, raw)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a catalogue is loaded.

    Loading creates objects by the hundred thousand and no reference cycles; the collector,
    triggered again and again by those allocations, would traverse them all each time (at
    10,000 careers it took two thirds of the loading time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_catalogue_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise CatalogueError("catalogue.is_directory", path=name)
        # Only a regular file is read: a named pipe or a device would make every command, and
        # TAB, wait for input that may never come.
        with os.fdopen(open_regular(path), "rb") as stream:
            # Refuse a large file before reading it; the bounded read also stops one that
            # grows while it is read.
            too_large = os.fstat(stream.fileno()).st_size > MAX_CATALOGUE_BYTES
            raw = b"" if too_large else stream.read(MAX_CATALOGUE_BYTES + 1)
    except NotARegularFileError:
        raise CatalogueError("catalogue.not_regular", path=name) from None
    except FileNotFoundError:
        raise CatalogueError("catalogue.missing", path=name) from None
    except PermissionError:
        raise CatalogueError(
            "catalogue.unreadable", path=name, reason="permission denied"
        ) from None
    except OSError as error:
        reason = os_error_reason(error)
        raise CatalogueError("catalogue.unreadable", path=name, reason=reason) from None
    if too_large or len(raw) > MAX_CATALOGUE_BYTES:
        limit = MAX_CATALOGUE_BYTES // (1024 * 1024)
        raise CatalogueError("catalogue.too_large", path=name, limit_mib=limit)
    return raw


class ParsedCatalogue(NamedTuple):
    """A catalogue file's JSON, and the keys it gives twice in one object."""

    data: dict[str, Any]
    duplicate_keys: tuple[Problem, ...] = ()
    """The first `MAX_PROBLEMS` of them, described."""
    duplicates_found: int = 0


def parse_catalogue_json(raw: bytes, path: Path) -> ParsedCatalogue:
    """Decode UTF-8 (a BOM is allowed) and parse strict JSON (no NaN or Infinity).

    A key given twice in one object keeps its first value and is returned as a problem, so
    validation can report it together with every other problem of the file. An object with
    more than `MAX_OBJECT_KEYS` keys is refused.
    """
    name = str(path)
    if raw.startswith(_UTF16_BOMS):
        raise CatalogueError("catalogue.utf16", path=name)
    body = raw.removeprefix(_UTF8_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(raw) - len(body)  # counted in the file, BOM included
        raise CatalogueError("catalogue.not_utf8", path=name, offset=offset) from None
    if not text.strip():
        raise CatalogueError("catalogue.empty", path=name)
    duplicates: list[tuple[str, dict[str, Any]]] = []
    oversized: list[tuple[dict[str, Any], int]] = []
    most_keys = MAX_OBJECT_KEYS

    def keep_first_value(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs) <= most_keys:  # the common case, decided in C
            return result
        if len(pairs) > most_keys:
            oversized.append((result, len(pairs)))
            return result
        result = {}
        for key, value in pairs:
            if key in result:
                duplicates.append((key, result))
            else:
                result[key] = value
        return result

    try:
        data = json.loads(text, object_pairs_hook=keep_first_value, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise CatalogueError(
            "catalogue.bad_json",
            path=name,
            line=error.lineno,
            column=error.colno,
            detail=json_phrase(error.msg),
        ) from None
    except _ConstantError as error:
        line, column = _position_of_constant(text)
        detail = constant_phrase(error.constant)
        raise CatalogueError(
            "catalogue.bad_json", path=name, line=line, column=column, detail=detail
        ) from None
    except RecursionError:
        raise CatalogueError("catalogue.too_deep", path=name) from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise CatalogueError(
            "catalogue.bad_value", path=name, detail=value_phrase(str(error))
        ) from None
    if not isinstance(data, dict):
        raise CatalogueError("catalogue.not_object", path=name, found=_json_type_name(data))
    if oversized:
        owner, count = oversized[0]
        place = describe_location(_locations_of(data, {id(owner)}).get(id(owner), ()), data)
        at = f"{place}: " if place else ""
        raise CatalogueError(
            "catalogue.too_many_keys", path=name, at=at, count=count, limit=most_keys
        )
    if not duplicates:
        return ParsedCatalogue(data)
    from careers_cli.catalogue.entries import MAX_PROBLEMS

    described = duplicates[:MAX_PROBLEMS]
    places = _locations_of(data, {id(owner) for _, owner in described})
    problems = tuple(
        _duplicate_key_problem(data, key, owner, places.get(id(owner), ()))
        for key, owner in described
    )
    return ParsedCatalogue(data, problems, len(duplicates))


def _duplicate_key_problem(
    data: Any, key: str, owner: dict[str, Any], loc: tuple[int | str, ...]
) -> Problem:
    """Name the object that has `key` twice: by its id if it has one, else by its path."""
    record_id = owner.get("id")
    if isinstance(record_id, str):
        return "problem.duplicate_key_in_record", {"key": key, "record_id": record_id}
    if loc:
        return "problem.duplicate_key_at", {"key": key, "place": describe_location(loc, data)}
    return "problem.duplicate_key", {"key": key}


def _locations_of(data: Any, targets: set[int]) -> dict[int, tuple[int | str, ...]]:
    """The paths from `data` to the objects whose `id()` is in `targets`, in one traversal."""
    found: dict[int, tuple[int | str, ...]] = {}
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack and len(found) < len(targets):
        node, loc = stack.pop()
        if id(node) in targets:
            found[id(node)] = loc
        if isinstance(node, dict):
            stack.extend((child, (*loc, key)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, (*loc, index)) for index, child in enumerate(node))
    return found


_STRING_OR_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _position_of_constant(text: str) -> tuple[int, int]:
    """Line and column of the first NaN or Infinity outside a string."""
    for match in _STRING_OR_CONSTANT.finditer(text):
        if match.group(1):
            before = text[: match.start()]
            return before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1
    return 1, 1


def validate_catalogue(parsed: ParsedCatalogue, path: Path) -> None:
    """Check parsed JSON against the models; raise `CatalogueError` listing every problem.

    Past `MAX_PROBLEMS` problems, the error lists the first ones and carries how many were
    found in all (`found`) and how many records were left unchecked (`unchecked`).
    """
    from pydantic import ValidationError

    from careers_cli.catalogue.entries import MAX_PROBLEMS, MORE_PROBLEMS
    from careers_cli.catalogue.format import check_catalogue

    data = parsed.data
    details: list[ErrorDetails] = []
    try:
        check_catalogue(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
    except RecursionError:
        raise CatalogueError("catalogue.too_deep", path=str(path)) from None
    found, unchecked = len(details), 0
    if details and details[-1]["type"] == MORE_PROBLEMS:
        context = details.pop().get("ctx", {})
        found, unchecked = int(context["found"]), int(context["unchecked"])
    room = MAX_PROBLEMS - len(parsed.duplicate_keys)
    problems = parsed.duplicate_keys + tuple(islice(_describe_details(details, data), room))
    if problems:
        raise CatalogueError(
            "catalogue.invalid",
            path=str(path),
            problems=problems,
            found=parsed.duplicates_found + found,
            unchecked=unchecked,
        )


def describe_problems(error: ValidationError, data: dict[str, Any]) -> Iterator[Problem]:
    """The problems of a `ValidationError` of `data`, each as a message key and its parameters,
    with places that name records by id; a kind of problem without a message of its own gives
    Pydantic's English text, framed as an invalid value in Arabic."""
    return _describe_details(error.errors(include_url=False), data)


def _describe_details(details: list[ErrorDetails], data: dict[str, Any]) -> Iterator[Problem]:
    """Pydantic's problems, with places that name records by id.

    Each known kind of problem has its own message in both languages; any other gives
    Pydantic's English text, framed in Arabic as an invalid value.
    """
    from careers_cli.catalogue.entries import SLUG_PATTERN

    for detail in details:
        place = describe_location(detail["loc"], data)
        at = f"{place}: " if place else ""
        context = dict(detail.get("ctx", {}))
        key = f"problem.{detail['type']}"
        if context.get("pattern") == SLUG_PATTERN:
            key = "problem.not_an_id"
        if "expected" in context:
            context["expected"] = _alternatives(str(context["expected"]))
        if has_message(key):
            yield key, {**context, "at": at}
        else:
            detail_text = str(detail["msg"]).removeprefix("Value error, ")
            yield "problem.other", {"at": at, "detail": detail_text}


def _alternatives(expected: str) -> Alternatives:
    """Pydantic's "'a', 'b' or 'c'" as its values."""
    head, _, last = expected.rpartition(" or ")
    return Alternatives([*head.split(", "), last] if head else [last])


def describe_location(loc: tuple[int | str, ...], data: Any) -> str:
    """Turn a Pydantic location into a path that names records by id.

    ('careers', 5, 'required_skills', 0, 'skills', 1) becomes
    "careers[5] (id 'influencer').required_skills[0].skills[1]".
    """
    parts: list[str] = []
    node: Any = data
    for step in loc:
        if isinstance(step, int):
            parts.append(f"[{step}]")
            node = node[step] if isinstance(node, list) and -len(node) <= step < len(node) else None
            record_id = node.get("id") if isinstance(node, dict) else None
            if isinstance(record_id, str) and len(parts) <= 2:
                parts.append(f" (id '{record_id}')")
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)


class _ConstantError(ValueError):
    def __init__(self, constant: str) -> None:
        super().__init__(constant)
        self.constant = constant


def _refuse_constant(constant: str) -> Any:
    raise _ConstantError(constant)


def _json_type_name(value: object) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"


def catalogue_json_schema() -> dict[str, Any]:
    """The JSON Schema of the catalogue format, generated from the models."""
    from careers_cli.catalogue.format import CatalogueFile

    schema = CatalogueFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
