"""Format 2 as a person and a script meet it: texts in one language, alternative titles,
essential and optional skills, careers without responsibilities, format-1 files beside it."""

from __future__ import annotations

import json

from tests.helpers import run_installed
from tests.support.format_2 import FEATURES


def test_in_the_installed_script() -> None:
    result = run_installed(["show", "مدونة فيديو", "--data", str(FEATURES), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert (shown["id"], shown["title"]["ar"]) == ("video-blogger", "مدون فيديو / مدونة فيديو")
