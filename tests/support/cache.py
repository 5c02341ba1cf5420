"""What the cache tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from careers_cli.index import cache, cache_build

OLD_NS = 1_000_000_000_000_000_000
"""An mtime far from any build (2001): a catalogue this old is never racy."""


ROWS = [(f"career-{n:04}", "x" * 200) for n in range(400)]
"""What `fill` writes: enough for a store of many pages (about 100 kB)."""


def write_rows(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE careers (id TEXT PRIMARY KEY, text TEXT NOT NULL)")
    connection.executemany("INSERT INTO careers VALUES (?, ?)", ROWS)


def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$CAREERS_CACHE_DIR: a folder that does not exist yet."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CAREERS_CACHE_DIR", str(folder))
    return folder


def make_catalogue(path: Path, content: bytes = b'{"careers": []}\n') -> Path:
    """A catalogue file (its content does not matter here) with an old mtime."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.utime(path, ns=(OLD_NS, OLD_NS))
    return path.resolve()  # as stores record it


def catalogue(tmp_path: Path, cache_dir: Path) -> Path:
    return make_catalogue(tmp_path / "catalogues" / "careers.json")


def build(
    catalogue: Path,
    *,
    fill: Callable[[sqlite3.Connection], None] = write_rows,
    built_ns: int | None = None,
    why: Callable[[str], None] | None = None,
) -> bool:
    """Build the store of `catalogue` as the store module does: the clock read first."""
    built_ns = time.time_ns() if built_ns is None else built_ns
    stamp = cache.stamp_of(catalogue)
    digest = hashlib.sha256(catalogue.read_bytes()).hexdigest()
    return cache_build.build_atomically(
        cache.store_path_for(catalogue), stamp, digest, built_ns, fill, why
    )


@contextmanager
def trusted(
    catalogue: Path, content: Callable[[], bytes] | None = None
) -> Iterator[sqlite3.Connection | None]:
    """The connection `open_trusted` gives for the catalogue as it is now (closed after)."""
    store = cache.store_path_for(catalogue)
    connection = cache.open_trusted(
        store, cache.stamp_of(catalogue), content or catalogue.read_bytes
    )
    try:
        yield connection
    finally:
        if connection is not None:
            connection.close()


def is_trusted(catalogue: Path) -> bool:
    with trusted(catalogue) as connection:
        return connection is not None


@contextmanager
def populated(
    tmp_path: Path, cache_dir: Path, *, running: bool = True
) -> Iterator[dict[str, Path]]:
    """A cache folder with a fresh store, a stale one, a file that is not a store, the
    temporary files of a build that was killed and of one still running (its lock held while
    the block runs; without `running`, killed too), and files that are not the program's."""
    fresh = make_catalogue(tmp_path / "catalogues" / "b-fresh.json")
    stale = make_catalogue(tmp_path / "catalogues" / "a-stale.json")
    assert build(fresh) and build(stale)
    make_catalogue(stale, b"{}\n")
    junk = cache_dir / "junk.sqlite"
    junk.write_text("not a database\n")
    old_tmp, new_tmp = cache_dir / ".old.sqlite.tmp", cache_dir / ".new.sqlite.tmp"
    old_tmp.write_bytes(b"x" * 10)
    new_tmp.write_bytes(b"y" * 10)
    (cache_dir / "notes.txt").write_text("mine\n")
    (cache_dir / "folder.sqlite").mkdir()
    (cache_dir / "x.sqlite-journal").write_bytes(b"j")
    paths = {"fresh": fresh, "stale": stale, "junk": junk, "old_tmp": old_tmp, "new_tmp": new_tmp}
    if not running:
        yield paths
        return
    with held_lock(new_tmp):
        yield paths


def cleared_by_clear(populated: dict[str, Path]) -> list[Path]:
    """What `cache clear` removes of a `populated` folder whose builds were all killed: the
    stores, the file that is not a store, and the unfinished files."""
    return [
        cache.store_path_for(populated["fresh"]),
        cache.store_path_for(populated["stale"]),
        populated["junk"],
        populated["old_tmp"],
        populated["new_tmp"],
    ]


@contextmanager
def held_lock(path: Path) -> Iterator[None]:
    """Hold the lock a build holds on its temporary file (or lock file) while it runs."""
    import fcntl

    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def size_of(path: Path) -> int:
    return path.stat().st_size
