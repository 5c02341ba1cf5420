"""Cell widths of the characters catalogues are written in, found with one regular-expression
search and held to Rich's own `cell_len`."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text

from careers_cli.text.terminal import character_class

UNBOUNDED = 100_000
"""A width no terminal has: what a renderable is measured at to find its minimum."""


Justify = Literal["left", "right"]


def cell_width(text: str) -> int:
    """`cell_len`, counted without measuring each character where the text is written in the
    characters `_cell_widths` knows."""
    if text.isascii() and text.isprintable():
        return len(text)
    widths = _cell_widths()
    if widths.other_than_one_cell.search(text) is None:
        return len(text)
    shown = text.translate(widths.no_cell)
    if widths.other_than_one_cell.search(shown) is None:
        return len(shown)
    return cell_len(text)


def one_cell_each(text: str, *, spaced: bool = False) -> bool:
    """Whether every character of `text` takes one cell (with `spaced`, and no white space but
    spaces)."""
    if text.isascii():
        return text.isprintable()
    widths = _cell_widths()
    other = widths.other_than_one_cell_or_space if spaced else widths.other_than_one_cell
    return other.search(text) is None


_SCRIPTS = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x36F),  # Latin-1, Latin Extended, IPA, spacing modifiers, combining marks
    (0x600, 0x6FF),  # Arabic
    (0x750, 0x77F),  # Arabic Supplement
    (0x8A0, 0x8FF),  # Arabic Extended-A
    (0x2000, 0x206F),  # General Punctuation (direction marks among them)
    (0x2400, 0x243F),  # Control Pictures (what `printable` shows control codes as)
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)
"""The characters catalogues are written in, whose widths `cell_width` knows."""


class _CellWidths(NamedTuple):
    other_than_one_cell: re.Pattern[str]
    """A character not among those of `_SCRIPTS` Rich counts as one cell."""
    other_than_one_cell_or_space: re.Pattern[str]
    """The same, or white space other than a space."""
    no_cell: dict[int, None]
    """A table that deletes the characters of `_SCRIPTS` Rich counts as no cell."""


@functools.cache
def _cell_widths() -> _CellWidths:
    """What `cell_width` knows of the widths of the characters of `_SCRIPTS`, found once from
    Rich's own table. The zero-width joiner and variation selector 16, which Rich measures
    with what surrounds them, are in neither set."""
    from rich.cells import get_character_cell_size

    one_cell: list[int] = []
    no_cell: dict[int, None] = {}
    for first, last in _SCRIPTS:
        for code in range(first, last + 1):
            character = chr(code)
            if character in "\u200d\ufe0f":
                continue
            size = get_character_cell_size(character)
            if size == 1:
                one_cell.append(code)
            elif size == 0:
                no_cell[code] = None
    not_space = [code for code in one_cell if code == 0x20 or not chr(code).isspace()]
    return _CellWidths(
        re.compile(character_class(one_cell, negated=True)),
        re.compile(character_class(not_space, negated=True)),
        no_cell,
    )


NO_STYLE = Style.null()


UNSTYLED = Text()


def plain_widths(
    console: Console, options: ConsoleOptions, cells: Sequence[RenderableType]
) -> tuple[int, int]:
    """The longest word and the longest line among `cells`' text; other renderables are
    measured by Rich."""
    longest_word = longest_line = 0
    for cell in cells:
        text = getattr(cell, "text", cell)  # a cell laid out for a visual terminal holds its Text
        if isinstance(text, Text):
            text = text.plain
        if isinstance(text, str):
            for line in text.splitlines() or [""]:
                count = len if one_cell_each(line) else cell_width
                longest_line = max(longest_line, count(line))
                longest_word = max(longest_word, max(map(count, line.split()), default=0))
        else:
            measured = Measurement.get(console, options.update_width(UNBOUNDED), cell)
            longest_word = max(longest_word, measured.minimum)
            longest_line = max(longest_line, measured.maximum)
    return longest_word, longest_line
