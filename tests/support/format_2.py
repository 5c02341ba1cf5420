"""What the format 2 tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
from typing import Any

from tests.helpers import TEST_DATA, invoke

FEATURES = TEST_DATA / "format-2-features.json"


WIDE = {"COLUMNS": "100"}


def run(*args: str) -> list[str]:
    """`careers ARGS --data FEATURES` at 100 columns: its lines, without trailing spaces."""
    result = invoke([*args, "--data", str(FEATURES)], env=WIDE)
    assert result.exit_code == 0, result.stderr
    return [line.rstrip() for line in result.stdout.splitlines()]


def document(*args: str) -> Any:
    result = invoke([*args, "--data", str(FEATURES), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)
