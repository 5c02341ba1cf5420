"""The skill profile: `careers profile add|remove|list|clear`, and `match` without --skill."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import (
    run_installed,
)
from tests.support.profile import CONFIG_VAR


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A configuration folder of the test's own (never the user's)."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_VAR, str(folder))
    yield folder


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
