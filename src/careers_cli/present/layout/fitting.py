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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from rich.align import Align
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careers_cli.present.layout.rows import TableRows, unstyled
from careers_cli.present.layout.widths import UNBOUNDED, Justify, cell_width, plain_widths

STACK_INDENT = 2
"""How far a value stacked under its label (or a row's other cells under its first) is indented."""


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


class StreamedBlocks(InParts):
    """Blocks built as they are printed, a batch at a time (`build` makes the blocks of a
    batch of items): on a list of thousands, the first blocks reach a pipe at once, and a
    reader that stops early (`| head`) spares the building of the rest.

    `lay_out_each` gives a step every block goes through once built (the Arabic layout)."""

    BATCH = 64

    def __init__(
        self,
        items: Sequence[object],
        build: Callable[[Sequence[object]], Sequence[RenderableType]],
    ) -> None:
        self.items = items
        self.build = build
        self.steps: list[Callable[[RenderableType], RenderableType]] = []

    def lay_out_each(self, step: Callable[[RenderableType], RenderableType]) -> None:
        self.steps.append(step)

    def parts(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        for start in range(0, len(self.items), self.BATCH):
            for block in self.build(self.items[start : start + self.BATCH]):
                for step in self.steps:
                    block = step(block)
                yield block


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
        above: RenderableType | None = None,
    ) -> None:
        self.table = table
        self.minimum_widths = list(minimum_widths)
        self.narrow = narrow
        self.above = above
        """A line printed before the table (or its blocks), as a note about all its rows."""
        self.right_aligned = right_aligned

    def widths(self, console: Console, options: ConsoleOptions) -> list[int] | None:
        """Each column's content width at `options.max_width`; None where they do not fit."""
        table = self.table
        least: list[int] = []
        most: list[int] = []
        for column, floor in zip(table.columns, self.minimum_widths, strict=True):
            low, high = plain_widths(console, options, [column.header, *column._cells])
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
        if self.above is not None:
            yield self.above
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
        and unstyled(table.style)
        and unstyled(table.border_style)
        and top == bottom == 0
        and all(row.style is None and not row.end_section for row in table.rows)
        and all(column.vertical == "top" for column in table.columns)
    )
