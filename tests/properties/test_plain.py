"""Output without colour is laid out without Rich rendering it (`present.layout.plain`, and a
table's rows in `layout.TableRows`): it must be, character for character, what Rich prints."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich._wrap import divide_line
from rich.align import Align
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from careers_cli.present.layout import plain as plain_layout
from careers_cli.present.layout.fitting import ChunkedTable
from careers_cli.present.layout.plain import plain_lines
from careers_cli.present.layout.rows import TableRows, wrap_plain
from tests.helpers import invoke
from tests.support import plain as plain_support

WIDTHS = (40, 60, 80, 120, 160)


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[str]]]:
    yield from plain_support.catalogues(tmp_path_factory)


COMMANDS = {
    "built-in": [
        ["list"],
        ["skills", "-n", "all"],
        ["show", "influencer"],
        ["show", "social-media-manager"],
        ["match", "-s", "analytics", "-s", "content-creation"],
        ["compare", "influencer", "content-creator", "social-media-manager"],
        ["next", "influencer"],
        ["gap", "influencer", "social-media-manager"],
        ["trends"],
        ["tips"],
        ["read"],
    ],
    "esco-sample": [
        ["list", "-n", "all"],
        ["skills", "-n", "all"],
        ["match", "-s", "manage staff"],
    ],
    "generated": [["list", "-n", "all"], ["skills", "-n", "all"]],
}


CASES = [(name, command) for name, commands in COMMANDS.items() for command in commands]


def without_the_plain_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich prints every view: what the plain path is held to."""
    monkeypatch.setattr(plain_layout, "plain_lines", lambda *_: None)
    monkeypatch.setattr(ChunkedTable, "chunk", _rich_chunk)


def _rich_chunk(self: ChunkedTable, start: int, stop: int, widths: list[int]) -> object:
    chunk = self._rich_chunk(start, stop, widths)
    return Align.right(chunk) if self.right_aligned else chunk


@pytest.mark.parametrize(("catalogue", "command"), CASES, ids=[" ".join(c) for _, c in CASES])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_view_prints_as_rich_prints_it(
    catalogues: dict[str, list[str]],
    catalogue: str,
    command: list[str],
    language: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = [*command, *catalogues[catalogue], "--lang", language]
    fast = {width: invoke(args, {"COLUMNS": str(width)}) for width in WIDTHS}
    with monkeypatch.context() as patched:
        without_the_plain_path(patched)
        for width in WIDTHS:
            reference = invoke(args, {"COLUMNS": str(width)})
            assert reference.exit_code == 0, reference.stderr
            assert fast[width].stdout == reference.stdout, f"at {width} columns"
            assert fast[width].stderr == reference.stderr


words = st.text(alphabet="abcdefghijعلمكتب.,", min_size=1, max_size=14)


spaces = st.sampled_from([" ", " ", " ", "  ", "   "])


lines_of_words = st.lists(st.tuples(words, spaces), max_size=12).map(
    lambda pairs: "".join(word + space for word, space in pairs).rstrip(" ")
)


ascii_or_not = st.text(alphabet=st.sampled_from([*"ab c.-", "ع", "ل", "م", "\u064e", "界"]))


@settings(max_examples=500)
@given(line=lines_of_words | ascii_or_not, width=st.integers(1, 40), fold=st.booleans())
def test_lines_break_where_rich_breaks_them(line: str, width: int, fold: bool) -> None:
    from careers_cli.present.layout.rows import _break_offsets

    assert _break_offsets(line, width, fold=fold) == divide_line(line, width, fold=fold)


@settings(max_examples=500)
@given(
    text=st.lists(lines_of_words | ascii_or_not, min_size=1, max_size=3).map("\n".join),
    width=st.integers(1, 40),
    justify=st.sampled_from(["left", "right", "default"]),
    no_wrap=st.booleans(),
)
def test_a_text_wraps_as_rich_wraps_it(text: str, width: int, justify: str, no_wrap: bool) -> None:
    console = Console(width=width, color_system=None, file=io.StringIO())
    expected = [
        line.plain
        for line in Text(text).wrap(console, width, justify=justify, no_wrap=no_wrap)  # type: ignore[arg-type]
    ]
    got = wrap_plain(text, width, justify, fold=True, no_wrap=no_wrap)  # type: ignore[arg-type]
    if got is None:  # only where Rich must crop a line: a character wider than the width
        assert any(Text(line).cell_len > width for line in expected + text.split("\n"))
        return
    # Rich pads a line to the width where a table or padding holds it, not in the text.
    assert [line.rstrip(" ") for line in got] == [line.rstrip(" ") for line in expected]
    assert all(Text(line).cell_len == width for line in got)


def rendered(renderable: object, width: int, *, colour: bool) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if colour else None,
        force_terminal=colour,
        legacy_windows=False,
    )
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


cell_texts = st.builds(
    lambda text, style, justify: Text(text, style=style, justify=justify),
    st.lists(lines_of_words | ascii_or_not, min_size=1, max_size=2).map("\n".join),
    st.sampled_from(["", "bold", "cyan", "dim italic"]),
    st.sampled_from([None, "left", "right"]),
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.tuples(cell_texts, cell_texts), min_size=1, max_size=6),
    widths=st.tuples(st.integers(1, 30), st.integers(1, 30)),
    header=st.booleans(),
    right_aligned=st.booleans(),
    colour=st.booleans(),
)
def test_table_rows_come_out_as_rich_draws_them(
    rows: list[tuple[Text, Text]],
    widths: tuple[int, int],
    header: bool,
    right_aligned: bool,
    colour: bool,
) -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_header=header)
    table.add_column("id", style="cyan", no_wrap=True, overflow="fold")
    table.add_column("text", overflow="fold")
    for row in rows:
        table.add_row(*row)
    chunked = ChunkedTable(table, [0, 0], narrow=list, right_aligned=right_aligned)
    expected_chunk = chunked._rich_chunk(0, len(rows), list(widths))
    expected = Align.right(expected_chunk) if right_aligned else expected_chunk
    drawn = chunked.chunk(0, len(rows), list(widths))
    assert isinstance(drawn, TableRows)
    width = sum(widths) + 3 + 10
    assert rendered(drawn, width, colour=colour) == rendered(expected, width, colour=colour)
    if not colour:
        console = Console(file=io.StringIO(), width=width, color_system=None)
        lines = plain_lines(Group(drawn), console, console.options)
        assert lines is not None
        printed = rendered(expected, width, colour=False).splitlines()
        assert lines == [line.rstrip(" ") for line in printed]
