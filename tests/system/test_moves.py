"""Career moves: `careers next`, `careers gap` and `careers match --next-skills`."""

from __future__ import annotations

from tests.helpers import (
    run_installed,
)


class TestNextSkills:
    """`careers match ... --next-skills`: the skills that would most raise the best matches."""

    def test_the_table_in_the_installed_script(self) -> None:
        run = run_installed(["match", "-s", "analytics", "--next-skills", "-n", "1"])
        assert run.exit_code == 0, run.stderr
        lines = [line.rstrip() for line in run.stdout.splitlines()]
        assert lines[0] == "1. strategy  +3.01"
        assert lines[1].split() == ["skill", "Strategy", "development"]
        raises = lines[2].split(None, 1)
        assert raises[0] == "raises"
        assert set(raises[1].split(", ")) == {
            "social-media-data-analyst +1.50",
            "social-media-manager +1.50",
        }


class TestInstalled:
    def test_next_and_gap_from_the_installed_script(self) -> None:
        run = run_installed(["next", "influencer", "-n", "1", "-f", "csv"])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[1].startswith("1,digital-content-creator,")  # closest
        gap = run_installed(["gap", "influencer", "social-media-manager", "-f", "markdown"])
        assert gap.exit_code == 0, gap.stderr
        assert "## To learn, in this order" in gap.stdout
