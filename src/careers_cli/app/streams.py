"""The standard streams, guarded: a failed write is an error the program reports, not a crash.

`careers_cli.entry` puts these in place of `sys.stdout` and `sys.stderr` before anything else
runs. This module imports nothing heavy.
"""

from __future__ import annotations

import contextlib
import os
from typing import IO, Any, TextIO

from careers_cli.errors import OutputError, os_error_reason


class ReaderGone(Exception):
    """The reader of standard output closed it (`careers list | head -1`): not an error."""


class _StandardStream:
    """A standard stream, or its absence (None: closed when the program started)."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


class GuardedOutput(_StandardStream):
    """Standard output whose write failures are `OutputError` or `ReaderGone`, never OSError."""

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputError("output.closed")
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as error:
            raise OutputError("output.failed", reason=os_error_reason(error)) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as error:
            raise OutputError("output.failed", reason=os_error_reason(error)) from None


class QuietErrors(_StandardStream):
    """Standard error that swallows its own failures: there is nowhere to report them."""

    def write(self, text: str) -> int:
        with contextlib.suppress(OSError, ValueError):
            if self._stream is not None:
                self._stream.write(text)
        return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            if self._stream is not None:
                self._stream.flush()


def silence_stdout() -> None:
    """Point file descriptor 1 at the null device, so no later flush can fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


# The terminal working group's bidi recommendation (terminal-wg.pages.freedesktop.org/bidi):
# BDSM, mode 8. Reset, the terminal shows cells as they come, the program having laid out
# bidirectional text itself (explicit mode); set, the terminal lays out each paragraph with the
# bidirectional algorithm (implicit mode, the terminals' default). Terminals without bidi
# ignore both.
EXPLICIT_BIDI = "\x1b[8l"
IMPLICIT_BIDI = "\x1b[8h"

_EXPLICIT: dict[tuple[int, int], int] = {}
"""The terminals told to take the program's visual order, by device: their file descriptor."""


def explicit_bidi(stream: IO[str]) -> None:
    """Tell the terminal behind `stream` that the program writes visual order itself, until
    `implicit_bidi_again`; once per terminal (stdout and stderr are often one)."""
    try:
        descriptor = stream.fileno()
        status = os.fstat(descriptor)
    except (AttributeError, OSError, ValueError):
        return
    terminal = (status.st_dev, status.st_ino)
    if terminal in _EXPLICIT:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.flush()
        os.write(descriptor, EXPLICIT_BIDI.encode())
        _EXPLICIT[terminal] = descriptor


def implicit_bidi_again() -> None:
    """Give every terminal told `explicit_bidi` its own bidi layout back: at the end of every
    run, an error or Ctrl-C too. Written to the descriptor itself, so that it works in a
    signal handler and after standard output failed."""
    for descriptor in _EXPLICIT.values():
        with contextlib.suppress(OSError):
            os.write(descriptor, IMPLICIT_BIDI.encode())
    _EXPLICIT.clear()
