"""Views hold at any width from 40 columns, in English and Arabic, on any catalogue."""

from __future__ import annotations

import pytest

from tests.helpers import run_installed
from tests.support.widths import (
    BUILT_IN,
    MODES,
    _json,
    problems,
)


@pytest.mark.parametrize(
    ("command", "mode", "width"),
    [("list", "ar", 40), ("skills", "en", 40), ("compare-7", "en", 80), ("show", "ar-visual", 60)],
)
def test_the_installed_script(command: str, mode: str, width: int) -> None:
    """The script a user runs, in a subprocess, keeps the same rules."""
    args, ids = BUILT_IN[command]
    run = run_installed([*args, *MODES[mode]], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    assert problems(run.stdout, width, ids(_json(tuple(args), None))) == [], run.stdout
