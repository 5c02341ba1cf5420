"""The index of a catalogue: from its store when there is a trusted one, else read from its
file while a store is compiled for the next time.

The first time a user's catalogue is used it is read and validated, the command answers from
it, and a process of its own compiles it into a store in the user's cache directory (`cache`
decides where, and when a store may be trusted; `careers cache build` compiles one at once).
A catalogue that fails validation is never stored. The built-in catalogue is small and read
from its file.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

from careers_cli.catalogue.progress import Progress
from careers_cli.catalogue.reading import (
    CatalogueSource,
    read_catalogue,
    read_catalogue_bytes,
)
from careers_cli.index import digest
from careers_cli.index.compiler import filling, filling_from_bytes
from careers_cli.index.memory import MemoryIndex
from careers_cli.index.query import CatalogueIndex
from careers_cli.index.store import StoredIndex

Report = Callable[[str], None]
"""Told, in English, why a store was not used or not written (for `--debug`)."""


def open_index(
    source: CatalogueSource,
    *,
    use_store: bool = True,
    progress: Progress | None = None,
    report: Report | None = None,
    later: list[Callable[[], None]] | None = None,
) -> CatalogueIndex:
    """The index of a catalogue: from its store when there is a trusted one, else read from
    the file (validated) and compiled into a store for the next time.

    Where stores are built in the background (`cache.builds_in_background`), a process of its
    own compiles the store: started by the caller once the command has answered when `later`
    is given (the start is appended to it), else at once. Otherwise the store is compiled here,
    before returning. Raises `CatalogueError` as `load_catalogue` does. A store that cannot be
    used or written is no error: the catalogue is read from its file, and `report` is told why.
    """
    from careers_cli.index import cache

    tell = report or _silent
    if source.bundled or not use_store or cache.caching_disabled():
        return MemoryIndex(read_catalogue(source).catalogue)
    try:
        stamp = cache.stamp_of(source.path)
        store_path = cache.store_path_for(source.path)
    except OSError:  # reading the file says what is wrong with it
        return MemoryIndex(read_catalogue(source).catalogue)
    connection = cache.open_trusted(
        store_path, stamp, lambda: read_catalogue_bytes(source.path), why=tell
    )
    if connection is not None:
        # What is allocated by now (the imported modules, above all) lives as long as the
        # process: out of the collector's sight, its later runs and the last one at exit have
        # little to traverse, as after a catalogue is read from its file.
        gc.freeze()
        return StoredIndex(connection, store_path)
    if cache.folder_untrusted_because(store_path.parent) is not None:
        return MemoryIndex(read_catalogue(source).catalogue)  # nothing is built there either
    from careers_cli.index import cache_build  # (and what writes files) only to compile

    tell(f"no up-to-date store for {source.path} at {store_path}: compiling one")
    built_ns = time.time_ns()
    loaded = read_catalogue(source)  # a catalogue that fails validation stops here
    if cache.builds_in_background():
        # Only the file's bytes are kept for the process that compiles: the parsed catalogue
        # is let go of with the command, before that process shares this one's memory (what
        # this process frees after the fork, the system must copy first).
        raw = loaded.raw

        def build_in_background() -> None:
            fill = filling_from_bytes(raw, source.path)
            started = cache_build.build_in_background(
                store_path, stamp, raw, built_ns, fill, why=tell
            )
            if started is not None:
                tell(f"compiling {store_path} in the background (process {started})")

        if later is None:
            build_in_background()
        else:
            later.append(build_in_background)
    else:
        content_sha256 = digest.sha256(loaded.raw).hexdigest()
        fill = filling(loaded.data, progress)
        cache_build.build_atomically(store_path, stamp, content_sha256, built_ns, fill, why=tell)
    return MemoryIndex(loaded.catalogue)


def compile_written(
    path: Path,
    raw: bytes,
    *,
    report: Report | None = None,
    later: list[Callable[[], None]] | None = None,
) -> None:
    """Have the store of a catalogue this program has just written and validated (`import
    esco`, which wrote `raw` to `path`) compiled from those bytes, as `open_index` has a
    changed catalogue's compiled, without reading or validating the file again: in a process
    of its own where stores are built in the background (started once the command has
    answered when `later` is given), else here. Nothing when caching is off; a store that
    cannot be written is no error (`report` is told why)."""
    from careers_cli.index import cache, cache_build

    tell = report or _silent
    if cache.caching_disabled():
        return
    try:
        stamp = cache.stamp_of(path)
        store_path = cache.store_path_for(path)
    except OSError:
        return
    built_ns = time.time_ns()
    if not cache.builds_in_background():
        content_sha256 = digest.sha256(raw).hexdigest()
        fill = filling_from_bytes(raw, path)
        cache_build.build_atomically(store_path, stamp, content_sha256, built_ns, fill, why=tell)
        return

    def build_in_background() -> None:
        fill = filling_from_bytes(raw, path)
        cache_build.build_in_background(store_path, stamp, raw, built_ns, fill, why=tell)

    if later is None:
        build_in_background()
    else:
        later.append(build_in_background)


def _silent(_: str) -> None:
    """Reasons nobody asked for."""
