"""What the hostile tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    Run,
    raw_catalogue,
    raw_controls,
    write_catalogue,
)

SGR = re.compile(r"\x1b\[[0-9;]*m")


def career(data: dict[str, Any], career_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["careers"] if c["id"] == career_id)
    return found


def skill(data: dict[str, Any], skill_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in data["skills"] if s["id"] == skill_id)
    return found


def ok(run: Run) -> Run:
    assert run.exit_code == 0, (run.exit_code, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr
    return run


MARKUP_TITLE = "[bold]x[/]"


UNBALANCED_TITLE = "a[/]b"


MARKUP_SKILL = "[red]Data[/red] analysis"


MARKUP_DESCRIPTION = "[link=https://evil.example]Click[/link] here :smile: now."


def markup_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = raw_catalogue()
    career(data, "influencer")["title"]["en"] = MARKUP_TITLE
    career(data, "digital-content-creator")["title"]["en"] = UNBALANCED_TITLE
    career(data, "influencer")["description"]["en"] = MARKUP_DESCRIPTION + " More text."
    skill(data, "analytics")["label"]["en"] = MARKUP_SKILL
    return write_catalogue(tmp_path_factory.mktemp("markup") / "careers.json", data)


TITLE_OSC = "Evil\x1b]0;pwned\x07Title"  # sets the window title


CLIPBOARD = "Clip\x1b]52;c;cHduZWQ=\x07board."  # OSC 52: writes the clipboard


CLEAR = " Wipe\x1b[2Jscreen\x1b[H."  # clears the screen


C1_LINE = "CSI\x9b31mred OSC\x9d0;t\x9c end"  # 8-bit CSI and OSC


MIXED_LINE = "abc\u202edcba\u202c \u2066iso\u2069 del\x7f nul\x00 cr\r bs\x08"


SKILL_LABEL = "Analy\x1b[5mtics"


ALIAS = "hidden\x1b[8malias"


TREND_TITLE = "Trend\x1b[?1049h"


TIP_TEXT = "Tip\x1bP+q\x1b\\ text\x1b[6n."


AR_TITLE = "مؤثر\x1b]0;pwned\x07\u202eاجتماعي"


PLATFORM = "Google\x1b[31m Analytics"


# The data's own sequences, none of which may appear verbatim in any output.
SEQUENCES = [
    "\x1b]0;pwned\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b[2J",
    "\x1b[H",
    "\x1b[5m",
    "\x1b[8m",
    "\x1b[?1049h",
    "\x1bP",
    "\x1b\\",
    "\x1b[6n",
    "\x1b[31m",  # the platform's; our own red only ever appears in error text on stderr
    "\x9b",
    "\x9d",
    "\x9c",
    "\u202e",
]


def hostile_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = raw_catalogue()
    influencer = career(data, "influencer")
    influencer["title"]["en"] = TITLE_OSC
    influencer["title"]["ar"] = AR_TITLE
    influencer["description"]["en"] = CLIPBOARD + CLEAR
    influencer["responsibilities"][0]["en"] = C1_LINE
    influencer["required_skills"][0]["text"]["en"] = MIXED_LINE
    skill(data, "analytics")["label"]["en"] = SKILL_LABEL
    skill(data, "analytics")["aliases"]["en"].append(ALIAS)
    trend = next(t for t in data["trends"] if "influencer" in t["careers"])
    trend["title"]["en"] = TREND_TITLE
    data["tips"][0]["text"]["en"] = TIP_TEXT
    platform = next(p for p in data["platforms"] if p["id"] == "google-analytics")
    platform["name"]["en"] = PLATFORM
    return write_catalogue(tmp_path_factory.mktemp("hostile") / "careers.json", data)


COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    "show": ["show", "influencer"],
    "show-ar": ["show", "influencer", "--lang", "ar"],
    "show-ar-visual": ["show", "influencer", "--lang", "ar", "--rtl", "visual"],
    "show-analyst": ["show", "social-media-data-analyst"],
    "compare": ["compare", "influencer", "social-media-data-analyst"],
    "match": ["match", "-s", "analytics", "-s", "content creation"],
    "skills": ["skills"],
    "trends": ["trends"],
    "tips": ["tips"],
    "csv": ["show", "influencer", "-f", "csv"],
    "markdown": ["show", "influencer", "-f", "markdown"],
    "markdown-list": ["list", "-f", "markdown"],
}


def assert_clear(run: Run) -> None:
    """A result or a clear message: exit 0, 1 or 2, no traceback, nothing raw."""
    assert run.exit_code in (0, 1, 2), (run.exit_code, run.stdout[-500:], run.stderr[-500:])
    assert "Traceback" not in run.stdout + run.stderr
    assert "unexpected error" not in run.stderr
    assert raw_controls(run.stdout + run.stderr) == set()
    if run.exit_code == 0:
        assert run.stdout.strip()
    else:
        first = run.stderr.splitlines()[0]
        assert first.startswith(("error: ", "Usage: ")), run.stderr
        assert len(first) <= 200, first  # a query is echoed at most 60 characters long


MIB = 1024 * 1024


def coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    """FORCE_COLOR=1 on an xterm, without the NO_COLOR that the pinned environment sets."""
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")


def assert_neutralised(text: str) -> None:
    for sequence in SEQUENCES:
        assert sequence not in text, repr(sequence)
    assert raw_controls(text) == set(), sorted(raw_controls(text))
