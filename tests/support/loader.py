"""What the loader tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from typing import Any

from tests.helpers import (
    Run,
    raw_catalogue,
)

INVALID_CATALOGUE = 3


BASE: dict[str, Any] = raw_catalogue()


def refusal(run: Run, *, lines: int = 1) -> str:
    """Check the common shape of a refused catalogue and return its error line."""
    assert run.exit_code == INVALID_CATALOGUE, (run.exit_code, run.stdout, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    printed = run.stderr.splitlines()
    assert len(printed) == lines, run.stderr
    assert printed[0].startswith("error: "), run.stderr
    return printed[0]


def line_and_column(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column (in characters) of the `occurrence`-th `needle` in `text`."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column
