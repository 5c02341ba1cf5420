"""The cache of compiled catalogues: where stores live, when one is trusted, how one is built,
and `careers cache` / `careers cache clear`."""

from __future__ import annotations

import gc
import io
import json
import os
import sys
from pathlib import Path

import pytest

import careers_cli
from careers_cli.app.commands.cache import human_size
from careers_cli.index import cache, cache_build, cache_files
from careers_cli.index.memory import MemoryIndex
from tests.helpers import (
    invoke,
    settled,
    settled_copy,
)
from tests.support import cache as cache_support
from tests.support.background_build import is_locked, lock_of
from tests.support.cache import (
    build,
    is_trusted,
    make_catalogue,
    size_of,
)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cache_support.cache_dir(tmp_path, monkeypatch)


@pytest.fixture
def catalogue(tmp_path: Path, cache_dir: Path) -> Path:
    return cache_support.catalogue(tmp_path, cache_dir)


@pytest.fixture
def populated(tmp_path: Path, cache_dir: Path) -> dict[str, Path]:
    return cache_support.populated(tmp_path, cache_dir)


class TestCacheCommand:
    """`careers cache` lists the stores without loading any catalogue."""

    def test_no_stores(self, cache_dir: Path) -> None:
        run = invoke(["cache"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout == f"Compiled catalogues (stores) are kept in {cache_dir}\nno stores\n"

    def test_no_stores_in_arabic(self, cache_dir: Path) -> None:
        run = invoke(["cache", "--lang", "ar"])
        assert run.exit_code == 0
        assert run.stdout == f"تُحفظ الكتالوجات المُجمَّعة (المخازن) في {cache_dir}\nلا توجد مخازن\n"

    def test_one_line_per_store_and_a_total(
        self, populated: dict[str, Path], cache_dir: Path
    ) -> None:
        fresh_store = cache.store_path_for(populated["fresh"])
        stale_store = cache.store_path_for(populated["stale"])
        junk = populated["junk"]
        total = sum(size_of(path) for path in (fresh_store, stale_store, junk))
        run = invoke(["cache"])
        assert run.exit_code == 0
        lines = run.stdout.splitlines()
        assert lines[0] == f"Compiled catalogues (stores) are kept in {cache_dir}"
        # Each line: the size (a number and its unit), fresh or stale, where it comes from.
        assert [line.split(maxsplit=3) for line in lines[1:4]] == [
            [*human_size(size_of(stale_store)).split(), "stale", str(populated["stale"])],
            [*human_size(size_of(fresh_store)).split(), "fresh", str(populated["fresh"])],
            [*human_size(size_of(junk)).split(), "stale", f"{junk}: not a store of this program"],
        ]
        assert lines[4:] == [f"3 stores, {human_size(total)} in all"]

    def test_in_arabic(self, populated: dict[str, Path]) -> None:
        run = invoke(["--lang", "ar", "cache"])
        assert run.exit_code == 0
        lines = run.stdout.splitlines()
        assert lines[1].split()[2:] == ["قديم", str(populated["stale"])]
        assert lines[2].split()[2:] == ["محدَّث", str(populated["fresh"])]
        assert lines[3].endswith(": ليس مخزناً لهذا البرنامج")
        assert lines[4].startswith("3 مخازن، الحجم الكلي ")

    def test_json(self, populated: dict[str, Path]) -> None:
        run = invoke(["cache", "--format", "json"])
        assert run.exit_code == 0
        stale_store = cache.store_path_for(populated["stale"])
        version = careers_cli.__version__
        document = json.loads(run.stdout)
        assert [set(item) for item in document] == [
            {"store", "bytes", "catalogue", "fresh", "version"}
        ] * 3
        assert document[0] == {
            "store": str(stale_store),
            "bytes": size_of(stale_store),
            "catalogue": str(populated["stale"]),
            "fresh": False,
            "version": version,
        }
        assert [item["fresh"] for item in document] == [False, True, False]
        assert document[2] == {
            "store": str(populated["junk"]),
            "bytes": size_of(populated["junk"]),
            "catalogue": None,
            "fresh": False,
            "version": None,
        }

    def test_json_with_no_stores_is_an_empty_list(self, cache_dir: Path) -> None:
        run = invoke(["cache", "-f", "json"])
        assert (run.exit_code, json.loads(run.stdout)) == (0, [])

    def test_csv(self, catalogue: Path) -> None:
        assert build(catalogue)
        store = cache.store_path_for(catalogue)
        run = invoke(["cache", "-f", "csv"])
        assert run.stdout.splitlines() == [
            "store,bytes,catalogue,fresh,version",
            f"{store},{size_of(store)},{catalogue},true,{careers_cli.__version__}",
        ]

    def test_no_catalogue_is_loaded(self, tmp_path: Path, cache_dir: Path) -> None:
        broken = tmp_path / "broken.json"
        broken.write_text("{ not json")
        run = invoke(["cache"], env={"CAREERS_DATA": str(broken)})
        assert (run.exit_code, run.stderr) == (0, "")

    def test_a_wrong_format_is_a_usage_error(self, cache_dir: Path) -> None:
        run = invoke(["cache", "--format", "xml"])
        assert run.exit_code == 2
        assert run.stderr.splitlines() == [
            "error: --format / -f must be one of 'table', 'json', 'csv' or 'markdown' (got 'xml')",
            "try 'careers cache -h' for help",
        ]


class TestCacheClearCommand:
    def test_removes_the_stores(self, populated: dict[str, Path], cache_dir: Path) -> None:
        removed = [
            cache.store_path_for(populated["fresh"]),
            cache.store_path_for(populated["stale"]),
            populated["junk"],
            populated["old_tmp"],
        ]
        freed = human_size(sum(size_of(path) for path in removed))
        run = invoke(["cache", "clear"])
        assert (run.exit_code, run.stdout, run.stderr) == (0, f"Removed 4 stores ({freed})\n", "")
        assert not any(path.exists() for path in removed)
        assert (cache_dir / "notes.txt").exists()

    @pytest.mark.parametrize(
        "args", [["cache", "clear", "--lang", "ar"], ["cache", "--lang", "ar", "clear"]]
    )
    def test_in_arabic(self, catalogue: Path, args: list[str]) -> None:
        assert build(catalogue) and build(make_catalogue(catalogue.with_name("two.json")))
        run = invoke(args)
        assert run.exit_code == 0
        assert run.stdout.startswith("حُذف مخزنان (")
        assert cache_files.list_stores() == []

    def test_nothing_to_remove(self, cache_dir: Path) -> None:
        run = invoke(["cache", "clear"])
        assert (run.exit_code, run.stdout) == (0, "Removed 0 stores (0 B)\n")

    def test_a_file_that_cannot_be_removed_is_an_error(
        self, catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        assert build(catalogue)
        store = cache.store_path_for(catalogue)

        def refuse(path: str | Path) -> None:
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(os, "unlink", refuse)
        run = invoke(["cache", "clear"])
        assert run.exit_code == 74
        assert run.stderr == f"error: cannot remove {store} (Permission denied)\n"


class TestCacheBuildCommand:
    """`careers cache build` compiles a store now, in the foreground, and says where."""

    @pytest.fixture
    def user_catalogue(self, tmp_path: Path, cache_dir: Path) -> Path:
        (tmp_path / "mine").mkdir()
        return settled_copy(tmp_path / "mine")

    def test_compiles_and_says_where(self, user_catalogue: Path, cache_dir: Path) -> None:
        run = invoke(["cache", "build", "--data", str(user_catalogue)])
        store = cache.store_path_for(user_catalogue)
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout == f"Compiled {user_catalogue} into {store}\n"
        assert store.parent == cache_dir
        assert is_trusted(user_catalogue)
        listed = invoke(["cache"]).stdout.splitlines()
        assert listed[1].split()[2:] == ["fresh", str(user_catalogue)]

    def test_the_next_command_answers_from_the_store(self, user_catalogue: Path) -> None:
        assert invoke(["cache", "build", "--data", str(user_catalogue)]).exit_code == 0
        run = invoke(["show", "influencer", "--data", str(user_catalogue), "--debug"])
        assert run.exit_code == 0
        assert run.stderr == ""  # --debug would say it compiled one

    def test_an_up_to_date_store_is_kept(self, user_catalogue: Path) -> None:
        assert invoke(["cache", "build", "--data", str(user_catalogue)]).exit_code == 0
        store = cache.store_path_for(user_catalogue)
        before = store.stat()
        run = invoke(["cache", "build", "--data", str(user_catalogue)])
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout == f"The store of {user_catalogue} is up to date: {store}\n"
        assert (store.stat().st_ino, store.stat().st_mtime_ns) == (
            before.st_ino,
            before.st_mtime_ns,
        )

    def test_a_stale_store_is_compiled_again(self, user_catalogue: Path) -> None:
        assert invoke(["cache", "build", "--data", str(user_catalogue)]).exit_code == 0
        settled(user_catalogue)  # another modification time: the store is stale
        assert not is_trusted(user_catalogue)
        run = invoke(["cache", "build", "--data", str(user_catalogue)])
        assert run.stdout.startswith("Compiled ")
        assert is_trusted(user_catalogue)

    def test_the_catalogue_named_by_the_environment(
        self, user_catalogue: Path, cache_dir: Path
    ) -> None:
        run = invoke(["cache", "build"], env={"CAREERS_DATA": str(user_catalogue)})
        assert run.exit_code == 0
        assert is_trusted(user_catalogue)

    def test_in_arabic(self, user_catalogue: Path) -> None:
        run = invoke(["cache", "build", "--data", str(user_catalogue), "--lang", "ar"])
        store = cache.store_path_for(user_catalogue)
        assert run.exit_code == 0
        assert run.stdout == f"جُمِّع {user_catalogue} في {store}\n"

    def test_the_built_in_catalogue_needs_none(self, cache_dir: Path) -> None:
        run = invoke(["cache", "build"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout == "The built-in catalogue is read from its file: it needs no store\n"
        assert not cache_dir.exists()

    def test_an_invalid_catalogue_is_not_stored(self, tmp_path: Path, cache_dir: Path) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text('{"schema_version": 2, "careers": []}', encoding="utf-8")
        run = invoke(["cache", "build", "--data", str(bad)])
        assert (run.exit_code, run.stdout) == (3, "")
        assert run.stderr.startswith(f"error: {bad}: ")
        assert not cache_dir.exists() or cache_files.list_stores() == []

    def test_a_missing_catalogue(self, tmp_path: Path, cache_dir: Path) -> None:
        missing = tmp_path / "missing.json"
        run = invoke(["cache", "build", "--data", str(missing)])
        assert (run.exit_code, run.stdout) == (3, "")
        assert run.stderr == f"error: {missing}: no such file\n"

    def test_a_cache_folder_that_cannot_be_written_is_an_error(
        self, user_catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "a-file").write_text("not a folder\n")
        folder = tmp_path / "a-file" / "cache"
        monkeypatch.setenv("CAREERS_CACHE_DIR", str(folder))
        run = invoke(["cache", "build", "--data", str(user_catalogue)])
        store = cache.store_path_for(user_catalogue)
        assert (run.exit_code, run.stdout) == (74, "")
        assert run.stderr == f"error: cannot write the store {store} ({folder}: Not a directory)\n"


class TestBuiltInTheBackground:
    """The installed script with stores compiled in the background (the default)."""

    def test_it_starts_once_the_answer_is_written(
        self, tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "mine").mkdir()
        mine = settled_copy(tmp_path / "mine")
        monkeypatch.setenv("CAREERS_CACHE_BUILD", "background")
        written_before: list[bytes] = []

        def start(*args: object, **kwargs: object) -> int:
            # What the command read is let go of before the process shares its memory.
            assert not [o for o in gc.get_objects() if isinstance(o, MemoryIndex)]
            sys.stdout.flush()
            captured = sys.stdout.buffer  # CliRunner's
            assert isinstance(captured, io.BytesIO)
            written_before.append(captured.getvalue())
            return 4321

        monkeypatch.setattr(cache_build, "build_in_background", start)
        run = invoke(["show", "influencer", "--data", str(mine), "--debug"])
        assert run.exit_code == 0
        assert [answer.decode() for answer in written_before] == [run.stdout]
        assert (
            run.stdout == invoke(["show", "influencer", "--data", str(mine), "--no-cache"]).stdout
        )
        assert "in the background (process 4321)" in run.stderr

    def test_a_fork_that_fails_is_no_error(
        self, tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "mine").mkdir()
        mine = settled_copy(tmp_path / "mine")
        monkeypatch.setenv("CAREERS_CACHE_BUILD", "background")

        def fork() -> int:
            raise BlockingIOError(11, "Resource temporarily unavailable")

        monkeypatch.setattr(os, "fork", fork)
        quiet = invoke(["list", "--data", str(mine)])
        assert (quiet.exit_code, quiet.stderr) == (0, "")
        debug = invoke(["list", "--data", str(mine), "--debug"])
        assert debug.exit_code == 0
        assert "could not be compiled in the background: [Errno 11]" in debug.stderr
        assert not cache.store_path_for(mine).exists()
        assert not is_locked(lock_of(cache.store_path_for(mine)))
