"""Reading a file that must be a regular file, without ever waiting for one that is not.

Opening a named pipe (FIFO) for reading waits until something opens it for writing, and reading
a terminal or a device waits for input: a file planted under a store's, a profile's or a
catalogue's name would hang the command, and TAB with it. Every such file is opened here with
`O_NONBLOCK` (which returns at once, whatever the file is), looked at with `fstat`, and read only
when it is a regular file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotARegularFileError(OSError):
    """The path names a pipe, a device or a socket, not a regular file."""

    def __init__(self, path: Path | str, kind: str) -> None:
        # The words `i18n.messages.NOT_A_REGULAR_FILE` puts in Arabic.
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", str(path))
        self.kind = kind


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in a word or two of English (for messages
    that name it)."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def open_regular(path: Path | str, *, follow_symlinks: bool = True) -> int:
    """A read-only descriptor of `path`, a regular file; raises `IsADirectoryError` for a
    directory, `NotARegularFileError` for anything else (closing what it opened), and `OSError`
    as `os.open` does. Never blocks."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
    if not follow_symlinks:
        flags |= os.O_NOFOLLOW
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):  # as opening one to read it says elsewhere
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotARegularFileError(path, kind_of(mode))
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_regular(path: Path | str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the regular file `path` (one more than a caller allows
    tells it the file is too large); raises as `open_regular` does."""
    descriptor = open_regular(path)
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(limit + 1)


def is_regular_file(path: Path | str) -> bool:
    """Whether `path` (not followed if a symbolic link) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
