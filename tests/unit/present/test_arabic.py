"""Arabic as a first-class language: `--lang ar`, Arabic search, and right-to-left display."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from careers_cli.present.layout.rtl import VisualLines, for_visual_terminal
from careers_cli.text.bidi import visual_order
from tests.support.arabic import (
    ARABIC_LETTER,
    assert_visual,
    career,
    expected_visual,
    squeeze,
)


def render(renderable: RenderableType, width: int) -> list[str]:
    """The lines Rich prints for `renderable` at `width` columns, without colour."""
    buffer = io.StringIO()
    console = Console(width=width, file=buffer, color_system=None, legacy_windows=False)
    console.print(renderable)
    return buffer.getvalue().splitlines()


ANALYST_TOOLS = next(
    line["text"]["ar"]
    for line in career("social-media-data-analyst")["required_skills"]
    if "Google Analytics" in line["text"]["ar"]
)


LONG_SKILL = career("influencer")["required_skills"][1]["text"]["ar"]


SYNTHETIC = "المرحلة 2 من Google Analytics"


VISUAL_CASES = [
    pytest.param(ANALYST_TOOLS, 30, id="skill-with-latin-at-30"),
    pytest.param(LONG_SKILL, 30, id="long-skill-at-30"),
    pytest.param(career("influencer")["description"]["ar"], 50, id="description-at-50"),
    pytest.param(SYNTHETIC, 40, id="synthetic-one-line"),
    pytest.param(SYNTHETIC, 12, id="synthetic-wrapped"),
]


@pytest.mark.parametrize(("text", "width"), VISUAL_CASES)
def test_visual_lines_reorder_each_wrapped_line(text: str, width: int) -> None:
    logical = render(Text(text), width)
    visual = render(VisualLines(Text(text)), width)
    assert squeeze(" ".join(logical)) == squeeze(text)  # the logical lines are the whole text
    assert len(visual) == len(logical)
    for logical_line, visual_line in zip(logical, visual, strict=True):
        assert_visual(visual_line.strip(), logical_line.strip())
        # right-aligned: the text ends at the right edge, padding is on the left
        assert visual_line == visual_line.rstrip()
        assert cell_len(visual_line) == width
        assert not ARABIC_LETTER.search(visual_line)  # every Arabic letter shaped


def test_long_skill_wraps_at_30_columns() -> None:
    assert len(render(Text(LONG_SKILL), 30)) > 1
    assert len(render(Text(ANALYST_TOOLS), 30)) > 1
    assert len(render(Text(SYNTHETIC), 12)) > 1


def test_wrapped_table_cell_is_reordered_line_by_line() -> None:
    def table() -> Table:
        grid = Table(show_header=False, box=None, padding=0, pad_edge=False)
        grid.add_column(justify="right", ratio=1)
        grid.add_row(Text(ANALYST_TOOLS))
        return grid

    logical = render(table(), 30)
    visual = render(for_visual_terminal(table()), 30)
    assert len(logical) == len(visual) > 1
    for logical_line, visual_line in zip(logical, visual, strict=True):
        assert logical_line.rstrip() == logical_line  # right-justified in logical mode too
        assert_visual(visual_line.strip(), logical_line.strip())
        assert visual_line.rstrip() == visual_line


def test_latin_words_keep_their_order_inside_arabic() -> None:
    [line] = render(VisualLines(Text(SYNTHETIC)), 40)
    assert "Google Analytics" in line
    # Right to left: the first logical word is rightmost; the Latin run reads left to right.
    first_word = expected_visual("المرحلة")
    assert line.index("Google Analytics") < line.index("2") < line.index(first_word)
    assert line.rstrip().endswith(first_word)

    [tools] = render(VisualLines(Text(ANALYST_TOOLS)), 120)
    assert "Google Analytics" in tools
    assert "Hootsuite" in tools
    assert tools.index("Hootsuite") < tools.index("Google Analytics")


class TestBracketsInVisualMode:
    """A right-to-left run reverses the brackets it holds; visual mode mirrors them back."""

    @pytest.mark.parametrize(
        ("logical", "shown"),
        [
            ("مدون فيديو (ESCO)", "(ESCO) ﻮﻳﺪﻴﻓ ﻥﻭﺪﻣ"),
            ("التغطية (0%) 0/11", "0/11 (%0) ﺔﻴﻄﻐﺘﻟﺍ"),
            ("مهارة [ar] (اختيارية)", "(ﺔﻳﺭﺎﻴﺘﺧﺍ) [ar] ﺓﺭﺎﻬﻣ"),
            ("نص (فيه (قوسان) متداخلان) هنا", "ﺎﻨﻫ (ﻥﻼﺧﺍﺪﺘﻣ (ﻥﺎﺳﻮﻗ) ﻪﻴﻓ) ﺺﻧ"),
        ],
    )
    def test_visual_order_mirrors_reversed_pairs(self, logical: str, shown: str) -> None:
        assert visual_order(logical) == shown
        assert_visual(shown, logical)
