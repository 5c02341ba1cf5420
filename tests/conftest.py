"""Fixtures only; what tests import (paths, ways to run `careers`, readers) is in helpers.py."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator

import pytest

from tests.helpers import (
    BASE_ENV,
    CACHE_DIR_VAR,
    CLEARED,
    CONFIG_DIR_VAR,
    SESSION_CACHE,
    SESSION_CONFIG,
)


@pytest.fixture(autouse=True)
def _clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Every test starts in the pinned environment, whatever the shell that ran pytest holds,
    with a cache folder and a config folder (for profiles) of its own: outside its tmp_path,
    which some tests expect to hold only what they put there, and never the user's."""
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv(CACHE_DIR_VAR, str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv(CONFIG_DIR_VAR, str(tmp_path_factory.mktemp("config")))
    yield
    # A command run in-process freezes what it allocated (`gc.freeze()`: right for a process
    # that ends with its command, not for the suite's): give it back to the collector, or
    # the cycles of every command (open SQLite files among them) would never be collected.
    gc.unfreeze()


@pytest.fixture(autouse=True, scope="session")
def _session_cache() -> Iterator[None]:
    """The session's cache and config folders (helpers.SESSION_CACHE, SESSION_CONFIG) go when
    the session ends."""
    yield
    shutil.rmtree(SESSION_CACHE, ignore_errors=True)
    shutil.rmtree(SESSION_CONFIG, ignore_errors=True)
