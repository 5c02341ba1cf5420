"""Views hold at any width from 40 columns, in English and Arabic, on any catalogue."""

from __future__ import annotations

import pytest

from tests.helpers import SEVEN_IDS, invoke
from tests.support.widths import (
    BUILT_IN,
    MODES,
    WIDTHS,
    check,
)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", BUILT_IN)
def test_built_in_catalogue(command: str, mode: str, width: int) -> None:
    args, ids = BUILT_IN[command]
    check(args, ids, mode, width)


class TestNarrowLayouts:
    """Where the columns do not fit whole, tables become blocks, labels go above their values,
    and `compare` numbers its columns, then lists one block per career."""

    def test_list_becomes_a_block_per_career(self) -> None:
        lines = invoke(["list"], env={"COLUMNS": "40"}).stdout.splitlines()
        assert lines[:2] == ["social-media-manager", "  Social Media Manager"]
        assert "  skills: 7" in lines
        assert "social-media-marketing-specialist" in lines

    def test_list_stays_a_table_at_80_columns(self) -> None:
        first = invoke(["list"], env={"COLUMNS": "80"}).stdout.splitlines()[0]
        assert first.split() == ["id", "career", "skills"]

    def test_a_label_goes_above_a_value_too_narrow_for_its_ids(self) -> None:
        lines = invoke(["skills"], env={"COLUMNS": "40"}).stdout.splitlines()
        at = lines.index("   needed by")
        assert lines[at + 1 : at + 4] == [
            "     social-media-manager,",
            "     social-media-marketing-specialist,",
            "     social-media-data-analyst",
        ]
        # Where the values fit beside their labels, they stay there.
        assert "   needed by  online-community-manager" in lines

    def test_compare_of_seven_at_80_columns_is_a_block_per_career(self) -> None:
        lines = invoke(["compare", *SEVEN_IDS], env={"COLUMNS": "80"}).stdout.splitlines()
        assert lines[0] == "1. social-media-manager"
        assert lines[1].split() == ["title", "Social", "Media", "Manager"]
        assert "6. influencer" in lines
        assert lines[-1] == "skills in common: 0/25 (0%)"

    def test_compare_of_seven_at_120_columns_numbers_its_columns(self) -> None:
        lines = invoke(["compare", *SEVEN_IDS], env={"COLUMNS": "120"}).stdout.splitlines()
        assert lines[:2] == ["1  social-media-manager", "   Social Media Manager"]
        header = next(line for line in lines if line.split() == ["1", "2", "3", "4", "5", "6", "7"])
        assert header

    def test_show_stacks_the_related_careers(self) -> None:
        output = invoke(["show", "influencer"], env={"COLUMNS": "40"}).stdout
        assert "  social-media-manager\n    title          Social Media Manager\n" in output
        assert "  content.\n    content-creation, creativity\n" in output
