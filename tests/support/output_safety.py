"""What the output safety tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import csv
import io
from typing import Any


def csv_table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def strings_of(value: Any) -> list[str]:
    """Every string of a JSON value, object keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings_of(v)]]
    if isinstance(value, list):
        return [s for item in value for s in strings_of(item)]
    return []


def strictly_unicode(document: Any) -> None:
    """Every string can be encoded as UTF-8: no lone surrogate anywhere."""
    for text in strings_of(document):
        text.encode("utf-8", errors="strict")


TOO_LONG = "error: a career or skill name may have at most 200 characters; this one has {}\n"
