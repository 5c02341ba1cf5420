"""What the read tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from typing import Any

from tests.helpers import (
    raw_catalogue,
)


def sections() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = raw_catalogue()["sections"]
    return found


def section(section_id: str) -> dict[str, Any]:
    return next(s for s in sections() if s["id"] == section_id)
