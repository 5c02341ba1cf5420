"""What the streaming tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generate_catalogue import generate
from tests.helpers import settled, write_catalogue

CAREERS = 300  # several chunks of ChunkedTable.CHUNK_ROWS rows


def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = write_catalogue(tmp_path_factory.mktemp("big") / "careers.json", generate(CAREERS))
    settled(path)
    return path
