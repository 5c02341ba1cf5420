"""Background builds as the tests see them: the environment of a command that builds in the
background, and the lock a running build holds."""

from __future__ import annotations

import os
import time
from pathlib import Path

from careers_cli.index import cache
from careers_cli.userfiles.atomic import is_being_written
from tests.helpers import BASE_ENV, CLEARED


def env_for(cache_dir: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
    env.update(BASE_ENV)
    del env["CAREERS_CACHE_BUILD"]  # the default: in the background
    env.update({"CAREERS_CACHE_DIR": str(cache_dir), **more})
    return env


def lock_of(store: Path) -> Path:
    return cache.lock_path_for(store)


def is_locked(lock: Path) -> bool:
    """Whether a process holds the lock (a background build is running)."""
    return is_being_written(lock)


def background_env(cache_dir: Path, **more: str) -> dict[str, str]:
    """The environment of the installed script with stores compiled in the background (the
    default), its cache in `cache_dir`."""
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(BASE_ENV)
    del env["CAREERS_CACHE_BUILD"]
    return {**env, "CAREERS_CACHE_DIR": str(cache_dir), **more}


def wait_for_store(catalogue: Path) -> None:
    """Until the store of `catalogue` is there and no process is compiling it."""
    store = cache.store_path_for(catalogue)
    lock = lock_of(store)
    deadline = time.monotonic() + 60
    while not (store.exists() and not is_locked(lock)):
        assert time.monotonic() < deadline, "no store after 60 s"
        time.sleep(0.05)
