"""What the docs tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import re

from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_section(heading: str) -> str:
    match = re.search(rf"^## {heading}\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
    assert match, f"README has no '## {heading}' section"
    return match.group(1)
