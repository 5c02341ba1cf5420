"""`present.views`: each command's Rich renderable, read as objects and rendered to text.

The views decide the layout (which tables, which columns, which rows, in which order) and that
catalogue text enters as `rich.text.Text`, never as markup. The rendering console here parses
markup in strings, as Rich's default console does, so a title that reached it as a markup string
would lose its brackets. Expected values are written by hand from data/careers.json.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.index.memory import MemoryIndex
from careers_cli.present.layout.fitting import (
    ChunkedTable,
    LabelledRows,
    MinimumWidthTable,
    StreamedBlocks,
)
from careers_cli.present.views import explore as explore_views
from careers_cli.present.views import matching as matching_views
from careers_cli.rules.search import (
    Wanted,
    career_profile,
    compare_careers,
    rank_by_skills,
    skill_page,
    skill_wanted,
)
from careers_cli.text.language import Language
from tests.helpers import LIST_ROWS, SEVEN_IDS, raw_catalogue


def render(renderable: RenderableType, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def headers(table: Table) -> list[str]:
    return [str(column.header) for column in table.columns]


def cells(table: Table, column: int) -> list[Any]:
    return list(table.columns[column].cells)


def table_of(value: object) -> Table:
    """A table, or the wide layout of a view that chooses its layout by the width (a table
    whose columns keep their minimum widths, or labelled rows side by side)."""
    if isinstance(value, (MinimumWidthTable, ChunkedTable)):
        value = value.table
    elif isinstance(value, LabelledRows):
        value = value.grid
    assert isinstance(value, Table), f"a Table, not {type(value)}"
    return value


def padded(value: object) -> RenderableType:
    """What a `Padding` holds: the views indent blocks and tables with one."""
    assert isinstance(value, Padding), f"a Padding, not {type(value)}"
    return value.renderable


def plain(value: Any) -> str:
    assert isinstance(value, Text), f"catalogue text should be a Text, not {type(value)}"
    return value.plain


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return MemoryIndex(catalogue_from_data(raw_catalogue()))


def analytics(index: MemoryIndex) -> list[Wanted]:
    return [skill_wanted(index.skills_by_id["analytics"], "analytics")]


class TestCareerList:
    """`list`: one table, a row per career in catalogue order."""

    def test_columns(self, index: MemoryIndex) -> None:
        table = table_of(explore_views.career_list(index.careers(), "en"))
        assert headers(table) == ["id", "career", "skills"]
        assert headers(table_of(explore_views.career_list(index.careers(), "ar"))) == [
            "المعرف",
            "المهنة",
            "المهارات",
        ]

    def test_a_row_per_career_with_title_summary_and_count(self, index: MemoryIndex) -> None:
        table = table_of(explore_views.career_list(index.careers(), "en"))
        assert table.row_count == 7
        assert [plain(cell) for cell in cells(table, 0)] == SEVEN_IDS
        assert [plain(cell) for cell in cells(table, 1)] == [
            f"{title}\n{summary}" for _, title, summary, _ in LIST_ROWS
        ]
        assert [plain(cell) for cell in cells(table, 2)] == [count for *_, count in LIST_ROWS]

    @pytest.mark.parametrize(("language", "justify"), [("en", "left"), ("ar", "right")])
    def test_text_columns_align_to_the_language(
        self, index: MemoryIndex, language: Language, justify: str
    ) -> None:
        table = table_of(explore_views.career_list(index.careers(), language))
        assert [c.justify for c in table.columns] == ["left", justify, "right"]


class TestCareerProfile:
    """`show`: the title line, then a heading for each part the career has."""

    def test_parts_in_order(self, index: MemoryIndex) -> None:
        # social-media-manager has platforms, trends, tips, two occupations and related careers.
        career = index.careers_by_id["social-media-manager"]
        group = explore_views.career_profile(index, career_profile(index, career), "en")
        assert isinstance(group, Group)
        first, *rest = group.renderables
        assert plain(first) == "Social Media Manager  social-media-manager"
        assert [r.plain for r in rest if isinstance(r, Text) and r.style == "bold"] == [
            "Description",
            "Responsibilities",
            "Required skills",
            "Platforms and tools",
            "Trends",
            "Tips",
            "Standard occupations (ESCO)",
            "Related careers",
        ]

    def test_the_two_tables(self, index: MemoryIndex) -> None:
        career = index.careers_by_id["social-media-manager"]
        group = explore_views.career_profile(index, career_profile(index, career), "en")
        assert isinstance(group, Group)
        skills, related = [
            table_of(r.renderable)
            for r in group.renderables
            if isinstance(r, Padding) and isinstance(r.renderable, MinimumWidthTable)
        ]
        assert headers(skills) == ["skill", "tagged as"]
        assert skills.row_count == 4
        assert [plain(cell) for cell in cells(skills, 1)] == [
            "communication, written-communication",
            "social-media-platforms",
            "analytics, strategy",
            "content-creation, creativity",
        ]
        assert headers(related) == ["id", "title", "shared skills"]
        # 3 skills shared with digital-content-creator (of 9) and influencer (of 10), then 2
        # with social-media-data-analyst (of 10) before social-media-pr-manager (of 13).
        assert [plain(cell) for cell in cells(related, 0)] == [
            "digital-content-creator",
            "influencer",
            "social-media-data-analyst",
        ]


class TestComparison:
    """`compare`: a table with a column per career, its caption, and a narrow fallback."""

    def test_columns_rows_and_caption(self, index: MemoryIndex) -> None:
        careers = [index.careers_by_id[c] for c in ("influencer", "digital-content-creator")]
        group = explore_views.comparison(index, compare_careers(careers), "en")
        assert isinstance(group, Group)
        fitted, gap, caption = group.renderables
        assert isinstance(fitted, MinimumWidthTable)
        assert gap == ""
        # content-creation and creativity shared, of 6 + 5 - 2 = 9 skills.
        assert plain(caption) == "skills in common: 2/9 (22%)"
        table = fitted.table
        assert headers(table) == ["", "influencer", "digital-content-creator"]
        # title, summary, 9 skills, platforms
        assert table.row_count == 12
        assert cells(table, 0)[:2] == ["title", "summary"]
        assert cells(table, 0)[-1] == "Platforms and tools"
        assert [plain(cell) for cell in cells(table, 0)[2:4]] == [
            "Content creation",
            "Creativity and new ideas",
        ]
        assert [plain(cell) for cell in cells(table, 1)[2:11]] == ["yes"] * 6 + ["-"] * 3

    def test_ids_are_whole_at_100_columns(self, index: MemoryIndex) -> None:
        careers = [index.careers_by_id[c] for c in ("influencer", "digital-content-creator")]
        header = render(
            explore_views.comparison(index, compare_careers(careers), "en")
        ).splitlines()[0]
        assert header.split() == ["influencer", "digital-content-creator"]


class TestMatchList:
    """`match`: a block per career (heading, then a grid of labelled fields), then the legend."""

    def test_blocks_and_legend(self, index: MemoryIndex) -> None:
        matches = rank_by_skills(index, analytics(index))
        group = matching_views.match_list(index, matches, "en")
        assert isinstance(group, Group)
        *blocks, legend = group.renderables
        assert len(blocks) == 2 * 3
        assert [plain(heading) for heading in blocks[::2]] == [
            "1. social-media-data-analyst  score 1.20 · 1/1 · 50%",
            "1. social-media-marketing-specialist  score 1.20 · 1/1 · 25%",
            "1. social-media-manager  score 1.20 · 1/1 · 25%",
        ]
        grid = table_of(padded(blocks[1]))
        assert cells(grid, 0) == ["title", "has", "to learn"]
        assert [plain(cell) for cell in cells(grid, 1)] == [
            "Social Media Data Analyst",
            "Data analysis +1.20 ← analytics",
            "Social media tools, Clear reporting, Market trends, Strategy development",
        ]
        assert plain(legend).startswith("score: the sum of what each of your skills adds (+)")


class TestSkillAndNoteLists:
    def test_skills_by_id_with_aliases_and_careers(self, index: MemoryIndex) -> None:
        listed = explore_views.skill_list(index, skill_page(index, None).items, "en")
        assert isinstance(listed, StreamedBlocks)  # built and printed a block at a time
        console = Console(width=80)
        blocks = list(listed.parts(console, console.options))
        assert len(blocks) == 25
        first = blocks[0]
        assert isinstance(first, Group)
        heading, details = first.renderables
        assert plain(heading) == "analytics  Data analysis"
        grid = table_of(padded(details))
        assert cells(grid, 0) == ["also", "needed by"]
        assert plain(cells(grid, 1)[1]) == (
            "social-media-manager, social-media-marketing-specialist, social-media-data-analyst"
        )

    def test_notes_in_the_order_given(self, index: MemoryIndex) -> None:
        group = explore_views.note_list(index, index.catalogue.trends, "en")
        assert isinstance(group, Group)
        ids = [plain(r) for r in group.renderables[::2]]
        assert ids == [
            "ai-and-data-analysis",
            "visual-and-interactive-content",
            "virtual-and-augmented-reality",
            "social-commerce",
            "security-and-privacy",
        ]


MARKUP_TITLE = "[bold]x[/]"


MARKUP_SUMMARY = "[red]Alert[/red] for [link=https://example.com]all[/link]."


MARKUP_SKILL = "[italic]Data[/italic] analysis"


ESCAPE_TITLE = "\x1b[31mred"


@pytest.fixture(scope="module")
def hostile() -> MemoryIndex:
    """The shipped catalogue with markup in a career's title and summary and a skill's label,
    and a terminal escape sequence in another career's title."""
    data = raw_catalogue()
    analyst = next(c for c in data["careers"] if c["id"] == "social-media-data-analyst")
    analyst["title"]["en"] = MARKUP_TITLE
    analyst["description"]["en"] = MARKUP_SUMMARY + " More follows."
    manager = next(c for c in data["careers"] if c["id"] == "social-media-manager")
    manager["title"]["en"] = ESCAPE_TITLE
    skill = next(s for s in data["skills"] if s["id"] == "analytics")
    skill["label"]["en"] = MARKUP_SKILL
    return MemoryIndex(catalogue_from_data(data))


def _list(index: MemoryIndex) -> RenderableType:
    return explore_views.career_list(index.careers(), "en")


def _show(index: MemoryIndex) -> RenderableType:
    career = index.careers_by_id["social-media-data-analyst"]
    return explore_views.career_profile(index, career_profile(index, career), "en")


def _show_manager(index: MemoryIndex) -> RenderableType:
    career = index.careers_by_id["social-media-manager"]
    return explore_views.career_profile(index, career_profile(index, career), "en")


def _compare(index: MemoryIndex) -> RenderableType:
    careers = [
        index.careers_by_id[c] for c in ("social-media-data-analyst", "social-media-manager")
    ]
    return explore_views.comparison(index, compare_careers(careers), "en")


def _match(index: MemoryIndex) -> RenderableType:
    return matching_views.match_list(index, rank_by_skills(index, analytics(index)), "en")


def _skills(index: MemoryIndex) -> RenderableType:
    return explore_views.skill_list(index, skill_page(index, None).items, "en")


# What each view shows of the altered records.
SHOWN: list[tuple[Callable[[MemoryIndex], RenderableType], list[str]]] = [
    (_list, [MARKUP_TITLE, MARKUP_SUMMARY, "␛[31mred"]),
    (_show, [MARKUP_TITLE, MARKUP_SUMMARY, MARKUP_SKILL]),
    (_show_manager, ["␛[31mred", MARKUP_SKILL]),
    (_compare, [MARKUP_TITLE, MARKUP_SUMMARY, MARKUP_SKILL, "␛[31mred"]),
    (_match, [MARKUP_TITLE, MARKUP_SKILL, "␛[31mred"]),
    (_skills, [MARKUP_SKILL]),
]


@pytest.mark.parametrize(("view", "shown"), SHOWN, ids=[v.__name__[1:] for v, _ in SHOWN])
def test_markup_in_catalogue_text_is_shown_literally(
    hostile: MemoryIndex, view: Callable[[MemoryIndex], RenderableType], shown: list[str]
) -> None:
    # 160 columns: wide enough that no cell wraps inside the text looked for.
    text = render(view(hostile), width=160)
    for value in shown:
        assert value in text, f"{value!r} not shown literally in:\n{text}"
    assert "\x1b" not in text
