"""How fast `careers browse` answers on a real catalogue from its compiled store: the first
screen, and the results of each keystroke typed into the search box (medians).

    careers import esco RELEASE -o /tmp/browse-esco.json
    careers cache build --data /tmp/browse-esco.json
    python benchmarks/browse.py --data /tmp/browse-esco.json

The app runs headless in Textual's own harness (`App.run_test`), on the store `open_index`
opens, as `careers browse` does. Measured for each round:

- "first screen": from opening the store to the app's first results laid out (the end of its
  `on_mount`: the search asked, the list of careers and its count set);
- "keystroke": one character typed, from its text in the box to its results and count set
  (`show_results`), for each prefix of each query below, typed a character at a time;
- "keystroke+draw": the same, from the text set to its results searched for and drawn (the
  box is drawn first, then the search runs: `pilot.pause` until it has);
- "one letter": the first character of a query alone (the largest lists: one letter starts
  a word of a third to two thirds of ESCO's careers);
- "command line": the installed `careers browse --data DATA` started in a pseudo-terminal,
  from its start to its list of careers on the screen (Python, Typer and Textual starting
  included), then quit.

The target is 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import os
import pty
import statistics
import struct
import sys
import termios
import time
from pathlib import Path
from typing import ClassVar

from textual.widgets import Input

from careers_cli.app.browse.tui import BrowseApp
from careers_cli.catalogue.reading import find_catalogue
from careers_cli.index.opening import open_index
from careers_cli.index.query import CatalogueIndex
from careers_cli.rules.search import Wanted

QUERIES = ["data", "data scientist", "nurse", "software developer", "teacher", "بيانات"]
TARGET_MS = 100.0


class NoProfile:
    def wanted(self, index: CatalogueIndex) -> list[Wanted]:
        return []

    def add(self, record_id: str, *, platform: bool = False) -> bool:
        return False

    def remove(self, record_id: str) -> bool:
        return False


def _unsaved(path: Path, text: str) -> Path:
    return path


class TimedApp(BrowseApp):
    """The app, noting when its first results are laid out and how long each search takes."""

    mounted_at = 0.0
    searches: ClassVar[list[float]] = []

    def on_mount(self) -> None:
        super().on_mount()
        self.mounted_at = time.perf_counter()

    def show_results(self, text: str) -> None:
        started = time.perf_counter()
        super().show_results(text)
        self.searches.append(time.perf_counter() - started)


async def measure(data: Path, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {
        "first screen": [],
        "keystroke": [],
        "keystroke+draw": [],
        "one letter": [],
    }
    for _ in range(rounds):
        started = time.perf_counter()
        index = open_index(find_catalogue(data), progress=None)
        app = TimedApp(index, "en", kept=NoProfile(), save=_unsaved)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            times["first screen"].append(app.mounted_at - started)
            search = app.query_one("#search", Input)
            for query in QUERIES:
                for end in range(1, len(query) + 1):
                    app.searches.clear()
                    started = time.perf_counter()
                    search.value = query[:end]
                    while app.searched != query[:end]:  # searched after the box is drawn
                        await pilot.pause()
                    times["keystroke+draw"].append(time.perf_counter() - started)
                    times["keystroke"] += app.searches
                    if end == 1:
                        times["one letter"] += app.searches
                search.value = ""
                await pilot.pause()
    return times


def from_the_command_line(data: Path, rounds: int) -> list[float]:
    """Seconds from starting `careers browse` in a pseudo-terminal to its count drawn."""
    script = Path(sys.executable).with_name("careers")
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        pid, master = pty.fork()
        if pid == 0:
            arguments = [str(script), "browse", "--data", str(data)]
            os.execve(script, arguments, {**os.environ, "TERM": "xterm-256color"})
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 140, 0, 0))
        shown = b""
        while b" careers" not in shown:
            shown += os.read(master, 65536)
        times.append(time.perf_counter() - started)
        os.write(master, b"\x1b")  # out of the search box, then q
        time.sleep(0.5)
        os.write(master, b"q")
        with contextlib.suppress(OSError):
            while os.read(master, 65536):
                pass
        os.waitpid(pid, 0)
        os.close(master)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="an imported ESCO catalogue")
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    times = asyncio.run(measure(arguments.data, arguments.rounds))
    times["command line"] = from_the_command_line(arguments.data, arguments.rounds)
    for name, values in times.items():
        median = statistics.median(values) * 1000
        worst = max(values) * 1000
        verdict = "ok" if median <= TARGET_MS else "SLOW"
        print(
            f"{name:14} median {median:7.1f} ms  max {worst:7.1f} ms  "
            f"({len(values)} runs)  {verdict}"
        )


if __name__ == "__main__":
    main()
