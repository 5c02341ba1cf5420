"""What the plain tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.generate_catalogue import generate
from tests.helpers import imported_esco_sample, settled, write_catalogue


def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[str]]]:
    folder = tmp_path_factory.mktemp("plain")
    generated = write_catalogue(folder / "generated.json", generate(150))
    settled(generated)
    yield {
        "built-in": [],
        "esco-sample": ["--data", str(imported_esco_sample(folder))],
        "generated": ["--data", str(generated)],
    }
