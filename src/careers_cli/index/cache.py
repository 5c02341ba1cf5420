"""Where compiled catalogues (stores) are kept, and when one may be trusted.

A store is a SQLite file derived from a catalogue file, kept in the user's cache directory and
never next to the catalogue, which is never written. It is trusted the way git trusts its index
(`read-cache.c`): the catalogue's path, size, modification time, inode and device must be those
saved when the store was built, and so must the store format and the program's version. A
catalogue modified within the file system's timestamp resolution of the build ("racy git") is
compared by content as well.

A store is disposable: one that is missing, damaged, locked or from another version is not
trusted, and one that cannot be written is not built; neither is an error, since the catalogue
can always be read from its file. What writes SQL into a store's own tables is `store`'s.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from careers_cli import __version__
from careers_cli.errors import OutputError

CACHE_DIR_ENV_VAR = "CAREERS_CACHE_DIR"
NO_CACHE_ENV_VAR = "CAREERS_NO_CACHE"
BUILD_ENV_VAR = "CAREERS_CACHE_BUILD"
"""`foreground` compiles a store before the command answers; anything else (the default), in a
process of its own after it has answered, where the system can fork one."""
STORE_FORMAT = 3
"""The layout of a store's tables: raise it whenever they change, and older stores are rebuilt."""
PROGRAM_VERSION = __version__
STORE_SUFFIX = ".sqlite"
TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".", ".sqlite.tmp"
LOCK_SUFFIX = ".sqlite.lock"
"""Beside a store being compiled in the background: held (flock) by the process compiling it."""
RACY_NS = 2_000_000_000
"""A catalogue modified this close to a build may have changed unseen: some file systems keep
modification times in whole seconds (FAT in two), so a rewrite in the same tick keeps its mtime."""
STALE_TEMPORARY_SECONDS = 3600
"""A build's temporary file older than this was left by a build that was killed."""
_TRUE_WORDS = ("1", "true", "yes", "on")


def cache_directory() -> Path:
    """`$CAREERS_CACHE_DIR` when set and not blank, else the user's cache directory for
    `careers` (`$XDG_CACHE_HOME/careers`, by default `~/.cache/careers`, on Linux)."""
    from_env = os.environ.get(CACHE_DIR_ENV_VAR, "")
    if from_env.strip():
        return Path(from_env).absolute()
    import platformdirs  # here, not at the top: most runs never need it, and start-up counts

    return Path(platformdirs.user_cache_dir("careers", appauthor=False))


def builds_in_background() -> bool:
    """Whether a store is compiled in a background process (`$CAREERS_CACHE_BUILD`)."""
    foreground = os.environ.get(BUILD_ENV_VAR, "").strip().lower() == "foreground"
    return hasattr(os, "fork") and not foreground


def caching_disabled() -> bool:
    """Whether `$CAREERS_NO_CACHE` asks for catalogues to be read from their files only."""
    return os.environ.get(NO_CACHE_ENV_VAR, "").strip().lower() in _TRUE_WORDS


class Stamp(NamedTuple):
    """What a catalogue file looked like: a change to its content changes one of these, except
    a rewrite of the same size within the timestamp's resolution (see `open_trusted`)."""

    path: str
    size: int
    mtime_ns: int
    inode: int
    device: int


def stamp_of(path: Path) -> Stamp:
    """The stamp of the catalogue at `path` (resolved); raises `OSError` when it cannot be
    looked at."""
    resolved = path.resolve()
    facts = os.stat(resolved)
    return Stamp(str(resolved), facts.st_size, facts.st_mtime_ns, facts.st_ino, facts.st_dev)


def store_path_for(catalogue: Path) -> Path:
    """Where the store of `catalogue` is kept: named by a hash of its resolved path, so each
    catalogue has its own and the name says nothing of the user's folders."""
    name = os.fsencode(str(catalogue.resolve()))  # any path, undecodable bytes included
    return cache_directory() / f"{hashlib.sha256(name).hexdigest()[:32]}{STORE_SUFFIX}"


# --- trusting a store ----------------------------------------------------------------------------

Meta = dict[str, object]
"""A store's `meta` table: texts, and the catalogue's path as the bytes the system gave."""


def _stamp_rows(stamp: Stamp) -> Meta:
    """The rows that must be equal for a store to be trusted. Numbers are kept as text: an
    inode or device number may not fit SQLite's 64-bit integers."""
    return {
        "store_format": str(STORE_FORMAT),
        "program_version": PROGRAM_VERSION,
        "catalogue_path": os.fsencode(stamp.path),
        "catalogue_size": str(stamp.size),
        "catalogue_mtime_ns": str(stamp.mtime_ns),
        "catalogue_inode": str(stamp.inode),
        "catalogue_device": str(stamp.device),
    }


def open_trusted(
    store: Path, stamp: Stamp, content: Callable[[], bytes]
) -> sqlite3.Connection | None:
    """A read-only connection to `store` when it was built from the catalogue `stamp`
    describes, by this program; else None (a store that is missing, empty, truncated, not
    SQLite, damaged, locked or of another version is no error, only not trusted).

    `content` reads the catalogue's bytes; it is called only when the catalogue was modified
    within `RACY_NS` of the build, and its errors other than `OSError` are the caller's.
    A page of the store's own tables damaged in place is not looked for here (that would read
    the whole store): SQLite reports it as `sqlite3.DatabaseError` when it is read.
    """
    try:
        connection = sqlite3.connect(_read_only_uri(store), uri=True, timeout=0)
    except (sqlite3.Error, OSError):
        return None
    try:
        trusted = _is_trusted(connection, store, stamp, content)
        if trusted:
            connection.execute("PRAGMA query_only=1")
    except (sqlite3.Error, OSError):
        trusted = False
    except BaseException:
        connection.close()
        raise
    if not trusted:
        connection.close()
        return None
    return connection


def _read_only_uri(store: Path) -> str:
    # The path's bytes, percent-encoded: a '?' or '#' in a folder's name stays part of the path.
    path = store.absolute().as_posix()
    rooted = path if path.startswith("/") else "/" + path
    return f"file:{_percent_encoded(os.fsencode(rooted))}?mode=ro"


_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")


def _percent_encoded(raw: bytes) -> str:
    """A path's bytes as a URI path (what `urllib.parse.quote` gives, without importing it:
    every command that opens a store pays for its imports)."""
    return "".join(chr(byte) if byte in _URI_SAFE else f"%{byte:02X}" for byte in raw)


def _is_trusted(
    connection: sqlite3.Connection, store: Path, stamp: Stamp, content: Callable[[], bytes]
) -> bool:
    meta: Meta = dict(connection.execute("SELECT key, value FROM meta"))
    if any(meta.get(key) != value for key, value in _stamp_rows(stamp).items()):
        return False
    if not _is_whole(connection, store):
        return False
    connection.execute("PRAGMA schema_version").fetchone()  # its schema is readable too
    built_ns = _whole_number(meta.get("built_ns"))
    if built_ns is None:
        return False
    if stamp.mtime_ns >= built_ns - RACY_NS:  # changed in the same tick as the build, maybe
        return hashlib.sha256(content()).hexdigest() == meta.get("content_sha256")
    return True


def _is_whole(connection: sqlite3.Connection, store: Path) -> bool:
    """Whether the file holds exactly the pages its header says: not cut short, nothing
    appended."""
    (pages,) = connection.execute("PRAGMA page_count").fetchone()
    (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    return bool(pages * page_size == os.stat(store).st_size)


def _whole_number(value: object) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        return int(value)
    except ValueError:
        return None


# --- building a store ----------------------------------------------------------------------------


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
            reason = error.strerror or type(error).__name__
            if error.filename is not None and Path(error.filename) != store:
                reason = f"{error.filename}: {reason}"
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
    temporary: Path | None = None
    try:
        store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_stale_temporaries(store.parent)
        import tempfile  # only to build a store

        descriptor, name = tempfile.mkstemp(
            prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=store.parent
        )
        os.close(descriptor)
        temporary = Path(name)

        def settle() -> int:
            return _settled_ns(stamp, content_sha256, built_ns, wait=wait_to_settle)

        _write_store(temporary, _build_rows(stamp, content_sha256, built_ns), fill, settle)
        _flush_to_disk(temporary)
        os.replace(temporary, store)
        return None
    except (OSError, sqlite3.Error) as error:
        _remove_quietly(temporary)
        return error
    except BaseException:
        _remove_quietly(temporary)
        raise


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
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


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

    lock = store.with_name(store.name.removesuffix(STORE_SUFFIX) + LOCK_SUFFIX)
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
        content_sha256 = hashlib.sha256(content).hexdigest()
        built = build_atomically(store, stamp, content_sha256, built_ns, fill, wait_to_settle=True)
        status = 0 if built else 1
    finally:
        os._exit(status)  # never the parent's exit handlers, nor its buffers a second time


def _open_lock(lock: Path) -> int:
    """The lock file's descriptor; a symlink or other file planted in its place is removed."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(lock, flags, 0o600)
    except OSError:
        if lock.is_dir() and not lock.is_symlink():
            raise
        lock.unlink(missing_ok=True)
        return os.open(lock, flags | os.O_EXCL, 0o600)


def _build_rows(stamp: Stamp, content_sha256: str, built_ns: int) -> Meta:
    return {**_stamp_rows(stamp), "built_ns": str(built_ns), "content_sha256": content_sha256}


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


def _flush_to_disk(path: Path) -> None:
    """Sync the file before the rename, so a crash cannot leave the store's name on a file
    whose data never reached the disk."""
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _reason(error: OSError | sqlite3.Error, store: Path) -> str:
    """Why a store was not built, in English, for `--debug`."""
    if isinstance(error, OSError):
        detail = error.strerror or type(error).__name__
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
    """Remove what killed builds left (a build interrupted by Ctrl-C ends the process at once)."""
    for entry in _entries(directory, quiet=True):
        if _is_stale_temporary(entry, time.time()):
            _remove_quietly(Path(entry.path))


# --- the commands: listing and clearing ----------------------------------------------------------


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
        for entry in _entries(cache_directory())
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
    for entry in _entries(cache_directory()):
        if not (_is_store_file(entry) or _is_lock_file(entry) or _is_stale_temporary(entry, now)):
            continue
        size = entry.stat(follow_symlinks=False).st_size
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            continue  # another process removed or replaced it first
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise OutputError("cache.cannot_remove", path=entry.path, reason=reason) from None
        removed, freed = removed + 1, freed + size
    return removed, freed


def _entries(directory: Path, *, quiet: bool = False) -> list[os.DirEntry[str]]:
    """The entries of `directory`; none when it does not exist."""
    try:
        with os.scandir(directory) as entries:
            return list(entries)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        if quiet:
            return []
        reason = error.strerror or type(error).__name__
        raise OutputError("cache.unreadable", path=str(directory), reason=reason) from None


def _is_store_file(entry: os.DirEntry[str]) -> bool:
    return entry.name.endswith(STORE_SUFFIX) and _is_regular_file(entry)


def _is_lock_file(entry: os.DirEntry[str]) -> bool:
    return entry.name.endswith(LOCK_SUFFIX) and _is_regular_file(entry)


def _is_stale_temporary(entry: os.DirEntry[str], now: float) -> bool:
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
    meta = _read_meta(store) or {}
    path, version = meta.get("catalogue_path"), meta.get("program_version")
    if not isinstance(path, bytes):
        return StoreInfo(store, size, None, False, None)
    catalogue = Path(os.fsdecode(path))
    fresh = _is_fresh(store, catalogue)
    return StoreInfo(store, size, catalogue, fresh, version if isinstance(version, str) else None)


def _read_meta(store: Path) -> Meta | None:
    try:
        connection = sqlite3.connect(_read_only_uri(store), uri=True, timeout=0)
    except (sqlite3.Error, OSError):
        return None
    try:
        return dict(connection.execute("SELECT key, value FROM meta"))
    except (sqlite3.Error, OSError, ValueError):
        return None
    finally:
        connection.close()


def _is_fresh(store: Path, catalogue: Path) -> bool:
    """Whether a command naming `catalogue` would use `store` now."""
    if store.resolve() != store_path_for(catalogue).resolve():
        return False  # not where that catalogue's store is looked for
    try:
        stamp = stamp_of(catalogue)
    except OSError:
        return False
    connection = open_trusted(store, stamp, catalogue.read_bytes)
    if connection is None:
        return False
    connection.close()
    return True
