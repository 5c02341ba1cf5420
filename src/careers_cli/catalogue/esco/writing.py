"""Writing an imported catalogue: whole or not at all, and never over a file unasked.

The JSON goes to a temporary file beside the output, reaches the disk, and then replaces the
output in one rename, so a reader (or a crash) never sees half a catalogue.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from careers_cli.errors import OutputError, UsageError


def check_output(output: Path, *, force: bool) -> None:
    """Refuse a directory, and an existing file unless `force`: before any work is done."""
    if output.is_dir():
        raise UsageError("import.output_is_directory", path=str(output))
    if not force and (output.exists() or output.is_symlink()):
        raise UsageError("import.output_exists", path=str(output))


def write_catalogue(data: dict[str, Any], output: Path, *, force: bool) -> None:
    """Write `data` to `output` as compact UTF-8 JSON; `OutputError` naming the path if it
    cannot be written, with nothing left behind."""
    check_output(output, force=force)
    payload = (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    temporary: Path | None = None
    try:
        descriptor, name = tempfile.mkstemp(
            dir=output.parent, prefix=f".{output.name}.", suffix=".tmp"
        )
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_of_a_new_file())
        os.replace(temporary, output)
    except BaseException as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if isinstance(error, OSError):
            reason = error.strerror or type(error).__name__
            raise OutputError("import.cannot_write", path=str(output), reason=reason) from None
        raise


def _mode_of_a_new_file() -> int:
    """What `open()` would give a new file: read and write for all, less the umask
    (a temporary file is made readable by its owner only)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
