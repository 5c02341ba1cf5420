"""Long lists are bounded by default and complete on request: `list` shows 20 careers,
`skills` 25, `compare` 30 skills, `match` 10, each saying how many it shows of how many and
which flag shows them all (below the table; on stderr for data formats, which stay valid
data)."""

from __future__ import annotations

from careers_cli.rules import search
from tests.support.bounds import COMPARE_DEFAULT, LIMIT, SKILL_LIMIT


def test_the_default_limits_are_the_documented_ones() -> None:
    assert search.LIST_LIMIT == LIMIT
    assert search.SKILL_LIST_LIMIT == SKILL_LIMIT


class TestCompare:
    PAIR = ("accounting-analyst", "advertising-copywriter")

    def test_the_default_is_documented(self) -> None:
        assert search.COMPARE_SKILL_LIMIT == COMPARE_DEFAULT
