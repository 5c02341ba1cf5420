"""The screens of `careers browse` as SVG snapshots (pytest-textual-snapshot), in English and in
Arabic in visual order, on the built-in catalogue: the list after typing, and a career's page.
`pytest --snapshot-update` writes them again after a change that is meant; look at them first.
An Arabic snapshot holds the cells a terminal gets, in visual order: a browser showing the SVG
applies the bidi algorithm to them again and shows its lines reversed; xterm shows them right
(see the README's `careers browse` section)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from careers_cli.app.browse.start import ProfileFile, save_page
from careers_cli.app.browse.tui import BrowseApp
from careers_cli.app.options import CommonOptions
from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.index.memory import MemoryIndex
from careers_cli.text.language import Language

SIZE = (110, 32)
SEARCHES: dict[Language, str] = {"en": "data", "ar": "محلل"}


def app_in(language: Language) -> BrowseApp:
    index = MemoryIndex(load_catalogue(find_catalogue(None)))
    visual = language == "ar"
    app_class = BrowseApp.in_language(language, visual=visual)
    kept = ProfileFile(CommonOptions())
    return app_class(index, language, visual=visual, kept=kept, save=save_page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_career_opened_from_a_search(
    language: Language, snap_compare: Callable[..., bool], tmp_path: Path
) -> None:
    async def search_and_open(pilot: Pilot[None]) -> None:
        pilot.app.query_one("#search", Input).value = SEARCHES[language]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app_in(language), terminal_size=SIZE, run_before=search_and_open)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_first_screen(language: Language, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app_in(language), terminal_size=SIZE)
