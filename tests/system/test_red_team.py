"""The standing red-team suite: what an attacker, a crash or bad luck can put in every path the
program reads, and what it must do then. Each case was once a hang, a lost update or a forged
answer; these keep them fixed.

- nothing blocks: a named pipe or a device wherever a store, a catalogue, a profile or a lock
  is looked for gives an answer or a clear error at once, TAB included;
- Ctrl-C ends any command with 130, and an interrupted build leaves no temporary file;
- a store is used only where nobody but the user can have written it;
- commands that write, run at once or on a full disk, lose nothing and leave nothing
  half-written.

Extreme terminal widths are in test_reliability.py (`TestTerminalSize`), ten profile updates at
once in test_profile.py, zip bombs in test_import_esco.py.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import random
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.generate_catalogue import generate
from careers_cli.catalogue.reading import parse_catalogue_json
from careers_cli.index import cache, cache_build, cache_files
from careers_cli.index.compiler import filling
from careers_cli.userfiles import profile
from tests.helpers import (
    CAREERS_SCRIPT,
    DATA,
    Run,
    run_command,
    run_installed,
    settled,
    settled_copy,
    terminal_env,
    write_catalogue,
)
from tests.support import shell
from tests.support.background_build import background_env, lock_of, wait_for_store
from tests.support.import_esco import SAMPLE

REAL_TITLE = "Social Media Influencer"

AT_ONCE = 10.0
"""Seconds within which a command that must not wait has answered, on a loaded machine (it
takes well under one; a hang would take forever)."""


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[Run, float]:
    started = time.monotonic()
    run = run_installed(args, env)
    return run, time.monotonic() - started


def complete(line: str, **extra: str) -> tuple[Run, float]:
    """Ask the installed script for candidates, as the bash script does on TAB."""
    started = time.monotonic()
    run = shell.complete("bash", line, **extra)
    return run, time.monotonic() - started


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A catalogue of the user's (the built-in one, copied and settled)."""
    (tmp_path / "mine").mkdir()
    return settled_copy(tmp_path / "mine")


def pipe_at(path: Path) -> Path:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


class TestNothingBlocks:
    def test_a_pipe_in_place_of_a_store_is_ignored_then_replaced(self, catalogue: Path) -> None:
        store = pipe_at(cache.store_path_for(catalogue))
        run, took = timed(["list", "--data", str(catalogue), "--format", "json"])
        assert took < AT_ONCE
        assert (run.exit_code, run.stderr) == (0, "")
        assert len(json.loads(run.stdout)) == 7
        assert stat.S_ISREG(os.lstat(store).st_mode)  # rebuilt over it

    def test_tab_with_a_pipe_in_place_of_a_store_still_completes(self, catalogue: Path) -> None:
        pipe_at(cache.store_path_for(catalogue))
        run, took = complete(f"careers show --data {catalogue} infl")
        assert took < AT_ONCE
        assert (run.exit_code, run.stdout, run.stderr) == (0, "influencer\n", "")

    @pytest.mark.parametrize("how", ["option", "environment"])
    def test_a_pipe_as_the_catalogue_is_refused_at_once(self, tmp_path: Path, how: str) -> None:
        fifo = pipe_at(tmp_path / "careers.json")
        args, env = ["list"], terminal_env()
        if how == "option":
            args += ["--data", str(fifo)]
        else:
            env["CAREERS_DATA"] = str(fifo)
        started = time.monotonic()
        run = run_command([str(CAREERS_SCRIPT), *args], env)
        assert time.monotonic() - started < AT_ONCE
        assert (run.exit_code, run.stdout) == (3, "")
        assert run.stderr == (
            f"error: {fifo}: not a regular file (a pipe, a device or a socket); save the "
            "catalogue to a file and give that file's path\n"
        )

    @pytest.mark.parametrize("how", ["option", "environment"])
    def test_tab_with_a_pipe_as_the_catalogue_answers_nothing_at_once(
        self, tmp_path: Path, how: str
    ) -> None:
        fifo = pipe_at(tmp_path / "careers.json")
        if how == "option":
            run, took = complete(f"careers show --data {fifo} infl")
        else:
            run, took = complete("careers show infl", CAREERS_DATA=str(fifo))
        assert took < AT_ONCE
        assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")

    def test_a_device_as_the_catalogue_is_refused_without_reading_it(self) -> None:
        run, took = timed(["list", "--data", "/dev/zero"])
        assert took < AT_ONCE  # not 256 MB of zeros read first
        assert run.exit_code == 3
        assert run.stderr.startswith("error: /dev/zero: not a regular file")

    @pytest.mark.parametrize("args", [["profile", "list"], ["profile", "add", "analytics"]])
    def test_a_pipe_as_the_profile_is_an_invalid_profile_at_once(
        self, catalogue: Path, args: list[str]
    ) -> None:
        fifo = pipe_at(profile.profile_path(DATA, bundled=True))
        run, took = timed(args)
        assert took < AT_ONCE
        assert (run.exit_code, run.stdout) == (3, "")
        assert run.stderr.splitlines() == [
            f"error: your profile {fifo} is not a regular file (a pipe, a device or a "
            "socket); it was left as it is",
            "correct it, delete it, or start afresh with 'careers profile clear --force'",
        ]
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        cleared = run_installed(["profile", "clear", "--force"])
        assert cleared.exit_code == 0
        assert not os.path.lexists(fifo)

    def test_a_pipe_as_an_esco_download_or_one_of_its_files_is_refused_at_once(
        self, tmp_path: Path
    ) -> None:
        fifo = pipe_at(tmp_path / "esco.zip")
        run, took = timed(["import", "esco", str(fifo), "-o", str(tmp_path / "out.json")])
        assert took < AT_ONCE
        assert run.exit_code == 3
        assert run.stderr.startswith(f"error: {fifo}: is neither a folder nor a zip file")
        folder = tmp_path / "download"
        folder.mkdir()
        for name in ("skills_en.csv", "occupationSkillRelations_en.csv"):
            (folder / name).write_bytes((SAMPLE / name).read_bytes())
        pipe_at(folder / "occupations_en.csv")
        run, took = timed(["import", "esco", str(folder), "-o", str(tmp_path / "out.json")])
        assert took < AT_ONCE
        assert run.exit_code == 3
        assert run.stderr == (
            f"error: {folder / 'occupations_en.csv'}: cannot be read "
            "(not a regular file (a named pipe))\n"
        )
        assert not (tmp_path / "out.json").exists()

    def test_a_pipe_in_place_of_a_build_lock_is_replaced(
        self, catalogue: Path, tmp_path: Path
    ) -> None:
        cache_dir = Path(os.environ["CAREERS_CACHE_DIR"])
        lock = pipe_at(lock_of(cache.store_path_for(catalogue)))
        run = run_command(
            [str(CAREERS_SCRIPT), "list", "--data", str(catalogue)], background_env(cache_dir)
        )
        assert (run.exit_code, run.stderr) == (0, "")
        wait_for_store(catalogue)
        assert stat.S_ISREG(os.lstat(lock).st_mode)
        assert cache.is_fresh(cache.store_path_for(catalogue), catalogue)


@contextmanager
def profiles_locked() -> Iterator[None]:
    """Hold the lock `careers profile add` takes, as another command would."""
    folder = profile.profile_path(DATA, bundled=True).parent
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def interrupt_after(args: list[str], seconds: float, env: dict[str, str] | None = None) -> int:
    """Start the installed script, send it SIGINT (what Ctrl-C sends) after `seconds`, and
    return its exit status (it must end within `AT_ONCE` of the signal)."""
    process = subprocess.Popen(
        [str(CAREERS_SCRIPT), *args],
        env=env or terminal_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(seconds)
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=AT_ONCE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise AssertionError(f"{args} did not end on SIGINT") from None


@pytest.fixture(scope="module")
def big_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue whose store takes a second or more to compile."""
    path = tmp_path_factory.mktemp("big") / "careers.json"
    write_catalogue(path, generate(4000))
    settled(path)
    return path


class TestCtrlC:
    def test_ends_a_command_waiting_for_the_profile_with_130_and_changes_nothing(self) -> None:
        with profiles_locked():
            status = interrupt_after(["profile", "add", "analytics"], 2.0)
        assert status == 130
        assert not profile.profile_path(DATA, bundled=True).exists()

    def test_at_random_points_of_a_build_leaves_no_temporary_file(
        self, big_catalogue: Path
    ) -> None:
        cache_dir = Path(os.environ["CAREERS_CACHE_DIR"])
        store = cache.store_path_for(big_catalogue)
        chooser = random.Random(31)
        statuses = []
        for _ in range(5):
            store.unlink(missing_ok=True)
            status = interrupt_after(
                ["cache", "build", "--data", str(big_catalogue)], chooser.uniform(0.2, 2.0)
            )
            statuses.append(status)
            assert status in (0, 130)
            assert [p.name for p in cache_dir.iterdir() if p.name.endswith(".tmp")] == []
            assert not store.exists() or cache.is_fresh(store, big_catalogue)
        assert 130 in statuses  # at least one was interrupted while it built


def forge_store(real: Path, title: str) -> Path:
    """Write, where the store of `real` is looked for, a store that matches `real`'s stamp but
    holds another title for the influencer: what another user with write access to the cache
    folder could plant."""
    data = parse_catalogue_json(real.read_bytes(), real).data
    [influencer] = [career for career in data["careers"] if career["id"] == "influencer"]
    influencer["title"]["en"] = title
    store = cache.store_path_for(real)
    content_sha256 = hashlib.sha256(real.read_bytes()).hexdigest()
    assert cache_build.build_atomically(
        store, cache.stamp_of(real), content_sha256, time.time_ns(), filling(data, None)
    )
    return store


class TestForeignCaches:
    def test_a_store_planted_in_a_group_writable_cache_is_not_used(
        self, catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        shared = tmp_path / "shared cache"
        shared.mkdir(mode=0o700)
        env = terminal_env(CAREERS_CACHE_DIR=str(shared))
        monkeypatch.setenv("CAREERS_CACHE_DIR", str(shared))  # for forge_store, here
        store = forge_store(catalogue, "Forged Title")
        show = ["show", "influencer", "--data", str(catalogue), "--format", "json"]
        planted = run_command([str(CAREERS_SCRIPT), *show], env)
        assert json.loads(planted.stdout)["title"]["en"] == "Forged Title"  # trusted: 0700
        os.chmod(shared, 0o770)
        run = run_command([str(CAREERS_SCRIPT), *show, "--debug"], env)
        assert run.exit_code == 0
        assert json.loads(run.stdout)["title"]["en"] == REAL_TITLE
        assert f"debug: cache directory {shared} is writable by group or others: not used" in (
            run.stderr.splitlines()
        )
        listed = run_command([str(CAREERS_SCRIPT), "cache"], env).stdout.splitlines()
        assert listed[1].startswith(f"the cache directory {shared} is not yours alone")
        assert listed[2].split()[2:] == ["untrusted", str(catalogue)]
        [info] = json.loads(run_command([str(CAREERS_SCRIPT), "cache", "-f", "json"], env).stdout)
        assert (info["store"], info["trusted"], info["fresh"]) == (str(store), False, False)
        built = run_command([str(CAREERS_SCRIPT), "cache", "build", "--data", str(catalogue)], env)
        assert built.exit_code == 74
        assert built.stderr.startswith(f"error: the cache directory {shared} is not yours alone")

    def test_a_store_writable_by_others_is_not_used(self, catalogue: Path) -> None:
        store = forge_store(catalogue, "Forged Title")
        os.chmod(store, 0o666)
        run, _ = timed(["show", "influencer", "--data", str(catalogue), "-f", "json", "--debug"])
        assert json.loads(run.stdout)["title"]["en"] == REAL_TITLE
        assert f"debug: store {store} is writable by group or others: not used" in (
            run.stderr.splitlines()
        )

    @pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
    def test_a_store_owned_by_another_user_is_not_used(self, catalogue: Path) -> None:
        store = forge_store(catalogue, "Forged Title")
        os.chown(store, 65534, 65534)
        run, _ = timed(["show", "influencer", "--data", str(catalogue), "-f", "json", "--debug"])
        assert json.loads(run.stdout)["title"]["en"] == REAL_TITLE
        assert f"debug: store {store} belongs to another user (uid 65534): not used" in (
            run.stderr.splitlines()
        )


class TestWritersAtOnce:
    def test_builds_and_clears_at_once_leave_only_whole_stores(self, big_catalogue: Path) -> None:
        cache_dir = Path(os.environ["CAREERS_CACHE_DIR"])
        commands = [["cache", "build", "--data", str(big_catalogue)]] * 3 + [["cache", "clear"]] * 2
        processes = [
            subprocess.Popen(
                [str(CAREERS_SCRIPT), *args],
                env=terminal_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for args in commands
        ]
        outputs = [process.communicate(timeout=120) for process in processes]
        statuses = [process.returncode for process in processes]
        assert statuses == [0] * len(commands), outputs
        assert [p.name for p in cache_dir.iterdir() if p.name.endswith(".tmp")] == []
        for info in cache_files.list_stores():
            assert info.fresh

    def test_clear_waits_for_a_build_in_the_background_and_nothing_comes_back(
        self, big_catalogue: Path
    ) -> None:
        cache_dir = Path(os.environ["CAREERS_CACHE_DIR"])
        env = background_env(cache_dir)
        answered = run_command([str(CAREERS_SCRIPT), "list", "--data", str(big_catalogue)], env)
        assert answered.exit_code == 0
        # The build holds its lock from before the command answered: clear waits for it (and
        # says so, unless it had just ended), then removes the store it wrote.
        cleared = run_command([str(CAREERS_SCRIPT), "cache", "clear"], env)
        assert cleared.exit_code == 0
        assert cleared.stderr in ("", "waiting for the compilation of a store to finish…\n")
        assert cleared.stdout.startswith("Removed 1 store (")
        time.sleep(0.5)
        assert sorted(p.name for p in cache_dir.iterdir()) == []


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a file system with no space left (a small tmpfs, filled)."""
    mount = tmp_path / "full"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    try:
        (mount / "config").mkdir()
        (mount / "cache").mkdir(mode=0o700)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as stream:
        try:
            while stream.write(b"x" * 4096):
                pass
        except OSError:  # no space left: what the test wants
            pass


class TestFullDisk:
    def test_a_full_cache_is_no_error_and_keeps_no_part_of_a_store(
        self, catalogue: Path, full_disk: Path
    ) -> None:
        fill(full_disk)
        env = terminal_env(CAREERS_CACHE_DIR=str(full_disk / "cache"))
        args = [str(CAREERS_SCRIPT), "list", "--data", str(catalogue), "-f", "json", "--debug"]
        run = run_command(args, env)
        assert run.exit_code == 0
        assert len(json.loads(run.stdout)) == 7
        assert run.stderr.rstrip().endswith("could not be built: database or disk is full")
        assert os.listdir(full_disk / "cache") == []

    def test_a_full_disk_changes_no_profile(self, full_disk: Path) -> None:
        env = terminal_env(CAREERS_CONFIG_DIR=str(full_disk / "config"))
        added = run_command([str(CAREERS_SCRIPT), "profile", "add", "analytics"], env)
        assert added.exit_code == 0
        saved = list((full_disk / "config").rglob("*.json"))
        before = [path.read_bytes() for path in saved]
        fill(full_disk)
        run = run_command([str(CAREERS_SCRIPT), "profile", "add", "copywriting"], env)
        assert run.exit_code == 74
        assert run.stderr.startswith("error: cannot write your profile ")
        assert run.stderr.rstrip().endswith("(No space left on device); nothing was changed")
        assert [path.read_bytes() for path in saved] == before
        assert sorted(p.name for p in saved[0].parent.iterdir()) == [saved[0].name]

    def test_an_import_onto_a_full_disk_writes_nothing(self, full_disk: Path) -> None:
        fill(full_disk)
        output = full_disk / "esco.json"
        run, _ = timed(["import", "esco", str(SAMPLE), "-o", str(output)])
        assert run.exit_code == 74
        assert "No space left on device" in run.stderr
        assert sorted(p.name for p in full_disk.iterdir()) == ["cache", "config", "filler"]
