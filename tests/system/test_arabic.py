"""Arabic as a first-class language: `--lang ar`, Arabic search, and right-to-left display."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

import pytest

from tests.helpers import BASE_ENV, REPO
from tests.support.arabic import ARABIC_LETTER, PRESENTATION_FORM


def imported_modules(args: Sequence[str], env: dict[str, str] | None = None) -> set[str]:
    """Top-level modules `python -X importtime -m careers_cli ARGS` imports."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
    full_env.update(BASE_ENV)
    full_env.update(env or {})
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "careers_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "influencer" in completed.stdout  # the career was shown
    assert ARABIC_LETTER.search(completed.stdout) or PRESENTATION_FORM.search(completed.stdout)
    names = [
        line.rsplit("|", 1)[1].strip()
        for line in completed.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    assert "careers_cli.app.answering" in names  # the import lines were read
    return {name.split(".")[0] for name in names}


def test_logical_mode_does_not_import_the_visual_libraries() -> None:
    modules = imported_modules(["show", "influencer", "--lang", "ar"])
    assert "arabic_reshaper" not in modules
    assert "bidi" not in modules


@pytest.mark.parametrize("visual_env", [False, True], ids=["option", "environment"])
def test_visual_mode_imports_the_visual_libraries(visual_env: bool) -> None:
    args = ["show", "influencer", "--lang", "ar"]
    if visual_env:
        modules = imported_modules(args, {"CAREERS_RTL": "visual"})
    else:
        modules = imported_modules([*args, "--rtl", "visual"])
    assert "arabic_reshaper" in modules
    assert "bidi" in modules
