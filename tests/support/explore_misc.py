"""What the explore misc tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import re

# A `match` heading: `1. social-media-data-analyst  score 1.20 · 1/1 · 50%` (in Arabic the
# word for score is الدرجة): rank, id, score and the rest.
MATCH_HEADING = re.compile(r"^(\d+)\. (\S+)  (?:score|الدرجة) (\d+\.\d\d) · (.+)$")


def match_headings(output: str) -> list[tuple[int, str, str]]:
    """Each career's rank, id and score, from the headings of `careers match`, in order."""
    found = (MATCH_HEADING.match(line.rstrip()) for line in output.splitlines())
    return [(int(m[1]), m[2], m[3]) for m in found if m]
