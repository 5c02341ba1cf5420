"""ESCO's CSV files as rows of the columns an import needs, each row with its line number.

Columns are found by their header names, since ESCO releases differ in which columns they carry
and in their order. Text is strict UTF-8 (a byte-order mark is allowed) and CSV quoting is
strict; what cannot be read is a `CatalogueError` naming the file and the line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import NamedTuple

from careers_cli.catalogue.esco.download import DownloadFile
from careers_cli.catalogue.progress import Progress
from careers_cli.errors import CatalogueError

_UTF8_BOM = b"\xef\xbb\xbf"
_ROWS_PER_REPORT = 4096


class Row(NamedTuple):
    """The cells of the wanted columns, in the order asked for, and the line the row starts on."""

    line: int
    cells: tuple[str, ...]


def table_rows(
    file: DownloadFile,
    *,
    needed: Sequence[str],
    optional: Sequence[str] = (),
    progress: Progress,
) -> Iterator[Row]:
    """The rows of `file`, each with the cells of `needed` then `optional` columns.

    A needed column missing from the header is an error; a missing optional one gives empty
    cells. Blank lines are skipped; a short row has empty cells where it ends.
    """
    text = _decoded(file)
    total = text.count("\n") + (not text.endswith("\n"))
    reader = csv.reader(_lines(text), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogueError("import.empty_file", path=file.name) from None
    except csv.Error as error:
        raise CatalogueError("import.bad_csv", path=file.name, line=1, detail=str(error)) from None
    width = len(header)
    positions = _column_positions(header, needed, optional, file)
    pick = itemgetter(*positions) if len(positions) > 1 else lambda row: (row[positions[0]],)
    start = reader.line_num + 1
    try:
        for count, row in enumerate(reader, 1):
            if row:
                if len(row) != width:
                    row = [*row[:width], *[""] * (width - len(row))]
                row.append("")  # the cell of every column the header lacks
                yield Row(start, pick(row))
            start = reader.line_num + 1
            if count % _ROWS_PER_REPORT == 0:
                progress(file.short_name, reader.line_num, total)
    except csv.Error as error:
        raise CatalogueError(
            "import.bad_csv", path=file.name, line=start, detail=str(error)
        ) from None
    progress(file.short_name, total, total)


def _decoded(file: DownloadFile) -> str:
    raw = file.read()
    body = raw.removeprefix(_UTF8_BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        line = body.count(b"\n", 0, error.start) + 1
        offset = error.start + len(raw) - len(body)  # counted in the file, BOM included
        raise CatalogueError("import.not_utf8", path=file.name, line=line, offset=offset) from None


def _column_positions(
    header: list[str], needed: Sequence[str], optional: Sequence[str], file: DownloadFile
) -> list[int]:
    """Where each column is in a row; a missing optional column points past the row's end,
    at the empty cell every row gets there."""
    by_name: dict[str, int] = {}
    for position, name in enumerate(header):
        by_name.setdefault(name.strip().casefold(), position)
    for column in needed:
        if column.casefold() not in by_name:
            raise CatalogueError("import.missing_column", path=file.name, column=column)
    return [by_name.get(column.casefold(), len(header)) for column in (*needed, *optional)]


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, ends kept, for the CSV reader. Lines end only at a newline: a cell
    may hold other line separators (U+2028) as text."""
    start = 0
    find = text.find
    while end := find("\n", start) + 1:
        yield text[start:end]
        start = end
    if start < len(text):
        yield text[start:]
