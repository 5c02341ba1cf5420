"""What the shell tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import (
    CAREERS_SCRIPT,
    DATA_COMMANDS,
    Run,
    run_command,
    terminal_env,
)

COMMANDS = DATA_COMMANDS


def complete(shell: str, line: str, **extra: str) -> Run:
    """Ask the installed script for candidates, as the installed `shell` script asks."""
    env = terminal_env(_CAREERS_COMPLETE=shell, _CAREERS_COMPLETE_LINE=line)
    env.update(extra)
    return run_command([str(CAREERS_SCRIPT)], env)


def empty_catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "careers.json"
    path.write_text("{}", encoding="utf-8")
    return path
