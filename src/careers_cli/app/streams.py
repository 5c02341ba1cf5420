"""The standard streams, guarded: a failed write is an error the program reports, not a crash.

`careers_cli.entry` puts these in place of `sys.stdout` and `sys.stderr` before anything else
runs. This module imports nothing heavy.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, TextIO

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
