"""What the profile tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CONFIG_VAR = "CAREERS_CONFIG_DIR"


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
