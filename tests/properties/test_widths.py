"""Views hold at any width from 40 columns, in English and Arabic, on any catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.generate_catalogue import generate
from tests.helpers import settled, write_catalogue
from tests.support.widths import (
    WIDTHS,
    check,
    commands,
)

# generate(300): `influencer` first, then career-1 ... career-299; skills analytics, skill-1 ...
GENERATED = commands(
    "influencer",
    "career-17",
    ["influencer", *(f"career-{n}" for n in (3, 29, 101, 150, 222, 299))],
    "analytics",
    "skill-2",
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = write_catalogue(tmp_path_factory.mktemp("generated") / "careers-300.json", generate(300))
    settled(path)
    yield path


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", ["en", "ar"])
@pytest.mark.parametrize("command", [c for c in GENERATED if c != "read"])
def test_generated_catalogue(generated: Path, command: str, mode: str, width: int) -> None:
    # The generated catalogue has no prose sections: `read` shows nothing there.
    args, ids = GENERATED[command]
    check(args, ids, mode, width, data=generated)
