"""A table's rows drawn as Rich's `Table` draws them, a chunk at a time, and from their plain
text alone where output has no colour.

This leans on Rich's private names (`Table._extra_width`, `Column._cells`, `rich._wrap.divide_line`
and a few more), so `pyproject.toml` holds Rich to the major version it is tested with and
`tests/unit/present/test_rich_private_names.py` fails when one of them goes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple

from rich._pick import pick_bool
from rich._wrap import divide_line
from rich.box import Box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Column, Table
from rich.text import Text

from careers_cli.present.layout.widths import NO_STYLE, UNSTYLED, Justify, cell_width, one_cell_each


def unstyled(style: str | Style | None) -> bool:
    return not style or style == "none"  # a null Style is false


class TableRows:
    """Rows `start` to `stop` of a table (`_drawn_by_rows`) at fixed column widths, below
    `header` (a Rich table of the header alone) when there is one, against the right edge with
    `right_aligned`: the segments Rich gives for the same rows in a `Table` (in an
    `Align.right`). A cell of `Text` justified left or right is wrapped and padded here
    (`_text_lines`); any other cell is rendered by Rich as `Table` renders it.

    `plain_lines` gives the same lines as text alone, for a console that prints no styles."""

    def __init__(
        self,
        table: Table,
        start: int,
        stop: int,
        widths: Sequence[int],
        header: Table | None,
        *,
        right_aligned: bool = False,
    ) -> None:
        self.table = table
        self.start = start
        self.stop = stop
        self.widths = list(widths)
        self.header = header
        self.right_aligned = right_aligned

    def _padded_widths(self) -> list[tuple[int, int, int]]:
        """Each column's left padding, content width and right padding."""
        table = self.table
        _, right, _, left = table.padding
        last = len(self.widths) - 1
        return [
            (
                0 if index == 0 and not table.pad_edge else left,
                width,
                0 if index == last and not table.pad_edge else right,
            )
            for index, width in enumerate(self.widths)
        ]

    def _width(self) -> int:
        return sum(sum(padded) for padded in self._padded_widths()) + self.table._extra_width

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self._width()
        return Measurement(width, width)

    def _indent(self, options: ConsoleOptions) -> str:
        """What stands before each line: the room left of the table when it is right-aligned."""
        return " " * max(0, options.max_width - self._width()) if self.right_aligned else ""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        if console.color_system is None:  # styles print nothing: lines of text will do
            for text in self.plain_lines(console, options):
                yield Segment(text)
                yield new_line
            return
        indent = [Segment(room)] if (room := self._indent(options)) else []
        if self.header is not None:
            for header_line in console.render_lines(self.header, options, pad=False):
                yield from indent
                yield from header_line
                yield new_line
        columns, cell_widths, dividers = self._layouts(console, options)
        for row in range(self.start, self.stop):
            divider = self._divider(dividers, row)
            cells = [layout.lines(console, row) for layout in columns]
            height = max(len(lines) for lines in cells)
            shaped = [
                Segment.align_top(lines, padded_width, height, layout.style)
                for lines, padded_width, layout in zip(cells, cell_widths, columns, strict=True)
            ]
            for number in range(height):
                yield from indent
                for index, lines in enumerate(shaped):
                    if index and divider is not None:
                        yield divider
                    yield from lines[number]
                yield new_line

    def plain_lines(self, console: Console, options: ConsoleOptions) -> Iterator[str]:
        """The lines `__rich_console__` gives, as text alone: what a console without colour
        prints of them."""
        indent = self._indent(options)
        if self.header is not None:
            for line in console.render_lines(self.header, options, pad=False):
                yield indent + "".join(segment.text for segment in line)
        columns, cell_widths, dividers = self._layouts(console, options)
        blanks = [" " * width for width in cell_widths]
        for row in range(self.start, self.stop):
            divider = self._divider(dividers, row)
            joint = divider.text if divider is not None else ""
            texts = [layout.plain_lines(console, row) for layout in columns]
            for number in range(max(len(lines) for lines in texts)):
                yield indent + joint.join(
                    lines[number] if number < len(lines) else blank
                    for lines, blank in zip(texts, blanks, strict=True)
                )

    def _divider(self, dividers: Sequence[Segment], row: int) -> Segment | None:
        """The rule between the columns of `row`: Rich's for the first row of a table (the
        header when there is one), for its last, or for those between."""
        if not dividers:
            return None
        if row == self.start and self.header is None:
            return dividers[0]
        return dividers[2 if row == self.stop - 1 else 1]

    def _layouts(
        self, console: Console, options: ConsoleOptions
    ) -> tuple[list[_ColumnLayout], list[int], list[Segment]]:
        """Each column's layout, each column's width with its padding, and the rules between
        columns (`_divider`)."""
        table = self.table
        padded = self._padded_widths()
        cell_widths = [left + width + right for left, width, right in padded]
        table_options = options.update(width=self._width(), highlight=table.highlight, height=None)
        box = (
            table.box.substitute(options, safe=pick_bool(table.safe_box, console.safe_box))
            if table.box
            else None
        )
        get_style = console.get_style
        dividers = [Segment(vertical, get_style("")) for vertical in _verticals(box)] if box else []
        columns = [
            _ColumnLayout(
                column,
                left,
                width,
                right,
                get_style(column.style or ""),
                table_options.update(
                    width=left + width + right,
                    justify=column.justify,
                    no_wrap=column.no_wrap,
                    overflow=column.overflow,
                    height=None,
                    highlight=column.highlight,
                ),
            )
            for column, (left, width, right) in zip(table.columns, padded, strict=True)
        ]
        return columns, cell_widths, dividers


def _verticals(box: Box) -> tuple[str, str, str]:
    """The rule between columns in the first row of a table, in the rows between, and in its
    last row."""
    return (box.head_vertical, box.mid_vertical, box.foot_vertical)


class _ColumnLayout(NamedTuple):
    """A column of a table at its width, and how `Table` renders its cells."""

    column: Column
    left: int
    width: int
    right: int
    style: Style
    options: ConsoleOptions
    """What Rich renders a cell of the column with (its padding included)."""

    def lines(self, console: Console, row: int) -> list[list[Segment]]:
        """The cell in `row`, as the lines of segments `Table` renders it into."""
        cell = self.column._cells[row]
        lines = _text_lines(console, cell, self)
        if lines is None:
            padded = Padding(cell, (0, self.right, 0, self.left))
            lines = console.render_lines(padded, self.options, style=self.style)
        return lines

    def plain_lines(self, console: Console, row: int) -> list[str]:
        """`lines`, as text alone: for a console that prints no styles."""
        cell = self.column._cells[row]
        lines = _plain_text_lines(cell, self)
        if lines is None:
            return ["".join(segment.text for segment in line) for line in self.lines(console, row)]
        before, after = " " * self.left, " " * self.right
        return [before + line + after for line in lines]


def _text_layout(cell: RenderableType, layout: _ColumnLayout) -> tuple[Justify, str, bool] | None:
    """How a cell of text is justified, overflows and wraps in its column, where the cell is
    `Text` without tabs, justified left or right, whose lines `Table` would wrap and pad to
    the column's width; None for any other cell."""
    if not isinstance(cell, Text):
        return None
    column = layout.column
    justify = cell.justify or column.justify or "default"
    overflow = cell.overflow or column.overflow or "fold"
    if justify not in ("left", "right") or overflow == "ignore" or "\t" in cell.plain:
        return None
    no_wrap = column.no_wrap if cell.no_wrap is None else cell.no_wrap
    return ("left" if justify == "left" else "right"), overflow, no_wrap


def _text_lines(
    console: Console, cell: RenderableType, layout: _ColumnLayout
) -> list[list[Segment]] | None:
    """A cell's lines as `Table` renders them, for a cell of text (`_text_layout`); None for
    any other cell, and for one with a line that cannot be made exactly as wide as the column
    (a character wider than it)."""
    how = _text_layout(cell, layout)
    if how is None:
        return None
    assert isinstance(cell, Text)
    justify, overflow, no_wrap = how
    width = layout.width
    texts = cell.wrap(console, width, justify=justify, overflow=overflow, no_wrap=no_wrap)  # type: ignore[arg-type]
    if any(cell_width(text.plain) != width for text in texts):
        return None
    before = [Segment(" " * layout.left, NO_STYLE)] if layout.left else []
    after = [Segment(" " * layout.right, NO_STYLE)] if layout.right else []
    # A line's own style is a span of the text Rich joins the lines into (`Text.render`
    # leaves a text without spans unstyled): each line is joined alone, to render as there.
    joined = (UNSTYLED.join([text]) for text in texts)
    lines = [[*before, *text.render(console), *after] for text in joined]
    if layout.style:
        return [list(Segment.apply_style(line, layout.style)) for line in lines]
    return lines


def _plain_text_lines(cell: RenderableType, layout: _ColumnLayout) -> list[str] | None:
    """The text of `_text_lines` without its padding, found from the cell's plain text alone
    (`wrap_plain`): for a console that prints no styles."""
    how = _text_layout(cell, layout)
    if how is None:
        return None
    assert isinstance(cell, Text)
    justify, overflow, no_wrap = how
    return wrap_plain(cell.plain, layout.width, justify, fold=overflow == "fold", no_wrap=no_wrap)


def wrap_plain(
    text: str, width: int, justify: Justify | Literal["default"], *, fold: bool, no_wrap: bool
) -> list[str] | None:
    """The lines `Text.wrap` makes of a text without tabs at `width`, each padded to `width`
    cells as `Table` or `Padding` pads them (on the left for `justify="right"`), found from
    the plain text alone; None where a line cannot fit (a character wider than `width`)."""
    lines = []
    for line in text.split("\n"):  # as Text.split("\n", allow_blank=True)
        if no_wrap:
            pieces = [line]
        else:
            offsets = _break_offsets(line, width, fold=fold)
            bounds = [0, *offsets, len(line)]
            pieces = [line[start:end] for start, end in itertools.pairwise(bounds)]
            for index, piece in enumerate(pieces):  # Text.rstrip_end(width), in characters
                excess = len(piece) - width
                if excess > 0:
                    spaces = len(piece) - len(piece.rstrip())
                    pieces[index] = piece[: len(piece) - min(spaces, excess)]
        for piece in pieces:
            if justify == "right":
                piece = piece.rstrip()
            room = width - cell_width(piece)
            if room < 0:
                return None
            lines.append(" " * room + piece if justify == "right" else piece + " " * room)
    return lines


def _break_offsets(line: str, width: int, *, fold: bool) -> list[int]:
    """Where Rich's `divide_line` breaks `line` to fit `width`: before the first word whose end
    lies past the width (its white space after it aside), the next line starting at that word.
    Found here from the spaces around each line's last column where every character of the
    line takes one cell, words are parted by spaces alone and the line starts with a word;
    by Rich where a word is longer than the width, and for any other line."""
    if len(line) <= width and line.isascii():
        return []
    if line.startswith(" ") or not one_cell_each(line, spaced=True):
        return divide_line(line, width, fold=fold)
    offsets: list[int] = []
    start, length = 0, len(line)
    while length - start > width:
        limit = start + width  # the first column past the line's width
        if line[limit] == " ":  # a word ends within the width: the next one starts a line
            next_word = length - len(line[limit:].lstrip(" "))
            if next_word == length:  # only spaces are left
                break
        else:  # the word that runs past the width starts a line, unless it starts this one
            space = line.rfind(" ", start, limit)
            if space < 0:  # a word longer than the width: Rich folds or crops it
                return divide_line(line, width, fold=fold)
            next_word = space + 1
        offsets.append(next_word)
        start = next_word
    return offsets
