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

from careers_cli.catalogue.esco import download
from careers_cli.catalogue.esco.download import DownloadFile, LineStream, too_large
from careers_cli.catalogue.progress import Progress
from careers_cli.errors import CatalogueError
from careers_cli.i18n.messages import csv_phrase

_UTF8_BOM = b"\xef\xbb\xbf"
_LINES_PER_REPORT = 4096
MAX_LINE_BYTES = 16 * 1024 * 1024
"""The longest line read: ESCO's longest is a few kB (a skill's alternative labels)."""


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
    """The rows of `file`, each with the cells of `needed` then `optional` columns, read as a
    stream: memory holds a line at a time, not the file (a zip member of 500 MB that
    compressed to 1 MB costs what its longest line does).

    A needed column missing from the header is an error; a missing optional one gives empty
    cells. Blank lines are skipped; a short row has empty cells where it ends.
    """
    with file.open() as stream:
        yield from _rows(_text_lines(stream, file, progress), file, needed, optional)


def _rows(
    lines: Iterator[str], file: DownloadFile, needed: Sequence[str], optional: Sequence[str]
) -> Iterator[Row]:
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogueError("import.empty_file", path=file.name) from None
    except csv.Error as error:
        raise CatalogueError(
            "import.bad_csv", path=file.name, line=1, detail=csv_phrase(str(error))
        ) from None
    width = len(header)
    positions = _column_positions(header, needed, optional, file)
    pick = itemgetter(*positions) if len(positions) > 1 else lambda row: (row[positions[0]],)
    start = reader.line_num + 1
    try:
        for row in reader:
            if row:
                if len(row) != width:
                    row = [*row[:width], *[""] * (width - len(row))]
                row.append("")  # the cell of every column the header lacks
                yield Row(start, pick(row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise CatalogueError(
            "import.bad_csv", path=file.name, line=start, detail=csv_phrase(str(error))
        ) from None


def _text_lines(stream: LineStream, file: DownloadFile, progress: Progress) -> Iterator[str]:
    """The lines of a file, ends kept, decoded as strict UTF-8 (a byte-order mark at the start
    is dropped). Lines end only at a newline: a cell may hold other line separators (U+2028)
    as text. A line longer than `MAX_LINE_BYTES`, or a file longer than `MAX_FILE_BYTES`
    (a zip may not say its members' true sizes), is refused as it is met."""
    readline = stream.readline
    total = file.size
    offset = 0
    number = 0
    while raw := readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            detail = csv_phrase(f"a line longer than {MAX_LINE_BYTES:,} bytes")
            raise CatalogueError("import.bad_csv", path=file.name, line=number, detail=detail)
        body = raw.removeprefix(_UTF8_BOM) if number == 1 else raw
        start = offset + len(raw) - len(body)
        offset += len(raw)
        if offset > download.MAX_FILE_BYTES:
            raise too_large(file.name)
        try:
            yield body.decode("utf-8")
        except UnicodeDecodeError as error:
            place = start + error.start  # counted in the file, a byte-order mark included
            raise CatalogueError(
                "import.not_utf8", path=file.name, line=number, offset=place
            ) from None
        if number % _LINES_PER_REPORT == 0:
            progress(file.short_name, offset, max(total, offset))
    progress(file.short_name, offset, offset)


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
