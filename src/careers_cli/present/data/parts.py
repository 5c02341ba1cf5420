"""The data shapes of the machine formats, and the pieces they are made of.

`document` is the JSON shape: stable keys, both languages' text, null where the catalogue has no
text in a language (documented in the README and pinned by tests/test_formats.py). `rows` are
flat records in the chosen language, for CSV and Markdown tables; list values are joined with
"; ". Where a text is missing in the chosen language, the other language's text stands in: in
Markdown followed by a mark naming that language (`[en]`, `[ar]`), in CSV as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from careers_cli.catalogue.domain import (
    Career,
)
from careers_cli.i18n.messages import label
from careers_cli.present.consoles import MarkdownSection
from careers_cli.present.pages import Page, PageSection, PageTable
from careers_cli.text.language import Bilingual, Language

LIST_SEPARATOR = "; "


Json = Any


class Records(NamedTuple):
    """A command's result as data: a JSON document and flat rows for CSV and Markdown, each
    built only when its format is asked for."""

    document: Callable[[], Json]
    rows: Callable[[], list[dict[str, str]]]
    # For a single record (`show`), Markdown is a heading and sections instead of a table.
    markdown_title: str = ""
    markdown_sections: tuple[MarkdownSection, ...] = ()
    # Rows for people where they differ from the CSV rows: words in the chosen language.
    markdown_rows: Callable[[], list[dict[str, str]]] | None = None
    # A page of its own (`gap`'s plan); else one made of the Markdown sections or rows.
    page: Callable[[], Page] | None = None

    def page_titled(
        self, title: str, language: Language, header: Callable[[str], str] = str
    ) -> Page:
        """The HTML page of the result: its own, else a heading and the Markdown sections
        (`show`, `read`), else `title` and a table of the rows for people, `header` naming
        each column from its key."""
        if self.page is not None:
            return self.page()
        if self.markdown_sections:
            sections = tuple(
                PageSection(s.heading, s.items, "bullets" if s.bulleted else "paragraphs")
                for s in self.markdown_sections
            )
            return Page(self.markdown_title, language, sections=sections)
        rows = self.markdown_rows() if self.markdown_rows else self.rows()
        keys = list(rows[0]) if rows else []
        table = PageTable([header(k) for k in keys], [[row[k] for k in keys] for row in rows])
        return Page(title, language, table=table)


def both_languages(text: Bilingual) -> dict[str, str | None]:
    return {"en": text.get("en"), "ar": text.get("ar")}


def text_in(text: Bilingual, language: Language, marked: bool) -> str:
    """`text` in `language`; a fallback to the other language followed by its mark if `marked`."""
    shown = text.in_language(language)
    if marked and text.is_fallback(language):
        return f"{shown} {label('fallback', language)}"
    return shown


def list_joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def career_ref(career: Career) -> dict[str, Any]:
    return {"id": career.id, "title": both_languages(career.title)}
