"""Usage errors (exit 2) and help, as a person reads them, in English and wholly in Arabic."""

from __future__ import annotations

import re

import pytest

from tests.helpers import run_installed

HELP_PAGES = [
    [],
    ["list"],
    ["show"],
    ["compare"],
    ["match"],
    ["skills"],
    ["trends"],
    ["tips"],
    ["validate"],
    ["schema"],
]


class TestHelpWords:
    """Help names values in words a person reads: CAREER, SKILL, N, PATH, and the choices."""

    @pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "careers")
    def test_no_type_names_or_braces(self, command: list[str]) -> None:
        run = run_installed([*command, "--help"], {"COLUMNS": "120"})
        assert run.exit_code == 0
        assert not re.search(r"<(str|int|bool|list\[str\]|path)>", run.stdout), run.stdout
        assert "{" not in run.stdout

    @pytest.mark.parametrize(
        ("command", "usage"),
        [
            ("show", "Usage: careers show [OPTIONS] CAREER"),
            ("compare", "Usage: careers compare [OPTIONS] CAREER..."),
            ("validate", "Usage: careers validate [OPTIONS] PATH"),
        ],
    )
    def test_usage_lines(self, command: str, usage: str) -> None:
        run = run_installed([command, "--help"], {"COLUMNS": "120"})
        assert usage in run.stdout

    def test_match_names_its_values(self) -> None:
        text = run_installed(["match", "--help"], {"COLUMNS": "120"}).stdout
        assert re.search(r"--skill\s+-s\s+SKILL", text)
        assert re.search(r"--limit\s+-n\s+N\b", text)
        assert "[table|json|csv|csv-bom|markdown|html|svg]" in text
        assert "[en|ar]" in text
