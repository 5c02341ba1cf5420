"""What the format constraints tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

NOT_AN_ID = "not an id: use lowercase letters a-z, digits and single hyphens"


BLANK = "text must not be empty or only white space"


EXTRA = "Extra inputs are not permitted"


REQUIRED = "Field required"


def longer(limit: int) -> str:
    return f"String should have at most {limit} characters"


def too_few(actual: int = 0) -> str:
    return f"List should have at least 1 item, not {actual}"


def too_many(limit: int) -> str:
    return f"List should have at most {limit} items, not {limit + 1}"


def unknown(kind: str, ref: str) -> str:
    return f"unknown {kind} '{ref}': no {kind} has this id"


def used_earlier(record_id: str) -> str:
    return f"id '{record_id}' is used by an earlier record"
