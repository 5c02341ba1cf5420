"""`careers browse`, driven with Textual's own harness (`App.run_test` and its pilot) on the
ESCO release kept for the tests: the path a person takes (type "data", open data scientist,
follow a related career, go back, add two skills, see the matches change, open a gap plan and
save it), in English and in Arabic; hostile catalogue text; and the command around the app."""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from careers_cli.app.browse.start import ProfileFile, save_page
from careers_cli.app.browse.tui import RESULTS_AT_ONCE, BrowseApp
from careers_cli.app.options import CommonOptions
from careers_cli.app.quick import read_command_line, run_quickly
from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.i18n.browse import browse_label
from careers_cli.i18n.messages import label
from careers_cli.index.memory import MemoryIndex
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.views.browse import Place, record_name
from careers_cli.present.views.parts import SUBLIST_LIMIT
from careers_cli.rules import moves, search
from careers_cli.rules.names import CareerFinder, careers_fitting
from careers_cli.rules.search import skill_wanted
from careers_cli.text.bidi import visual_order
from careers_cli.text.language import Language
from tests.helpers import REPO, Run, invoke
from tests.support.arabic import ARABIC_LETTER, expected_visual
from tests.support.hostile import MARKUP_SKILL, MARKUP_TITLE, markup_catalogue
from tests.support.store import read_json, stored_index

RELEASE = REPO / "tests" / "data" / "esco-release" / "esco-release.tar.xz"
SIZE = (140, 45)
ARABIC_SHAPED = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
"""Arabic letters in the presentation forms a terminal without shaping is given."""


@pytest.fixture(scope="module")
def esco(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MemoryIndex]:
    """The ESCO release unpacked and imported (3,039 careers), and its index."""
    folder = tmp_path_factory.mktemp("esco-release")
    with tarfile.open(RELEASE) as archive:
        archive.extractall(folder, filter="data")
    output = folder / "esco.json"
    run = invoke(["import", "esco", str(folder / "esco-release"), "--output", str(output)])
    assert run.exit_code == 0, run.stderr
    return output, MemoryIndex(load_catalogue(find_catalogue(output)))


def browse_app(
    index: CatalogueIndex, language: Language, data: Path, *, visual: bool = False
) -> BrowseApp:
    kept = ProfileFile(CommonOptions(data=data))
    app_class = BrowseApp.in_language(language, visual=visual)
    return app_class(index, language, visual=visual, kept=kept, save=save_page)


def drive(app: BrowseApp, steps: Callable[[Pilot[None]], Coroutine[Any, Any, None]]) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await steps(pilot)

    asyncio.run(run())


def rendered(renderable: object, width: int) -> list[str]:
    """The lines Rich prints for `renderable` at `width` columns, without colour."""
    buffer = io.StringIO()
    Console(width=width, file=buffer, color_system=None).print(renderable)
    return buffer.getvalue().splitlines()


def plain(widget: Static) -> str:
    shown = widget.render()
    return str(shown)


def link_at(app: BrowseApp, kind: str, record_id: str) -> int:
    """Where the page's link to a career or skill is."""
    return next(
        at
        for at, link in enumerate(app.links)
        if link.place is not None and (link.place.kind, link.place.record_id) == (kind, record_id)
    )


async def choose(pilot: Pilot[None], widget_id: str, at: int) -> None:
    """Highlight an option with the keyboard and press Enter on it."""
    options = pilot.app.query_one(widget_id, OptionList)
    options.focus()
    options.highlighted = at
    await pilot.press("enter")
    await pilot.pause()


def the_path(
    index: MemoryIndex, data: Path, language: Language, tmp_path: Path, *, visual: bool
) -> None:
    """Type "data" (بيانات in Arabic), open data scientist, follow a related career, back and
    forward, add two skills to the profile and see the matches change, open the gap to a career
    named in the language of the screen and save it."""
    app = browse_app(index, language, data, visual=visual)
    related = search.career_profile(index, index.careers_by_id["data-scientist"]).related
    follow = related[0].career.id
    scientist = index.careers_by_id["data-scientist"]
    first_two = list(scientist.skill_ids[:2])
    target = "computer-scientist"
    # What a person types: "data" and the target's id in English, their Arabic in Arabic.
    typed, target_typed = ("data", target) if language == "en" else ("بيانات", "عالم الحاسوب")

    def matches_of(skill_ids: list[str]) -> list[str]:
        wanted = [skill_wanted(index.skills_by_id[s], s) for s in skill_ids]
        page = search.match_page(index, wanted, require_all=False, limit=20)
        return [m.career.id for m in page.items]

    def shown(key: str, **params: object) -> str:
        text = browse_label(key, language, **params)
        return visual_order(text) if visual else text

    async def steps(pilot: Pilot[None]) -> None:
        total = index.career_count()
        count = pilot.app.query_one("#count", Static)
        assert plain(count) == shown("found", count=total, total=total)
        await pilot.press(*typed)
        await pilot.pause()
        fitting = search_ids(index, typed)
        assert app.results == fitting
        assert "data-scientist" in fitting
        assert plain(count) == shown("found", count=len(fitting), total=total)
        await choose(pilot, "#results", fitting.index("data-scientist"))
        assert app.page is not None and app.page.place.record_id == "data-scientist"
        skill_links = [link.place.record_id for link in app.links if link.place is not None]
        assert skill_links[: len(scientist.skill_ids)] == [
            s for s in scientist.skill_ids if not scientist.is_optional(s)
        ] + [s for s in scientist.skill_ids if scientist.is_optional(s)]
        await choose(pilot, "#links", link_at(app, "career", follow))
        assert app.page.place.record_id == follow
        await pilot.press("b")
        assert app.page.place.record_id == "data-scientist"
        await pilot.press("f")
        assert app.page.place.record_id == follow
        await pilot.press("b")

        await pilot.press("s")  # no skills yet: no matches
        assert app.page.place.kind == "profile" and app.links == []
        await pilot.press("b")
        for skill_id in first_two:
            await choose(pilot, "#links", link_at(app, "skill", skill_id))
            assert app.page.place == ("skill", skill_id, "")
            await pilot.press("a")
            await pilot.press("b")
        await pilot.press("s")
        kept = [link.place.record_id for link in app.links if link.place is not None]
        assert kept[:2] == first_two
        assert kept[2:] == matches_of(first_two)
        assert matches_of(first_two) != matches_of(first_two[:1])

        await pilot.press("b")
        await pilot.press("g")
        await pilot.pause()
        question = pilot.app.screen.query_one("#question", Static)
        region = Region(0, 0, question.size.width, question.size.height)
        asked = [strip.text for strip in question.render_lines(region)]
        assert asked == [
            shown("gap_to").rjust(question.size.width)
            if visual
            else shown("gap_to").ljust(question.size.width)
        ]
        await pilot.press(*target_typed)
        await pilot.press("enter")
        await pilot.pause()
        assert app.page.place == ("gap", "data-scientist", target)
        gap = moves.career_gap(index, scientist, index.careers_by_id[target])
        steps_shown = [s.skill.skill_id for s in gap.first_steps(moves.GAP_LIMIT).steps]
        learn = [link.place.record_id for link in app.links if link.place is not None]
        assert learn[: len(steps_shown)] == steps_shown
        await pilot.press("w")
        answer = pilot.app.screen.query_one("#answer", Input)
        assert answer.value == f"gap-data-scientist-{target}.md"
        answer.value = str(tmp_path / "plan.md")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("w")
        pilot.app.screen.query_one("#answer", Input).value = str(tmp_path / "plan.html")
        await pilot.press("enter")
        await pilot.pause()

    drive(app, steps)
    profile = invoke(["profile", "list", "--data", str(data), "--format", "json"])
    assert [s["id"] for s in json.loads(profile.stdout)] == first_two
    checklist = invoke(
        ["gap", "data-scientist", target, "--data", str(data), "-f", "markdown", "--lang", language]
    )
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == checklist.stdout
    assert checklist.stdout.startswith("#")
    page = invoke(
        ["gap", "data-scientist", target, "--data", str(data), "-f", "html", "--lang", language]
    )
    assert page.exit_code == 0, page.stderr
    assert (tmp_path / "plan.html").read_text(encoding="utf-8") == page.stdout
    assert page.stdout.startswith("<!DOCTYPE html>")


def search_ids(index: CatalogueIndex, text: str) -> list[str]:
    return [career.id for career in careers_fitting(index, text, None).items]


class TestThePath:
    """What a person does in `careers browse`, from the search box to a saved plan."""

    def test_in_english(self, esco: tuple[Path, MemoryIndex], tmp_path: Path) -> None:
        data, index = esco
        the_path(index, data, "en", tmp_path, visual=False)

    def test_in_arabic_in_visual_order(
        self, esco: tuple[Path, MemoryIndex], tmp_path: Path
    ) -> None:
        data, index = esco
        the_path(index, data, "ar", tmp_path, visual=True)


class TestPagesInVisualOrder:
    def test_a_skill_page_in_arabic_is_shaped_and_right_to_left(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        """A skill's page (built a block at a time, as `careers skills` prints it) reaches a
        terminal told the program lays out Arabic in visual order: every letter shaped, every
        line reordered, "needed by" read from the right."""
        data, index = esco
        app = browse_app(index, "ar", data, visual=True)
        needing = index.career_ids_by_skill({"statistics"})["statistics"]
        assert len(needing) > 10  # a list cut short, with its "and N more" in Arabic

        async def steps(pilot: Pilot[None]) -> None:
            app.go(Place("skill", "statistics"))
            await pilot.pause()
            lines = rendered(app.query_one("#view", Static).content, 70)
            arabic = [line for line in lines if ARABIC_SHAPED.search(line)]
            assert len(arabic) >= 2  # "needed by", and "... and N more (...)"
            assert not any(ARABIC_LETTER.search(line) for line in lines)  # none left unshaped
            assert any(expected_visual(label("needed_by", "ar")) in line for line in lines)
            more = f"و{len(needing) - SUBLIST_LIMIT}"  # the first careers named, the rest counted
            assert any(expected_visual(more) in line for line in lines), lines

        drive(app, steps)


class TestSearch:
    def test_arabic_words_narrow_the_careers_as_the_commands_rank_them(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app = browse_app(index, "ar", data, visual=True)

        async def steps(pilot: Pilot[None]) -> None:
            pilot.app.query_one("#search", Input).value = "عالم البيانات"
            await pilot.pause()
            assert app.results == search_ids(index, "عالم البيانات")
            assert app.results[0] == "data-scientist"

        drive(app, steps)

    def test_arabic_typed_is_shown_shaped_right_to_left_with_the_caret_where_it_falls(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app = browse_app(index, "ar", data, visual=True)

        async def steps(pilot: Pilot[None]) -> None:
            box = pilot.app.query_one("#search", Input)
            width = box.scrollable_content_region.width
            placeholder = box.render_line(0).text
            assert placeholder == visual_order(browse_label("search", "ar")).rjust(width - 1) + " "
            await pilot.press(*"عالم")
            await pilot.pause()
            line = box.render_line(0)
            shown = visual_order("عالم")
            assert line.text == " " * (width - len(shown) - 1) + " " + shown
            caret = box.get_component_rich_style("input--cursor")
            cells = [(segment.text, segment.style) for segment in line if segment.text]
            assert any(text == " " and style == caret for text, style in cells)
            assert line.text.index(shown) == width - len(shown)
            await pilot.press("home")  # the caret to the start: the right edge
            assert box.cursor_position == 0
            assert box.render_line(0).text.endswith(shown + " ")
            await pilot.press("left")  # Left moves on through the Arabic: one letter typed
            assert box.cursor_position == 1
            # A click on the text's last cell on the left puts the caret at the end; one on
            # its first on the right, at the start.
            gutter = box.content_region.x - box.region.x, box.content_region.y - box.region.y
            text_start = width - 1 - len(shown)
            for column, place in ((text_start, 4), (width - 1, 0)):
                assert await pilot.click("#search", offset=(gutter[0] + column, gutter[1]))
                assert box.cursor_position == place, column
            assert app.results == search_ids(index, "عالم")

        drive(app, steps)

    def test_arabic_wider_than_the_box_mixed_with_latin_and_never_selected(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app = browse_app(index, "ar", data, visual=True)

        async def steps(pilot: Pilot[None]) -> None:
            box = pilot.app.query_one("#search", Input)
            width = box.scrollable_content_region.width
            caret = box.get_component_rich_style("input--cursor")

            def caret_cell() -> int:
                cells = 0
                for segment in box.render_line(0):
                    if segment.style == caret:
                        return cells
                    cells += cell_len(segment.text)
                raise AssertionError("no caret")

            # Wider than the box: one line of the box's width, the caret in it.
            long = "عالم " * 12 + "بيانات"
            box.value = long
            for place, cell in ((len(long), 0), (0, width - 1)):
                box.cursor_position = place
                line = box.render_line(0)
                assert line.cell_length == width and "\n" not in line.text
                assert caret_cell() == cell, place
            box.cursor_position = 30  # in the middle: the part around it
            assert 0 < caret_cell() < width - 1
            gutter = box.content_region.x - box.region.x
            here = caret_cell()
            await pilot.click("#search", offset=(gutter + here + 3, 1))  # 3 cells right of it
            assert box.cursor_position < 30
            assert abs(caret_cell() - here - 3) <= 1

            # Latin inside Arabic: Left always moves the caret left on the screen.
            box.value = "عالم data"
            box.cursor_position = len(box.value)
            cells = [caret_cell()]
            for _ in range(3):
                await pilot.press("left")
                cells.append(caret_cell())
            assert cells == sorted(cells, reverse=True) and len(set(cells)) == 4
            await pilot.press("right")
            assert caret_cell() == cells[-2]

            # Shift and an arrow move the caret without a selection that could not be seen.
            box.value = "عالم بيانات"
            box.cursor_position = 0
            await pilot.press("shift+left", "shift+left")
            assert box.selection.is_empty and box.cursor_position == 2
            await pilot.press("x")
            assert box.value == "عاxلم بيانات"

        drive(app, steps)

    def test_the_arabic_footer_reads_from_the_right(self, esco: tuple[Path, MemoryIndex]) -> None:
        data, index = esco
        app = browse_app(index, "ar", data, visual=True)

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.press("escape")  # every key shown
            await pilot.pause()
            keys = sorted(pilot.app.query("FooterKey"), key=lambda key: key.region.x)
            names = [str(getattr(key, "description", "")) for key in keys]
            quit_key, help_key = (
                visual_order(browse_label(k, "ar")) for k in ("key.quit", "key.help")
            )
            assert names[-2:] == [help_key, quit_key]
            assert keys[-1].region.right == SIZE[0]
            # Too narrow for every key: those on the right, the first, stay in sight.
            await pilot.resize_terminal(70, 30)
            await pilot.pause()
            await pilot.pause()
            keys = sorted(pilot.app.query("FooterKey"), key=lambda key: key.region.x)
            quit_shown = next(k for k in keys if str(getattr(k, "description", "")) == quit_key)
            assert quit_shown.region.right == 70
            assert keys[0].region.x < 0 or keys[0].region.width == 0  # the last, out of sight

        drive(app, steps)

    def test_visual_order_asked_in_english_leaves_the_footer_from_the_left(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app = browse_app(index, "en", data, visual=True)

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.press("escape")
            await pilot.pause()
            keys = sorted(pilot.app.query("FooterKey"), key=lambda key: key.region.x)
            assert str(getattr(keys[0], "description", "")) == "Quit"
            assert keys[0].region.x == 0
            box = pilot.app.query_one("#search", Input)
            assert box.render_line(0).text.startswith(browse_label("search", "en"))

        drive(app, steps)

    def test_a_notification_in_arabic_is_shaped_and_from_the_right(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app = browse_app(index, "ar", data, visual=True)
        name = record_name(index, Place("skill", "manage-data"), "ar")
        assert name == index.skills_by_id["manage-data"].label.in_language("ar") + " [en]"

        async def steps(pilot: Pilot[None]) -> None:
            pilot.app.query_one("#search", Input).value = "data-scientist"
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await choose(pilot, "#links", link_at(app, "skill", "manage-data"))
            await pilot.press("a")
            await pilot.pause(0.2)
            toast = pilot.app.screen.query_one("Toast", Static)
            said = browse_label("added", "ar", name=name)
            assert str(toast.render()).split("\n") == [visual_order(said)]
            assert toast.styles.text_align == "right"
            # A sentence longer than the box: wrapped to it, then each line reordered, and
            # not wrapped again by the box (which would put its words out of order).
            width = toast.content_region.width
            widest = 0
            for letters in (2, 5, 8, 150):  # words of several lengths, one longer than a line
                word = "ب" * letters
                app.say(browse_label("added", "ar", name=" ".join([word] * (300 // letters))))
                await pilot.pause(0.2)
                last = list(pilot.app.screen.query("Toast"))[-1]
                lines = str(last.render()).split("\n")
                assert len(lines) >= 2
                assert all(cell_len(line) <= width for line in lines), letters
                assert last.size.height == len(lines)  # each drawn as one line of the box
                assert lines[0].endswith(visual_order("أُضيفت"))  # the sentence's first word
                assert lines[-1].startswith(visual_order("إلى ملفك"))
                widest = max(widest, *(cell_len(line) for line in lines))
            assert widest == width

        drive(app, steps)

    def test_text_no_name_fits_shows_no_career_and_says_so(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app = browse_app(index, "en", data)

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.press(*"zqxj")
            await pilot.pause()
            assert app.results == []
            count = plain(pilot.app.query_one("#count", Static))
            assert count == f"0 of {index.career_count()} careers"

        drive(app, steps)

    def test_a_first_letter_lists_its_careers_a_part_at_a_time(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        """The letter s fits 2,170 careers: the list is given the first few, more as the highlight
        nears their end, and all of them on End; the count says how many from the start."""
        data, index = esco
        app = browse_app(index, "en", data)
        fitting = search_ids(index, "s")
        assert len(fitting) > 3 * RESULTS_AT_ONCE

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.press("s")
            await pilot.pause()
            results = pilot.app.query_one("#results", OptionList)
            assert app.results == fitting
            assert results.option_count == RESULTS_AT_ONCE
            count = plain(pilot.app.query_one("#count", Static))
            assert count == f"{len(fitting)} of {index.career_count()} careers"
            results.focus()
            results.highlighted = RESULTS_AT_ONCE - 5
            await pilot.pause()
            assert results.option_count == 2 * RESULTS_AT_ONCE
            results.scroll_end(animate=False)  # the wheel or the scroll bar: more too
            await pilot.pause()
            assert results.option_count == 3 * RESULTS_AT_ONCE
            await pilot.press("end")
            await pilot.pause()
            assert results.option_count == len(fitting)
            assert results.highlighted == len(fitting) - 1
            last = index.careers_by_id[fitting[-1]]
            assert str(results.get_option_at_index(len(fitting) - 1).prompt).startswith(
                last.title.in_language("en")
            )
            await pilot.press("enter")
            await pilot.pause()
            assert app.page is not None and app.page.place.record_id == fitting[-1]
            pilot.app.query_one("#search", Input).value = "so"  # a new search: the first few
            for _ in range(10):  # searched once the box is drawn
                await pilot.pause()
            assert app.results == search_ids(index, "so")
            assert results.option_count == min(RESULTS_AT_ONCE, len(app.results))
            assert results.highlighted == 0

        drive(app, steps)

    def test_a_click_opens_a_career(self, esco: tuple[Path, MemoryIndex]) -> None:
        data, index = esco
        app = browse_app(index, "en", data)

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.press(*"data scientist")
            await pilot.pause()
            assert await pilot.click("#results", offset=(3, 1))
            await pilot.pause()
            assert app.page is not None
            assert app.page.place.record_id == app.results[0] == "data-scientist"

        drive(app, steps)


class TestKeys:
    def test_help_shows_the_keys_and_q_quits(self, esco: tuple[Path, MemoryIndex]) -> None:
        data, index = esco
        app = browse_app(index, "en", data)

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.press("escape")  # out of the search box: keys are commands
            assert pilot.app.focused is pilot.app.query_one("#results", OptionList)
            await pilot.press("question_mark")
            await pilot.pause()
            help_text = plain(pilot.app.screen.query_one("#help", Static))
            assert help_text == browse_label("help", "en")
            await pilot.press("space")
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()

        drive(app, steps)
        assert app.return_code == 0
        assert not app.is_running

    def test_no_color_asked_makes_the_screen_monochrome(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app_class = BrowseApp.in_language("en", visual=False)
        kept = ProfileFile(CommonOptions(data=data))
        app = app_class(index, "en", no_color=True, kept=kept, save=save_page)
        assert app.no_color


class TestResize:
    def test_a_page_is_laid_out_again_for_each_size_its_arabic_against_the_right_edge(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        """The Arabic page of data scientist at three sizes: each time every line fits the
        page, the title ends at its right edge, and no word is lost or added."""
        data, index = esco
        app = browse_app(index, "ar", data, visual=True)
        title = index.careers_by_id["data-scientist"].title.in_language("ar")

        async def steps(pilot: Pilot[None]) -> None:
            pilot.app.query_one("#search", Input).value = "data-scientist"
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            words_at: list[list[str]] = []
            for size in [(140, 45), (80, 30), (50, 20)]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                view = pilot.app.query_one("#view", Static)
                width = view.size.width
                region = Region(0, 0, width, view.size.height)
                lines = [strip.text for strip in view.render_lines(region)]
                assert all(cell_len(line) == width for line in lines), size
                assert lines[0].rstrip() == lines[0], size  # the title against the right edge
                words_at.append(sorted(" ".join(lines).split()))
                assert visual_order(title).split()[-1] in lines[0]
                side = pilot.app.query_one("#side")
                assert side.region.right == size[0], size  # the list on the right
            assert words_at[0] == words_at[1] == words_at[2]

        drive(app, steps)


class TestLinks:
    def test_the_link_chosen_with_the_keys_stays_in_sight(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        """Data scientist's page at 80 x 24: its 103 links, some of two lines, scroll within
        themselves below the view; End chooses the last, Up the ones before, and each is on
        the screen."""
        data, index = esco
        app = browse_app(index, "en", data)

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.resize_terminal(80, 24)
            pilot.app.query_one("#search", Input).value = "data-scientist"
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            page = pilot.app.query_one("#page")
            links = pilot.app.query_one("#links", OptionList)
            assert page.scroll_y == 0
            assert links.region.bottom > page.region.bottom  # the links go on below the page
            last = len(app.links) - 1
            for key, chosen in (("end", last), ("up", last - 1), ("up", last - 2)):
                await pilot.press(key)
                await pilot.pause()
                assert links.highlighted == chosen
                place = app.links[chosen].place
                assert place is not None
                title = index.careers_by_id[place.record_id].title.in_language("en")
                assert title.replace(" ", "&#160;") in pilot.app.export_screenshot(), key

        drive(app, steps)


class TestHostileText:
    """Catalogue text that looks like Rich markup is shown as it is written."""

    @staticmethod
    def app_on_markup(tmp_path_factory: pytest.TempPathFactory) -> BrowseApp:
        data = markup_catalogue(tmp_path_factory)
        return browse_app(MemoryIndex(load_catalogue(find_catalogue(data))), "en", data)

    def test_markup_in_a_title_is_shown_as_text(
        self, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        app = self.app_on_markup(tmp_path_factory)

        async def steps(pilot: Pilot[None]) -> None:
            await choose(pilot, "#results", app.results.index("influencer"))
            svg = pilot.app.export_screenshot()
            assert MARKUP_TITLE.replace(" ", "&#160;") in svg

        drive(app, steps)


NOT_A_TERMINAL = "error: careers browse needs a terminal: its output and input are not one\n"


def run_on_the_quick_path(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `careers ARGS` in-process on the quick path, isolated as `invoke` runs the full
    command line (the quick path must read it)."""
    with CliRunner().isolation(env=env) as (stdout, stderr, _):
        status = run_quickly(args)
        sys.stdout.flush()
        sys.stderr.flush()
        out, err = stdout.getvalue(), stderr.getvalue()
    assert status is not None, args
    return Run(status, out.decode(), err.decode())


# What the app was given and which option parser (and the other commands' code) was imported,
# `careers browse` run with its input and output taken for a terminal and the app's run
# replaced by this report.
STARTED_APP = """
import json, sys
from careers_cli import entry
from careers_cli.app import quick
from careers_cli.app.browse import start, tui

HEAVIER = "careers_cli.app.answering"  # the other commands' views and data
if sys.argv[1] == "full":
    quick.run_quickly = lambda argv: None
start.is_terminal = lambda stream: True

def run(app):
    print(json.dumps({
        "app": type(app).__name__,
        "language": app.language,
        "visual": app.shown.visual,
        "no_color": app.no_color,
        "careers": app.index.career_count(),
        "options": repr(app.kept.options),
        "parser": sorted(m for m in ("typer", "click", HEAVIER) if m in sys.modules),
    }))

tui.BrowseApp.run = run
sys.argv = ["careers", *sys.argv[2:]]
entry.main()
"""


def started_app(path: str, args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-c", STARTED_APP, path, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert completed.returncode == 0, completed.stderr
    found: dict[str, Any] = json.loads(completed.stdout)
    return found

    def test_a_name_in_a_notification_is_shown_as_written_not_as_markup(
        self, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        app = self.app_on_markup(tmp_path_factory)

        async def steps(pilot: Pilot[None]) -> None:
            await choose(pilot, "#results", app.results.index("social-media-manager"))
            await choose(pilot, "#links", link_at(app, "skill", "analytics"))
            await pilot.press("a")
            await pilot.pause(0.2)
            toast = pilot.app.screen.query_one("Toast", Static)
            assert str(toast.render()) == f"Added {MARKUP_SKILL} to your profile"

        drive(app, steps)


class TestTheCommand:
    def test_browse_needs_a_terminal(self) -> None:
        run = invoke(["browse"])
        assert run.exit_code == 2
        assert run.stderr == NOT_A_TERMINAL

    @pytest.mark.parametrize(
        ("args", "values", "flags"),
        [
            (["browse"], {}, set()),
            (["browse", "--data", "esco.json"], {"data": ["esco.json"]}, set()),
            (
                ["browse", "--lang=AR", "--rtl", "visual"],
                {"lang": ["AR"], "rtl": ["visual"]},
                set(),
            ),
            (
                ["browse", "--no-color", "--no-cache", "--debug"],
                {},
                {"no_color", "no_cache", "debug"},
            ),
        ],
    )
    def test_the_quick_path_reads_the_usual_command_lines(
        self, args: list[str], values: dict[str, list[str]], flags: set[str]
    ) -> None:
        read = read_command_line(args)
        assert read is not None
        assert (read.command, read.arguments, read.values) == ("browse", [], values)
        assert read.flags == frozenset(flags)

    @pytest.mark.parametrize(
        "args",
        [
            ["browse", "--help"],
            ["browse", "-h"],
            ["browse", "--format", "json"],  # every other command takes it; browse does not
            ["browse", "-f", "table"],
            ["browse", "--lang", "fr"],
            ["browse", "--rtl", "sideways"],
            ["browse", "--data"],
            ["browse", "--data", " "],
            ["browse", "--unknown"],
            ["browse", "influencer"],
            ["browse", "--lang", "ar", "--lang", "en"],
            ["--lang", "ar", "browse"],
        ],
    )
    def test_the_quick_path_leaves_other_command_lines_to_the_full_one(
        self, args: list[str]
    ) -> None:
        assert read_command_line(args) is None
        assert run_quickly(args) is None

    def test_the_quick_path_leaves_browse_to_the_full_one_under_a_boolean_variable(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("CAREERS_NO_CACHE", "1")
        assert read_command_line(["browse"]) is None

    @pytest.mark.parametrize(
        "args",
        [
            ["browse"],
            ["browse", "--lang", "ar"],
            ["browse", "--no-color", "--rtl", "visual", "--data", "no-such-file.json"],
            ["browse", "--debug", "--no-cache"],
        ],
    )
    def test_without_a_terminal_both_paths_say_so_alike(self, args: list[str]) -> None:
        quick, full = run_on_the_quick_path(args), invoke(args)
        assert (quick.exit_code, quick.stdout, quick.stderr) == (2, "", full.stderr)
        assert full.exit_code == 2
        if "ar" not in args:
            assert quick.stderr == NOT_A_TERMINAL
        else:  # in Arabic, one line
            assert quick.stderr != NOT_A_TERMINAL and quick.stderr.count("\n") == 1

    def test_without_a_terminal_the_environment_is_read_alike(self) -> None:
        env = {"CAREERS_LANG": "ar"}
        quick, full = run_on_the_quick_path(["browse"], env), invoke(["browse"], env)
        assert (quick.exit_code, quick.stderr) == (full.exit_code, full.stderr) == (2, full.stderr)
        assert quick.stderr != NOT_A_TERMINAL

    def test_the_quick_path_starts_the_app_as_the_full_one_without_typer_or_click(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        args = ["browse", "--data", str(data), "--lang", "AR", "--rtl", "visual", "--no-color"]
        quick, full = started_app("quick", args), started_app("full", args)
        assert quick["parser"] == []
        assert full["parser"] != []  # what the test above would miss: the full path ran there
        assert {**quick, "parser": None} == {**full, "parser": None}
        assert quick["language"] == "ar"
        assert quick["visual"] is True
        assert quick["no_color"] is True
        assert quick["careers"] == index.career_count() == 3039
        assert f"data={data!r}" in quick["options"]

    def test_the_quick_path_reads_the_language_from_the_environment(self) -> None:
        quick = started_app("quick", ["browse"], {"CAREERS_LANG": "ar", "CAREERS_RTL": ""})
        full = started_app("full", ["browse"], {"CAREERS_LANG": "ar", "CAREERS_RTL": ""})
        assert quick["parser"] == []
        assert {**quick, "parser": None} == {**full, "parser": None}
        assert (quick["language"], quick["visual"], quick["careers"]) == ("ar", False, 7)

    def test_other_commands_do_not_import_textual(self) -> None:
        code = (
            "import sys\n"
            "from careers_cli.entry import main\n"
            "sys.argv = ['careers', 'list']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('textual' in sys.modules, file=sys.stderr)\n"
        )
        completed = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
        assert completed.stderr.splitlines()[-1] == "False", completed.stderr
        assert "social-media-manager" in completed.stdout


class TestCareerFinder:
    """What the search box asks, a character at a time, answers as a fresh search would."""

    QUERIES = (
        "data scientist",
        "software developer",
        "nurse",
        "عالم البيانات",
        "teacher",
        # Punctuation, ids, harakat, the article, words repeated or in another order.
        "c++ .net",
        "ict-help-desk-agent",
        "عالِمُ البيانات",
        "البر",
        "data data analyst",
        "scientist data",
        "o'clock m&a",
    )

    @pytest.mark.parametrize("all_names_kept", [False, True])
    def test_typed_a_character_at_a_time_as_a_fresh_search(
        self, esco: tuple[Path, MemoryIndex], all_names_kept: bool
    ) -> None:
        """Every career found, in order, for each text typed (and taken back): as one search
        of the index alone, whether the names are narrowed in memory or asked of the index."""
        data, _ = esco
        stored = stored_index(read_json(data))
        finder = CareerFinder(stored)
        if all_names_kept:
            finder.keep_all_names()
        found_any = 0
        for query in self.QUERIES:
            for end in [*range(1, len(query) + 1), len(query) - 1, 0]:
                typed = query[:end]
                ranked = finder.ranked_ids(typed)
                assert ranked == CareerFinder(stored).ranked_ids(typed), typed
                found_any += bool(ranked)
            page, fresh = finder.fitting(query, 50), careers_fitting(stored, query, 50)
            assert [c.id for c in page.items] == [c.id for c in fresh.items], query
            assert page.total == fresh.total, query
        assert found_any > 100

    def test_the_order_is_the_lookups_relevance_order(self, esco: tuple[Path, MemoryIndex]) -> None:
        _, index = esco
        assert search_ids(index, "data scientist")[0] == "data-scientist"
        # Whole words before words only started: "data scientist" before "database ...".
        found = search_ids(index, "data")
        assert found.index("data-scientist") < found.index("database-designer")
        # The exact id first, whatever its names.
        assert search_ids(index, "data-scientist")[0] == "data-scientist"
        assert careers_fitting(index, "zqxj", 10).total == 0
        everything = careers_fitting(index, "  ", 10)
        assert [c.id for c in everything.items] == [c.id for c in index.careers(10)]
        assert everything.total == index.career_count() == 3039


class TestProfile:
    """The skills view edits the profile `careers profile` keeps."""

    def test_d_removes_the_chosen_skill_and_the_matches_follow(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        skills = ["manage-data", "perform-data-analysis"]
        assert all(skill_id in index.skills_by_id for skill_id in skills)
        added = invoke(["profile", "add", *skills, "--data", str(data)])
        assert added.exit_code == 0, added.stderr
        app = browse_app(index, "en", data)

        def matches_of(skill_ids: list[str]) -> list[str]:
            wanted = [skill_wanted(index.skills_by_id[s], s) for s in skill_ids]
            return [m.career.id for m in search.match_page(index, wanted, limit=20).items]

        async def steps(pilot: Pilot[None]) -> None:
            await pilot.press("escape", "s")
            kept = [link.place.record_id for link in app.links if link.place is not None]
            assert kept == [*skills, *matches_of(skills)]
            await choose_without_enter(pilot, link_at(app, "skill", skills[0]))
            await pilot.press("d")
            await pilot.pause()
            kept = [link.place.record_id for link in app.links if link.place is not None]
            assert kept == [skills[1], *matches_of(skills[1:])]

        drive(app, steps)
        listed = invoke(["profile", "list", "--data", str(data), "--format", "json"])
        assert [s["id"] for s in json.loads(listed.stdout)] == skills[1:]


async def choose_without_enter(pilot: Pilot[None], at: int) -> None:
    links = pilot.app.query_one("#links", OptionList)
    links.focus()
    links.highlighted = at
    await pilot.pause()


class TestNextMoves:
    def test_n_lists_the_nearest_careers_as_next_does_and_each_opens_its_gap(
        self, esco: tuple[Path, MemoryIndex]
    ) -> None:
        data, index = esco
        app = browse_app(index, "en", data)
        scientist = index.careers_by_id["data-scientist"]
        nearest = [n.career.id for n in moves.nearest_page(index, scientist).items]

        async def steps(pilot: Pilot[None]) -> None:
            pilot.app.query_one("#search", Input).value = "data-scientist"
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("n")
            assert app.page is not None and app.page.place == ("next", "data-scientist", "")
            places = [link.place for link in app.links if link.place is not None]
            assert [p.target_id for p in places] == nearest
            assert {p.kind for p in places} == {"gap"}
            await choose(pilot, "#links", link_at_gap(app, nearest[1]))
            assert app.page.place == ("gap", "data-scientist", nearest[1])

        drive(app, steps)


def link_at_gap(app: BrowseApp, target_id: str) -> int:
    return next(
        at
        for at, link in enumerate(app.links)
        if link.place is not None and link.place.target_id == target_id
    )


class TestPlatforms:
    """A career's platforms and tools lead to their pages, which lead to the careers that list
    them; a platform kept in the profile is on the skills view, and goes as a skill does."""

    def test_a_platform_followed_kept_shown_with_its_matches_and_removed(
        self, tmp_path: Path
    ) -> None:
        index = MemoryIndex(load_catalogue(find_catalogue(None)))
        kept = ProfileFile(CommonOptions())
        app = BrowseApp.in_language("en", visual=False)(index, "en", kept=kept, save=save_page)
        listing = [
            c.id
            for c in search.careers_having(
                index, [search.platform_wanted(index.platforms_by_id["instagram"], "instagram")]
            )
        ]
        assert listing == ["social-media-manager"]

        async def steps(pilot: Pilot[None]) -> None:
            await choose(pilot, "#results", app.results.index("social-media-manager"))
            platforms = [
                link.place.record_id
                for link in app.links
                if link.place is not None and link.place.kind == "platform"
            ]
            assert platforms == ["facebook", "twitter", "instagram", "linkedin"]
            await choose(pilot, "#links", link_at(app, "platform", "instagram"))
            assert app.page is not None and app.page.place == ("platform", "instagram", "")
            followed = [link.place.record_id for link in app.links if link.place is not None]
            assert followed == listing
            await pilot.press("w")
            pilot.app.screen.query_one("#answer", Input).value = str(tmp_path / "instagram.md")
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("a", "s")
            await pilot.pause()
            assert app.page.place.kind == "profile"
            shown = [
                (link.place.kind, link.place.record_id)
                for link in app.links
                if link.place is not None
            ]
            assert shown[0] == ("platform", "instagram")
            assert ("career", "social-media-manager") in shown
            await choose_without_enter(pilot, link_at(app, "platform", "instagram"))
            await pilot.press("d")
            await pilot.pause()
            assert app.links == []

        drive(app, steps)
        listed = invoke(["list", "--skill", "instagram", "--limit", "all", "-f", "markdown"])
        assert (tmp_path / "instagram.md").read_text(encoding="utf-8") == listed.stdout
        assert "social-media-manager" in listed.stdout
        profile = invoke(["profile", "list", "--format", "json"])
        assert json.loads(profile.stdout) == []
