"""A command's help as a view, in Arabic: laid out as every other view is, so that it reads
right in logical and in visual order (the English help is the option parser's own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from careers_cli.present.views.parts import DIM, HEADING_STYLE, aligned, labelled_grid
from careers_cli.text.language import Language


class HelpRow(NamedTuple):
    """An option, argument or command: its names (and value), and what it does."""

    names: str
    text: str
    notes: tuple[str, ...] = ()
    """Dim lines after the text: `[مطلوب]`, `[متغير البيئة: CAREERS_LANG]`."""


class HelpPanel(NamedTuple):
    heading: str
    rows: tuple[HelpRow, ...]


class HelpPage(NamedTuple):
    usage: str
    paragraphs: tuple[str, ...]
    """The command's help, a paragraph each; Rich markup (`[bold]أمثلة[/bold]`) is the
    program's own."""
    panels: tuple[HelpPanel, ...]


def help_page(page: HelpPage, language: Language) -> RenderableType:
    """The usage line, the help's paragraphs, then each panel: its heading, and a row per
    option, argument or command, names beside (or above) what they do."""
    parts: list[RenderableType] = [aligned(Text(page.usage, style="bold"), language), ""]
    for paragraph in page.paragraphs:
        shown = Text.from_markup(paragraph)
        parts += [Padding(aligned(shown, language), (0, 0, 0, 1)), ""]
    for panel in page.panels:
        if panel.rows:
            parts += [aligned(Text(panel.heading, style=HEADING_STYLE), language)]
            parts += [Padding(_rows(panel.rows, language), (0, 0, 1, 2))]
    return Group(*parts)


def _rows(rows: Sequence[HelpRow], language: Language) -> RenderableType:
    grid = labelled_grid(language)
    for row in rows:
        text = Text(row.text)
        for note in row.notes:
            text.append("\n" + note, style=DIM)
        grid.add_row(Text(row.names, style="bold cyan"), aligned(text, language))
    return grid
