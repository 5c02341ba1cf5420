"""What the shell tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import (
    DATA_COMMANDS,
)

COMMANDS = DATA_COMMANDS


def empty_catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "careers.json"
    path.write_text("{}", encoding="utf-8")
    return path
