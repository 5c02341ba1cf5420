"""The skill profile: `careers profile add|remove|list|clear`, and `match` without --skill."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import (
    CAREERS_SCRIPT,
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


TEN_SKILLS = [
    "analytics",
    "communication",
    "marketing",
    "creativity",
    "strategy",
    "reporting",
    "market-research",
    "budget-management",
    "crisis-management",
    "content-creation",
]


def run_at_once(commands: list[list[str]], env: dict[str, str]) -> None:
    """Start `careers profile COMMAND...` for each command at once; each must succeed."""
    running = [
        subprocess.Popen(
            [str(CAREERS_SCRIPT), "profile", *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for command in commands
    ]
    for process in running:
        _, errors = process.communicate(timeout=60)
        assert process.returncode == 0, errors


class TestConcurrentCommands:
    """The profile is read, changed and written under one lock: nothing is lost."""

    @pytest.mark.parametrize("trial", range(20))
    def test_ten_adds_at_once_keep_all_ten_skills(self, tmp_path: Path, trial: int) -> None:
        env = {
            **os.environ,
            CONFIG_VAR: str(tmp_path / "config"),
            "CAREERS_CACHE_DIR": str(tmp_path / "cache"),
        }
        run_at_once([["add", skill] for skill in TEN_SKILLS], env)
        listed = run_installed(["profile", "list", "-f", "json"], {CONFIG_VAR: env[CONFIG_VAR]})
        assert listed.exit_code == 0, listed.stderr
        kept = {skill["id"] for skill in json.loads(listed.stdout)}
        assert kept == set(TEN_SKILLS)

    @pytest.mark.parametrize("trial", range(3))
    def test_adds_and_removes_at_once_all_land(self, tmp_path: Path, trial: int) -> None:
        env = {
            **os.environ,
            CONFIG_VAR: str(tmp_path / "config"),
            "CAREERS_CACHE_DIR": str(tmp_path / "cache"),
        }
        leaving, coming = TEN_SKILLS[:5], TEN_SKILLS[5:]
        seeded = subprocess.run(
            [str(CAREERS_SCRIPT), "profile", "add", *leaving], env=env, capture_output=True
        )
        assert seeded.returncode == 0, seeded.stderr
        commands = [["remove", skill] for skill in leaving] + [["add", skill] for skill in coming]
        run_at_once(commands, env)
        listed = run_installed(["profile", "list", "-f", "json"], {CONFIG_VAR: env[CONFIG_VAR]})
        assert {skill["id"] for skill in json.loads(listed.stdout)} == set(coming)
