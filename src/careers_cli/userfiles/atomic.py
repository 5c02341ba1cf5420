"""Replacing a file in one step: a reader sees the old file or the new one, never half of one.

Every file the program writes (a skill profile, a completion script, an imported catalogue, a
compiled store) is written to a temporary file in the same folder and renamed over its name once
it is whole; a temporary file whose writing failed is removed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

UNFINISHED: set[str] = set()
"""The temporary files being written now: what Ctrl-C, which ends the program at once (see
`careers_cli.entry`), removes first (`remove_unfinished`)."""


@contextlib.contextmanager
def replaced_atomically(
    path: Path,
    *,
    prefix: str | None = None,
    suffix: str = "",
    mode: int | None = None,
    sync: bool = False,
) -> Iterator[Path]:
    """A new, empty temporary file beside `path` for the block to fill; renamed over `path`
    when the block ends without an error, removed when it raises or Ctrl-C ends the program.

    The temporary file is named `prefix` (by default `.NAME.`), a random part and `suffix`.
    While it is written, this process holds an exclusive lock (flock) on it, so that another
    can tell a file being written from one left by a process that was killed
    (`is_being_written`). `mode` sets its permissions before the rename (a temporary file is its
    owner's alone); `sync` writes its data to the disk first, so a crash cannot leave `path`
    naming a file whose data never reached it.
    """
    import tempfile  # only where a file is written: start-up does without it

    descriptor, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}." if prefix is None else prefix, suffix=suffix
    )
    temporary = Path(name)
    try:
        _lock(descriptor)
        UNFINISHED.add(name)
        yield temporary
        if sync:
            _flush_to_disk(temporary)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        # A temporary file that cannot be removed now is left for its owner to clear (the
        # cache removes its own once no process writes it).
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    finally:
        UNFINISHED.discard(name)
        os.close(descriptor)  # and with it the lock


def remove_unfinished() -> None:
    """Remove the temporary files being written, for a program about to end at once. Safe in a
    signal handler: it only unlinks."""
    for name in list(UNFINISHED):
        with contextlib.suppress(OSError):
            os.unlink(name)


def is_being_written(path: Path | str) -> bool:
    """Whether a process holds the lock `replaced_atomically` takes on the temporary file at
    `path`: a file that nobody holds was left by a process that ended unfinished. False where
    the file cannot be opened, or the system has no flock."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no way to tell
        return False
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False


def wait_until_written(path: Path | str) -> None:
    """Wait until no process holds the lock on `path` that `is_being_written` looks for (Ctrl-C
    still ends the wait, with 130); at once where the file is gone or the system has no flock."""
    try:
        import fcntl
    except ImportError:  # not POSIX: nothing to wait with
        return
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return  # gone already
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _lock(descriptor: int) -> None:
    try:
        import fcntl
    except ImportError:  # not POSIX
        return
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: nobody else holds it


def write_atomically(
    path: Path, content: str | bytes, *, mode: int | None = None, sync: bool = False
) -> None:
    """Replace `path` with `content` (text is written as UTF-8) in one step, as
    `replaced_atomically` does."""
    data = content.encode() if isinstance(content, str) else content
    with replaced_atomically(path, mode=mode, sync=sync) as temporary:
        temporary.write_bytes(data)


def mode_of_a_new_file() -> int:
    """What `open()` would give a new file: read and write for all, less the umask (a
    temporary file is made readable by its owner only)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _flush_to_disk(path: Path) -> None:
    descriptor = os.open(path, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
