"""The skill profile: `careers profile add|remove|list|clear`, and `match` without --skill."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import (
    invoke,
)
from tests.support.profile import CONFIG_VAR


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A configuration folder of the test's own (never the user's)."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_VAR, str(folder))
    yield folder


class TestAFolderThatCannotBeWritten:
    """Writing fails in one line with exit 74 and changes nothing; reading still works."""

    @pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
    def test_a_read_only_folder(self, config: Path) -> None:
        invoke(["profile", "add", "analytics"])
        folder = config / "profiles"
        folder.chmod(0o555)
        try:
            run = invoke(["profile", "add", "strategy"])
            assert run.exit_code == 74
            assert "Permission denied" in run.stderr
            assert invoke(["profile", "list", "-f", "csv"]).exit_code == 0
        finally:
            folder.chmod(0o755)
