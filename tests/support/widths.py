"""What the widths tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from careers_cli.present.views import parts as views
from tests.helpers import SEVEN_IDS, invoke

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
    return [*steps, *opens, *notes]  # the two careers are named by their titles


def next_skills(records: list[dict[str, Any]]) -> list[str]:
    # The table names the first 5 careers a skill would open and counts the rest.
    return [
        value
        for r in records
        for value in [r["skill"], *(c["id"] for c in r["raises"]), *r["opens"][:5]]
    ]


def commands(
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
        "next-skills": (["match", "--next-skills", "-s", skill], next_skills),
    }


BUILT_IN = commands(
    "influencer", "social-media-manager", SEVEN_IDS, "analytics", "content creation"
)


ID_CHAR = "A-Za-z0-9_.-"


def _pattern(value: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![{ID_CHAR}]){re.escape(value)}(?![{ID_CHAR}])")


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
