"""Long tables are printed a chunk of rows at a time: the first rows reach a pipe at once, a
reader that stops early (`| head`) stops the command, and the chunks read as one table (one
header, the same column widths throughout)."""

from __future__ import annotations

from careers_cli.present.layout.fitting import ChunkedTable
from tests.support.streaming import CAREERS


def test_a_long_list_spans_several_chunks() -> None:
    assert CAREERS > 3 * ChunkedTable.CHUNK_ROWS
