"""What the store tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from benchmarks.generate_catalogue import generate
from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.catalogue.format import check_catalogue
from careers_cli.errors import CareersError
from careers_cli.index import cache as cache
from careers_cli.index.compiler import compile_store
from careers_cli.index.memory import MemoryIndex
from careers_cli.index.query import CatalogueIndex
from careers_cli.index.store import StoredIndex
from tests.helpers import (
    DATA,
    FORMAT_1_CATALOGUE,
    TEST_DATA,
    Run,
    catalogue_alone_in_a_folder,
    invoke,
)

CACHE_DIR = "CAREERS_CACHE_DIR"


NO_CACHE = "CAREERS_NO_CACHE"


FORMAT_2 = TEST_DATA / "format-2-features.json"


ESCO_SAMPLE = TEST_DATA / "esco-sample"


HOUR_NS = 3600 * 1_000_000_000


def esco_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ESCO sample imported: 61 careers, 1,905 skills."""
    output = tmp_path_factory.mktemp("esco") / "esco.json"
    run = invoke(["import", "esco", str(ESCO_SAMPLE), "--output", str(output)])
    assert run.exit_code == 0, run.stderr
    data = json.loads(output.read_text(encoding="utf-8"))
    assert (len(data["careers"]), len(data["skills"])) == (61, 1905)
    return output


def read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def stored_index(data: dict[str, Any], path: Path | None = None) -> StoredIndex:
    """A store compiled from `data` in memory, and its index."""
    connection = sqlite3.connect(":memory:")
    compile_store(connection, data, lambda stage, done, total: None)
    connection.commit()
    return StoredIndex(connection, path or Path("/nonexistent/careers-test-store.sqlite"))


def memory_index(data: dict[str, Any]) -> MemoryIndex:
    return MemoryIndex(catalogue_from_data(data))


class Indexes(NamedTuple):
    """A catalogue's parsed JSON, its `MemoryIndex`, and a compiled store to open indexes on."""

    name: str
    data: dict[str, Any]
    memory: MemoryIndex
    connection: sqlite3.Connection

    def stored(self) -> StoredIndex:
        """A new `StoredIndex` on the store (nothing read yet, nothing kept)."""
        return StoredIndex(self.connection, Path("/nonexistent/careers-test-store.sqlite"))


INDEX_CATALOGUES = ["built-in", "format-2-features", "format-1", "esco-sample", "generated-300"]


def indexes(request: pytest.FixtureRequest, esco_file: Path) -> Iterator[Indexes]:
    name: str = request.param
    if name == "built-in":
        data = read_json(DATA)
    elif name == "format-2-features":
        data = read_json(FORMAT_2)
    elif name == "format-1":
        data = read_json(FORMAT_1_CATALOGUE)
    elif name == "esco-sample":
        data = read_json(esco_file)
    else:
        data = generate(300, seed=11)
    check_catalogue(data)
    connection = sqlite3.connect(":memory:")
    compile_store(connection, data, lambda stage, done, total: None)
    connection.commit()
    yield Indexes(name, data, memory_index(data), connection)
    connection.close()


class Differences:
    """Each question both indexes were asked, and where their answers differ."""

    def __init__(self) -> None:
        self.asked = 0
        self.answered = 0
        self.found: list[str] = []

    def check(self, what: str, memory: object, stored: object) -> None:
        self.asked += 1
        self.answered += bool(memory)
        if memory != stored:
            self.found.append(f"{what}:\n  memory {memory!r:.400}\n  stored {stored!r:.400}")

    def assert_none(self, at_least_answered: int = 1) -> None:
        assert self.found == [], f"{len(self.found)} of {self.asked} differ:\n" + "\n".join(
            self.found[:20]
        )
        # Not vacuous: some of the questions had answers.
        assert self.answered >= at_least_answered, (self.answered, self.asked)


class Failure(NamedTuple):
    """A `CareersError` as far as a command's output depends on it."""

    kind: str
    key: str
    params: dict[str, object]
    candidates: tuple[object, ...] | None
    suggestion_key: str | None
    hint_key: str | None


def outcome(call: Callable[[], object]) -> object:
    """What `call` returns, or the error it raises as a `Failure` (other exceptions propagate:
    an index must never raise one)."""
    try:
        return call()
    except CareersError as error:
        return Failure(
            type(error).__name__,
            error.key,
            error.params,
            getattr(error, "candidates", None),
            getattr(error, "suggestion_key", None),
            getattr(error, "hint_key", None),
        )


def same_outcome(
    memory: CatalogueIndex, stored: CatalogueIndex, question: Callable[[CatalogueIndex], object]
) -> object:
    """Ask both indexes the same question: equal answers, or equal errors."""
    mine = outcome(lambda: question(memory))
    theirs = outcome(lambda: question(stored))
    assert theirs == mine
    return mine


def an_hour_ago(path: Path) -> None:
    """Set the file's mtime an hour back: far from any build, so its store is trusted by its
    stamp alone (not "racy")."""
    then = time.time_ns() - HOUR_NS
    os.utime(path, ns=(then, then))


def seen(run: Run) -> tuple[int, str, str]:
    return int(run.exit_code), run.stdout, run.stderr


def store_in(cache_dir: Path) -> Path:
    """The one store in `cache_dir` (and no build's temporary file left beside it)."""
    stores = sorted(cache_dir.glob("*.sqlite"))
    assert len(stores) == 1, sorted(os.listdir(cache_dir)) if cache_dir.exists() else "no dir"
    assert sorted(p.name for p in cache_dir.iterdir()) == [stores[0].name]
    return stores[0]


def identity(path: Path) -> tuple[int, int, int]:
    """What changes when a store is rebuilt (it is renamed into place: a new inode)."""
    facts = path.stat()
    return facts.st_ino, facts.st_mtime_ns, facts.st_size


def trusted(store: Path, catalogue: Path) -> bool:
    """Whether the store would be used for the catalogue as it is now."""
    connection = cache.open_trusted(store, cache.stamp_of(catalogue), catalogue.read_bytes)
    if connection is None:
        return False
    connection.close()
    return True


def format_2_alone(tmp_path: Path) -> Path:
    """format-2-features alone in a folder, its mtime far in the past."""
    return catalogue_alone_in_a_folder(tmp_path, lambda p: p.write_bytes(FORMAT_2.read_bytes()))


def rewrite_in_place(path: Path, old: bytes, new: bytes, *, keep_mtime: bool = True) -> None:
    """Replace `old` by `new` in the file itself (same inode), keeping its mtime if asked."""
    before = path.stat()
    content = path.read_bytes()
    assert content.count(old) == 1, old
    with path.open("r+b") as stream:
        stream.write(content.replace(old, new))
        stream.truncate()
    if keep_mtime:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert after.st_ino == before.st_ino
    if keep_mtime:
        assert after.st_mtime_ns == before.st_mtime_ns


def cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test of the store reads or writes the user's cache, or inherits a wish for none."""
    monkeypatch.delenv(NO_CACHE, raising=False)
    monkeypatch.setenv(CACHE_DIR, str(tmp_path / "cache"))
