"""Building a store safely: into a temporary file beside it, renamed into place when whole, in
the foreground or by a process of its own that holds a lock beside the store.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from careers_cli.errors import OutputError, os_error_reason
from careers_cli.index import digest
from careers_cli.index.cache import (
    RACY_NS,
    TEMPORARY_PREFIX,
    TEMPORARY_SUFFIX,
    Meta,
    Stamp,
    lock_path_for,
    stamp_of,
    stamp_rows,
)
from careers_cli.index.cache_files import directory_entries, is_abandoned_temporary
from careers_cli.userfiles.atomic import replaced_atomically


def build_atomically(
    store: Path,
    stamp: Stamp,
    content_sha256: str,
    built_ns: int,
    fill: Callable[[sqlite3.Connection], None],
    why: Callable[[str], None] | None = None,
    *,
    wait_to_settle: bool = False,
) -> bool:
    """Build `store` in a temporary file beside it, then rename it into place: a reader sees
    the old store or the new one, whole, never a part. True when it was built.

    `built_ns` is `time.time_ns()` taken before the catalogue was read, and `content_sha256`
    the hash of the bytes the store is built from. `fill` writes the store's tables inside the
    one transaction committed after it. A store that cannot be written (no cache directory, a
    full disk, a read-only file system) is not built: False, and `why` is told the reason.
    Other exceptions from `fill` are bugs and propagate; the temporary file never stays.
    Two processes may build the same store at once: each writes its own temporary file, and
    the last rename wins with a store as valid as the other.

    A catalogue modified within `RACY_NS` of `built_ns` would have its content hashed by every
    command that opens the store: once that window has passed (waited for, with
    `wait_to_settle`), the catalogue is checked again and the store saved as built then.
    """
    error = _build(store, stamp, content_sha256, built_ns, fill, wait_to_settle)
    if error is None:
        return True
    if why is not None:
        why(_reason(error, store))
    return False


def write_store(
    store: Path,
    stamp: Stamp,
    content_sha256: str,
    built_ns: int,
    fill: Callable[[sqlite3.Connection], None],
) -> None:
    """`build_atomically`, for a command whose work is to write the store: raises
    `OutputError` saying why it cannot be written."""
    error = _build(store, stamp, content_sha256, built_ns, fill, wait_to_settle=False)
    if error is not None:
        if isinstance(error, OSError):
            reason: str = os_error_reason(error)
            if error.filename is not None and Path(error.filename) != store:
                reason = os_error_reason(error).at(error.filename)
        else:
            reason = str(error)
        raise OutputError("cache.not_written", path=str(store), reason=reason)


def _build(
    store: Path,
    stamp: Stamp,
    content_sha256: str,
    built_ns: int,
    fill: Callable[[sqlite3.Connection], None],
    wait_to_settle: bool,
) -> OSError | sqlite3.Error | None:
    """`build_atomically`'s work: None when the store was built, else the error that
    stopped it."""
    try:
        store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_stale_temporaries(store.parent)

        def settle() -> int:
            return _settled_ns(stamp, content_sha256, built_ns, wait=wait_to_settle)

        with replaced_atomically(
            store, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, sync=True
        ) as temporary:
            _write_store(temporary, _build_rows(stamp, content_sha256, built_ns), fill, settle)
        return None
    except (OSError, sqlite3.Error) as error:
        return error


def _settled_ns(stamp: Stamp, content_sha256: str, built_ns: int, *, wait: bool) -> int:
    """`built_ns`, or a later time at which the catalogue was seen unchanged (its stamp, then
    its content) after the `RACY_NS` window of its modification time had passed: a change
    after that time would give it another modification time, so a store saved as built then
    is trusted by its stamp alone. `wait` sleeps until the window has passed; without it, a
    window not passed yet keeps `built_ns`."""
    if stamp.mtime_ns < built_ns - RACY_NS:
        return built_ns
    settled_at = stamp.mtime_ns + RACY_NS + 1
    remaining = settled_at - time.time_ns()
    if remaining > 0:
        if not wait or remaining > RACY_NS + 1:  # a modification time in the future
            return built_ns
        time.sleep(remaining / 1e9)
    checked_ns = time.time_ns()
    try:
        if stamp_of(Path(stamp.path)) != stamp or _sha256_of(stamp.path) != content_sha256:
            return built_ns
    except OSError:
        return built_ns
    return checked_ns


def _sha256_of(path: str) -> str:
    hashed = digest.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            hashed.update(chunk)
    return hashed.hexdigest()


def build_in_background(
    store: Path,
    stamp: Stamp,
    content: bytes,
    built_ns: int,
    fill: Callable[[sqlite3.Connection], None],
    why: Callable[[str], None],
) -> int | None:
    """Start a process that builds `store` as `build_atomically` does (from the catalogue's
    `content`, which it hashes), waiting for the catalogue to settle, and return its pid at
    once, for a command that has already answered from the catalogue file. The process holds a
    lock beside the store while it builds, so that the commands run in the meantime do not
    start builds of their own; it prints nothing and leaves no trace when it fails (the next
    command tries again). None, and `why` is told, where no process was started: the store is
    being built already, the cache directory cannot be written, or the system has no process
    to spare.
    """
    import fcntl  # only where a store is built in the background (POSIX)

    lock = lock_path_for(store)
    try:
        store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = _open_lock(lock)
    except OSError as error:
        why(_reason(error, store))
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        why(f"store {store} is being compiled by another process")
        return None
    for stream in (sys.stdout, sys.stderr):  # what the command wrote, written once
        with contextlib.suppress(Exception):
            stream.flush()
    try:
        pid = os.fork()
    except OSError as error:  # no memory or no process left for it: the next command tries
        os.close(descriptor)
        why(f"store {store} could not be compiled in the background: {error}")
        return None
    if pid:
        os.close(descriptor)  # the child holds the lock until it ends
        return pid
    status = 1
    try:
        gc.disable()  # a process that ends with its build has nothing to collect
        os.setsid()  # not the terminal's: Ctrl-C in the shell does not reach it
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):  # a pipe from the command reaches its end with the command
            os.dup2(quiet, stream)
        content_sha256 = digest.sha256(content).hexdigest()
        built = build_atomically(store, stamp, content_sha256, built_ns, fill, wait_to_settle=True)
        status = 0 if built else 1
    finally:
        os._exit(status)  # never the parent's exit handlers, nor its buffers a second time


def _open_lock(lock: Path) -> int:
    """The lock file's descriptor; a symlink, pipe or other file planted in its place is
    removed."""
    import stat

    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(lock, flags, 0o600)
    except OSError:
        if lock.is_dir() and not lock.is_symlink():
            raise
    else:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            return descriptor
        os.close(descriptor)
    lock.unlink(missing_ok=True)
    return os.open(lock, flags | os.O_EXCL, 0o600)


def _build_rows(stamp: Stamp, content_sha256: str, built_ns: int) -> Meta:
    return {**stamp_rows(stamp), "built_ns": str(built_ns), "content_sha256": content_sha256}


def _write_store(
    path: Path,
    meta: Meta,
    fill: Callable[[sqlite3.Connection], None],
    settle: Callable[[], int],
) -> None:
    """Write the store's tables; `settle` gives the build time to save, once they are written."""
    connection = sqlite3.connect(path)
    try:
        # No journal and no syncing while it is written: the file is only renamed into place
        # once whole (and synced then), and a build that fails is thrown away.
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value NOT NULL)")
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        fill(connection)
        built_ns = settle()
        connection.execute("UPDATE meta SET value = ? WHERE key = 'built_ns'", (str(built_ns),))
        connection.commit()
    finally:
        connection.close()


def _reason(error: OSError | sqlite3.Error, store: Path) -> str:
    """Why a store was not built, in English, for `--debug`."""
    if isinstance(error, OSError):
        detail: str = os_error_reason(error)
        if error.filename is not None and Path(error.filename) != store.parent:
            detail = f"{error.filename}: {detail}"
        if isinstance(error, IsADirectoryError) and store.is_dir():
            return f"store {store} could not be written: a directory has its name"
        return f"cache directory {store.parent} is not writable: {detail}"
    return f"store {store} could not be built: {error}"


def _remove_quietly(path: Path | None) -> None:
    if path is not None:
        # A temporary file that cannot be removed now is removed by a later build, once stale.
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _remove_stale_temporaries(directory: Path) -> None:
    """Remove what builds that did not finish left (killed, or the machine stopped; Ctrl-C
    removes its own): the temporary files no process is writing."""
    for entry in directory_entries(directory, quiet=True):
        if is_abandoned_temporary(entry):
            _remove_quietly(Path(entry.path))
