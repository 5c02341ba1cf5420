"""Table layout that Rich does not do by itself."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table


class MinimumWidthTable:
    """A table whose columns keep at least their minimum widths whenever the terminal is wide
    enough for all of them: `compare` keeps every career's id on one line, ready to copy.

    Rich shrinks too-wide tables by narrowing their widest columns, which folds an id such as
    `social-media-manager` mid-word although narrowing another column would have kept it whole.
    Where the minimums cannot all fit, `narrow` is shown instead (or, without one, the table in
    Rich's own layout).
    """

    def __init__(
        self,
        table: Table,
        minimum_widths: Sequence[int],
        narrow: RenderableType | None = None,
    ) -> None:
        self.table = table
        self.minimum_widths = list(minimum_widths)
        self.narrow = narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = self.table.columns
        # Between n columns: n - 1 one-cell rules and n - 1 pairs of padding (no outer edge).
        overhead = 3 * (len(columns) - 1)
        natural = [
            max(
                (Measurement.get(console, options, cell).maximum for cell in column.cells),
                default=0,
            )
            for column in columns
        ]
        natural = [
            max(width, Measurement.get(console, options, column.header).maximum)
            for width, column in zip(natural, columns, strict=True)
        ]
        widths = fair_widths(self.minimum_widths, natural, options.max_width - overhead)
        if widths is None and self.narrow is not None:
            yield self.narrow
            return
        for position, column in enumerate(columns):
            column.width = widths[position] if widths is not None else None
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
