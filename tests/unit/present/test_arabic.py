"""Arabic as a first-class language: `--lang ar`, Arabic search, and right-to-left display."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from careers_cli.present.layout.rtl import (
    VisualLines,
    VisualMessage,
    commands_apart,
    for_visual_terminal,
)
from careers_cli.text.bidi import visual_order
from tests.support.arabic import (
    ARABIC_LETTER,
    assert_visual,
    career,
    expected_visual,
    squeeze,
)


def render(renderable: RenderableType, width: int, *, soft_wrap: bool = False) -> list[str]:
    """The lines Rich prints for `renderable` at `width` columns, without colour."""
    buffer = io.StringIO()
    console = Console(width=width, file=buffer, color_system=None, legacy_windows=False)
    console.print(renderable, soft_wrap=soft_wrap)
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


class TestCommandsOnLinesOfTheirOwn:
    """In visual mode a message's commands leave its sentence for lines of their own, whole
    and left to right: a wrapped or reordered command could not be copied."""

    @pytest.mark.parametrize(
        ("text", "sentence", "commands"),
        [
            (
                "عرض 2 من 7 مهن؛ '--limit all' يعرضها كلها",
                "عرض 2 من 7 مهن؛ يعرضها كلها:",
                ["--limit all"],
            ),
            ("للمساعدة جرّب 'careers match -h'", "للمساعدة جرّب:", ["careers match -h"]),
            (
                "هل تقصد: a، b؟ ('careers read' يعرضها كلها)",
                "هل تقصد: a، b؟ (يعرضها كلها):",
                ["careers read"],
            ),
            (  # a suggestion the sentence ends with, quoted words and all
                "كلمات غير متوقعة: analytics؛ هل تقصد: careers match --skill 'data analysis'",
                "كلمات غير متوقعة: analytics؛ هل تقصد:",
                ["careers match --skill 'data analysis'"],
            ),
            (  # words of the sentence after `careers` are no command
                "سمّها: careers --install-completion bash أو zsh أو fish",
                "سمّها: careers --install-completion bash أو zsh أو fish",
                [],
            ),
            ("'analytics' يطابق 3 مهارات", "'analytics' يطابق 3 مهارات", []),
        ],
    )
    def test_commands_apart(self, text: str, sentence: str, commands: list[str]) -> None:
        assert commands_apart(text) == (sentence, commands)

    def test_the_command_stands_whole_under_its_sentence_at_the_right_edge(self) -> None:
        text = "عرض 2 من 7 مهن؛ 'careers list --limit all --lang ar' يعرضها كلها"
        lines = render(VisualMessage(text, mirrored=True), 30, soft_wrap=True)  # as said
        command = "careers list --limit all --lang ar"  # wider than the 30 columns
        assert lines[-1] == command  # whole, on one line, not wrapped
        assert all(command not in line for line in lines[:-1])
        sentence = " ".join(line.strip() for line in lines[:-1])
        assert not ARABIC_LETTER.search(sentence)  # shaped
        short = render(VisualMessage("للمساعدة جرّب 'careers match -h'", mirrored=True), 30)
        assert short[-1] == " " * (30 - len("careers match -h")) + "careers match -h"
        sentence = visual_order("للمساعدة جرّب:")
        assert short[0] == " " * (30 - cell_len(sentence)) + sentence  # the shadda: no cell

    def test_an_english_message_is_left_as_it_is(self) -> None:
        text = "showing 2 of 7 careers; '--limit all' shows every one"
        assert render(VisualMessage(text, mirrored=False), 80) == [text]
