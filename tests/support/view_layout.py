"""The views read line by line, for the layout tests of the command groups (in tests/cli)."""

from __future__ import annotations

from tests.helpers import invoke


def lines(*args: str, columns: int = 80) -> list[str]:
    run = invoke(list(args), env={"COLUMNS": str(columns)})
    assert run.exit_code == 0, run.stderr
    return run.stdout.splitlines()


def under(shown: list[str], heading: str, count: int) -> list[str]:
    """The `count` lines after the first line that is `heading`."""
    start = shown.index(heading)
    return shown[start + 1 : start + 1 + count]
