"""Fixtures only; what tests import (paths, ways to run `careers`, readers) is in helpers.py."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.helpers import BASE_ENV, CACHE_DIR_VAR, CLEARED, SESSION_CACHE


@pytest.fixture(autouse=True)
def _clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Every test starts in the pinned environment, whatever the shell that ran pytest holds,
    with a cache folder of its own: outside its tmp_path, which some tests expect to hold only
    what they put there, and never the user's."""
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv(CACHE_DIR_VAR, str(tmp_path_factory.mktemp("cache")))
    yield


@pytest.fixture(autouse=True, scope="session")
def _session_cache() -> Iterator[None]:
    """The session's cache folder (helpers.SESSION_CACHE) goes when the session ends."""
    yield
    shutil.rmtree(SESSION_CACHE, ignore_errors=True)
