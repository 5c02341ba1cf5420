"""The skill profile: `careers profile add|remove|list|clear`, and `match` without --skill."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import (
    invoke,
)
from tests.support.profile import config_of_its_own


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return config_of_its_own(tmp_path, monkeypatch)


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
