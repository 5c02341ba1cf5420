"""Views hold at any width from 40 columns, in English and Arabic, on any catalogue."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from careers_cli.present.layout.fitting import FirstThatFits, LabelledRows, MinimumWidthTable


def render(renderable: object, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return [line.rstrip() for line in captured.get().splitlines()]


class TestLayoutRenderables:
    """`present.layout.fitting`: the decision is taken at render time, from the width given."""

    def test_labelled_rows_side_by_side_while_the_longest_word_fits(self) -> None:
        rows = LabelledRows()
        rows.add_row("needed by", Text("alpha-beta-gamma, delta"))
        assert render(rows, 34) == ["needed by  alpha-beta-gamma, delta"]
        # 9 cells of label, 2 of gap, 17 of `alpha-beta-gamma,`: 28 is the narrowest side by side.
        assert render(rows, 28) == ["needed by  alpha-beta-gamma,", "           delta"]
        assert render(rows, 27) == ["needed by", "  alpha-beta-gamma, delta"]
        assert render(rows, 20) == ["needed by", "  alpha-beta-gamma,", "  delta"]

    def test_labelled_rows_keep_arabic_right_aligned_when_stacked(self) -> None:
        rows = LabelledRows("right")
        rows.add_row("تحتاجها", Text("alpha-beta-gamma، delta"))
        assert render(rows, 20) == [
            "             تحتاجها",
            "   alpha-beta-gamma،",
            "               delta",
        ]

    def test_a_table_whose_columns_do_not_fit_shows_its_narrow_layout(self) -> None:
        table = Table("id", "text")
        table.add_row("a-long-identifier", "some words here")
        fitted = MinimumWidthTable(table, narrow="narrow")
        assert any("│ a-long-identifier │" in line for line in render(fitted, 60))
        assert render(fitted, 20) == ["narrow"]

    def test_a_table_keeps_its_columns_at_their_minimum_widths(self) -> None:
        table = Table("id", "text", box=None)
        table.add_row("a-long-identifier", "word " * 30)
        widths = [len(line) for line in render(MinimumWidthTable(table), 34)]
        assert max(widths) <= 34
        lines = render(MinimumWidthTable(table), 34)
        assert any(line.startswith(" a-long-identifier ") for line in lines)

    def test_first_that_fits_takes_the_first_layout_whose_words_fit(self) -> None:
        layouts = FirstThatFits(Text("a-very-long-word-indeed"), Group(Text("short")))
        assert render(layouts, 30) == ["a-very-long-word-indeed"]
        assert render(layouts, 10) == ["short"]
