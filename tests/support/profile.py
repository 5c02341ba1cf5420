"""What the profile tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CONFIG_VAR = "CAREERS_CONFIG_DIR"


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def config_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configuration folder of the test's own (never the user's)."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_VAR, str(folder))
    return folder
