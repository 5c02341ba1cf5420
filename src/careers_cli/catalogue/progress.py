"""How long work on a catalogue (an import, compiling a store) tells how far it has got."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""Told (stage, done, total) as work proceeds: a file's name and the lines read, or a stage of
compiling and the records written."""


def unwatched(stage: str, done: int, total: int) -> None:
    """Progress nobody sees."""
