"""Layouts that Rich does not do by itself: chosen at render time from the width they are given,
so that no word, and so no id, is ever cut.

A renderable's *minimum width* here is Rich's own measure of it: the longest word of its text
(an id has no spaces, so it is one word), summed over a table's columns with their padding and
rules. A layout fits a width when its minimum does. `FirstThatFits` shows the first of several
layouts that fits; `MinimumWidthTable` keeps a table's columns at their minimums at least, or
shows another layout where they cannot all fit; `LabelledRows` puts a label beside its value, or
above it where the value would have to break a word.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Literal, NamedTuple

from rich._pick import pick_bool
from rich._wrap import divide_line
from rich.align import Align
from rich.box import Box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Column, Table
from rich.text import Text

from careers_cli.text.terminal import character_class

UNBOUNDED = 100_000
"""A width no terminal has: what a renderable is measured at to find its minimum."""

STACK_INDENT = 2
"""How far a value stacked under its label (or a row's other cells under its first) is indented."""

Justify = Literal["left", "right"]


def minimum_width(console: Console, options: ConsoleOptions, renderable: RenderableType) -> int:
    """The narrowest `renderable` can be laid out without breaking a word."""
    return Measurement.get(console, options.update_width(UNBOUNDED), renderable).minimum


class FirstThatFits:
    """The first of `layouts` whose minimum width fits the width it is given; the last one
    where none does (the narrowest, which then folds what it must)."""

    def __init__(self, *layouts: RenderableType) -> None:
        self.layouts = list(layouts)

    def chosen(self, console: Console, options: ConsoleOptions) -> RenderableType:
        for layout in self.layouts[:-1]:
            if minimum_width(console, options, layout) <= options.max_width:
                return layout
        return self.layouts[-1]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.chosen(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        # As narrow as the narrowest layout; as wide as the one shown at this width.
        narrowest = min(minimum_width(console, options, layout) for layout in self.layouts)
        shown = Measurement.get(console, options, self.chosen(console, options))
        return Measurement(narrowest, max(narrowest, shown.maximum)).with_maximum(options.max_width)


class MinimumWidthTable:
    """A table whose columns keep at least their minimum widths whenever the width allows them
    all: no word folded, every id whole, ready to copy.

    A column's minimum is the longest word of its cells and header (an id is one word), or the
    floor `minimum_widths` gives it, whichever is larger. Rich shrinks too-wide tables by
    narrowing their widest columns, which folds an id such as `social-media-manager` mid-word
    although narrowing another column would have kept it whole: where Rich's own widths would
    break a minimum, the widths are set here instead, each column at its minimum and the space
    left shared evenly (the narrowest column grows first). With `share_evenly` they always are.
    Where the minimums cannot all fit, `narrow` is shown instead (or, without one, the table in
    Rich's own layout).
    """

    def __init__(
        self,
        table: Table,
        minimum_widths: Sequence[int] | None = None,
        narrow: RenderableType | None = None,
        *,
        share_evenly: bool = False,
    ) -> None:
        self.table = table
        self.minimum_widths = list(minimum_widths or [0] * len(table.columns))
        self.narrow = narrow
        self.share_evenly = share_evenly
        self._widths_set = False

    def _free(self) -> None:
        """Forget the widths a previous rendering set, so the table is measured afresh."""
        if self._widths_set:
            for column in self.table.columns:
                column.width = None
            self._widths_set = False

    def _ranges(self, console: Console, options: ConsoleOptions) -> list[tuple[int, int, int]]:
        """Each column's padding, and its minimum and maximum content widths."""
        table = self.table
        wide = options.update_width(UNBOUNDED)
        ranges = []
        for column, floor in zip(table.columns, self.minimum_widths, strict=True):
            # Rich's measure of a column includes its padding; there is no public one.
            padding = table._get_padding_width(column._index)
            measured = table._measure_column(console, wide, column)
            least = max(measured.minimum - padding, floor)
            ranges.append((padding, least, max(least, measured.maximum - padding)))
        return ranges

    def _available(self, options: ConsoleOptions) -> int:
        """The width left for the columns' content and padding (without rules and edges)."""
        return options.max_width - self.table._extra_width

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        self._free()
        ranges = self._ranges(console, options)
        extra = self.table._extra_width
        least = sum(padding + low for padding, low, _ in ranges) + extra
        most = sum(padding + high for padding, _, high in ranges) + extra
        if self.narrow is not None:
            least = min(least, minimum_width(console, options, self.narrow))
        return Measurement(least, max(least, most)).with_maximum(options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self._free()
        ranges = self._ranges(console, options)
        paddings = [padding for padding, _, _ in ranges]
        available = self._available(options)
        content = available - sum(paddings)
        widths = fair_widths([low for _, low, _ in ranges], [high for *_, high in ranges], content)
        if widths is None:
            yield self.narrow if self.narrow is not None else self.table
            return
        if not self.share_evenly:
            rich_widths = self.table._calculate_column_widths(
                console, options.update_width(available)
            )
            if all(
                width - padding >= low
                for width, (padding, low, _) in zip(rich_widths, ranges, strict=True)
            ):
                yield self.table
                return
        for column, width in zip(self.table.columns, widths, strict=True):
            column.width = width
        self._widths_set = True
        yield self.table


def fair_widths(minimums: Sequence[int], maximums: Sequence[int], total: int) -> list[int] | None:
    """Column widths between each minimum and maximum, summing to at most `total`, with the
    space shared evenly (the narrowest column grows first); None if the minimums do not fit."""
    if sum(minimums) > total:
        return None
    widths = list(minimums)
    spare = total - sum(widths)
    while spare > 0:
        growing = [i for i, width in enumerate(widths) if width < maximums[i]]
        if not growing:
            break
        narrowest = min(growing, key=lambda i: widths[i])
        widths[narrowest] += 1
        spare -= 1
    return widths


class LabelledRows(FirstThatFits):
    """Rows of a label and its value: side by side (the labels in a column of their own) while
    the values' column is as wide as the longest word they hold; otherwise each label on a line
    of its own with its value below it, indented, so that an id in a value is never cut."""

    def __init__(self, justify: Justify = "left", label_style: str = "dim") -> None:
        self.justify: Justify = justify
        self.label_style = label_style
        self.grid = Table.grid(padding=(0, 2))
        self.grid.add_column(style=label_style, no_wrap=True, min_width=0)
        self.grid.add_column(justify=justify, overflow="fold")
        self.stacked: list[RenderableType] = []
        super().__init__(self.grid, Group())

    def add_row(self, name: str | Text, value: RenderableType) -> None:
        self.grid.add_row(name, value)
        labels = self.grid.columns[0]
        # A label never wraps beside its value: its column is as wide as the widest one.
        width = cell_width(name if isinstance(name, str) else name.plain)
        labels.min_width = max(labels.min_width or 0, width)
        shown = Text(name) if isinstance(name, str) else name.copy()
        if shown.plain:
            shown.stylize(self.label_style)
            shown.justify = self.justify
            self.stacked.append(shown)
        self.stacked.append(Padding(_justified(value, self.justify), (0, 0, 0, STACK_INDENT)))
        self.layouts[-1] = Group(*self.stacked)


def _justified(value: RenderableType, justify: Justify) -> RenderableType:
    """`value` aligned as the column it would have stood in aligns it."""
    if isinstance(value, Text) and value.justify is None:
        value = value.copy()
        value.justify = justify
    return value


# --- views printed a part at a time ------------------------------------------------------------


class InParts:
    """A view printed a part at a time (each part written and flushed before the next is
    rendered), so that a long list reaches a pipe at once and a reader that stops early
    (`| head`) stops the command."""

    def parts(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        raise NotImplementedError

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.parts(console, options)


class Blocks(InParts):
    """Blocks one under the other (a `Group`), printed one at a time."""

    def __init__(self, blocks: Sequence[RenderableType]) -> None:
        self.blocks = list(blocks)

    def parts(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        yield from self.blocks


class ChunkedTable(InParts):
    """A table printed `CHUNK_ROWS` rows at a time, every chunk with the same column widths
    and the header above the first only, so that it reads as one table.

    The widths are found once for the whole table from the plain text of its cells (a column
    that does not wrap is as wide as its longest line, one that wraps at least as wide as its
    longest word and its floor in `minimum_widths`), as `MinimumWidthTable` finds them, without
    Rich measuring every cell again for each chunk. Where the minimums do not fit, the blocks
    `narrow` gives (one per row) are printed instead, a block at a time; they are only built
    then. With `right_aligned`, each chunk stands against the right edge.

    Each chunk is drawn as Rich draws the same table (`TableRows`), cell by cell, with only the
    text of a cell wrapped by Rich (or, without colour, from its plain text alone): the same
    characters and styles at a fraction of the cost, which on a table of thousands of rows is
    most of the command's time.
    """

    CHUNK_ROWS = 64

    def __init__(
        self,
        table: Table,
        minimum_widths: Sequence[int],
        narrow: Callable[[], Sequence[RenderableType]],
        *,
        right_aligned: bool = False,
    ) -> None:
        self.table = table
        self.minimum_widths = list(minimum_widths)
        self.narrow = narrow
        self.right_aligned = right_aligned

    def widths(self, console: Console, options: ConsoleOptions) -> list[int] | None:
        """Each column's content width at `options.max_width`; None where they do not fit."""
        table = self.table
        least: list[int] = []
        most: list[int] = []
        for column, floor in zip(table.columns, self.minimum_widths, strict=True):
            low, high = _plain_widths(console, options, [column.header, *column._cells])
            if column.no_wrap:
                low = high
            least.append(max(low, floor))
            most.append(max(high, low, floor))
        paddings = sum(table._get_padding_width(i) for i in range(len(table.columns)))
        content = options.max_width - table._extra_width - paddings
        if sum(most) <= content:
            return most
        return fair_widths(least, most, content)

    def parts(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        widths = self.widths(console, options)
        if widths is None:
            yield from self.narrow()
            return
        rows = len(self.table.rows)
        for start in range(0, max(rows, 1), self.CHUNK_ROWS):
            yield self.chunk(start, min(rows, start + self.CHUNK_ROWS), widths)

    def chunk(self, start: int, stop: int, widths: Sequence[int]) -> RenderableType:
        """Rows `start` to `stop` at `widths`, with the header when they are the first."""
        table = self.table
        if not self._rows_drawable:
            chunk = self._rich_chunk(start, stop, widths)
            return Align.right(chunk) if self.right_aligned else chunk
        header = self._rich_chunk(0, 0, widths) if table.show_header and start == 0 else None
        return TableRows(table, start, stop, widths, header, right_aligned=self.right_aligned)

    @functools.cached_property
    def _rows_drawable(self) -> bool:
        """Whether `TableRows` draws the table (`_drawn_by_rows`): asked once its cells are
        laid out for the language, at the first chunk."""
        return _drawn_by_rows(self.table)

    def _rich_chunk(self, start: int, stop: int, widths: Sequence[int]) -> Table:
        """The chunk as a Rich table of its own."""
        table = self.table
        chunk = Table(
            box=table.box,
            safe_box=table.safe_box,
            show_edge=table.show_edge,
            pad_edge=table.pad_edge,
            padding=table.padding,
            expand=False,
            show_header=table.show_header and start == 0,
            header_style=table.header_style,
        )
        for column, width in zip(table.columns, widths, strict=True):
            chunk.columns.append(
                replace(column, _cells=column._cells[start:stop], width=width, ratio=None)
            )
        chunk.rows = table.rows[start:stop]
        return chunk


def _drawn_by_rows(table: Table) -> bool:
    """Whether `TableRows` draws `table` as Rich would: a table with no edges, titles, footer,
    row styles or lines between rows, whose cells are padded on neither top nor bottom."""
    top, _, bottom, _ = table.padding
    return (
        not table.show_edge
        and not table.show_footer
        and not table.show_lines
        and not table.leading
        and not table.row_styles
        and not table.collapse_padding
        and table.title is None
        and table.caption is None
        and _unstyled(table.style)
        and _unstyled(table.border_style)
        and top == bottom == 0
        and all(row.style is None and not row.end_section for row in table.rows)
        and all(column.vertical == "top" for column in table.columns)
    )


def _unstyled(style: str | Style | None) -> bool:
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
    before = [Segment(" " * layout.left, _NO_STYLE)] if layout.left else []
    after = [Segment(" " * layout.right, _NO_STYLE)] if layout.right else []
    # A line's own style is a span of the text Rich joins the lines into (`Text.render`
    # leaves a text without spans unstyled): each line is joined alone, to render as there.
    joined = (_UNSTYLED.join([text]) for text in texts)
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
    if line.startswith(" ") or not _one_cell_each(line, spaced=True):
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


def _one_cell_each(text: str, *, spaced: bool = False) -> bool:
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


_NO_STYLE = Style.null()
_UNSTYLED = Text()


def _plain_widths(
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
                count = len if _one_cell_each(line) else cell_width
                longest_line = max(longest_line, count(line))
                longest_word = max(longest_word, max(map(count, line.split()), default=0))
        else:
            measured = Measurement.get(console, options.update_width(UNBOUNDED), cell)
            longest_word = max(longest_word, measured.minimum)
            longest_line = max(longest_line, measured.maximum)
    return longest_word, longest_line
