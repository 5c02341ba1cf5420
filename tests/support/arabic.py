"""What the arabic tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import arabic_reshaper
from bidi import get_display

from tests.helpers import Run, invoke, raw_career

# Unshaped (logical) Arabic letters, and the presentation forms that shaping produces.
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


career = raw_career


def squeeze(text: str) -> str:
    """Text with every run of white space made one space: wrapped prose reads as one line."""
    return " ".join(text.split())


def expected_visual(logical: str) -> str:
    """What a terminal without bidi support must receive for one logical line, as python-bidi
    orders it (brackets left as it leaves them: see `assert_visual`)."""
    return str(get_display(arabic_reshaper.reshape(logical), base_dir="R"))


ONE_BRACKET = str.maketrans({")": "(", "]": "[", "}": "{", "»": "«"})
"""Both brackets of a pair as one character: for comparing orders whatever the mirroring."""


PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»"}


def reads_in_order(visual: str) -> bool:
    """Whether every bracket pair of a line opens before it closes, read from the left (as a
    right-to-left line shows `(ESCO)`, never `)ESCO(`)."""
    for opening, closing in PAIRS.items():
        depth = 0
        for char in visual:
            depth += (char == opening) - (char == closing)
            if depth < 0:
                return False
    return True


def assert_visual(shown: str, logical: str) -> None:
    """`shown` is `logical` reordered as python-bidi orders it, with the brackets a
    right-to-left run reversed mirrored back (rule L4 of the bidirectional algorithm)."""
    expected = expected_visual(logical)
    assert shown.translate(ONE_BRACKET) == expected.translate(ONE_BRACKET), (shown, expected)
    if reads_in_order(logical):
        assert reads_in_order(shown), shown


WIDE = {"COLUMNS": "400"}  # nothing wraps: catalogue text can be found verbatim


def run_ok(args: Sequence[str], env: dict[str, str] | None = None) -> Run:
    run = invoke(args, env)
    assert run.exit_code == 0, run.stderr
    return run


def latin_words(text: str) -> set[str]:
    return {w.rstrip(".:/-") for w in re.findall(r"[A-Za-z][A-Za-z0-9._:/-]*", text)}
