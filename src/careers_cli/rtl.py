"""The right-to-left visual mode: reorder each rendered line of Arabic text for display.

Terminals such as xterm, kitty, Alacritty and Windows Terminal print characters in the order
received. For them `--rtl visual` wraps every text of a view into `VisualLines`, which lets Rich
wrap the text to its cell first and then shapes and reorders each wrapped line on its own, so a
wrapped Arabic cell reads correctly line by line. Machine formats never pass through here.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from careers_cli.layout import FirstThatFits, MinimumWidthTable
from careers_cli.text import is_arabic, visual_order


class VisualLines:
    """A `Text` laid out for a terminal without bidi support: wrapped, then reordered per line."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = options.max_width
        right_to_left = is_arabic(self.text.plain)
        lines = self.text.wrap(console, width, justify="left", overflow="fold")
        for line in lines:
            if right_to_left:
                logical = line.plain.strip()
                line = Text(visual_order(logical, right_to_left=True), style=self.text.style)
                line.align("right", width)
            else:
                line.rstrip()  # wrapping padded it to the full width: align what it holds
                justify = self.text.justify or options.justify or "left"
                line.align(justify, width)  # type: ignore[arg-type]
            yield from line.render(console)
            yield Segment.line()


def for_visual_terminal(renderable: RenderableType) -> RenderableType:
    """Wrap every `Text` in `renderable` (groups, padding, tables and their cells) in
    `VisualLines`."""
    if isinstance(renderable, Text):
        return VisualLines(renderable)
    if isinstance(renderable, Group):
        return Group(*(for_visual_terminal(r) for r in renderable.renderables))
    if isinstance(renderable, Padding):
        renderable.renderable = for_visual_terminal(renderable.renderable)
        return renderable
    if isinstance(renderable, FirstThatFits):  # each of the layouts it chooses from
        renderable.layouts = [for_visual_terminal(layout) for layout in renderable.layouts]
        return renderable
    if isinstance(renderable, MinimumWidthTable):
        for_visual_terminal(renderable.table)
        if renderable.narrow is not None:
            renderable.narrow = for_visual_terminal(renderable.narrow)
        return renderable
    if isinstance(renderable, Table):
        for column in renderable.columns:
            # Rich keeps a column's cells in `_cells`; there is no public setter.
            column._cells = [for_visual_terminal(cell) for cell in column._cells]
            header = column.header
            if isinstance(header, str):
                header = Text(header)
            if isinstance(header, Text):
                column.header = VisualLines(header)
        return renderable
    if isinstance(renderable, str) and is_arabic(renderable):
        return VisualLines(Text(renderable))
    return renderable
