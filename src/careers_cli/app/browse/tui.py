"""`careers browse` on the full screen (Textual, imported only by this command): a search box
that narrows careers as you type, and a page (a career, a skill, your skills and matches, the
next moves, a gap plan) whose skills and careers lead to their own pages, with back and forward.

What each page says comes from `present.views.browse`, built from the commands' own rules and
views; this module only lays pages out and reacts to keys and clicks. Catalogue text reaches
the widgets as Rich `Text` (never markup). In Arabic with visual order every line is given to
Textual already reordered and shaped (`present.layout.rtl`), as the commands print it to a
terminal, since Textual lays text out left to right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar, Protocol

from rich.cells import cell_len
from rich.console import RenderableType
from rich.segment import Segment
from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.filter import Monochrome
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.input import Selection
from textual.widgets.option_list import Option

from careers_cli.errors import CareersError
from careers_cli.i18n.browse import browse_label
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.error_text import error_line
from careers_cli.present.views import browse as pages
from careers_cli.present.views.browse import Link, Page, Place
from careers_cli.present.views.parts import aligned
from careers_cli.rules import names
from careers_cli.rules.search import Wanted
from careers_cli.text.bidi import has_right_to_left_letter, visual_carets, visual_order
from careers_cli.text.language import Language

TOAST_WIDTH = 60
"""The width of a notification (at most half the screen's), set here as Textual sets it..."""
TOAST_EDGES = 3
"""...of which its left border (Textual's) and its padding (set here) take three cells."""

RESULTS_AT_ONCE = 60
"""How many careers the list is given at a time: a search's first that many, then that many
more each time the highlight or the scroll comes near the last one given (a first letter fits
thousands of careers, and reading and laying out each takes time)."""


class KeptSkills(Protocol):
    """The saved profile, as `careers profile` reads and writes it (under its lock)."""

    def wanted(self, index: CatalogueIndex) -> list[Wanted]: ...

    def add(self, record_id: str, *, platform: bool = False) -> bool: ...

    def remove(self, record_id: str) -> bool: ...


class Saver(Protocol):
    def __call__(self, path: Path, text: str) -> Path: ...


class Shown:
    """Text and views as the screen gets them: as they are, or in visual order (Arabic on a
    terminal that is told the program lays it out)."""

    def __init__(self, language: Language, *, visual: bool) -> None:
        self.language = language
        self.visual = visual
        self.mirrored = visual and language == "ar"
        """A right-to-left screen: lines of the program's own from the right edge."""

    def view(self, renderable: RenderableType) -> RenderableType:
        if not self.visual:
            return renderable
        from careers_cli.present.layout.rtl import laid_out, layout_for

        layout = layout_for(self.language, visual=True)
        return renderable if layout is None else laid_out(renderable, layout)

    def line(self, text: str) -> str:
        """A line of the program's own (a label, a key's name), in visual order if asked."""
        return visual_order(text) if self.visual else text

    def label(self, key: str, **params: object) -> str:
        return self.line(browse_label(key, self.language, **params))

    def sentence(self, key: str) -> RenderableType:
        """A label that may take more than one line: wrapped to the width it is given, then
        each line in visual order if asked, from the right in Arabic."""
        return self.view(aligned(Text(browse_label(key, self.language)), self.language))


def bindings(shown: Shown) -> list[BindingType]:
    """The keys, named in the language of the screen."""
    keys = [
        ("q", "quit", "key.quit", True),
        ("question_mark", "help", "key.help", True),
        ("slash", "search", "key.search", True),
        ("s", "profile", "key.profile", True),
        ("n", "next", "key.next", True),
        ("g", "gap", "key.gap", True),
        ("a", "add", "key.add", True),
        ("d", "remove", "key.remove", False),
        ("w", "export", "key.export", True),
        ("b,alt+left", "go_back", "key.back", True),
        ("f,alt+right", "go_forward", "key.forward", True),
    ]
    if shown.mirrored:  # the footer read from the right: its first key against the right edge
        keys.reverse()
    return [
        Binding("escape", "leave_search", show=False),
        *(
            Binding(key, action, shown.label(description), show=show)
            for key, action, description, show in keys
        ),
    ]


class FooterFromTheRight(Footer):
    """The footer of a right-to-left screen: its keys against the right edge and, when they do
    not all fit, those on the right (the first ones) shown."""

    DEFAULT_CSS = "FooterFromTheRight { align-horizontal: right; }"

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.call_after_refresh(self._show_the_right_end)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_the_right_end)

    def _show_the_right_end(self) -> None:
        self.scroll_to(x=self.max_scroll_x, animate=False)


class VisualInput(Input):
    """An input for a terminal told the program lays out right-to-left text (Arabic in visual
    order): text with a right-to-left letter, and the placeholder on a right-to-left screen,
    are shown shaped and reordered against the right edge, the caret where it falls among
    them (a part the caret is in when the text is wider than the box). Left and Right move
    the caret to the next place in the direction they point, a click to the place nearest the
    cell clicked; Ctrl+Left and Ctrl+Right go a word on through the text or back. Such text
    is not selected (a selection that cannot be shown would be typed over unseen). Other
    text is shown and edited as `Input` does it."""

    def __init__(
        self, *, mirrored: bool, placeholder: str = "", value: str = "", id: str | None = None
    ) -> None:
        super().__init__(value=value, placeholder=placeholder, id=id)
        self.cursor_blink = False
        self.mirrored = mirrored
        """On a right-to-left screen: the placeholder too against the right edge."""
        self._laid_out: tuple[str, str, list[int]] = ("", "", [0])
        self._first_cell = 0
        """The cell of the shown text at the box's left edge (below 0: the text is padded)."""

    def _right_to_left(self) -> bool:
        return has_right_to_left_letter(self.value) if self.value else self.mirrored

    def _carets(self) -> tuple[str, list[int]]:
        """The value in visual order, and the cell of the caret at each logical place in it
        (the caret's own cell not counted)."""
        value, shown, cells = self._laid_out
        if value != self.value:
            shown, places = visual_carets(self.value)
            cells = [cell_len(shown[:place]) for place in places]
            self._laid_out = (self.value, shown, cells)
        return shown, cells

    def render_line(self, y: int) -> Strip:
        if y != 0 or not self._right_to_left():
            return super().render_line(y)
        width = self.scrollable_content_region.width
        if self.value:
            shown, cells = self._carets()
            text = Text(shown, no_wrap=True, end="")
            caret = cells[self.cursor_position]
        else:
            placeholder = self.get_component_rich_style("input--placeholder")
            text = Text(self.placeholder, placeholder, no_wrap=True, end="")
            caret = text.cell_len
        line = Strip(text.render(self.app.console))
        if self.has_focus:
            cursor = Segment(" ", self.get_component_rich_style("input--cursor"))
            length = line.cell_length
            if 0 < caret < length:
                left, right = line.divide([caret, length])
            else:
                left, right = (line, Strip([])) if caret else (Strip([]), line)
            line = Strip([*left, cursor, *right])
        length = line.cell_length
        if length <= width:  # against the right edge
            self._first_cell = length - width
            line = Strip([Segment(" " * (width - length)), *line])
        else:  # a box's width of it, moved only as far as keeps the caret in it
            first = max(0, min(self._first_cell, length - width))
            first = min(first, caret) if caret < first else max(first, caret - width + 1)
            self._first_cell = first
            line = line.crop(first, first + width)
        return line.simplify().apply_style(self.rich_style)

    def on_click(self, event: events.Click) -> None:
        """The caret to the place nearest the middle of the cell clicked (after `Input` put it
        by the logical order of the text)."""
        offset = event.get_content_offset(self)
        if offset is None or not self.value or not self._right_to_left():
            return
        _, cells = self._carets()
        clicked = offset.x + self._first_cell
        if self.has_focus and clicked > cells[self.cursor_position]:
            clicked -= 1  # right of the caret's own cell
        middle = clicked + 0.5
        outward = -1 if middle < max(cells) / 2 else 1  # of two as near, the one nearer its edge
        self.cursor_position = min(
            range(len(cells)),
            key=lambda place: (abs(cells[place] - middle), -outward * cells[place]),
        )

    def _move(self, toward_left: bool) -> None:
        """The caret to the nearest place that is further left (or right) on the screen; of
        places in one cell (combining marks), the nearest in the text."""
        _, cells = self._carets()
        here = self.cursor_position
        further = [
            place
            for place in range(len(cells))
            if (cells[place] < cells[here] if toward_left else cells[place] > cells[here])
        ]
        if further:
            nearest = (max if toward_left else min)(cells[place] for place in further)
            self.cursor_position = min(
                (place for place in further if cells[place] == nearest),
                key=lambda place: abs(place - here),
            )

    def validate_selection(self, selection: Selection) -> Selection:
        selection = super().validate_selection(selection)
        if self.value and self._right_to_left() and not selection.is_empty:
            return Selection.cursor(selection.end)
        return selection

    def action_cursor_left(self, select: bool = False) -> None:
        if self.value and self._right_to_left():
            self._move(toward_left=True)
        else:
            super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        if self.value and self._right_to_left():
            self._move(toward_left=False)
        else:
            super().action_cursor_right(select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        if self._right_to_left():
            super().action_cursor_right_word(select)
        else:
            super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        if self._right_to_left():
            super().action_cursor_left_word(select)
        else:
            super().action_cursor_right_word(select)


def text_input(shown: Shown, *, placeholder: str = "", value: str = "", id: str) -> Input:
    """A box to type in: for a terminal told the program lays out right-to-left text, one that
    shows Arabic typed in it as that terminal must receive it."""
    if shown.visual:
        return VisualInput(mirrored=shown.mirrored, placeholder=placeholder, value=value, id=id)
    return Input(placeholder=placeholder, value=value, id=id)


class Prompt(ModalScreen[str | None]):
    """One line to type (a career for a gap, a path to save to); Escape gives up."""

    DEFAULT_CSS = """
    Prompt { align: center middle; }
    Prompt > Vertical { width: 70; height: auto; border: round $accent; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [("escape", "dismiss_none", "")]

    def __init__(self, question: RenderableType, shown: Shown, value: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.shown = shown

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question")
            yield text_input(self.shown, value=self.value, id="answer")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class Help(ModalScreen[None]):
    """The keys, in a sentence; any key closes it."""

    DEFAULT_CSS = """
    Help { align: center middle; }
    Help > Static { width: 76; height: auto; border: round $accent; padding: 1 2; }
    """

    def __init__(self, text: RenderableType) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, id="help")

    def on_key(self) -> None:
        self.dismiss(None)

    def on_click(self) -> None:
        self.dismiss(None)


class ResultList(OptionList):
    """The careers a search found, given a part at a time: near the end of those given, it
    asks for more (`wants_more`), and End asks for all of them first."""

    def __init__(self, wants_more: Callable[[bool], None], *, id: str) -> None:
        super().__init__(id=id)
        self.wants_more = wants_more

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value and new_value + 2 * self.size.height >= self.max_scroll_y:
            self.wants_more(False)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted + self.size.height >= self.option_count:
            self.wants_more(False)

    def action_last(self) -> None:
        self.wants_more(True)
        super().action_last()


class BrowseApp(App[None]):
    """The search box and the list of careers on one side, the page on the other."""

    TITLE = "careers browse"
    ENABLE_COMMAND_PALETTE = False  # its commands are Textual's, in English only: ? lists ours
    CSS = """
    #side { width: 38%; min-width: 24; }
    #count { color: $text-muted; padding: 0 1; }
    #results { height: 1fr; }
    #page { width: 1fr; padding: 0 1; }
    #links { height: auto; max-height: 100%; }
    """
    RIGHT_TO_LEFT_CSS = f"""
    Toast {{ text-align: right; width: {TOAST_WIDTH}; max-width: 50%; padding: 1 1; }}
    """
    """Notifications from the right, their lines wrapped to their width (`say`)."""

    def __init__(
        self,
        index: CatalogueIndex,
        language: Language,
        *,
        visual: bool = False,
        no_color: bool = False,
        kept: KeptSkills,
        save: Saver,
    ) -> None:
        super().__init__()
        self.index = index
        self.language = language
        self.shown = Shown(language, visual=visual)
        self.kept = kept
        self.save = save
        if no_color and not self.no_color:  # --no-color; NO_COLOR itself Textual reads
            self.no_color = True
            self._filters.append(Monochrome())
        self.history: list[Place] = []
        self.future: list[Place] = []
        self.page: Page | None = None
        self.results: list[str] = []
        self.searched: str | None = None
        self.finder = names.CareerFinder(index)
        self.career_count = index.career_count()
        self.links: list[Link] = []

    @classmethod
    def in_language(cls, language: Language, *, visual: bool) -> type[BrowseApp]:
        """The app with its keys named in `language` (and its notifications from the right on
        a right-to-left screen)."""
        shown = Shown(language, visual=visual)
        css = cls.CSS + (cls.RIGHT_TO_LEFT_CSS if shown.mirrored else "")
        return type(f"BrowseApp_{language}", (cls,), {"BINDINGS": bindings(shown), "CSS": css})

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The search on the side a line starts from: the left in English, the right in
        Arabic."""
        with Horizontal():
            if self.language == "ar":
                yield from self._page()
            with Vertical(id="side"):
                yield text_input(self.shown, placeholder=self.shown.label("search"), id="search")
                yield Static(id="count")
                yield ResultList(self.more_results, id="results")
            if self.language != "ar":
                yield from self._page()
        yield FooterFromTheRight() if self.shown.mirrored else Footer()

    def _page(self) -> ComposeResult:
        with VerticalScroll(id="page"):
            yield Static(id="view")
            yield OptionList(id="links")

    def on_mount(self) -> None:
        if self.language == "ar":  # a line of the program's own against the right edge
            self.query_one("#count", Static).styles.text_align = "right"
        self.show_results("")
        self.query_one("#search", Input).focus()
        # Once the first screen is drawn: every name in memory, so no letter typed waits on
        # the index for the thousands of careers a first letter fits.
        self.call_after_refresh(self.finder.keep_all_names)

    # --- the search box ---------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        """Search for the text in the box once the keys already read are handled (its
        results drawn with it, one frame): keys typed faster than a search answers are
        searched for once."""
        self.call_later(self._search_typed)

    def _search_typed(self) -> None:
        text = self.query_one("#search", Input).value
        if text != self.searched:
            self.show_results(text)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        if self.results:
            self.go(Place("career", self.results[0]))

    def show_results(self, text: str) -> None:
        """The careers `text` fits, best first, and how many."""
        self.searched = text
        self.results = self.finder.ranked_ids(text)
        results = self.query_one("#results", ResultList)
        results.set_options(self._result_options(0, RESULTS_AT_ONCE))
        if self.results:
            results.highlighted = 0
        count = self.shown.label("found", count=len(self.results), total=self.career_count)
        self.query_one("#count", Static).update(Text(count))

    def more_results(self, every: bool) -> None:
        """Give the list the next careers found (`every`: all of them)."""
        results = self.query_one("#results", ResultList)
        given = results.option_count
        if given < len(self.results):
            end = len(self.results) if every else given + RESULTS_AT_ONCE
            results.add_options(self._result_options(given, end))

    def _result_options(self, start: int, end: int) -> list[Option]:
        careers = self.index.careers_by_id
        return [
            Option(self._prompt(pages.career_link(careers[career_id], self.language).text))
            for career_id in self.results[start:end]
        ]

    @on(OptionList.OptionSelected, "#results")
    def result_selected(self, event: OptionList.OptionSelected) -> None:
        self.go(Place("career", self.results[event.option_index]))

    # --- the page ---------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#links")
    def link_selected(self, event: OptionList.OptionSelected) -> None:
        place = self.links[event.option_index].place
        if place is not None:
            self.go(place)

    @on(OptionList.OptionHighlighted, "#links")
    def link_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Keep the link chosen with the keys or the mouse in sight: the links (at most a page
        high, scrolled within themselves to the one chosen) are brought wholly into the page,
        below the view, which may fill it. The first link, chosen as a page opens, leaves the
        page at its top."""
        first = next((at for at, link in enumerate(self.links) if link.place is not None), None)
        if event.option_index != first:
            page = self.query_one("#page", VerticalScroll)
            page.scroll_to_widget(event.option_list, animate=False)

    def go(self, place: Place) -> None:
        """Open a page, the one before it kept for `back`."""
        if self.page is not None and self.page.place != place:
            self.history.append(self.page.place)
        self.future.clear()
        self.open(place)

    def open(self, place: Place) -> None:
        self.page = self.build(place)
        self.query_one("#view", Static).update(self.shown.view(self.page.view))
        self.links = list(self.page.links)
        links = self.query_one("#links", OptionList)
        links.set_options(
            [Option(self._prompt(link.text), disabled=link.place is None) for link in self.links]
        )
        first = next((at for at, link in enumerate(self.links) if link.place is not None), None)
        links.highlighted = first
        self.query_one("#page", VerticalScroll).scroll_home(animate=False)
        if self.links:
            links.focus()

    def build(self, place: Place) -> Page:
        index, language = self.index, self.language
        if place.kind == "career":
            return pages.career_page(index, place.record_id, language)
        if place.kind == "skill":
            return pages.skill_page(index, place.record_id, language)
        if place.kind == "platform":
            return pages.platform_page(index, place.record_id, language)
        if place.kind == "next":
            return pages.next_page(index, place.record_id, language)
        if place.kind == "gap":
            return pages.gap_page(index, place.record_id, place.target_id, language)
        return pages.profile_page(index, self._wanted(), language)

    def _prompt(self, text: Text) -> RenderableType:
        return self.shown.view(text)

    def _wanted(self) -> list[Wanted]:
        try:
            return self.kept.wanted(self.index)
        except CareersError as error:
            self._error(error)
            return []

    def _error(self, error: CareersError) -> None:
        self.say(error_line(error, self.language), severity="error")

    def say(self, message: str, *, severity: SeverityLevel = "information") -> None:
        """A notification: the names in it (catalogue text, paths) shown as written, never as
        markup; in visual order, wrapped to its box first, each line then reordered."""
        if self.shown.visual:
            from careers_cli.present.layout.rtl import lines_in_visual_order

            width = min(TOAST_WIDTH, self.size.width // 2) - TOAST_EDGES
            message = "\n".join(lines_in_visual_order(message, self.console, width))
        self.notify(message, severity=severity, markup=False)

    def _career_open(self) -> str | None:
        """The career of the page open (a gap's first career), if any."""
        if self.page is None or self.page.place.kind not in ("career", "next", "gap"):
            return None
        return self.page.place.record_id

    # --- actions ----------------------------------------------------------------------------

    def action_go_back(self) -> None:
        if self.history and self.page is not None:
            self.future.append(self.page.place)
            self.open(self.history.pop())

    def action_go_forward(self) -> None:
        if self.future and self.page is not None:
            self.history.append(self.page.place)
            self.open(self.future.pop())

    def action_leave_search(self) -> None:
        """Out of the search box, into the list of careers: letters are keys again."""
        self.query_one("#results", OptionList).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_help(self) -> None:
        self.push_screen(Help(self.shown.sentence("help")))

    def action_profile(self) -> None:
        self.go(Place("profile"))

    def action_next(self) -> None:
        career_id = self._career_open()
        if career_id is not None:
            self.go(Place("next", career_id))

    def action_gap(self) -> None:
        career_id = self._career_open()
        if career_id is None:
            return

        def answered(name: str | None) -> None:
            if not name:
                return
            try:
                target = names.resolve_career(self.index, name).record
            except CareersError as error:
                self._error(error)
                return
            self.go(Place("gap", career_id, target.id))

        self.push_screen(Prompt(self.shown.sentence("gap_to"), self.shown), answered)

    def action_add(self) -> None:
        """Keep the skill, platform or tool of the page open in the profile."""
        place = None if self.page is None else self.page.place
        if place is not None and place.kind in ("skill", "platform"):
            platform = place.kind == "platform"
            self._change_profile(
                lambda record_id: self.kept.add(record_id, platform=platform),
                place,
                "added",
            )

    def action_remove(self) -> None:
        """Take the skill, platform or tool chosen in the page out of the profile."""
        link = self._highlighted_link()
        if link is not None and link.place is not None and link.place.kind in ("skill", "platform"):
            self._change_profile(self.kept.remove, link.place, "removed")

    def _change_profile(self, change: Callable[[str], bool], place: Place, done: str) -> None:
        name = pages.record_name(self.index, place, self.language)
        try:
            changed = change(place.record_id)
        except CareersError as error:
            self._error(error)
            return
        self.say(browse_label(done if changed else "already", self.language, name=name))
        if self.page is not None and self.page.place.kind == "profile":
            self.open(self.page.place)  # the matches again, with the skills now kept

    def _highlighted_link(self) -> Link | None:
        at = self.query_one("#links", OptionList).highlighted
        return None if at is None or at >= len(self.links) else self.links[at]

    def action_export(self) -> None:
        page = self.page
        if page is None:
            return
        default = export_name(page.place)

        def answered(path: str | None) -> None:
            if not path:
                return
            try:
                target = Path(path).expanduser()
                html = target.suffix.lower() in (".html", ".htm")
                written = self.save(target, page.html() if html else page.markdown())
            except CareersError as error:
                self._error(error)
                return
            self.say(browse_label("saved", self.language, path=str(written)))

        prompt = Prompt(self.shown.sentence("export_to"), self.shown, default)
        self.push_screen(prompt, answered)


def export_name(place: Place) -> str:
    """The file a page is saved to unless the person names another: in the current folder,
    named after the page."""
    parts: Sequence[str] = [p for p in (place.kind, place.record_id, place.target_id) if p]
    return "-".join(parts) + ".md"
