"""What the bounds tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import invoke, raw_catalogue, settled, write_catalogue

LIMIT = 20
"""The documented default of `list`."""


SKILL_LIMIT = 25
"""The documented default of `skills`."""


COMPARE_DEFAULT = 30
"""The documented number of skill rows `compare` shows by default."""


CAREERS = 64


SKILLS = 70


def big_catalogue() -> dict[str, Any]:
    """The built-in catalogue with 64 careers (copies of the influencer, each also needing
    analytics) and 70 skills."""
    data = raw_catalogue()
    influencer = next(c for c in data["careers"] if c["id"] == "influencer")
    extra = CAREERS - len(data["careers"])
    for n in range(extra):
        copy = json.loads(json.dumps(influencer))
        copy["id"] = f"influencer-{n:02d}"
        copy["title"] = {"en": f"Influencer {n:02d}", "ar": f"مؤثر {n:02d}"}
        copy.pop("alt_titles", None)
        copy["required_skills"].append(
            {"text": {"en": "Analytics.", "ar": "التحليل."}, "skills": ["analytics"]}
        )
        data["careers"].append(copy)
    have = len(data["skills"])
    data["skills"] += [
        {"id": f"zz-skill-{n:02d}", "label": {"en": f"Skill {n:02d}", "ar": f"مهارة {n:02d}"}}
        for n in range(SKILLS - have)
    ]
    return data


def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The big catalogue, written once for a module and checked valid."""
    folder = tmp_path_factory.mktemp("big")
    path = write_catalogue(folder / "big.json", big_catalogue())
    settled(path)
    run = invoke(["validate", str(path)])
    assert run.exit_code == 0, run.stderr
    return path
