"""Loading a catalogue file: where it comes from, and every way it can be wrong."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import (
    catalogue_json,
    run_installed,
)
from tests.support.loader import BASE, line_and_column, refusal


class TestJsonSyntax:
    """Files that are not strict JSON: the error gives path:LINE:COLUMN."""

    @staticmethod
    def _with_constant(tmp_path: Path, constant: str) -> tuple[Path, int, int]:
        text = catalogue_json(BASE)
        anchor = '"id": "influencer",'
        text = text.replace(anchor, f'"id": "influencer", "score": {constant},', 1)
        line, column = line_and_column(text, constant)
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        return path, line, column

    def test_deep_nesting_in_the_installed_script(self, tmp_path: Path) -> None:
        """The real `careers` process survives deep nesting too (its own stack, no runner)."""
        path = tmp_path / "careers.json"
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        run = run_installed(["list", "--data", str(path)], cwd=tmp_path)
        assert refusal(run) == f"error: {path}: JSON is nested too deeply"
