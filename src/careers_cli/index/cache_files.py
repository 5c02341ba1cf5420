"""The stores in the cache directory, as `careers cache` lists and clears them."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import NamedTuple

from careers_cli.errors import OutputError, os_error_reason
from careers_cli.index.cache import (
    LOCK_SUFFIX,
    STALE_TEMPORARY_SECONDS,
    STORE_SUFFIX,
    TEMPORARY_PREFIX,
    TEMPORARY_SUFFIX,
    cache_directory,
    is_fresh,
    read_meta,
)


class StoreInfo(NamedTuple):
    """A store in the cache directory, as `careers cache` shows it."""

    store: Path
    size: int
    catalogue: Path | None
    """The catalogue it was built from; None for a file that is not a readable store."""
    fresh: bool
    """Whether it would be trusted now: the catalogue on disk is still the one it was built
    from, and the program the one that built it."""
    version: str | None


def list_stores() -> list[StoreInfo]:
    """Every store in the cache directory, by catalogue path, then store path; unreadable
    ones last. Raises `OutputError` when the directory exists but cannot be read."""
    stores = [
        _describe(Path(entry.path), entry.stat(follow_symlinks=False).st_size)
        for entry in directory_entries(cache_directory())
        if _is_store_file(entry)
    ]
    return sorted(stores, key=lambda s: (s.catalogue is None, str(s.catalogue or ""), str(s.store)))


def clear_stores() -> tuple[int, int]:
    """Remove every store, the temporary files of killed builds and the lock files of
    background builds; nothing else in the directory is touched. Returns the number of files
    removed and the bytes freed.

    Raises `OutputError` naming the first file that cannot be removed.
    """
    removed = freed = 0
    now = time.time()
    for entry in directory_entries(cache_directory()):
        if not (_is_store_file(entry) or _is_lock_file(entry) or is_stale_temporary(entry, now)):
            continue
        size = entry.stat(follow_symlinks=False).st_size
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            continue  # another process removed or replaced it first
        except OSError as error:
            reason = os_error_reason(error)
            raise OutputError("cache.cannot_remove", path=entry.path, reason=reason) from None
        removed, freed = removed + 1, freed + size
    return removed, freed


def directory_entries(directory: Path, *, quiet: bool = False) -> list[os.DirEntry[str]]:
    """The entries of `directory`; none when it does not exist."""
    try:
        with os.scandir(directory) as entries:
            return list(entries)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        if quiet:
            return []
        reason = os_error_reason(error)
        raise OutputError("cache.unreadable", path=str(directory), reason=reason) from None


def _is_store_file(entry: os.DirEntry[str]) -> bool:
    return entry.name.endswith(STORE_SUFFIX) and _is_regular_file(entry)


def _is_lock_file(entry: os.DirEntry[str]) -> bool:
    return entry.name.endswith(LOCK_SUFFIX) and _is_regular_file(entry)


def is_stale_temporary(entry: os.DirEntry[str], now: float) -> bool:
    if not (entry.name.startswith(TEMPORARY_PREFIX) and entry.name.endswith(TEMPORARY_SUFFIX)):
        return False
    try:
        facts = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(facts.st_mode) and now - facts.st_mtime > STALE_TEMPORARY_SECONDS


def _is_regular_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _describe(store: Path, size: int) -> StoreInfo:
    meta = read_meta(store) or {}
    path, version = meta.get("catalogue_path"), meta.get("program_version")
    if not isinstance(path, bytes):
        return StoreInfo(store, size, None, False, None)
    catalogue = Path(os.fsdecode(path))
    fresh = is_fresh(store, catalogue)
    return StoreInfo(store, size, catalogue, fresh, version if isinstance(version, str) else None)
