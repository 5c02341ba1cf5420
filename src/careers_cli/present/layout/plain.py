"""Views as the plain text a console without colour prints of them, found without Rich
rendering them.

Where output carries no styles (a pipe, a file, `NO_COLOR`), a view's text is all that is
printed, and Rich's general machinery (measuring, wrapping and padding every cell through
nested renderables) is most of the time a long list takes. `plain_lines` lays out the few
shapes views are built of, `Text`, `Group`, `Padding`, `LabelledRows` and `TableRows`, as
Rich lays them out, from their plain text alone; for anything else it gives None, and Rich
prints the view. Lines come without trailing spaces, as plain output is written.
"""

from __future__ import annotations

from rich.align import Align
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType
from rich.padding import Padding
from rich.text import Text

from careers_cli.present.layout.fitting import LabelledRows
from careers_cli.present.layout.rows import TableRows, wrap_plain
from careers_cli.present.layout.widths import cell_width

_MARKUP = frozenset("[]:")
"""Characters that may make Rich read a string as markup or an emoji code: such a string is
left to Rich."""


def plain_lines(
    renderable: RenderableType, console: Console, options: ConsoleOptions
) -> list[str] | None:
    """The lines Rich prints for `renderable` on `console` without colour, with their trailing
    spaces removed; None for a renderable of a shape this module does not lay out."""
    if options.max_width < 1:
        return None
    return _lines(renderable, console, options, options.max_width)


def _lines(
    renderable: RenderableType, console: Console, options: ConsoleOptions, width: int
) -> list[str] | None:
    if isinstance(renderable, str):
        if _MARKUP.intersection(renderable):
            return None
        renderable = Text(renderable)
    if isinstance(renderable, Text):
        return _text(renderable, options, width)
    if isinstance(renderable, Group):
        lines: list[str] = []
        for child in renderable.renderables:
            child_lines = _lines(child, console, options, width)
            if child_lines is None:
                return None
            lines += child_lines
        return lines
    if isinstance(renderable, Padding):
        return _padding(renderable, console, options, width)
    if isinstance(renderable, LabelledRows):
        return _labelled_rows(renderable, console, options, width)
    if isinstance(renderable, Align) and isinstance(renderable.renderable, LabelledRows):
        if not _aligns(renderable):
            return None
        return _labelled_rows(renderable.renderable, console, options, width, in_align=True)
    if isinstance(renderable, TableRows):
        inner = options.update_width(width)
        return [line.rstrip(" ") for line in renderable.plain_lines(console, inner)]
    return None


def _text(
    text: Text,
    options: ConsoleOptions,
    width: int,
    *,
    justify: JustifyMethod | None = None,
    no_wrap: bool | None = None,
) -> list[str] | None:
    """A text as `Text.__rich_console__` lays it out at `width`, its justification and
    wrapping taken from the text, else from what contains it (`justify`, `no_wrap`), else from
    `options`."""
    plain = text.plain
    if "\t" in plain or text.end != "\n":
        return None
    how = text.justify or justify or options.justify or "default"
    overflow = text.overflow or options.overflow or "fold"
    if how == "center" or how == "full" or overflow not in ("fold", "crop"):
        return None
    wraps_not = text.no_wrap if text.no_wrap is not None else no_wrap
    if wraps_not is None:
        wraps_not = bool(options.no_wrap)
    lines = wrap_plain(plain, width, how, fold=overflow == "fold", no_wrap=wraps_not)
    return None if lines is None else [line.rstrip(" ") for line in lines]


def _padding(
    padding: Padding, console: Console, options: ConsoleOptions, width: int
) -> list[str] | None:
    """`Padding` (which fills the width it is given): its blank lines above and below, and
    the spaces on the left of each line."""
    if not padding.expand:
        return None
    inner = width - padding.left - padding.right
    if inner < 1:
        return None
    lines = _lines(padding.renderable, console, options, inner)
    if lines is None:
        return None
    indent = " " * padding.left
    return [
        *[""] * padding.top,
        *[indent + line if line else "" for line in lines],
        *[""] * padding.bottom,
    ]


def _labelled_rows(
    rows: LabelledRows,
    console: Console,
    options: ConsoleOptions,
    width: int,
    *,
    in_align: bool = False,
) -> list[str] | None:
    """`LabelledRows` as `FirstThatFits` chooses: side by side in its grid while the labels,
    the gap and the values' longest word fit `width`, else stacked. The grid stands against
    the right edge where it was laid out so, or where the rows are held in an `Align.right`
    (`in_align`, as an Arabic view lays them out; stacked, they are then Rich's to print)."""
    grid = rows.grid
    shown = rows.layouts[0]
    aligned_grid = isinstance(shown, Align) and shown.renderable is grid and _aligns(shown)
    if shown is not grid and not aligned_grid:  # laid out otherwise: Rich's to print
        return None
    side_by_side = _grid_lines(rows, console, options, width)
    if side_by_side is None:
        return None
    fits, lines = side_by_side
    if not fits:
        return None if in_align else _lines(rows.layouts[-1], console, options, width)
    if (aligned_grid or in_align) and lines:
        indent = " " * (width - cell_width(lines[0]))
        lines = [indent + line for line in lines]
    return [line.rstrip(" ") for line in lines]


def _aligns(align: Align) -> bool:
    """Whether `align` only stands what it holds against the right edge."""
    return (
        align.align == "right"
        and align.width is None
        and align.height is None
        and align.vertical is None
        and align.style is None
    )


def _grid_lines(
    rows: LabelledRows, console: Console, options: ConsoleOptions, width: int
) -> tuple[bool, list[str]] | None:
    """The lines of `rows`' grid at `width`, each as wide as the grid; `(False, [])` where it
    does not fit (the labels, the gap and the values' longest word are wider); None where a
    label or a value is not text.

    The grid is Rich's `Table.grid` of two columns: the labels, as wide as the widest (at
    least), the gap, and the values, as wide as their longest line or what is left."""
    grid = rows.grid
    labels_column, values_column = grid.columns
    labels = [_as_text(label) for label in labels_column._cells]
    label_texts = [label for label in labels if label is not None]
    value_texts = [value for value in values_column._cells if isinstance(value, Text)]
    if len(label_texts) != len(labels) or len(value_texts) != len(labels):
        return None
    gap = grid._get_padding_width(0)
    label_width = max(
        [labels_column.min_width or 0, *(cell_width(label.plain) for label in label_texts)]
    )
    measures = [_measure(value.plain) for value in value_texts]
    longest_word = max((least for least, _ in measures), default=0)
    if label_width + gap + longest_word > width:
        return False, []
    longest_line = max((most for _, most in measures), default=0)
    value_width = min(max(longest_line, 1), width - label_width - gap)
    lines: list[str] = []
    for label, value in zip(label_texts, value_texts, strict=True):
        label_lines = _text(
            label, options, label_width, justify=labels_column.justify, no_wrap=True
        )
        value_lines = _text(
            value,
            options,
            value_width,
            justify=values_column.justify,
            no_wrap=values_column.no_wrap,
        )
        if label_lines is None or value_lines is None:
            return None
        for number in range(max(len(label_lines), len(value_lines))):
            left = label_lines[number] if number < len(label_lines) else ""
            right = value_lines[number] if number < len(value_lines) else ""
            lines.append(
                left
                + " " * (label_width + gap - cell_width(left))
                + right
                + " " * (value_width - cell_width(right))
            )
    return True, lines


def _measure(text: str) -> tuple[int, int]:
    """A text's longest word and longest line, as `Text.__rich_measure__` measures them."""
    lines = text.splitlines()
    longest_line = max(map(cell_width, lines)) if lines else 0
    words = text.split()
    return (max(map(cell_width, words)) if words else longest_line), longest_line


def _as_text(cell: RenderableType) -> Text | None:
    """A label as Rich renders it: a string as a text (unless it might be markup)."""
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, str) and not _MARKUP.intersection(cell):
        return Text(cell)
    return None
