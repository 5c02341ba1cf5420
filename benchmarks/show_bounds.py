"""How long `show` is on the full ESCO release: the lines of every occupation's view at 80
columns (as printed to a pipe), their median and maximum, and the time one view takes.

    python -m benchmarks.show_bounds [--width 80] [--lang en]

Every view is rendered in this process, as the command renders it (`Session.present`), with
the default limits of `show`. Exits 1 when one is longer than `SHOW_LINES_TARGET` lines or a
line ends in white space. tests/system/test_views.py asserts the same on every occupation.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Iterator

from rich.console import Console

from careers_cli.app.session import Session
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.data import explore as records
from careers_cli.present.views import explore as views
from careers_cli.rules import search
from careers_cli.text.language import Language

SHOW_LINES_TARGET = 150
"""The most lines `show` may print of any ESCO occupation at 80 columns."""


def piped_console(width: int) -> Console:
    """A console as the program makes one for a pipe: no colour, `width` columns."""
    return Console(
        file=io.StringIO(),
        width=width,
        height=25,
        force_terminal=False,
        no_color=True,
        color_system=None,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def show_output(index: CatalogueIndex, career_id: str, width: int, language: Language) -> str:
    """What `careers show CAREER_ID` prints to a pipe `width` columns wide."""
    out = piped_console(width)
    session = Session(index, language, out, piped_console(width))
    profile = search.career_profile(index, index.careers_by_id[career_id])
    session.present(
        lambda: views.career_profile(index, profile, language),
        lambda: records.career_profile(index, profile, language),
    )
    assert isinstance(out.file, io.StringIO)
    return out.file.getvalue()


def every_show(
    index: CatalogueIndex, width: int = 80, language: Language = "en"
) -> Iterator[tuple[str, list[str]]]:
    """Each career's id and the lines `show` prints of it."""
    for career_id in sorted(index.careers_by_id):
        yield career_id, show_output(index, career_id, width, language).splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--lang", choices=("en", "ar"), default="en")
    arguments = parser.parse_args()
    from benchmarks.relevance import release_index

    with release_index() as index:
        started = time.perf_counter()
        lengths: dict[str, int] = {}
        trailing = 0
        for career_id, lines in every_show(index, arguments.width, arguments.lang):
            lengths[career_id] = len(lines)
            trailing += sum(line != line.rstrip() for line in lines)
        elapsed = time.perf_counter() - started
    longest = sorted(lengths, key=lambda c: -lengths[c])[:5]
    print(f"show of {len(lengths)} ESCO occupations at {arguments.width} columns")
    print(f"  lines: median {statistics.median(lengths.values()):.0f}, max {max(lengths.values())}")
    print("  longest: " + ", ".join(f"{c} ({lengths[c]})" for c in longest))
    print(f"  lines ending in white space: {trailing}")
    print(f"  time: {elapsed / len(lengths) * 1000:.1f} ms a view, in process")
    within = max(lengths.values()) <= SHOW_LINES_TARGET and not trailing
    print(f"  target: at most {SHOW_LINES_TARGET} lines: {'met' if within else 'NOT met'}")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
