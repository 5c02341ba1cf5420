"""Terminal safety: untrusted text made safe to print.

`printable` makes catalogue text and echoed queries reach the terminal without raw control codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Bidi embeddings, overrides and isolates: they reorder the text around them.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_PRINTABLE_TABLE: dict[int, str | None] = {
    **{c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\n\t"},
    0x7F: "\u2421",
    **dict.fromkeys(range(0x80, 0xA0), "\ufffd"),
    **dict.fromkeys(map(ord, BIDI_CONTROLS)),
    # Lone surrogates (undecodable bytes in arguments or file names) cannot be encoded.
    **dict.fromkeys(range(0xD800, 0xE000), "\ufffd"),
}


def printable(text: str) -> str:
    """`text` with nothing a terminal would obey: control codes shown as symbols.

    C0 controls (ESC among them) become their Unicode control pictures, C1 controls become
    U+FFFD, and bidi embeddings, overrides and isolates are removed, so catalogue text cannot
    move the cursor, change colours, set the title or clipboard, or hide or reorder other text.
    Lone surrogates become U+FFFD too. Newlines and tabs are kept.
    """
    if _UNPRINTABLE.search(text) is None:  # most text: nothing to change, found at once
        return text
    return text.translate(_PRINTABLE_TABLE)


def character_class(codes: Iterable[int], *, negated: bool = False) -> str:
    """A regular expression's class of the characters `codes` (with `negated`, of every other
    character), as ranges of escapes."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    escapes = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)
    return f"[{'^' if negated else ''}{escapes}]"


_UNPRINTABLE = re.compile(character_class(_PRINTABLE_TABLE))
"""A character `printable` changes."""


def printable_line(text: str) -> str:
    """`printable(text)` with newlines shown as U+2424, so it stays on one line."""
    return printable(text).replace("\n", "\u2424")


ECHO_LIMIT = 60


def one_line(text: str, limit: int | None = ECHO_LIMIT) -> str:
    """`printable(text)` on a single line (white space runs made one space) and at most `limit`
    characters (None: any length), for echoing a query."""
    line = " ".join(printable(text).split())
    return line if limit is None or len(line) <= limit else line[: limit - 1] + "…"
