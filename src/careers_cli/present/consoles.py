"""The consoles: where output goes, in colour or not, at what width and encoding.

Data goes to stdout; errors, hints and notices go to stderr.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import IO, NamedTuple, TextIO

from rich.console import Console
from rich.text import Text

from careers_cli.text.terminal import BIDI_CONTROLS, one_line, printable, printable_line


def colour_wanted(stream: TextIO, *, no_color: bool) -> bool:
    """Colour rules: `--no-color`, `NO_COLOR` (not empty) and `TERM=dumb` turn it off;
    `FORCE_COLOR` turns it on; otherwise it is on only when the stream is a terminal."""
    if no_color or os.environ.get("NO_COLOR"):  # no-color.org: only a non-empty value
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


def is_terminal(stream: IO[str]) -> bool:
    """Whether `stream` is a terminal (False for a pipe, a file, or a stream without one)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def lays_out_bidi_regardless() -> bool:
    """Whether the terminal the program runs in lays out bidirectional text itself and ignores
    the bidi recommendation's explicit mode, so that visual order would be reversed twice:
    Konsole (it sets $KONSOLE_VERSION), mlterm ($MLTERM) and Emacs's terminals and shells
    ($INSIDE_EMACS); or is a dumb terminal (TERM=dumb), which would print the escape sequences."""
    if os.environ.get("TERM") == "dumb":
        return True
    return any(os.environ.get(name) for name in ("KONSOLE_VERSION", "MLTERM", "INSIDE_EMACS"))


def make_console(stream: TextIO | None = None, *, no_color: bool = False) -> Console:
    """A console for `stream` (stdout by default) that never interprets catalogue text."""
    stream = stream if stream is not None else sys.stdout
    _tolerate_narrow_encoding(stream)
    colour = colour_wanted(stream, no_color=no_color)
    width, height = terminal_size(stream)
    return Console(
        file=stream,
        width=width,
        height=height,
        force_terminal=colour,
        no_color=not colour,
        color_system="auto" if colour else None,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def say(console: Console, lines: str | Sequence[str], *, style: str = "") -> None:
    """Lines the program itself says (not a view): each printable, on lines of its own, left
    for the terminal to wrap."""
    for line in [lines] if isinstance(lines, str) else lines:
        console.print(Text(printable_line(line), style=style), soft_wrap=True)


MIN_WIDTH, MAX_WIDTH = 20, 1000
MIN_HEIGHT, MAX_HEIGHT = 5, 1000
_SIZE = re.compile(r"[0-9]{1,7}")


def terminal_size(stream: TextIO) -> tuple[int, int]:
    """The width and height to lay output out in: `COLUMNS` and `LINES` where they are whole
    numbers above zero, else the terminal's size (of `stream`, or of the other standard streams
    when it is a pipe), else 80 by 25; always within sane bounds, so that `COLUMNS=0` or
    `COLUMNS=99999999` cannot empty the output or exhaust memory."""
    measured = _measured_size(stream)
    width = _size_from_environment("COLUMNS") or measured[0] or 80
    height = _size_from_environment("LINES") or measured[1] or 25
    return min(max(width, MIN_WIDTH), MAX_WIDTH), min(max(height, MIN_HEIGHT), MAX_HEIGHT)


def width_from_environment() -> int | None:
    """`COLUMNS` held within `MIN_WIDTH` and `MAX_WIDTH`, or None where it is no sane width
    (absent, 0, not a whole number, eight digits or more)."""
    width = _size_from_environment("COLUMNS")
    return None if width is None else min(max(width, MIN_WIDTH), MAX_WIDTH)


def _size_from_environment(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    return int(value) if _SIZE.fullmatch(value) and int(value) > 0 else None


def _measured_size(stream: TextIO) -> tuple[int, int]:
    descriptors: list[int] = []
    with contextlib.suppress(AttributeError, OSError, ValueError):
        descriptors.append(stream.fileno())
    for descriptor in [*descriptors, 0, 1, 2]:
        try:
            size = os.get_terminal_size(descriptor)
        except (OSError, ValueError):
            continue
        if size.columns > 0:
            return size.columns, size.lines
    return 0, 0


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


class MarkdownSection(NamedTuple):
    """A section of a Markdown document: a heading, then its items as bullets or paragraphs."""

    heading: str
    items: list[str]
    bulleted: bool = True
    level: int = 2
    """2 for a section of the document; 3 for one inside a part (a level-2 section)."""
    listed: tuple[str, ...] = ()
    """Bullets after the paragraphs of a section that introduces a list."""


# --- machine formats -------------------------------------------------------------------------

# Characters json.dumps leaves raw with ensure_ascii=False that a terminal may still obey (DEL,
# C1 controls such as CSI, bidi embeddings, overrides and isolates); they are written as \u
# escapes, which is the same JSON.
_JSON_UNSAFE = re.compile(f"[\u007f-\u009f{BIDI_CONTROLS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def write_json(stream: IO[str], document: object) -> None:
    """UTF-8 JSON without \\u escapes for ordinary text; control characters stay escaped.

    A lone surrogate (an argument's undecodable byte) becomes U+FFFD: it is not a character,
    and its \\u escape is JSON that strict parsers refuse and that cannot be written as UTF-8.
    """
    # A stream that cannot encode Arabic gets \u escapes: still the same JSON, nothing lost.
    ascii_only = not encodes_unicode(stream)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    # Only an argument's undecodable bytes put surrogates in, and walking every string costs
    # half as much as dumping them; encoding the text finds one in a tenth of that time.
    if not _is_utf8_encodable(text):
        document = _without_surrogates(document)
        text = json.dumps(document, ensure_ascii=False, indent=2)
    if ascii_only:
        text = json.dumps(document, ensure_ascii=True, indent=2)
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    stream.write(text + "\n")


def _is_utf8_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _without_surrogates(value: object) -> object:
    """`value` with every surrogate code point of its strings (keys too) replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_surrogates(item) for item in value]
    return value


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's CSV injection
# list; a carriage return is already shown as a control picture by the time it is checked); a
# leading single quote makes it text. Counts and scores the program writes never start so.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


BYTE_ORDER_MARK = "\ufeff"
"""Written first by `--format csv-bom`: Excel on Windows reads a CSV file as UTF-8 only when it
starts with one (else as the system's code page, so Arabic turns to mojibake)."""


def write_csv(stream: IO[str], rows: Sequence[Mapping[str, str]], *, bom: bool = False) -> None:
    """A header row, then one row per record; text made printable, formulas made text; with
    `bom`, a byte-order mark first (an empty result is then the mark alone)."""
    import csv

    if bom:
        stream.write(BYTE_ORDER_MARK)
    if not rows:
        return
    headers = list(rows[0])
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(_csv_cell(h) for h in headers)
    writer.writerows([_csv_cell(row[h]) for h in headers] for row in rows)


def _csv_cell(value: str) -> str:
    cell = printable(value)
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


# What may make catalogue text markup in CommonMark with GitHub's extensions, anywhere in a line:
# a backslash (it escapes what follows), code (`), emphasis (*, and _ at the edge of a word),
# strikethrough (~), HTML and autolinks (<), table cells (|), and the "]" that closes a link,
# an image or a reference definition ("](", "][", "]:"). Brackets and parentheses elsewhere,
# ">" and "!" inside a line, "#", "+", "-" and "=" after the start are text as they are.
_MARKDOWN_INLINE = re.compile(
    r"[\\`*~<|]|\](?=[(\[:])|(?<![^\W_])_|_(?![^\W_])|&(?=#?[0-9A-Za-z]+;)"
)
# At the start of a line (a paragraph, a list item, a heading or a table cell starts one):
# a heading (#), a quote (>), a list item or rule (- + *, then a space or the end), a setext
# underline (=), a task box or reference ([), and a number that starts an ordered list.
_MARKDOWN_LINE_START = re.compile(r"^(?:[#>=\[]|[-+](?=\s|$|[-+]))|^(\d{1,9})(?=[.)](?:\s|$))")
# A heading's closing sequence: "#"s at the end after a space would be dropped.
_MARKDOWN_CLOSING_HASHES = re.compile(r"(?<= )(#+)$")


def markdown_text(value: str) -> str:
    """`value` as Markdown that renders as exactly this text, on one line, with as few
    backslashes as that takes.

    Only what would change the rendering is backslash-escaped (CommonMark lets any ASCII
    punctuation be): catalogue text cannot become HTML, a link, an image, emphasis, code, a
    heading, a list, a quote, a rule or another table cell, while "(influencer)", "C#",
    "e-mail", "found_by", "[ar]" and "3 > 2" stay as they are.
    """
    text = _MARKDOWN_INLINE.sub(lambda m: "\\" + m.group(), one_line(value, limit=None))
    text = _MARKDOWN_CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), text)
    start = _MARKDOWN_LINE_START.match(text)
    if start is None:
        return text
    if start.group(1) is not None:  # "1." or "1)": the mark after the number is escaped
        end = start.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def write_markdown_table(
    stream: IO[str],
    rows: Sequence[Mapping[str, str]],
    header: Callable[[str], str] = str,
) -> None:
    """A GitHub-style pipe table; `header` names each column from its key."""
    if not rows:
        return
    headers = list(rows[0])
    stream.write("| " + " | ".join(markdown_text(header(h)) for h in headers) + " |\n")
    stream.write("|" + "|".join(" --- " for _ in headers) + "|\n")
    for row in rows:
        stream.write("| " + " | ".join(markdown_text(row[h]) for h in headers) + " |\n")


def write_markdown_document(
    stream: IO[str], title: str, sections: Sequence[MarkdownSection]
) -> None:
    """A heading, then a sub-heading and a paragraph or bullet list per section.

    The headings and bullets are the program's markup; all the text in them is escaped.
    """
    stream.write(f"# {markdown_text(title)}\n")
    for section in sections:
        stream.write(f"\n{'#' * section.level} {markdown_text(section.heading)}\n")
        if section.items or section.listed:
            stream.write("\n")
        for item in section.items:
            bullet = "- " if section.bulleted else ""
            stream.write(f"{bullet}{markdown_text(item)}\n")
        if section.listed:
            stream.write("\n" if section.items else "")
            stream.write("".join(f"- {markdown_text(item)}\n" for item in section.listed))
