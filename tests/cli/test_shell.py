"""Scripting and the shell: streams, exit codes, colour, pipes, narrow encodings and completion."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import (
    invoke,
)
from tests.support import shell as shell_support
from tests.support.shell import COMMANDS


@pytest.fixture
def empty_catalogue(tmp_path: Path) -> Path:
    return shell_support.empty_catalogue(tmp_path)


class TestExitCodes:
    """0 success, 1 not found, 2 usage, 3 invalid catalogue, for every command."""

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_success_is_0(self, command: str) -> None:
        run = invoke(COMMANDS[command])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.strip()

    @pytest.mark.parametrize(
        ("args", "complaint"),
        [
            (["show", "astronaut"], "no career matches 'astronaut'"),
            (["compare", "influencer", "astronaut"], "no career matches 'astronaut'"),
            (["compare", "astronaut", "influencer"], "no career matches 'astronaut'"),
            (["match", "-s", "juggling"], "no skill matches 'juggling'"),
        ],
    )
    def test_not_found_is_1(self, args: list[str], complaint: str) -> None:
        run = invoke(args)
        assert run.exit_code == 1
        assert run.stdout == ""
        assert complaint in run.stderr

    def test_one_unknown_skill_among_several_is_1_and_the_rest_is_matched(self) -> None:
        """Like `ls` with one missing file among several: the skills found are still matched
        and printed, the unknown one is reported on stderr, and the exit code says not all of
        the question was answered."""
        run = invoke(["match", "-s", "analytics", "-s", "juggling"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no skill matches 'juggling'"
        # analytics alone: the 3 careers that need it, one score (ln(1 + 7/3) = 1.20) and one
        # rank; the data analyst first (2 of its 4 lines name it), then the others (1 of 4) by id.
        headings = [line.split()[:2] for line in run.stdout.splitlines() if line[:1].isdigit()]
        assert headings == [
            ["1.", "social-media-data-analyst"],
            ["1.", "social-media-manager"],
            ["1.", "social-media-marketing-specialist"],
        ]
        assert "juggling" not in run.stdout

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_unknown_option_is_2(self, command: str) -> None:
        run = invoke([*COMMANDS[command], "--colour-scheme"])
        assert run.exit_code == 2
        assert run.stdout == ""
        assert run.stderr.splitlines()[0] == "error: no such option: --colour-scheme"

    @pytest.mark.parametrize(
        ("args", "complaint"),
        [
            (["compare", "influencer"], "compare needs at least 2 careers"),
            (["list", "--format", "xml"], "xml"),
            (["show", "influencer", "-f", "xml"], "xml"),
            (["list", "--lang", "fr"], "fr"),
            (["show", "influencer", "--lang", "fr"], "fr"),
            (["match"], "--skill"),
            (["match", "--all"], "--skill"),
        ],
    )
    def test_usage_error_is_2(self, args: list[str], complaint: str) -> None:
        run = invoke(args)
        assert run.exit_code == 2
        assert run.stdout == ""
        assert complaint in run.stderr

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_invalid_catalogue_is_3_whatever_the_format(
        self, command: str, empty_catalogue: Path
    ) -> None:
        run = invoke([*COMMANDS[command], "-f", "json", "--data", str(empty_catalogue)])
        assert run.exit_code == 3
        assert run.stdout == ""
