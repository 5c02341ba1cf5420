"""Machine output: `--format json|csv|markdown` is a contract that scripts and documents rely on."""

from __future__ import annotations

import json

import pytest

from tests.helpers import run_coloured
from tests.support.formats import COMMANDS, MACHINE_FORMATS


class TestMachineFormatsNeverColour:
    """Even with FORCE_COLOR=1, data formats carry no escape sequences (tables may)."""

    def test_forced_colour_reaches_the_table(self) -> None:
        completed = run_coloured(["list"])
        assert completed.exit_code == 0, completed.stderr
        assert "\x1b[" in completed.stdout

    @pytest.mark.parametrize("output_format", MACHINE_FORMATS)
    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_no_escape_sequences(self, command: str, output_format: str) -> None:
        completed = run_coloured([*COMMANDS[command], "-f", output_format])
        assert completed.exit_code == 0, completed.stderr
        assert completed.stdout.strip()
        assert "\x1b" not in completed.stdout
        if output_format == "json":
            json.loads(completed.stdout)
