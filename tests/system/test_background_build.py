"""A store compiled in the background: the first command after a catalogue changed answers from
the file, as quickly as `validate` reads it, and a process of its own compiles the store.

These run the installed `careers` with `CAREERS_CACHE_BUILD` unset (the default, background);
the rest of the suite compiles in the foreground so that a store is there after one command.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from benchmarks.generate_catalogue import generate
from careers_cli.index import cache as cache
from tests.helpers import (
    CAREERS_SCRIPT,
    Run,
    imported_esco_sample,
    run_command,
    settled,
    write_catalogue,
)
from tests.support.background_build import env_for, is_locked, lock_of

BUILD_SECONDS = 60
"""How long a background build may take on a loaded machine before a test gives up on it."""


def careers(args: Sequence[str], env: dict[str, str]) -> Run:
    return run_command([str(CAREERS_SCRIPT), *args], env)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + BUILD_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"no {what} after {BUILD_SECONDS} s"
        time.sleep(0.05)


def store_of(catalogue: Path, cache_dir: Path) -> Path:
    name = cache.store_path_for(catalogue).name
    return cache_dir / name


@pytest.fixture
def esco(tmp_path: Path) -> Path:
    return imported_esco_sample(tmp_path)


def test_the_first_run_answers_and_a_process_compiles_the_store(esco: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "background-cache"
    env = env_for(cache_dir)
    args = ["show", "accounting-analyst", "--data", str(esco)]
    from_file = careers([*args, "--no-cache"], env)
    first = careers([*args, "--debug"], env)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == from_file.stdout
    debug = first.stderr.splitlines()
    assert any("compiling" in line and "in the background (process" in line for line in debug)
    store = store_of(esco, cache_dir)
    wait_for(lambda: store.exists() and not is_locked(lock_of(store)), "store")
    second = careers([*args, "--debug"], env)
    assert second.stdout == from_file.stdout
    assert "compiling" not in second.stderr  # answered from the store
    assert second.stderr == ""  # --debug says nothing when the store is used


def test_the_pipe_ends_when_the_command_does_not_when_the_build_does(tmp_path: Path) -> None:
    """A reader of the command's output (`| head`, a script) gets its end of file as soon as
    the command is done, while the store is still being compiled."""
    big = write_catalogue(tmp_path / "careers-3000.json", generate(3000))
    settled(big)
    cache_dir = tmp_path / "pipe-cache"
    started = time.monotonic()
    process = subprocess.Popen(
        [str(CAREERS_SCRIPT), "list", "--data", str(big), "-n", "3"],
        env=env_for(cache_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = process.communicate(timeout=120)  # to the end of both pipes
    answered = time.monotonic() - started
    store = store_of(big, cache_dir)
    building = is_locked(lock_of(store))
    assert process.returncode == 0, err
    assert out.decode().splitlines()[0].split() == ["id", "career", "skills"]
    assert building, f"the build had ended when the pipe did ({answered:.2f} s)"
    wait_for(lambda: not is_locked(lock_of(store)), "end of the build")
    assert store.exists()


def test_two_first_runs_at_once_both_answer_and_leave_one_store(esco: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "two-cache"
    env = env_for(cache_dir)
    args = [str(CAREERS_SCRIPT), "list", "--data", str(esco), "-f", "json", "-n", "all"]
    processes = [
        subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0, 0]
    assert outputs[0][0] == outputs[1][0]
    store = store_of(esco, cache_dir)
    wait_for(lambda: store.exists() and not is_locked(lock_of(store)), "store")
    stores = [p for p in cache_dir.iterdir() if p.name.endswith(cache.STORE_SUFFIX)]
    assert stores == [store]
    again = careers(["list", "--data", str(esco), "-f", "json", "-n", "all", "--debug"], env)
    assert again.stdout.encode() == outputs[0][0]
    assert again.stderr == ""


def test_a_cache_directory_that_cannot_be_made_is_no_error(esco: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = env_for(blocker / "cache")
    run = careers(["show", "accounting-analyst", "--data", str(esco)], env)
    assert run.exit_code == 0
    assert run.stderr == ""
    assert run.stdout.startswith("accounting analyst  accounting-analyst\n")
    debug = careers(["show", "accounting-analyst", "--data", str(esco), "--debug"], env)
    assert "is not writable" in debug.stderr


def test_an_invalid_catalogue_starts_no_build(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "careers": []}', encoding="utf-8")
    cache_dir = tmp_path / "bad-cache"
    run = careers(["list", "--data", str(bad)], env_for(cache_dir))
    assert run.exit_code == 3
    assert run.stderr.startswith("error: ")
    time.sleep(0.5)  # a build, had one started, would have made the folder by now
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_a_planted_lock_is_replaced(esco: Path, tmp_path: Path) -> None:
    """A symlink planted where the lock goes is not followed: it is replaced by a lock file."""
    cache_dir = tmp_path / "planted-cache"
    cache_dir.mkdir()
    target = tmp_path / "elsewhere"
    target.write_text("keep me")
    store = store_of(esco, cache_dir)
    lock_of(store).symlink_to(target)
    run = careers(["list", "--data", str(esco), "-n", "2"], env_for(cache_dir))
    assert run.exit_code == 0, run.stderr
    wait_for(lambda: store.exists() and not is_locked(lock_of(store)), "store")
    assert target.read_text() == "keep me"
    assert not lock_of(store).is_symlink()


def test_clear_removes_the_lock_files(esco: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "clear-cache"
    env = env_for(cache_dir)
    assert careers(["list", "--data", str(esco)], env).exit_code == 0
    store = store_of(esco, cache_dir)
    wait_for(lambda: store.exists() and not is_locked(lock_of(store)), "store")
    assert lock_of(store).exists()
    cleared = careers(["cache", "clear"], env)
    assert cleared.exit_code == 0, cleared.stderr
    assert list(cache_dir.iterdir()) == []
