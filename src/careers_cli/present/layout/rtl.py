"""The right-to-left visual mode: reorder each rendered line of Arabic text for display, and
lay an Arabic view out mirrored.

Terminals such as xterm, kitty, Alacritty and Windows Terminal print characters in the order
received, and VTE does once told so (the explicit mode of the bidi recommendation). For them
visual mode (the default for Arabic on a terminal, or `--rtl visual`) wraps every text of a view
into `VisualLines`, which lets Rich
wrap the text to its cell first and then shapes and reorders each wrapped line on its own, so a
wrapped Arabic cell reads correctly line by line. An Arabic view is also mirrored, as a reader of
right-to-left text expects it: a table's first column on the right, a label to the right of its
value, indents on the right, and every block aligned to the right edge. Machine formats never
pass through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from rich.align import Align
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from careers_cli.present.layout.fitting import (
    Blocks,
    ChunkedTable,
    FirstThatFits,
    MinimumWidthTable,
    StreamedBlocks,
)
from careers_cli.text.bidi import has_right_to_left_letter, visual_order
from careers_cli.text.language import Language


class VisualLines:
    """A `Text` laid out for a terminal without bidi support: wrapped, then reordered per line,
    the commands it names on lines of their own after it (`commands_apart`).

    Each line of a text is a paragraph with its own direction: right to left when it holds an
    Arabic letter, left to right when it holds none (an English label or summary under an
    Arabic title, a list of English names joined by Arabic commas), whatever the view around
    it. In a mirrored view every line is right-aligned
    unless its text says otherwise, and a line without letters of either script (`1.`, `50%`)
    is ordered right to left as well."""

    def __init__(self, text: Text, *, mirrored: bool = False) -> None:
        self.text = text
        self.mirrored = mirrored

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for paragraph in self.text.split("\n", allow_blank=True):  # each its own direction
            yield from self._paragraph(console, options, paragraph)

    def _paragraph(
        self, console: Console, options: ConsoleOptions, text: Text
    ) -> Iterator[Segment]:
        width = options.max_width
        plain = text.plain
        right_to_left = has_right_to_left_letter(plain) or (
            self.mirrored and not any(char.isalpha() for char in plain)
        )
        commands: list[str] = []
        if right_to_left:  # the commands an Arabic text names, on lines of their own
            sentence, commands = commands_apart(plain)
            if commands:
                text = Text(sentence, style=text.style, justify=text.justify)
        for line in text.wrap(console, width, justify="left", overflow="fold"):
            if right_to_left:
                logical = line.plain.strip()
                line = Text(visual_order(logical, right_to_left=True), style=text.style)
                line.align("right", width)
            else:
                line.rstrip()  # wrapping padded it to the full width: align what it holds
                default = "right" if self.mirrored else "left"
                justify = text.justify or options.justify or default
                line.align(justify, width)  # type: ignore[arg-type]
            yield from line.render(console)
            yield Segment.line()
        for command in commands:  # never wrapped nor reordered: copied whole
            line = Text(command, style=text.style)
            if self.mirrored:
                line.pad_left(max(0, width - line.cell_len))
            yield from line.render(console)
            yield Segment.line()


def lines_in_visual_order(text: str, console: Console, width: int) -> list[str]:
    """`text` wrapped to `width` cells, each line then in visual order (`VisualLines`), as
    plain lines: for a box that shows the lines it is given as they are (a notification),
    aligned by that box."""
    options = console.options.update_width(width)
    lines = console.render_lines(VisualLines(Text(text)), options, pad=False)
    return ["".join(segment.text for segment in line).strip() for line in lines]


class VisualMessage:
    """A line the program says (a note, an error, a hint) laid out for a terminal without bidi
    support, as `VisualLines` lays out a text: its sentence wrapped to the width and reordered
    line by line, and each command it quotes (`'careers list --limit all'`) on a line of its
    own after it, left to right and whole, to be copied as it is. A sentence without Arabic is
    left as it is, for the terminal to wrap."""

    def __init__(self, text: str, style: str = "", *, mirrored: bool = False) -> None:
        self.text = text
        self.style = style
        self.mirrored = mirrored

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        if has_right_to_left_letter(self.text):
            yield VisualLines(Text(self.text, style=self.style), mirrored=self.mirrored)
        else:
            yield Text(self.text, style=self.style)


_QUOTED_COMMAND = re.compile(r" ?'((?:careers\b|--?[A-Za-z])[^']*)' ?")
_LAST_COMMAND = re.compile(r"(?<=: )careers .*$")


def commands_apart(text: str) -> tuple[str, list[str]]:
    """The sentence of a message with the commands it quotes taken out and a colon where they
    stood at its end (`عرض 2 من 7 مهن؛ يعرضها كلها:`), and those commands in order
    (`--limit all`). A command is a quoted `careers ...` or option, or the `careers ...` a
    sentence ends with after a colon (a suggestion)."""
    commands: list[str] = []

    def taken(match: re.Match[str]) -> str:
        command = match.group(1) if match.lastindex else match.group()
        if has_right_to_left_letter(command):  # words of the sentence, not a command
            return match.group()
        commands.append(command)
        return " "

    sentence = _LAST_COMMAND.sub(taken, _QUOTED_COMMAND.sub(taken, text))
    if not commands:
        return text, []
    sentence = " ".join(sentence.split()).replace("( ", "(").replace(" )", ")")
    sentence = sentence.replace("()", "").strip()
    if not sentence.endswith((":", "：")):
        sentence += ":"
    return sentence, commands


class Layout(NamedTuple):
    """How a view is laid out for the terminal, beyond what Rich does by itself."""

    visual: bool
    """Each line of text reordered for a terminal without bidi support (`--rtl visual`)."""
    mirrored: bool
    """Table columns, labels and indents from the right (an Arabic view in visual mode)."""
    right_aligned: bool
    """Tables and grids against the right edge, as Arabic text is (an Arabic view)."""


def layout_for(language: Language, *, visual: bool) -> Layout | None:
    """The layout of a view in `language`, for a terminal without bidi support if `visual`;
    None where Rich's own will do."""
    arabic = language == "ar"
    if not (arabic or visual):
        return None
    return Layout(visual=visual, mirrored=arabic and visual, right_aligned=arabic)


def for_visual_terminal(renderable: RenderableType, *, mirrored: bool = False) -> RenderableType:
    """`renderable` for a terminal without bidi support; with `mirrored` (an Arabic view), also
    laid out right to left."""
    return laid_out(renderable, Layout(visual=True, mirrored=mirrored, right_aligned=mirrored))


def laid_out(renderable: RenderableType, layout: Layout) -> RenderableType:
    """`renderable` (groups, padding, tables and their cells, blocks built as they are printed)
    laid out as `layout` says: in visual mode every `Text` wrapped in `VisualLines`; mirrored;
    tables against the right."""
    mirrored = layout.mirrored
    if isinstance(renderable, Text):
        return VisualLines(renderable, mirrored=mirrored) if layout.visual else renderable
    if isinstance(renderable, Group):
        return Group(*(laid_out(r, layout) for r in renderable.renderables))
    if isinstance(renderable, Padding):
        renderable.renderable = laid_out(renderable.renderable, layout)
        if mirrored:
            renderable.left, renderable.right = renderable.right, renderable.left
        return renderable
    if isinstance(renderable, Blocks):
        renderable.blocks = [laid_out(block, layout) for block in renderable.blocks]
        return renderable
    if isinstance(renderable, StreamedBlocks):  # each block as it is built
        renderable.lay_out_each(lambda block: laid_out(block, layout))
        return renderable
    if isinstance(renderable, ChunkedTable):  # each chunk is a copy of its table
        laid_out(renderable.table, layout._replace(right_aligned=False))
        if mirrored:
            renderable.minimum_widths.reverse()
        blocks = renderable.narrow
        renderable.narrow = lambda: [laid_out(block, layout) for block in blocks()]
        renderable.right_aligned = layout.right_aligned
        if renderable.above is not None:
            renderable.above = laid_out(renderable.above, layout)
        return renderable
    if isinstance(renderable, FirstThatFits):  # each of the layouts it chooses from
        renderable.layouts = [laid_out(chosen, layout) for chosen in renderable.layouts]
        return _against_the_edge(renderable, layout)
    if isinstance(renderable, MinimumWidthTable):
        laid_out(renderable.table, layout._replace(right_aligned=False))
        if mirrored:
            renderable.minimum_widths.reverse()
        if renderable.narrow is not None:
            renderable.narrow = laid_out(renderable.narrow, layout)
        return _against_the_edge(renderable, layout)
    if isinstance(renderable, Table):
        if mirrored:
            _mirror_columns(renderable)
        if layout.visual:
            for column in renderable.columns:
                # Rich keeps a column's cells in `_cells`; there is no public setter.
                column._cells = [laid_out(cell, layout) for cell in column._cells]
                header = column.header
                if isinstance(header, str):
                    header = Text(header)
                if isinstance(header, Text):
                    column.header = VisualLines(header, mirrored=mirrored)
        return _against_the_edge(renderable, layout)
    if (
        isinstance(renderable, str)
        and layout.visual
        and (mirrored or has_right_to_left_letter(renderable))
    ):
        return VisualLines(Text(renderable), mirrored=mirrored)
    return renderable


def _against_the_edge(renderable: RenderableType, layout: Layout) -> RenderableType:
    return Align.right(renderable) if layout.right_aligned else renderable


def _mirror_columns(table: Table) -> None:
    """A table's columns in right-to-left order, each aligned to its right edge."""
    table.columns.reverse()
    for position, column in enumerate(table.columns):
        column._index = position  # Rich numbers columns by position; there is no setter
        if column.justify == "left":
            column.justify = "right"
