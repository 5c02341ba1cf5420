"""What the validate tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.helpers import (
    REPO,
    Run,
    invoke,
)

EXAMPLE = REPO / "examples" / "small-catalogue.json"


INVALID_CATALOGUE = 3


def problems_of(run: Run, path: Path | str) -> list[str]:
    """Check the shape of a refused file's report and return its problem lines, unindented."""
    assert run.exit_code == INVALID_CATALOGUE, (run.exit_code, run.stdout, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    heading, *lines = run.stderr.splitlines()
    match = re.fullmatch(rf"{re.escape(str(path))}: (\d+) problems?", heading)
    assert match, heading
    assert int(match.group(1)) == len(lines), run.stderr
    assert heading.endswith("problem" if len(lines) == 1 else "problems"), heading
    assert lines, run.stderr
    for line in lines:
        assert line.startswith("  ") and not line.startswith("   "), line
    return [line[2:] for line in lines]


def schema() -> dict[str, Any]:
    run = invoke(["schema"])
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    document: dict[str, Any] = json.loads(run.stdout)
    return document
