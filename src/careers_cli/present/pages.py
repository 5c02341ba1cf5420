"""Views to share: a standalone HTML page (`--format html`) and a picture of the terminal view
(`--format svg`).

A page holds the same content as the table view, as a document a browser lays out and prints:
a heading, then sections of paragraphs, lists, checklists or a table, in the chosen language.
In Arabic the page reads right to left (`dir="rtl"`) in a font stack with Arabic fonts first.
All catalogue text is escaped (`html.escape`) after its terminal controls are removed, so a
title such as `<script>` is shown as text; the page has no scripts, links or images.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from typing import IO, Literal, NamedTuple

from rich.console import Console

from careers_cli.text.language import Language
from careers_cli.text.terminal import printable

SectionKind = Literal["paragraphs", "bullets", "checklist"]


class PageSection(NamedTuple):
    """A heading, then its items as paragraphs, bullets or boxes to tick; `more` items left
    out are counted in a last line (`more_text`)."""

    heading: str
    items: Sequence[str]
    kind: SectionKind = "bullets"
    more_text: str = ""


class PageTable(NamedTuple):
    """A table: its column headings and its rows of cells (text, in the same order)."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]


class Page(NamedTuple):
    """A document: a title, a lead paragraph, sections, a table and a note below them."""

    title: str
    language: Language
    lead: Sequence[str] = ()
    sections: Sequence[PageSection] = ()
    table: PageTable | None = None
    note: str = ""


# Arabic fonts first where the page is Arabic (Noto and Amiri on Linux, Geeza Pro on macOS,
# Segoe UI and Tahoma on Windows carry Arabic), then the platform's sans-serif.
FONTS: dict[Language, str] = {
    "en": 'system-ui, "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", Amiri, "Geeza Pro", "Segoe UI", Tahoma, '
    "Arial, sans-serif",
}

# A4 when printed; a column of prose on a screen. Long ids break anywhere rather than
# widen the page; rows and headings are not split across printed pages.
_STYLE = """
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
html { font-family: %(fonts)s; font-size: 11pt; line-height: 1.5; color: #1a1a1a; }
body { margin: 0 auto; padding: 1.5rem; max-width: 48rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 0.75rem; line-height: 1.25; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #bbb;
     break-after: avoid; }
p, li { margin: 0.25rem 0; }
ul { padding-inline-start: 1.5rem; }
ul.checklist { list-style: none; padding-inline-start: 0.25rem; }
ul.checklist li::before { content: "\\2610"; margin-inline-end: 0.5rem; }
.lead { font-size: 1.05rem; }
.more, .note { color: #555; font-size: 0.92rem; }
table { border-collapse: collapse; width: 100%%; table-layout: auto; margin-top: 0.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.45rem; text-align: start;
         vertical-align: top; overflow-wrap: anywhere; }
th { border-bottom: 2px solid #888; }
tr { break-inside: avoid; }
@media print { body { padding: 0; max-width: none; } }
"""


def text(value: str) -> str:
    """Catalogue text as HTML text: terminal controls removed, markup characters escaped."""
    return html.escape(printable(value), quote=True)


def page_html(page: Page) -> str:
    """The standalone HTML document of `page`."""
    language = page.language
    direction = "rtl" if language == "ar" else "ltr"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="careers">',
        f"<title>{text(page.title)}</title>",
        f"<style>{_STYLE % {'fonts': FONTS[language]}}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{text(page.title)}</h1>",
        *(f'<p class="lead">{text(line)}</p>' for line in page.lead),
    ]
    for section in page.sections:
        parts += _section(section)
    if page.table is not None:
        parts += _table(page.table)
    if page.note:
        parts.append(f'<p class="note">{text(page.note)}</p>')
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _section(section: PageSection) -> list[str]:
    parts = ["<section>", f"<h2>{text(section.heading)}</h2>"]
    if section.kind == "paragraphs":
        parts += [f"<p>{text(item)}</p>" for item in section.items]
    else:
        kind = ' class="checklist"' if section.kind == "checklist" else ""
        parts += [f"<ul{kind}>", *(f"<li>{text(item)}</li>" for item in section.items), "</ul>"]
    if section.more_text:
        parts.append(f'<p class="more">{text(section.more_text)}</p>')
    parts.append("</section>")
    return parts


def _table(table: PageTable) -> list[str]:
    header = "".join(f"<th>{text(h)}</th>" for h in table.headers)
    rows = ["<tr>" + "".join(f"<td>{text(c)}</td>" for c in row) + "</tr>" for row in table.rows]
    return [
        "<table>",
        f"<thead><tr>{header}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
    ]


def write_page(stream: IO[str], page: Page) -> None:
    stream.write(page_html(page))


def recording_console(width: int) -> Console:
    """A console that records what is printed on it, in colour, for an SVG of the view."""
    return Console(
        file=io.StringIO(),
        record=True,
        width=width,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


# Each run of text drawn in the order of its characters, as a terminal without bidi draws them.
_DRAWN_IN_ORDER = "\n    text { unicode-bidi: bidi-override; direction: ltr; }"


def write_svg(
    stream: IO[str],
    draw: Callable[[Console], None],
    width: int,
    title: str,
    *,
    drawn_in_order: bool = False,
) -> None:
    """An SVG picture of what `draw` prints on a terminal `width` columns wide (Rich's own
    export: every run of text an escaped text element, in a terminal window titled `title`).

    With `drawn_in_order`, for text laid out in visual order (Arabic shaped and reordered by
    the program), the viewer is told not to reorder it again."""
    console = recording_console(width)
    draw(console)
    svg = console.export_svg(title=printable(title))
    if drawn_in_order:
        svg = svg.replace("<style>", "<style>" + _DRAWN_IN_ORDER, 1)
    stream.write(svg)
