"""What the tests of views on the real ESCO release share: the release imported once (as a
catalogue file for the installed `careers`, and in memory for in-process views)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.relevance import RELEASE, unpack
from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.catalogue.esco import import_esco
from careers_cli.index.memory import MemoryIndex
from tests.helpers import Run, run_installed


@pytest.fixture(scope="session")
def release_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full ESCO release of tests/data, imported into a catalogue file."""
    folder = tmp_path_factory.mktemp("esco-release")
    unpack(RELEASE, folder)
    source = next(folder.rglob("occupations_en.csv")).parent
    path = folder / "esco-release.json"
    path.write_text(json.dumps(import_esco(source).data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def release(release_file: Path) -> Iterator[MemoryIndex]:
    """The imported release, in memory."""
    data = json.loads(release_file.read_text(encoding="utf-8"))
    yield MemoryIndex(catalogue_from_data(data))


def on_release(release_file: Path, *args: str, columns: int = 80) -> Run:
    """`careers ARGS --data RELEASE` run as a user runs it, to a pipe `columns` wide."""
    return run_installed([*args, "--data", str(release_file)], env={"COLUMNS": str(columns)})
