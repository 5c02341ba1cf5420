"""The compiled store: one set of answers with and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from careers_cli.index import cache as cache
from tests.helpers import (
    run_installed,
)
from tests.support.store import CACHE_DIR, cache_in_tmp, format_2_alone, seen, store_in


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_in_tmp(tmp_path, monkeypatch)


class TestCompletionUsesTheStore:
    @pytest.mark.parametrize("shell", ["bash", "zsh"])
    def test_the_installed_script_answers_the_same(self, shell: str, tmp_path: Path) -> None:
        path = format_2_alone(tmp_path)
        env = {CACHE_DIR: str(tmp_path / "cache"), "_CAREERS_COMPLETE": shell}
        line = f"careers show --data {path} "
        expected = run_installed([], {**env, "_CAREERS_COMPLETE_LINE": line + "--no-cache v"})
        assert expected.stdout.split("\n")[0].split("\t")[0] == "video-blogger", expected
        assert not (tmp_path / "cache").exists()
        for _ in range(2):
            run = run_installed([], {**env, "_CAREERS_COMPLETE_LINE": line + "v"})
            assert seen(run) == seen(expected)
        store_in(tmp_path / "cache")
