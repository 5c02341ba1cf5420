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

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from careers_cli import __version__
from careers_cli.index import digest

CACHE_DIR_ENV_VAR = "CAREERS_CACHE_DIR"


NO_CACHE_ENV_VAR = "CAREERS_NO_CACHE"


BUILD_ENV_VAR = "CAREERS_CACHE_BUILD"
"""`foreground` compiles a store before the command answers; anything else (the default), in a
process of its own after it has answered, where the system can fork one."""


STORE_FORMAT = 5
"""The layout of a store's tables: raise it whenever they change, and older stores are rebuilt."""


PROGRAM_VERSION = __version__


STORE_SUFFIX = ".sqlite"


TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".", ".sqlite.tmp"


LOCK_SUFFIX = ".sqlite.lock"
"""Beside a store being compiled in the background: held (flock) by the process compiling it."""


RACY_NS = 2_000_000_000
"""A catalogue modified this close to a build may have changed unseen: some file systems keep
modification times in whole seconds (FAT in two), so a rewrite in the same tick keeps its mtime."""


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
    return cache_directory() / f"{digest.sha256(name).hexdigest()[:32]}{STORE_SUFFIX}"


def lock_path_for(store: Path) -> Path:
    """The lock file a background build holds beside `store` while it compiles it."""
    return store.with_name(store.name.removesuffix(STORE_SUFFIX) + LOCK_SUFFIX)


Meta = dict[str, object]
"""A store's `meta` table: texts, and the catalogue's path as the bytes the system gave."""


def stamp_rows(stamp: Stamp) -> Meta:
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


def untrusted_because(store: Path) -> str | None:
    """Why `store`, or the folder it is in, may hold what another user wrote (in English, for
    `--debug` and `careers cache`); None when only this user can have written it.

    As ssh's StrictModes and git's safe.directory reason: the folder must be this user's (or
    root's) and not writable by group or others, unless its sticky bit keeps others from
    replacing what is in it; the store must be a regular file of this user's that only they
    can write. A store that does not exist is not judged, only its folder.
    """
    problem = folder_untrusted_because(store.parent)
    if problem is not None:
        return problem
    user = os.geteuid()
    try:
        facts = os.lstat(store)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"store {store} cannot be looked at: {error.strerror}"
    if not stat.S_ISREG(facts.st_mode):
        return f"store {store} is not a regular file"
    if facts.st_uid != user:
        return f"store {store} belongs to another user (uid {facts.st_uid})"
    if facts.st_mode & 0o022:
        return f"store {store} is writable by group or others"
    return None


def folder_untrusted_because(folder: Path) -> str | None:
    """Why stores in `folder` may be another user's (see `untrusted_because`): then none is
    used, and none is built there."""
    try:
        facts = os.stat(folder)
    except OSError:
        return None  # no folder yet: it is made, the user's alone (0700), before a build
    if facts.st_uid not in (os.geteuid(), 0):
        return f"cache directory {folder} belongs to another user (uid {facts.st_uid})"
    if facts.st_mode & 0o022 and not facts.st_mode & stat.S_ISVTX:
        return f"cache directory {folder} is writable by group or others"
    return None


def open_trusted(
    store: Path,
    stamp: Stamp,
    content: Callable[[], bytes],
    why: Callable[[str], None] | None = None,
) -> sqlite3.Connection | None:
    """A read-only connection to `store` when it was built from the catalogue `stamp`
    describes, by this program; else None (a store that is missing, empty, truncated, not
    SQLite, damaged, locked or of another version is no error, only not trusted).

    `content` reads the catalogue's bytes; it is called only when the catalogue was modified
    within `RACY_NS` of the build, and its errors other than `OSError` are the caller's.
    A page of the store's own tables damaged in place is not looked for here (that would read
    the whole store): SQLite reports it as `sqlite3.DatabaseError` when it is read.

    A store another user could have written is never opened (`untrusted_because`; `why` is
    told), nor is anything but a regular file: SQLite waits forever, deaf to Ctrl-C, to open
    a named pipe.
    """
    problem = untrusted_because(store)
    if problem is not None:
        if why is not None:
            why(f"{problem}: not used")
        return None
    if not os.path.lexists(store):
        return None
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
    if any(meta.get(key) != value for key, value in stamp_rows(stamp).items()):
        return False
    if not _is_whole(connection, store):
        return False
    connection.execute("PRAGMA schema_version").fetchone()  # its schema is readable too
    built_ns = _whole_number(meta.get("built_ns"))
    if built_ns is None:
        return False
    if stamp.mtime_ns >= built_ns - RACY_NS:  # changed in the same tick as the build, maybe
        return digest.sha256(content()).hexdigest() == meta.get("content_sha256")
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


def read_meta(store: Path) -> Meta | None:
    try:
        if not stat.S_ISREG(os.lstat(store).st_mode):
            return None  # not even opened: SQLite would wait for a pipe
    except OSError:
        return None
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


def is_fresh(store: Path, catalogue: Path) -> bool:
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
