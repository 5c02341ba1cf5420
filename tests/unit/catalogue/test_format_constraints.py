"""Every constraint of the catalogue format (catalogue/entries.py), broken once at its edge."""

from __future__ import annotations

from typing import Any

import pytest

from careers_cli.catalogue.entries import MAX_ALIASES, MAX_ITEMS, MAX_LINKS
from careers_cli.i18n.messages import message
from tests.support.format_constraints import (
    BLANK,
    EXTRA,
    NOT_AN_ID,
    REQUIRED,
    longer,
    too_few,
    too_many,
    unknown,
    used_earlier,
)


def test_the_limits_are_the_ones_the_table_tests() -> None:
    """A limit changed in entries.py must change the table too."""
    assert (MAX_ITEMS, MAX_LINKS, MAX_ALIASES) == (500, 1_500, 600)


@pytest.mark.parametrize(
    ("key", "params", "expected"),
    [
        ("problem.string_too_long", {"max_length": 200}, longer(200)),
        ("problem.too_short", {"min_length": 1, "actual_length": 0}, too_few()),
        ("problem.too_long", {"max_length": 500, "actual_length": 501}, too_many(500)),
        ("problem.not_an_id", {}, NOT_AN_ID),
        ("problem.blank_text", {}, BLANK),
        ("problem.extra_forbidden", {}, EXTRA),
        ("problem.missing", {}, REQUIRED),
        ("problem.duplicate_id", {"ref": "x"}, used_earlier("x")),
        ("problem.unknown_skill", {"ref": "x"}, unknown("skill", "x")),
        ("problem.unknown_career", {"ref": "x"}, unknown("career", "x")),
        ("problem.unknown_platform", {"ref": "x"}, unknown("platform", "x")),
    ],
)
def test_the_table_speaks_the_english_templates(
    key: str, params: dict[str, Any], expected: str
) -> None:
    assert message(key, "en", at="", **params) == expected
