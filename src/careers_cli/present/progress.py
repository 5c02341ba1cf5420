"""A progress bar for long work, on stderr, for a person watching a terminal.

A pipe, a file or a dumb terminal gets nothing at all: scripts read stderr for errors and
warnings, and a bar drawn there would be noise. The bar is gone once the work is done.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

import rich.progress
from rich.console import Console
from rich.progress import BarColumn, TaskID, TaskProgressColumn, TextColumn

from careers_cli.catalogue.progress import Progress, unwatched
from careers_cli.present.consoles import colour_wanted
from careers_cli.text.terminal import printable_line


@contextmanager
def progress_bar(stream: TextIO | None = None, *, no_color: bool = False) -> Iterator[Progress]:
    """A `(stage, done, total)` callback drawing one bar per stage on `stream` (stderr by
    default) while it is a terminal; one that does nothing otherwise."""
    stream = stream if stream is not None else sys.stderr
    if not _is_terminal(stream) or os.environ.get("TERM") == "dumb":
        yield unwatched
        return
    console = Console(
        file=stream,
        force_terminal=True,
        no_color=not colour_wanted(stream, no_color=no_color),
        markup=False,
        emoji=False,
        highlight=False,
    )
    columns = (TextColumn("{task.description}", markup=False), BarColumn(), TaskProgressColumn())
    with rich.progress.Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            task = tasks.get(stage)
            if task is None:
                # A stage may be named by a file of a zip: shown as text, never obeyed.
                task = tasks[stage] = bar.add_task(printable_line(stage), total=total)
            bar.update(task, completed=done, total=total)

        yield report


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
