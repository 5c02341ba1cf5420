"""Loading a catalogue file: where it comes from, and every way it can be wrong."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_installed
from tests.support.loader import refusal


class TestJsonSyntax:
    """Files that are not strict JSON: the error gives path:LINE:COLUMN."""

    def test_deep_nesting_in_the_installed_script(self, tmp_path: Path) -> None:
        """The real `careers` process survives deep nesting too (its own stack, no runner)."""
        path = tmp_path / "careers.json"
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        run = run_installed(["list", "--data", str(path)], cwd=tmp_path)
        assert refusal(run) == f"error: {path}: JSON is nested too deeply"
