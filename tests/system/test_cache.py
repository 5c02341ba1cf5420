"""The cache of compiled catalogues: where stores live, when one is trusted, how one is built,
and `careers cache` / `careers cache clear`."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from careers_cli.index import cache, cache_files
from tests.helpers import (
    CAREERS_SCRIPT,
    DATA,
    run_command,
    run_installed,
    settled_copy,
)
from tests.support import cache as cache_support
from tests.support.background_build import background_env, lock_of, wait_for_store
from tests.support.cache import build, is_trusted, trusted


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cache_support.cache_dir(tmp_path, monkeypatch)


@pytest.fixture
def catalogue(tmp_path: Path, cache_dir: Path) -> Path:
    return cache_support.catalogue(tmp_path, cache_dir)


class TestInstalledScript:
    """The `careers` script a user runs, in a subprocess with the test's cache folder."""

    def test_lists_the_stores_as_json(self, catalogue: Path) -> None:
        assert build(catalogue)
        run = run_installed(["cache", "-f", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        [item] = json.loads(run.stdout)
        assert (item["catalogue"], item["fresh"]) == (str(catalogue), True)

    def test_uses_the_tests_own_folder_never_the_users(self) -> None:
        run = run_installed(["cache"])
        folder = os.environ["CAREERS_CACHE_DIR"]
        assert run.stdout.splitlines()[0] == f"Compiled catalogues (stores) are kept in {folder}"
        assert not Path(folder).is_relative_to(Path.home() / ".cache")

    def test_clears_in_arabic(self, catalogue: Path) -> None:
        assert build(catalogue)
        run = run_installed(["cache", "clear", "--lang", "ar"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout.startswith("حُذف مخزن واحد (")
        assert cache_files.list_stores() == []

    def test_builds_a_store_the_next_run_answers_from(self, tmp_path: Path) -> None:
        (tmp_path / "mine").mkdir()
        mine = settled_copy(tmp_path / "mine")
        built = run_installed(["cache", "build", "--data", str(mine)])
        assert (built.exit_code, built.stderr) == (0, "")
        store = cache.store_path_for(mine)
        assert built.stdout == f"Compiled {mine} into {store}\n"
        listed = json.loads(run_installed(["cache", "-f", "json"]).stdout)
        assert [(item["store"], item["fresh"]) for item in listed] == [(str(store), True)]
        answered = run_installed(["list", "--data", str(mine), "--debug"])
        assert (answered.exit_code, answered.stderr) == (0, "")


class TestBuiltInTheBackground:
    """The installed script with stores compiled in the background (the default)."""

    def test_a_catalogue_written_just_before_is_trusted_by_its_stamp(
        self, tmp_path: Path, cache_dir: Path
    ) -> None:
        mine = tmp_path / "careers.json"
        shutil.copyfile(DATA, mine)  # modified now: within 2 s of the build
        run = run_command(
            [str(CAREERS_SCRIPT), "list", "--data", str(mine)], background_env(cache_dir)
        )
        assert (run.exit_code, run.stderr) == (0, "")
        wait_for_store(mine)

        def content() -> bytes:
            raise AssertionError("the catalogue was read to trust its store")

        with trusted(mine, content) as connection:
            assert connection is not None
        assert lock_of(cache.store_path_for(mine)).exists()  # compiled in the background

    def test_completion_starts_the_build_and_answers_from_the_file(
        self, tmp_path: Path, cache_dir: Path
    ) -> None:
        (tmp_path / "mine").mkdir()
        mine = settled_copy(tmp_path / "mine")
        line = f"careers show --data {mine} infl"
        env = background_env(cache_dir, _CAREERS_COMPLETE="bash", _CAREERS_COMPLETE_LINE=line)
        run = run_command([str(CAREERS_SCRIPT)], env)
        assert (run.exit_code, run.stdout, run.stderr) == (0, "influencer\n", "")
        wait_for_store(mine)
        assert is_trusted(mine)
        assert lock_of(cache.store_path_for(mine)).exists()  # compiled in the background
