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
    when the block ends without an error, removed when it raises.

    The temporary file is named `prefix` (by default `.NAME.`), a random part and `suffix`.
    `mode` sets its permissions before the rename (a temporary file is its owner's alone);
    `sync` writes its data to the disk first, so a crash cannot leave `path` naming a file whose
    data never reached it.
    """
    import tempfile  # only where a file is written: start-up does without it

    descriptor, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}." if prefix is None else prefix, suffix=suffix
    )
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        if sync:
            _flush_to_disk(temporary)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        # A temporary file that cannot be removed now is left for its owner to clear (the
        # cache removes its own once stale).
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


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
