"""Views hold at any width from 40 columns, in English and Arabic, on any catalogue.

For every command that prints data, at 40, 60, 80, 120 and 160 columns, in English, Arabic and
Arabic in the right-to-left visual mode, on the built-in catalogue and on a generated one of 300
careers: the command succeeds, no line is wider than the terminal, nothing is cut to `…`, and
every id the command's JSON output says it shows (careers, skills, notes, sections) is printed
whole on one line, never folded across two.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from benchmarks.generate_catalogue import generate
from careers_cli.present.layout.fitting import FirstThatFits, LabelledRows, MinimumWidthTable
from careers_cli.present.views import parts as views
from tests.helpers import SEVEN_IDS, invoke, run_installed, settled, write_catalogue

WIDTHS = [40, 60, 80, 120, 160]
MODES = {
    "en": ["--lang", "en"],
    "ar": ["--lang", "ar"],
    "ar-visual": ["--lang", "ar", "--rtl", "visual"],
}

Ids = Callable[[Any], list[str]]


def _ids(records: list[dict[str, Any]], *keys: str) -> list[str]:
    """Each record's `id`, then the ids listed under `keys`."""
    found = [r["id"] for r in records]
    for key in keys:
        found += [value for r in records for value in r[key]]
    return found


def _skills(records: list[dict[str, Any]]) -> list[str]:
    """Each skill's id and the careers that need it, as many as its block names."""
    return [r["id"] for r in records] + [
        career for r in records for career in r["careers"][: views.SUBLIST_LIMIT]
    ]


def _show(doc: dict[str, Any]) -> list[str]:
    skills = [s for line in doc["required_skills"] for s in line["skills"]]
    notes = [n["id"] for n in doc["trends"] + doc["tips"]]
    return [doc["id"], *skills, *notes, *(r["id"] for r in doc["related"])]


def _gap(doc: dict[str, Any]) -> list[str]:
    steps = [s["skill"] for s in doc["to_learn"]]
    opens = [c for s in doc["to_learn"] for c in s["opens"]]
    notes = [n["id"] for n in doc["trends"] + doc["tips"]]
    return [doc["from"]["id"], doc["to"]["id"], *steps, *opens, *notes]


def _next_skills(records: list[dict[str, Any]]) -> list[str]:
    # The table names the first 5 careers a skill would open and counts the rest.
    return [
        value
        for r in records
        for value in [r["skill"], *(c["id"] for c in r["raises"]), *r["opens"][:5]]
    ]


def _commands(
    career: str, other: str, seven: list[str], skill: str, second_skill: str
) -> dict[str, tuple[list[str], Ids]]:
    """Each data command with arguments that succeed, and what its JSON says it shows."""
    return {
        "list": (["list"], lambda records: _ids(records)),
        "show": (["show", career], _show),
        "compare": (["compare", career, other], lambda doc: [c["id"] for c in doc["careers"]]),
        "compare-7": (["compare", *seven], lambda doc: [c["id"] for c in doc["careers"]]),
        "match": (["match", "-s", skill], lambda records: _ids(records)),
        "match-2": (["match", "-s", skill, "-s", second_skill], lambda records: _ids(records)),
        "skills": (["skills"], _skills),
        "trends": (["trends"], lambda records: _ids(records, "careers")),
        "tips": (["tips"], lambda records: _ids(records, "careers")),
        "read": (["read"], lambda records: _ids(records)),
        "next": (["next", career], lambda records: _ids(records)),
        "gap": (["gap", career, other], _gap),
        "next-skills": (["match", "--next-skills", "-s", skill], _next_skills),
    }


BUILT_IN = _commands(
    "influencer", "social-media-manager", SEVEN_IDS, "analytics", "content creation"
)
# generate(300): `influencer` first, then career-1 ... career-299; skills analytics, skill-1 ...
GENERATED = _commands(
    "influencer",
    "career-17",
    ["influencer", *(f"career-{n}" for n in (3, 29, 101, 150, 222, 299))],
    "analytics",
    "skill-2",
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = write_catalogue(tmp_path_factory.mktemp("generated") / "careers-300.json", generate(300))
    settled(path)
    yield path


# --- what the output must show ---------------------------------------------------------------

_ID_CHAR = "A-Za-z0-9_.-"


def _pattern(value: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![{_ID_CHAR}]){re.escape(value)}(?![{_ID_CHAR}])")


def problems(output: str, width: int, ids: list[str]) -> list[str]:
    """What breaks the rules in `output`: lines too wide, `…`, ids not whole on one line, and
    ids cut across lines (found when the output's white space is removed, but not on a line)."""
    found: list[str] = []
    lines = output.splitlines()
    found += [f"{cell_len(line)} cells: {line!r}" for line in lines if cell_len(line) > width]
    if "…" in output:
        found.append("an ellipsis")
    joined = "".join(output.split())
    for value in sorted(set(ids)):
        pattern = _pattern(value)
        whole = sum(len(pattern.findall(line)) for line in lines)
        if whole == 0:
            found.append(f"{value} not whole on any line")
        elif len(pattern.findall(joined)) > whole:
            found.append(f"{value} cut across lines")
    return found


@cache
def _json(args: tuple[str, ...], data: str | None) -> Any:
    extra = ["--data", data] if data else []
    run = invoke([*args, *extra, "-f", "json"])
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def check(args: list[str], ids: Ids, mode: str, width: int, data: Path | None = None) -> None:
    shown = ids(_json(tuple(args), str(data) if data else None))
    assert shown, "the command shows no ids: the test would prove nothing"
    extra = ["--data", str(data)] if data else []
    run = invoke([*args, *extra, *MODES[mode]], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert problems(run.stdout, width, shown) == [], run.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", BUILT_IN)
def test_built_in_catalogue(command: str, mode: str, width: int) -> None:
    args, ids = BUILT_IN[command]
    check(args, ids, mode, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", ["en", "ar"])
@pytest.mark.parametrize("command", [c for c in GENERATED if c != "read"])
def test_generated_catalogue(generated: Path, command: str, mode: str, width: int) -> None:
    # The generated catalogue has no prose sections: `read` shows nothing there.
    args, ids = GENERATED[command]
    check(args, ids, mode, width, data=generated)


@pytest.mark.parametrize(
    ("command", "mode", "width"),
    [("list", "ar", 40), ("skills", "en", 40), ("compare-7", "en", 80), ("show", "ar-visual", 60)],
)
def test_the_installed_script(command: str, mode: str, width: int) -> None:
    """The script a user runs, in a subprocess, keeps the same rules."""
    args, ids = BUILT_IN[command]
    run = run_installed([*args, *MODES[mode]], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    assert problems(run.stdout, width, ids(_json(tuple(args), None))) == [], run.stdout


# --- the layouts, at 40 columns --------------------------------------------------------------


class TestNarrowLayouts:
    """Where the columns do not fit whole, tables become blocks, labels go above their values,
    and `compare` numbers its columns, then lists one block per career."""

    def test_list_becomes_a_block_per_career(self) -> None:
        lines = invoke(["list"], env={"COLUMNS": "40"}).stdout.splitlines()
        assert lines[:2] == ["social-media-manager", "  Social Media Manager"]
        assert "  skills: 7" in lines
        assert "social-media-marketing-specialist" in lines

    def test_list_stays_a_table_at_80_columns(self) -> None:
        first = invoke(["list"], env={"COLUMNS": "80"}).stdout.splitlines()[0]
        assert first.split() == ["id", "career", "skills"]

    def test_a_label_goes_above_a_value_too_narrow_for_its_ids(self) -> None:
        lines = invoke(["skills"], env={"COLUMNS": "40"}).stdout.splitlines()
        at = lines.index("   needed by")
        assert lines[at + 1 : at + 4] == [
            "     social-media-manager,",
            "     social-media-marketing-specialist,",
            "     social-media-data-analyst",
        ]
        # Where the values fit beside their labels, they stay there.
        assert "   needed by  online-community-manager" in lines

    def test_compare_of_seven_at_80_columns_is_a_block_per_career(self) -> None:
        lines = invoke(["compare", *SEVEN_IDS], env={"COLUMNS": "80"}).stdout.splitlines()
        assert lines[0] == "1. social-media-manager"
        assert lines[1].split() == ["title", "Social", "Media", "Manager"]
        assert "6. influencer" in lines
        assert lines[-1] == "skills in common: 0/25 (0%)"

    def test_compare_of_seven_at_120_columns_numbers_its_columns(self) -> None:
        lines = invoke(["compare", *SEVEN_IDS], env={"COLUMNS": "120"}).stdout.splitlines()
        assert lines[:2] == ["1  social-media-manager", "   Social Media Manager"]
        header = next(line for line in lines if line.split() == ["1", "2", "3", "4", "5", "6", "7"])
        assert header

    def test_show_stacks_the_related_careers(self) -> None:
        output = invoke(["show", "influencer"], env={"COLUMNS": "40"}).stdout
        assert "  social-media-manager\n    title          Social Media Manager\n" in output
        assert "  content.\n    content-creation, creativity\n" in output


def render(renderable: object, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return [line.rstrip() for line in captured.get().splitlines()]


class TestLayoutRenderables:
    """`present.layout.fitting`: the decision is taken at render time, from the width given."""

    def test_labelled_rows_side_by_side_while_the_longest_word_fits(self) -> None:
        rows = LabelledRows()
        rows.add_row("needed by", Text("alpha-beta-gamma, delta"))
        assert render(rows, 34) == ["needed by  alpha-beta-gamma, delta"]
        # 9 cells of label, 2 of gap, 17 of `alpha-beta-gamma,`: 28 is the narrowest side by side.
        assert render(rows, 28) == ["needed by  alpha-beta-gamma,", "           delta"]
        assert render(rows, 27) == ["needed by", "  alpha-beta-gamma, delta"]
        assert render(rows, 20) == ["needed by", "  alpha-beta-gamma,", "  delta"]

    def test_labelled_rows_keep_arabic_right_aligned_when_stacked(self) -> None:
        rows = LabelledRows("right")
        rows.add_row("تحتاجها", Text("alpha-beta-gamma، delta"))
        assert render(rows, 20) == [
            "             تحتاجها",
            "   alpha-beta-gamma،",
            "               delta",
        ]

    def test_a_table_whose_columns_do_not_fit_shows_its_narrow_layout(self) -> None:
        table = Table("id", "text")
        table.add_row("a-long-identifier", "some words here")
        fitted = MinimumWidthTable(table, narrow="narrow")
        assert any("│ a-long-identifier │" in line for line in render(fitted, 60))
        assert render(fitted, 20) == ["narrow"]

    def test_a_table_keeps_its_columns_at_their_minimum_widths(self) -> None:
        table = Table("id", "text", box=None)
        table.add_row("a-long-identifier", "word " * 30)
        widths = [len(line) for line in render(MinimumWidthTable(table), 34)]
        assert max(widths) <= 34
        lines = render(MinimumWidthTable(table), 34)
        assert any(line.startswith(" a-long-identifier ") for line in lines)

    def test_first_that_fits_takes_the_first_layout_whose_words_fit(self) -> None:
        layouts = FirstThatFits(Text("a-very-long-word-indeed"), Group(Text("short")))
        assert render(layouts, 30) == ["a-very-long-word-indeed"]
        assert render(layouts, 10) == ["short"]
