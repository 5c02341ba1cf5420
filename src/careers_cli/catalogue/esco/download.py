"""The files of an ESCO CSV download, found by name in a folder or in the zip as downloaded.

ESCO's zip puts its files in a folder of its own, and its releases spell some names with
capitals (`occupationSkillRelations_en.csv`), so files are found by name, case-insensitively,
at the top or in a subfolder. Only the files asked for are read, each as a stream of at most
`MAX_FILE_BYTES`, so a zip that unpacks to far more than it weighs cannot exhaust memory.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, NamedTuple, Protocol

from careers_cli.errors import CatalogueError, os_error_reason
from careers_cli.i18n.messages import zip_phrase
from careers_cli.userfiles.regular import open_regular

MAX_FILE_BYTES = 512 * 1024 * 1024
"""The largest file read from a download: the full English release's largest is 20 MB."""
_SEARCH_DEPTH = 2
"""How many folders down a folder download is searched (the zip's own folder, and one more)."""


class LineStream(Protocol):
    """A file of a download, opened: read a line at a time."""

    def readline(self, limit: int = -1, /) -> bytes:
        """The next line, end kept, of at most `limit` bytes; b"" at the end."""


class DownloadFile(NamedTuple):
    """One file of a download: how messages name it, how to open it as a stream of bytes (at
    most `MAX_FILE_BYTES` are read from it), and its size as far as it is known."""

    name: str
    open: Callable[[], AbstractContextManager[LineStream]]
    size: int

    @property
    def short_name(self) -> str:
        """The file's own name, without the folders (or the zip) it is in."""
        return self.name.replace("\\", "/").rsplit("/", 1)[-1]


class Download(Protocol):
    """A folder or a zip, and what it holds."""

    def find(self, name: str) -> DownloadFile | None:
        """The file called `name` (any case), the one nearest the top if there are several."""


@contextmanager
def open_download(source: Path) -> Iterator[Download]:
    """Open a folder or a zip as a download; `CatalogueError` if it is neither or is broken."""
    name = str(source)
    if source.is_dir():
        yield _FolderDownload(source)
        return
    if not source.exists():
        raise CatalogueError("import.missing", path=name)
    if not source.is_file():  # a pipe or a device: reading it could wait forever
        raise CatalogueError("import.not_download", path=name)
    if source.suffix.lower() != ".zip" and not _looks_like_zip(source):
        raise CatalogueError("import.not_download", path=name)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        detail = zip_phrase(str(error))
        raise CatalogueError("import.bad_zip", path=name, detail=detail) from None
    except OSError as error:
        raise _unreadable(name, error) from None
    with archive:
        yield _ZipDownload(source, archive)


def _looks_like_zip(path: Path) -> bool:
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def _unreadable(name: str, error: OSError) -> CatalogueError:
    reason = os_error_reason(error)
    return CatalogueError("import.unreadable", path=name, reason=reason)


def too_large(name: str) -> CatalogueError:
    return CatalogueError("import.too_large", path=name, limit_mib=MAX_FILE_BYTES // 1024**2)


class _FolderDownload:
    """A download unpacked into a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files = _csv_files_by_name(folder)

    def find(self, name: str) -> DownloadFile | None:
        path = self._files.get(name.casefold())
        if path is None:
            return None
        return DownloadFile(str(path), lambda: _opened_file(path), _size_of(path))


def _csv_files_by_name(folder: Path) -> dict[str, Path]:
    """The CSV files of `folder` and its subfolders, by lowercased name; the nearest the top
    wins, then the first in sorted order, so the choice is the same on every run."""
    found: dict[str, Path] = {}
    top_depth = len(folder.parts)

    def refuse(error: OSError) -> None:
        raise _unreadable(error.filename or str(folder), error)

    for directory, subfolders, files in os.walk(folder, onerror=refuse):
        here = Path(directory)
        subfolders.sort()
        if len(here.parts) - top_depth >= _SEARCH_DEPTH:
            subfolders.clear()
        for file_name in sorted(files):
            if file_name.casefold().endswith(".csv"):
                found.setdefault(file_name.casefold(), here / file_name)
    return found


@contextmanager
def _opened_file(path: Path) -> Iterator[LineStream]:
    name = str(path)
    try:
        # A regular file only: a pipe or a device named like a download's file would never end.
        stream = os.fdopen(open_regular(path), "rb")
        if os.fstat(stream.fileno()).st_size > MAX_FILE_BYTES:
            stream.close()
            raise too_large(name)
    except OSError as error:
        raise _unreadable(name, error) from None
    with stream:
        yield _Unfailing(stream, name)


def _size_of(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class _Unfailing:
    """A stream whose read errors are a `CatalogueError` naming the file."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self.stream = stream
        self.name = name

    def readline(self, limit: int = -1, /) -> bytes:
        try:
            return self.stream.readline(limit)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise CatalogueError(
                "import.bad_zip", path=self.name, detail=zip_phrase(str(error))
            ) from None
        except OSError as error:
            raise _unreadable(self.name, error) from None


class _ZipDownload:
    """A download as the zip ESCO's portal gives."""

    def __init__(self, source: Path, archive: zipfile.ZipFile) -> None:
        self.source = source
        self.archive = archive
        members = sorted(
            (info for info in archive.infolist() if not info.is_dir()),
            key=lambda info: (info.filename.count("/"), info.filename),
        )
        self._members: dict[str, zipfile.ZipInfo] = {}
        for info in members:
            self._members.setdefault(info.filename.rsplit("/", 1)[-1].casefold(), info)

    def find(self, name: str) -> DownloadFile | None:
        info = self._members.get(name.casefold())
        if info is None:
            return None
        name = f"{self.source}/{info.filename}"
        return DownloadFile(name, lambda: self._opened(info, name), info.file_size)

    @contextmanager
    def _opened(self, info: zipfile.ZipInfo, name: str) -> Iterator[LineStream]:
        if info.file_size > MAX_FILE_BYTES:
            raise too_large(name)
        try:
            stream = self.archive.open(info)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as error:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
            raise CatalogueError(
                "import.bad_zip", path=name, detail=zip_phrase(str(error))
            ) from None
        except OSError as error:
            raise _unreadable(name, error) from None
        with stream:
            yield _Unfailing(stream, name)
