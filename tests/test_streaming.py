"""Long tables are printed a chunk of rows at a time: the first rows reach a pipe at once, a
reader that stops early (`| head`) stops the command, and the chunks read as one table (one
header, the same column widths throughout)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from rich.cells import cell_len

from benchmarks.generate_catalogue import generate
from careers_cli.present.layout.fitting import ChunkedTable
from tests.helpers import CAREERS_SCRIPT, invoke, run_installed, settled, write_catalogue
from tests.test_background_build import env_for

CAREERS = 300  # several chunks of ChunkedTable.CHUNK_ROWS rows


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = write_catalogue(tmp_path_factory.mktemp("big") / "careers.json", generate(CAREERS))
    settled(path)
    return path


def rows_of(lines: list[str]) -> list[str]:
    """The lines of a `list` table that start a row: an id at the left edge."""
    return [line for line in lines[2:] if line and not line.startswith(" ")]


def test_a_long_list_spans_several_chunks() -> None:
    assert CAREERS > 3 * ChunkedTable.CHUNK_ROWS


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


def test_a_reader_that_stops_early_stops_the_command(tmp_path: Path) -> None:
    """`careers list -n all | head -1`: the first row arrives while the rest (3,000 careers,
    seconds of work) is still being printed, and closing the pipe ends the command quietly,
    exit 0."""
    big = write_catalogue(tmp_path / "careers-3000.json", generate(3000))
    settled(big)
    env = env_for(tmp_path / "cache", CAREERS_CACHE_BUILD="foreground", COLUMNS="100")
    assert run_installed(["list", "--data", str(big), "-n", "1"], env).exit_code == 0
    process = subprocess.Popen(
        [str(CAREERS_SCRIPT), "list", "--data", str(big), "-n", "all"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline().decode()
    assert first.split() == ["id", "career", "skills"]
    assert process.poll() is None  # streamed: still printing the other rows
    process.stdout.close()  # as `head -1` does once it has its line
    assert process.wait(timeout=60) == 0
    with process.stderr:
        assert process.stderr.read() == b""


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
