"""How fast `careers browse` answers on a real catalogue from its compiled store, as a person
feels it in a terminal, and where that time goes (medians and worst, in one run).

    careers import esco RELEASE -o /tmp/browse-esco.json
    careers cache build --data /tmp/browse-esco.json
    python benchmarks/browse.py --data /tmp/browse-esco.json --rounds 5

In a pseudo-terminal (140 x 45), the installed `careers browse --data DATA` (the `careers`
next to this Python), end to end:

- "first screen": from starting the process to the list of careers and its count
  (`3039 of 3039 careers`) in what it wrote to the terminal: Python, the imports, reading the
  command line, opening the store, Textual's start and its first frame; "through Typer" is
  the same with the quick path turned off (the command line read by Typer and Click, as
  `careers browse` with any other option is), started alternately with it;
- "keystroke": for each prefix of each query below, typed a character at a time, from
  writing the character to the terminal to the count of careers that text fits (worked out
  here with `CareerFinder.ranked_ids` on the same store) in what the program wrote after it
  (what it wrote before is read and dropped first): the key read, the search, the list and
  count laid out and drawn; the box is then emptied with Backspace;
- "first letter": the same, for the first character of each query alone (the largest lists:
  one letter starts a word of a third to two thirds of ESCO's careers).

In-process, in Textual's own harness (`App.run_test`), not drawn to a terminal, to see where
the time goes:

- "results from store": from opening the store to the end of the app's `on_mount`, where the
  list of careers and its count are set (not drawn; Python, imports and Textual's start are
  not in it);
- "search per key": `show_results` alone for each prefix above: the search and the list and
  count set (not drawn);
- "search, 1st letter": the same, for the first character of each query.

The target is 100 ms, for the median; the worst is printed beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import contextlib
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.widgets import Input

import careers_cli
from careers_cli.app.browse.tui import BrowseApp
from careers_cli.catalogue.reading import find_catalogue
from careers_cli.i18n.browse import browse_label
from careers_cli.index.opening import open_index
from careers_cli.index.query import CatalogueIndex
from careers_cli.rules.names import CareerFinder
from careers_cli.rules.search import Wanted

QUERIES = ["data", "data scientist", "nurse", "software developer", "teacher", "بيانات"]
TARGET_MS = 100.0
SIZE = (140, 45)
WAIT_S = 10.0  # longest wait for a screen before the run is called broken


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
    """The app, noting when its first results are set and how long each search takes."""

    mounted_at = 0.0
    searches: ClassVar[list[float]] = []

    def on_mount(self) -> None:
        super().on_mount()
        self.mounted_at = time.perf_counter()

    def show_results(self, text: str) -> None:
        started = time.perf_counter()
        super().show_results(text)
        self.searches.append(time.perf_counter() - started)


def prefixes(query: str) -> list[str]:
    return [query[:end] for end in range(1, len(query) + 1)]


async def in_process(data: Path, rounds: int) -> dict[str, list[float]]:
    """The in-process measurements (seconds), `rounds` times."""
    times: dict[str, list[float]] = {
        "results from store": [],
        "search per key": [],
        "search, 1st letter": [],
    }
    for _ in range(rounds):
        started = time.perf_counter()
        index = open_index(find_catalogue(data), progress=None)
        app = TimedApp(index, "en", kept=NoProfile(), save=_unsaved)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            times["results from store"].append(app.mounted_at - started)
            search = app.query_one("#search", Input)
            for query in QUERIES:
                for text in prefixes(query):
                    app.searches.clear()
                    search.value = text
                    while app.searched != text:  # searched once the box is drawn
                        await pilot.pause()
                    times["search per key"] += app.searches
                    if len(text) == 1:
                        times["search, 1st letter"] += app.searches
                search.value = ""
                await pilot.pause()
    return times


# The program's entry point as the installed script runs it, its quick path turned off: the
# command line read by Typer and Click.
THROUGH_TYPER = (
    "import sys\n"
    "from careers_cli.app import quick\n"
    "quick.run_quickly = lambda argv: None\n"
    "from careers_cli.entry import main\n"
    "sys.argv[0] = 'careers'\n"
    "main()\n"
)


class Terminal:
    """`careers browse --data DATA` running in a pseudo-terminal (`typer`: with the command
    line read by Typer and Click, not on the quick path)."""

    def __init__(self, data: Path, *, typer: bool = False) -> None:
        script = Path(sys.executable).with_name("careers")
        command = [sys.executable, "-c", THROUGH_TYPER] if typer else [str(script)]
        self.started = time.perf_counter()
        self.pid, self.master = pty.fork()
        if self.pid == 0:  # the child: the installed script, as a person starts it
            arguments = [*command, "browse", "--data", str(data)]
            os.execve(arguments[0], arguments, {**os.environ, "TERM": "xterm-256color"})
        rows, columns = SIZE[1], SIZE[0]
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    def read_until(self, shown: Callable[[bytes], bool]) -> float:
        """Read what the program writes until `shown` holds for it; the time then."""
        written = b""
        deadline = time.perf_counter() + WAIT_S
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                written += os.read(self.master, 1 << 16)
                if shown(written):
                    return time.perf_counter()
        raise RuntimeError(f"not shown within {WAIT_S} s; the last written: {written[-300:]!r}")

    def drain(self, quiet: float = 0.15) -> None:
        """Read and drop what the program writes, until it has written nothing for `quiet`
        seconds (the caret's blinking aside, a second at most)."""
        deadline = time.perf_counter() + 1.0
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                return
            os.read(self.master, 1 << 16)

    def key(self, keys: str, shown: bytes) -> float:
        """Seconds from writing `keys` to `shown` in what the program wrote after them."""
        self.drain()
        started = time.perf_counter()
        os.write(self.master, keys.encode())
        return self.read_until(lambda written: shown in written) - started

    def quit(self) -> None:
        """Quit with Ctrl-Q (Textual's, wherever the focus is); a program still running five
        seconds later is killed."""
        with contextlib.suppress(OSError):
            os.write(self.master, b"\x11")
            deadline = time.perf_counter() + 5.0
            while time.perf_counter() < deadline:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if ready and not os.read(self.master, 1 << 16):
                    break
        if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.master)


def in_a_terminal(
    data: Path, rounds: int, each_key: dict[str, list[float]]
) -> dict[str, list[float]]:
    """The end-to-end measurements (seconds) in a pseudo-terminal, `rounds` times; each
    keystroke's, by the text it made, added to `each_key`."""
    index = open_index(find_catalogue(data), progress=None)
    finder, total = CareerFinder(index), index.career_count()

    def count_line(text: str) -> bytes:
        count = len(finder.ranked_ids(text))
        return browse_label("found", "en", count=count, total=total).encode()

    everything = count_line("")
    expected = {text: count_line(text) for query in QUERIES for text in prefixes(query)}
    times: dict[str, list[float]] = {
        "first screen": [],
        "  through Typer": [],
        "keystroke": [],
        "first letter": [],
    }
    for _ in range(rounds):
        terminal = Terminal(data, typer=True)  # side by side with the quick path below
        try:
            shown_at = terminal.read_until(lambda written: everything in written)
            times["  through Typer"].append(shown_at - terminal.started)
        finally:
            terminal.quit()
        terminal = Terminal(data)
        try:
            shown_at = terminal.read_until(lambda written: everything in written)
            times["first screen"].append(shown_at - terminal.started)
            for query in QUERIES:
                for text in prefixes(query):
                    seconds = terminal.key(text[-1], expected[text])
                    times["keystroke"].append(seconds)
                    each_key.setdefault(text, []).append(seconds)
                    if len(text) == 1:
                        times["first letter"].append(seconds)
                terminal.key("\x7f" * len(query), everything)  # the box emptied
        finally:
            terminal.quit()
    return times


def report(times: dict[str, list[float]]) -> None:
    for name, values in times.items():
        median = statistics.median(values) * 1000
        worst = max(values) * 1000
        over = sum(v * 1000 > TARGET_MS for v in values)
        verdict = "ok" if median <= TARGET_MS else "SLOW"
        print(
            f"{name:19} median {median:6.1f} ms  max {worst:6.1f} ms  "
            f"over {TARGET_MS:.0f} ms: {over:3} of {len(values):3}  {verdict}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="an imported ESCO catalogue")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--each-key", action="store_true", help="also each keystroke's median in a terminal"
    )
    arguments = parser.parse_args()
    # Each run starts from the program's compiled bytecode, as an installed program does
    # (even where PYTHONDONTWRITEBYTECODE kept it from being written).
    compileall.compile_dir(Path(careers_cli.__file__).parent, quiet=1)
    keys = sum(len(query) for query in QUERIES)
    print(f"{arguments.rounds} rounds; {keys} keystrokes each; target {TARGET_MS:.0f} ms")
    print("In a pseudo-terminal, end to end:")
    each_key: dict[str, list[float]] = {}
    report(in_a_terminal(arguments.data, arguments.rounds, each_key))
    if arguments.each_key:
        for query in QUERIES:
            medians = [statistics.median(each_key[text]) * 1000 for text in prefixes(query)]
            print(f"  {query}: " + " ".join(f"{m:.0f}" for m in medians) + " ms")
    print("In-process, not drawn:")
    report(asyncio.run(in_process(arguments.data, arguments.rounds)))


if __name__ == "__main__":
    main()
