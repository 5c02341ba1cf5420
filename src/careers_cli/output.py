"""The consoles: where output goes, in colour or not, at what width and encoding.

Data goes to stdout; errors, hints and notices go to stderr.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import IO, TextIO

from rich.console import Console

from careers_cli.records import MarkdownSection
from careers_cli.text import BIDI_CONTROLS, one_line, printable


def colour_wanted(stream: TextIO, *, no_color: bool) -> bool:
    """Colour rules: `--no-color`, `NO_COLOR` (any value) and `TERM=dumb` turn it off;
    `FORCE_COLOR` turns it on; otherwise it is on only when the stream is a terminal."""
    if no_color or "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(stream: TextIO | None = None, *, no_color: bool = False) -> Console:
    """A console for `stream` (stdout by default) that never interprets catalogue text."""
    stream = stream if stream is not None else sys.stdout
    _tolerate_narrow_encoding(stream)
    colour = colour_wanted(stream, no_color=no_color)
    return Console(
        file=stream,
        force_terminal=colour,
        no_color=not colour,
        color_system="auto" if colour else None,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def encodes_unicode(stream: IO[str]) -> bool:
    """Whether `stream` can encode any text (a UTF encoding), Arabic included."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return encoding.lower().replace("-", "").startswith("utf")


def _tolerate_narrow_encoding(stream: TextIO) -> None:
    """On a stream that cannot encode everything (ASCII, a legacy code page), replace what it
    cannot show instead of failing with UnicodeEncodeError."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and not encodes_unicode(stream):
        reconfigure(errors="replace")


# --- machine formats -------------------------------------------------------------------------

# Characters json.dumps leaves raw with ensure_ascii=False that a terminal may still obey (DEL,
# C1 controls such as CSI, bidi embeddings, overrides and isolates) or that cannot be encoded
# (lone surrogates); they are written as \u escapes, which is the same JSON.
_JSON_UNSAFE = re.compile(f"[\u007f-\u009f{BIDI_CONTROLS}\ud800-\udfff]")


def write_json(stream: IO[str], document: object) -> None:
    """UTF-8 JSON without \\u escapes for ordinary text; control characters stay escaped."""
    # A stream that cannot encode Arabic gets \u escapes: still the same JSON, nothing lost.
    text = json.dumps(document, ensure_ascii=not encodes_unicode(stream), indent=2)
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    stream.write(text + "\n")


def write_csv(stream: IO[str], rows: Sequence[Mapping[str, str]]) -> None:
    """A header row, then one row per record; text made printable."""
    import csv

    if not rows:
        return
    writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: printable(v) for k, v in row.items()} for row in rows)


def write_markdown_table(stream: IO[str], rows: Sequence[Mapping[str, str]]) -> None:
    """A GitHub-style pipe table."""
    if not rows:
        return
    headers = list(rows[0])
    stream.write("| " + " | ".join(headers) + " |\n")
    stream.write("|" + "|".join(" --- " for _ in headers) + "|\n")
    for row in rows:
        stream.write("| " + " | ".join(_markdown_cell(row[h]) for h in headers) + " |\n")


def write_markdown_document(
    stream: IO[str], title: str, sections: Sequence[MarkdownSection]
) -> None:
    """A heading, then a sub-heading and a paragraph or bullet list per section."""
    stream.write(f"# {one_line(title, limit=None)}\n")
    for section in sections:
        stream.write(f"\n## {one_line(section.heading, limit=None)}\n\n")
        for item in section.items:
            bullet = "- " if section.bulleted else ""
            stream.write(f"{bullet}{one_line(item, limit=None)}\n")


def _markdown_cell(value: str) -> str:
    return one_line(value, limit=None).replace("\\", "\\\\").replace("|", "\\|")
