"""The consoles: where output goes, in colour or not, at what width and encoding.

Data goes to stdout; errors, hints and notices go to stderr.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console, RenderableType


def colour_wanted(stream: TextIO, *, no_color: bool) -> bool:
    """Colour rules: `--no-color`, `NO_COLOR` (any value) and `TERM=dumb` turn it off;
    `FORCE_COLOR` turns it on; otherwise it is on only when the stream is a terminal."""
    if no_color or "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(stream: TextIO | None = None, *, no_color: bool = False) -> Console:
    """A console for `stream` (stdout by default) that never interprets catalogue text."""
    stream = stream if stream is not None else sys.stdout
    _tolerate_narrow_encoding(stream)
    colour = colour_wanted(stream, no_color=no_color)
    return Console(
        file=stream,
        force_terminal=colour,
        no_color=not colour,
        color_system="auto" if colour else None,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def _tolerate_narrow_encoding(stream: TextIO) -> None:
    """On a stream that cannot encode everything (ASCII, a legacy code page), replace what it
    cannot show instead of failing with UnicodeEncodeError."""
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if reconfigure is not None and not encoding.lower().replace("-", "").startswith("utf"):
        reconfigure(errors="replace")


def print_renderable(console: Console, renderable: RenderableType) -> None:
    console.print(renderable)
