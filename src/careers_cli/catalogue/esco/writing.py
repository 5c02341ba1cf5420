"""Writing an imported catalogue: whole or not at all, and never over a file unasked.

The JSON goes to a temporary file beside the output, reaches the disk, and then replaces the
output in one rename, so a reader (or a crash) never sees half a catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from careers_cli.errors import OutputError, UsageError, os_error_reason
from careers_cli.userfiles.atomic import mode_of_a_new_file, replaced_atomically


def check_output(output: Path, *, force: bool) -> None:
    """Refuse a directory, and an existing file unless `force`: before any work is done."""
    if output.is_dir():
        raise UsageError("import.output_is_directory", path=str(output))
    if not force and (output.exists() or output.is_symlink()):
        raise UsageError("import.output_exists", path=str(output))


def catalogue_json(data: dict[str, Any]) -> str:
    """`data` as the catalogue file holds it: compact JSON, one line."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_catalogue(data: dict[str, Any], output: Path, *, force: bool) -> bytes:
    """Write `data` to `output` as compact UTF-8 JSON, and return what was written;
    `OutputError` naming the path if it cannot be written, with nothing left behind."""
    check_output(output, force=force)
    payload = catalogue_json(data).encode()
    try:
        with replaced_atomically(
            output, suffix=".tmp", mode=mode_of_a_new_file(), sync=True
        ) as temporary:
            temporary.write_bytes(payload)
    except OSError as error:
        reason = os_error_reason(error)
        raise OutputError("import.cannot_write", path=str(output), reason=reason) from None
    return payload
