"""The skill profile: `careers profile add|remove|list|clear`, and `match` without --skill."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import (
    run_installed,
)
from tests.support.profile import CONFIG_VAR, config_of_its_own


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return config_of_its_own(tmp_path, monkeypatch)


class TestInstalledScript:
    def test_a_round_trip_in_subprocesses(self, tmp_path: Path) -> None:
        env = {CONFIG_VAR: str(tmp_path / "installed-config")}
        added = run_installed(["profile", "add", "analytics", "strategy"], env)
        assert (added.exit_code, added.stdout) == (0, "added 2 skills; your profile has 2 skills\n")
        match = run_installed(["match", "-n", "1", "-f", "csv"], env)
        assert match.exit_code == 0, match.stderr
        assert match.stdout.splitlines()[1].startswith("1,social-media-data-analyst,")
        assert match.stderr == (
            "using the 2 skills of your profile\n"
            "showing 1 of 3 careers; '--limit all' shows every one\n"
        )
        cleared = run_installed(["profile", "clear"], env)
        assert cleared.exit_code == 0
        assert os.listdir(tmp_path / "installed-config" / "profiles") == []
