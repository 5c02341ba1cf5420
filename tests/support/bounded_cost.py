"""What the bounded cost tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import REPO

EXAMPLE = REPO / "examples" / "small-catalogue.json"


INVALID_CATALOGUE = 3


TEXT = {"en": "A", "ar": "أ"}


def career(career_id: str, **fields: Any) -> dict[str, Any]:
    """A valid career that needs the skill `s`, with `fields` replacing its own."""
    return {
        "id": career_id,
        "title": TEXT,
        "description": TEXT,
        "responsibilities": [TEXT],
        "required_skills": [{"text": TEXT, "skills": ["s"]}],
        **fields,
    }


def write_compact(path: Path, data: dict[str, Any]) -> Path:
    """Without indentation, as a program writes: the size is the data's, not the spaces'."""
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data
