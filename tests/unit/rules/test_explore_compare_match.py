"""`careers compare` and `careers match`."""

from __future__ import annotations

import math

from careers_cli.present.layout.fitting import fair_widths
from tests.helpers import (
    raw_catalogue,
)


class TestFairWidths:
    """How `compare` shares the terminal's width among its columns."""

    def test_minimums_kept_and_the_rest_shared_narrowest_first(self) -> None:
        assert fair_widths([8, 24, 10], [40, 40, 40], 60) == [18, 24, 18]

    def test_no_column_grows_beyond_its_widest_content(self) -> None:
        assert fair_widths([8, 10], [12, 30], 100) == [12, 30]

    def test_never_more_than_the_total(self) -> None:
        widths = fair_widths([5, 5, 5], [50, 50, 50], 31)
        assert widths is not None
        assert sum(widths) == 31
        assert max(widths) - min(widths) <= 1

    def test_none_when_the_minimums_do_not_fit(self) -> None:
        assert fair_widths([30, 30], [40, 40], 59) is None
        assert fair_widths([30, 30], [40, 40], 60) == [30, 30]


# What each skill adds to a career's score: ln(1 + N/n), N = 7 careers in the catalogue, n the
# careers tagged with the skill (or listing the platform), rounded to 2 decimals as shown:
#   n = 1: ln(1 + 7/1) = ln 8    = 2.0794 -> 2.08 (budget-management, crisis-management,
#          reporting, market-research; instagram, google-analytics: one career lists each)
#   n = 2: ln(1 + 7/2) = ln 4.5  = 1.5041 -> 1.50 (strategy)
#   n = 3: ln(1 + 7/3) = ln 3.33 = 1.2040 -> 1.20 (analytics, content-creation,
#          relationship-building, social-media-tools, written-communication)
#   n = 4: ln(1 + 7/4) = ln 2.75 = 1.0116 -> 1.01 (communication)
# A career's score is the sum of the unrounded parts, rounded to 2 decimals.
TAGGED = {
    "budget-management": 1,
    "crisis-management": 1,
    "reporting": 1,
    "market-research": 1,
    "strategy": 2,
    "analytics": 3,
    "content-creation": 3,
    "relationship-building": 3,
    "social-media-tools": 3,
    "written-communication": 3,
    "communication": 4,
}


LISTED = {"instagram": 1, "google-analytics": 1}


def test_the_counts_the_expected_scores_rest_on() -> None:
    """The n of each skill and platform above, counted from the file itself, and N = 7."""
    careers = raw_catalogue()["careers"]
    assert len(careers) == 7
    for skill_id, count in TAGGED.items():
        tagged = [
            c for c in careers if any(skill_id in ln["skills"] for ln in c["required_skills"])
        ]
        assert len(tagged) == count, skill_id
    for platform_id, count in LISTED.items():
        assert sum(platform_id in c["platforms"] for c in careers) == count, platform_id
    assert f"{math.log(1 + 7 / 1):.4f}" == "2.0794"
    assert f"{math.log(1 + 7 / 2):.4f}" == "1.5041"
    assert f"{math.log(1 + 7 / 3):.4f}" == "1.2040"
    assert f"{math.log(1 + 7 / 4):.4f}" == "1.0116"
