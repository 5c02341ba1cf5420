"""Long tables are printed a chunk of rows at a time: the first rows reach a pipe at once, a
reader that stops early (`| head`) stops the command, and the chunks read as one table (one
header, the same column widths throughout)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.helpers import invoke
from tests.support import streaming as streaming_support


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return streaming_support.big(tmp_path_factory)


def rows_of(lines: list[str]) -> list[str]:
    """The lines of a `list` table that start a row: an id at the left edge."""
    return [line for line in lines[2:] if line and not line.startswith(" ")]


@pytest.mark.parametrize("width", [80, 160])
def test_the_chunks_read_as_one_table(big: Path, width: int) -> None:
    run = invoke(["list", "--data", str(big), "-n", "all"], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["id", "career", "skills"]  # the header, once
    assert sum(line.split() == ["id", "career", "skills"] for line in lines) == 1
    assert set(lines[1]) == {"─"}
    assert sum(set(line) == {"─"} for line in lines) == 1
    ids = [c["id"] for c in json.loads(big.read_text(encoding="utf-8"))["careers"]]
    rows = rows_of(lines)
    assert [row.split()[0] for row in rows] == ids  # every row, in order, none lost or doubled
    # The same widths in every chunk: each row's title starts in one column, and each count
    # ends at the same edge.
    title_starts = {cell_len(row) - cell_len(row.split(maxsplit=1)[1]) for row in rows}
    count_ends = {cell_len(row) for row in rows}
    assert len(title_starts) == 1
    assert len(count_ends) == 1
    assert max(cell_len(line) for line in lines) <= width


def test_arabic_chunks_stand_against_the_right_edge(big: Path) -> None:
    run = invoke(["list", "--data", str(big), "-n", "all", "--lang", "ar"], {"COLUMNS": "100"})
    lines = run.stdout.splitlines()
    rule = lines[1]
    assert set(rule.strip()) == {"─"} and cell_len(rule) == 100
    ends = {cell_len(row) for row in rows_of(lines)}
    assert ends == {100}  # the count column, the last, ends at the edge in every chunk


def test_streamed_output_has_no_trailing_spaces(big: Path) -> None:
    run = invoke(["list", "--data", str(big), "-n", "all", "--lang", "ar"], {"COLUMNS": "120"})
    assert all(line == line.rstrip() for line in run.stdout.splitlines())
    assert run.stdout.endswith("\n")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_skills_blocks_are_streamed_whole(big: Path, language: str) -> None:
    every = invoke(["skills", "--data", str(big), "-n", "all", "-f", "json"])
    table = invoke(["skills", "--data", str(big), "-n", "all", "--lang", language])
    expected = [s["id"] for s in json.loads(every.stdout)]
    # A block's heading starts with its id (right-aligned in Arabic, the id still first).
    words = [line.split() for line in table.stdout.splitlines()]
    ids = [line[0] for line in words if line and line[0] in set(expected)]
    assert ids == expected
