"""The stores in the cache directory, as `careers cache` lists and clears them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from careers_cli.errors import OutputError, os_error_reason
from careers_cli.index.cache import (
    LOCK_SUFFIX,
    STORE_SUFFIX,
    TEMPORARY_PREFIX,
    TEMPORARY_SUFFIX,
    cache_directory,
    is_fresh,
    read_meta,
    untrusted_because,
)
from careers_cli.userfiles.atomic import is_being_written, wait_until_written


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
    untrusted: str | None = None
    """Why it is never used, whatever it holds: another user could have written it (see
    `cache.untrusted_because`); None for a store only this user can have written."""


class Unfinished(NamedTuple):
    """The temporary files of compilations that ended before they finished (killed, or the
    machine stopped), which no process is writing."""

    files: int
    size: int


def list_stores() -> list[StoreInfo]:
    """Every store in the cache directory, by catalogue path, then store path; unreadable
    ones last. Raises `OutputError` when the directory exists but cannot be read."""
    stores = [
        _describe(Path(entry.path), entry.stat(follow_symlinks=False).st_size)
        for entry in directory_entries(cache_directory())
        if _is_store_file(entry)
    ]
    return sorted(stores, key=lambda s: (s.catalogue is None, str(s.catalogue or ""), str(s.store)))


def list_unfinished() -> Unfinished:
    """What compilations that did not finish left in the cache directory."""
    entries = [e for e in directory_entries(cache_directory()) if is_abandoned_temporary(e)]
    return Unfinished(len(entries), sum(_size_of(entry) for entry in entries))


class Cleared(NamedTuple):
    """What `clear_stores` removed."""

    stores: int
    unfinished: int
    """Temporary files of compilations that did not finish."""
    size: int
    """Bytes freed, by both."""


def clear_stores(waiting: Callable[[], None] | None = None) -> Cleared:
    """Remove every store and what compilations that did not finish left, with the lock files
    of background compilations; nothing else in the directory is touched.

    A compilation in progress is waited for first (`waiting` is told, once, before the wait),
    so that it cannot write its store after the others are gone. Raises `OutputError` naming
    the first file that cannot be removed.
    """
    directory = cache_directory()
    told = False
    for entry in directory_entries(directory):
        if (_is_lock_file(entry) or _is_temporary(entry)) and is_being_written(entry.path):
            if not told and waiting is not None:
                waiting()
            told = True
            wait_until_written(entry.path)
    stores = unfinished = freed = 0
    for entry in directory_entries(directory):
        is_store = _is_store_file(entry)
        is_unfinished = is_abandoned_temporary(entry)
        if not (is_store or is_unfinished or _is_lock_file(entry)):
            continue
        size = _size_of(entry)
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            continue  # another process removed or replaced it first
        except OSError as error:
            reason = os_error_reason(error)
            raise OutputError("cache.cannot_remove", path=entry.path, reason=reason) from None
        if is_store:
            stores, freed = stores + 1, freed + size
        elif is_unfinished:
            unfinished, freed = unfinished + 1, freed + size
    return Cleared(stores, unfinished, freed)


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


def _is_temporary(entry: os.DirEntry[str]) -> bool:
    named = entry.name.startswith(TEMPORARY_PREFIX) and entry.name.endswith(TEMPORARY_SUFFIX)
    return named and _is_regular_file(entry)


def is_abandoned_temporary(entry: os.DirEntry[str]) -> bool:
    """A compilation's temporary file that no process is writing: it was left by one that
    ended before it finished (Ctrl-C, a kill, a crash), and is removed at once."""
    return _is_temporary(entry) and not is_being_written(entry.path)


def _size_of(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat(follow_symlinks=False).st_size
    except OSError:
        return 0


def _is_regular_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _describe(store: Path, size: int) -> StoreInfo:
    untrusted = untrusted_because(store)
    meta = read_meta(store) or {}
    path, version = meta.get("catalogue_path"), meta.get("program_version")
    version = version if isinstance(version, str) else None
    if not isinstance(path, bytes):
        return StoreInfo(store, size, None, False, None, untrusted)
    catalogue = Path(os.fsdecode(path))
    fresh = untrusted is None and is_fresh(store, catalogue)
    return StoreInfo(store, size, catalogue, fresh, version, untrusted)
