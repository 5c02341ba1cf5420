"""The cache of compiled catalogues: where stores live, when one is trusted, how one is built,
and `careers cache` / `careers cache clear`."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

import careers_cli
from careers_cli.app.commands.cache import human_size
from careers_cli.index import cache, cache_build, cache_files
from careers_cli.userfiles.atomic import is_being_written
from tests.helpers import (
    folder_snapshot,
)
from tests.support import cache as cache_support
from tests.support.cache import (
    OLD_NS,
    ROWS,
    build,
    is_trusted,
    make_catalogue,
    size_of,
    trusted,
    write_rows,
)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cache_support.cache_dir(tmp_path, monkeypatch)


@pytest.fixture
def catalogue(tmp_path: Path, cache_dir: Path) -> Path:
    return cache_support.catalogue(tmp_path, cache_dir)


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".sqlite.tmp"))


class TestWhereStoresLive:
    """One folder per user, chosen by $CAREERS_CACHE_DIR or the platform; never the
    catalogue's folder."""

    def test_the_environment_variable_names_the_folder(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("CAREERS_CACHE_DIR", str(tmp_path / "mine"))
        assert cache.cache_directory() == tmp_path / "mine"

    def test_a_relative_folder_is_made_absolute(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("CAREERS_CACHE_DIR", "relative")
        assert cache.cache_directory() == tmp_path / "relative"

    @pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux's")
    @pytest.mark.parametrize("variable", ["unset", "blank"])
    def test_otherwise_xdg_cache_home(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str
    ) -> None:
        if variable == "unset":
            monkeypatch.delenv("CAREERS_CACHE_DIR")
        else:
            monkeypatch.setenv("CAREERS_CACHE_DIR", "  ")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert cache.cache_directory() == tmp_path / "xdg" / "careers"

    @pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux's")
    def test_and_without_it_the_home_folders_cache(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("CAREERS_CACHE_DIR")
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        assert cache.cache_directory() == tmp_path / "home" / ".cache" / "careers"

    @pytest.mark.parametrize(
        ("value", "disabled"),
        [
            ("1", True),
            ("true", True),
            ("YES", True),
            (" On ", True),
            ("", False),
            ("0", False),
            ("no", False),
            ("off", False),
            ("false", False),
        ],
    )
    def test_caching_is_turned_off_by_a_true_word(
        self, monkeypatch: pytest.MonkeyPatch, value: str, disabled: bool
    ) -> None:
        monkeypatch.setenv("CAREERS_NO_CACHE", value)
        assert cache.caching_disabled() is disabled

    def test_caching_is_on_by_default(self) -> None:
        assert "CAREERS_NO_CACHE" not in os.environ
        assert cache.caching_disabled() is False

    def test_a_stamp_is_the_resolved_path_and_what_stat_says(
        self, catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(catalogue.parent)
        facts = os.stat(catalogue)
        assert cache.stamp_of(Path("careers.json")) == cache.Stamp(
            str(catalogue), facts.st_size, OLD_NS, facts.st_ino, facts.st_dev
        )

    def test_store_path_is_in_the_cache_folder_named_by_a_hash(
        self, catalogue: Path, cache_dir: Path
    ) -> None:
        store = cache.store_path_for(catalogue)
        assert store.parent == cache_dir
        expected = hashlib.sha256(str(catalogue).encode()).hexdigest()[:32]
        assert store.name == f"{expected}.sqlite"

    def test_store_path_is_stable_however_the_catalogue_is_named(
        self, catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        link = catalogue.parent.parent / "link.json"
        link.symlink_to(catalogue)
        monkeypatch.chdir(catalogue.parent)
        spellings = [
            catalogue,
            Path("careers.json"),
            catalogue.parent / ".." / "catalogues" / "careers.json",
            link,
        ]
        assert {cache.store_path_for(path) for path in spellings} == {
            cache.store_path_for(catalogue)
        }

    def test_each_catalogue_has_its_own_store(self, catalogue: Path) -> None:
        other = make_catalogue(catalogue.parent / "other.json")
        assert cache.store_path_for(catalogue) != cache.store_path_for(other)

    def test_a_path_that_is_not_utf8_has_a_store_too(self, tmp_path: Path, cache_dir: Path) -> None:
        odd = make_catalogue(tmp_path / os.fsdecode(b"caf\xe9.json"))
        assert build(odd)
        assert is_trusted(odd)
        assert [store.catalogue for store in cache_files.list_stores()] == [odd]


class TestTrustedStore:
    """A store just built from the catalogue on disk is trusted, read-only, with its data."""

    def test_it_gives_what_fill_wrote(self, catalogue: Path) -> None:
        assert build(catalogue)
        with trusted(catalogue) as connection:
            assert connection is not None
            assert connection.execute("SELECT id, text FROM careers ORDER BY id").fetchall() == ROWS

    def test_its_connection_cannot_write(self, catalogue: Path) -> None:
        assert build(catalogue)
        with trusted(catalogue) as connection:
            assert connection is not None
            assert connection.execute("PRAGMA query_only").fetchone() == (1,)
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                connection.execute("DELETE FROM careers")

    def test_building_writes_nothing_beside_the_catalogue(self, catalogue: Path) -> None:
        before = folder_snapshot(catalogue.parent)
        assert build(catalogue)
        assert is_trusted(catalogue)
        assert folder_snapshot(catalogue.parent) == before

    def test_the_cache_folder_is_made_private(self, catalogue: Path, cache_dir: Path) -> None:
        assert build(catalogue)
        assert cache_dir.stat().st_mode & 0o777 == 0o700
        assert os.listdir(cache_dir) == [cache.store_path_for(catalogue).name]

    def test_it_is_trusted_only_for_its_own_catalogue(self, catalogue: Path) -> None:
        other = make_catalogue(catalogue.parent / "other.json")
        assert build(catalogue)
        store = cache.store_path_for(catalogue)
        assert cache.open_trusted(store, cache.stamp_of(other), other.read_bytes) is None


class TestChangedCatalogue:
    """Each change to the catalogue's stamp, alone, makes its store untrusted."""

    def test_touched(self, catalogue: Path) -> None:
        assert build(catalogue)
        os.utime(catalogue, ns=(OLD_NS, OLD_NS + 1))  # the same bytes, a nanosecond later
        assert not is_trusted(catalogue)

    def test_rewritten_with_another_size(self, catalogue: Path) -> None:
        assert build(catalogue)
        catalogue.write_bytes(b'{"careers": [1]}\n')
        os.utime(catalogue, ns=(OLD_NS, OLD_NS))  # the mtime it had
        assert not is_trusted(catalogue)

    def test_replaced_by_another_file(self, catalogue: Path) -> None:
        assert build(catalogue)
        inode = catalogue.stat().st_ino
        other = make_catalogue(catalogue.with_name("new.json"), catalogue.read_bytes())
        os.replace(other, catalogue)  # the same bytes and mtime, another inode
        assert catalogue.stat().st_ino != inode
        assert not is_trusted(catalogue)

    def test_rebuilt_after_a_change_it_is_trusted_again(self, catalogue: Path) -> None:
        assert build(catalogue)
        make_catalogue(catalogue, b'{"careers": [2]}\n')

        def other_rows(connection: sqlite3.Connection) -> None:
            connection.execute("CREATE TABLE careers (id TEXT)")
            connection.execute("INSERT INTO careers VALUES ('rebuilt')")

        assert build(catalogue, fill=other_rows)
        with trusted(catalogue) as connection:
            assert connection is not None
            assert connection.execute("SELECT id FROM careers").fetchall() == [("rebuilt",)]


class TestAnotherProgram:
    """A store of another store format or program version is not trusted, either way."""

    def test_a_newer_store_format(self, catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        assert build(catalogue)
        monkeypatch.setattr(cache, "STORE_FORMAT", cache.STORE_FORMAT + 1)
        assert not is_trusted(catalogue)

    def test_an_older_store_format(self, catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        current = cache.STORE_FORMAT
        monkeypatch.setattr(cache, "STORE_FORMAT", current - 1)
        assert build(catalogue)
        monkeypatch.setattr(cache, "STORE_FORMAT", current)
        assert not is_trusted(catalogue)

    def test_another_program_version(
        self, catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(cache, "PROGRAM_VERSION", "0.0.1")
        assert build(catalogue)
        monkeypatch.setattr(cache, "PROGRAM_VERSION", careers_cli.__version__)
        assert not is_trusted(catalogue)

    def test_the_current_version_is_the_packages(self) -> None:
        assert careers_cli.__version__ == cache.PROGRAM_VERSION


def _cut_in_half(store: Path) -> None:
    data = store.read_bytes()
    store.write_bytes(data[: len(data) // 2])


def _cut_to_two_pages(store: Path) -> None:
    store.write_bytes(store.read_bytes()[:8192])


def _grown(store: Path) -> None:
    store.write_bytes(store.read_bytes() + bytes(4096))


def _overwrite(start: int, length: int) -> Callable[[Path], None]:
    def damage(store: Path) -> None:
        data = bytearray(store.read_bytes())
        data[start : start + length] = b"\xa5" * length
        store.write_bytes(bytes(data))

    return damage


def _text_file(store: Path) -> None:
    store.write_text("careers\n" * 2000, encoding="utf-8")


def _empty(store: Path) -> None:
    store.write_bytes(b"")


def _missing(store: Path) -> None:
    store.unlink()


def _a_folder(store: Path) -> None:
    store.unlink()
    store.mkdir()


def _without_meta(store: Path) -> None:
    store.unlink()
    with closing(sqlite3.connect(store)) as connection:
        write_rows(connection)
        connection.commit()


class TestDamagedStore:
    """A store that is not whole, not SQLite, or not one of ours is not trusted, and never
    raises."""

    @pytest.mark.parametrize(
        "damage",
        [
            _cut_in_half,
            _cut_to_two_pages,
            _grown,
            _overwrite(0, 16),  # the "SQLite format 3" magic
            _overwrite(16, 84),  # the rest of the header: page size, counts
            _overwrite(100, 3996),  # the schema, on page 1
            _overwrite(4096, 4096),  # page 2: the meta table, the first one created
            _text_file,
            _empty,
            _missing,
            _a_folder,
            _without_meta,
        ],
        ids=lambda damage: damage.__name__.strip("_"),
    )
    def test_is_not_trusted(self, catalogue: Path, damage: Callable[[Path], None]) -> None:
        assert build(catalogue)
        assert is_trusted(catalogue)
        damage(cache.store_path_for(catalogue))
        assert not is_trusted(catalogue)

    def test_a_locked_store_is_not_waited_for(self, catalogue: Path) -> None:
        assert build(catalogue)
        store = cache.store_path_for(catalogue)
        with closing(sqlite3.connect(store, isolation_level=None)) as holder:
            holder.execute("BEGIN EXCLUSIVE")
            started = time.monotonic()
            assert not is_trusted(catalogue)
            assert time.monotonic() - started < 1  # not sqlite3's 5 s busy timeout
            holder.execute("ROLLBACK")
        assert is_trusted(catalogue)


class TestRacyCatalogue:
    """A catalogue modified within 2 s of the build may have changed without its stamp
    changing (a coarse mtime): it is compared by content, as git does."""

    @pytest.fixture
    def racy(self, catalogue: Path) -> Path:
        """A catalogue written just now, then built at once."""
        make_catalogue(catalogue, b'{"careers": ["a"]}\n')
        now = time.time_ns()
        os.utime(catalogue, ns=(now, now))
        assert build(catalogue, built_ns=now)
        return catalogue

    def test_a_rewrite_keeping_size_and_mtime_is_found(self, racy: Path) -> None:
        facts = racy.stat()
        racy.write_bytes(b'{"careers": ["b"]}\n')  # same size, same inode
        os.utime(racy, ns=(facts.st_atime_ns, facts.st_mtime_ns))
        assert cache.stamp_of(racy).mtime_ns == facts.st_mtime_ns
        assert cache.stamp_of(racy).size == facts.st_size
        assert not is_trusted(racy)

    def test_unchanged_it_is_trusted_after_reading_it(self, racy: Path) -> None:
        reads, content = recording_reads(racy)
        with trusted(racy, content) as connection:
            assert connection is not None
        assert reads == [b'{"careers": ["a"]}\n']

    def test_an_old_catalogue_is_not_read(self, catalogue: Path) -> None:
        assert build(catalogue)

        def content() -> bytes:
            raise AssertionError("a catalogue older than its build was read")

        with trusted(catalogue, content) as connection:
            assert connection is not None

    def test_a_catalogue_that_cannot_be_read_then_is_not_trusted(self, racy: Path) -> None:
        def content() -> bytes:
            raise PermissionError(13, "Permission denied", str(racy))

        with trusted(racy, content) as connection:
            assert connection is None

    def test_other_errors_of_reading_are_the_callers(self, racy: Path) -> None:
        class Refused(Exception):
            pass

        def content() -> bytes:
            raise Refused

        with pytest.raises(Refused), trusted(racy, content):
            pass


class TestSettling:
    """A store built right after its catalogue was written would have every command that opens
    it read and hash the whole catalogue. A background build waits out the 2 s window, sees the
    catalogue unchanged (stamp, then content) and saves the store as built then: trusted by its
    stamp alone. A catalogue changed in the meantime leaves the store compared by content."""

    @pytest.fixture
    def just_written(self, catalogue: Path) -> Path:
        make_catalogue(catalogue, b'{"careers": ["a"]}\n')
        now = time.time_ns()
        os.utime(catalogue, ns=(now, now))
        return catalogue

    def build_waiting(
        self, catalogue: Path, fill: Callable[[sqlite3.Connection], None] = write_rows
    ) -> bool:
        built_ns = time.time_ns()
        digest = hashlib.sha256(catalogue.read_bytes()).hexdigest()
        store, stamp = cache.store_path_for(catalogue), cache.stamp_of(catalogue)
        return cache_build.build_atomically(
            store, stamp, digest, built_ns, fill, wait_to_settle=True
        )

    def test_a_waiting_build_is_trusted_without_reading_the_catalogue(
        self, just_written: Path
    ) -> None:
        assert self.build_waiting(just_written)
        built_ns = built_ns_of(just_written)
        assert built_ns > just_written.stat().st_mtime_ns + cache.RACY_NS

        def content() -> bytes:
            raise AssertionError("the catalogue was read")

        with trusted(just_written, content) as connection:
            assert connection is not None

    def test_a_change_while_it_waits_is_still_found(self, just_written: Path) -> None:
        facts = just_written.stat()

        def rewrite_keeping_the_stamp(connection: sqlite3.Connection) -> None:
            write_rows(connection)
            just_written.write_bytes(b'{"careers": ["b"]}\n')  # same size, same inode
            os.utime(just_written, ns=(facts.st_atime_ns, facts.st_mtime_ns))

        assert self.build_waiting(just_written, rewrite_keeping_the_stamp)
        assert built_ns_of(just_written) < facts.st_mtime_ns + cache.RACY_NS
        assert not is_trusted(just_written)

    def test_a_build_that_does_not_wait_is_compared_by_content(self, just_written: Path) -> None:
        assert build(just_written)
        reads, content = recording_reads(just_written)
        with trusted(just_written, content) as connection:
            assert connection is not None
        assert reads == [b'{"careers": ["a"]}\n']


def recording_reads(catalogue: Path) -> tuple[list[bytes], Callable[[], bytes]]:
    """What a store's check reads of `catalogue`: the reads made so far, and the reader."""
    reads: list[bytes] = []

    def content() -> bytes:
        reads.append(catalogue.read_bytes())
        return reads[-1]

    return reads, content


def built_ns_of(catalogue: Path) -> int:
    """When the store of `catalogue` says it was built."""
    with closing(sqlite3.connect(cache.store_path_for(catalogue))) as connection:
        (value,) = connection.execute("SELECT value FROM meta WHERE key = 'built_ns'").fetchone()
    return int(value)


class TestBuilding:
    """A store appears whole, by a rename, or not at all; a cache that cannot be written is
    no error."""

    def test_it_is_written_beside_its_place_then_renamed(self, catalogue: Path) -> None:
        store = cache.store_path_for(catalogue)
        seen: list[tuple[bool, list[str]]] = []

        def watch(connection: sqlite3.Connection) -> None:
            write_rows(connection)
            seen.append((store.exists(), temporaries(store.parent)))

        assert build(catalogue, fill=watch)
        [(exists, during)] = seen
        assert not exists
        assert len(during) == 1 and during[0].startswith(".")
        assert temporaries(store.parent) == []

    def test_two_builds_at_once_both_succeed(self, catalogue: Path) -> None:
        both_filling = threading.Barrier(2, timeout=10)
        results: list[bool] = []

        def fill(connection: sqlite3.Connection) -> None:
            write_rows(connection)
            both_filling.wait()  # neither finishes before the other has started

        threads = [
            threading.Thread(target=lambda: results.append(build(catalogue, fill=fill)))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [True, True]
        assert is_trusted(catalogue)
        assert temporaries(cache.store_path_for(catalogue).parent) == []

    def test_a_cache_folder_that_cannot_be_made(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Path
    ) -> None:
        # Under a regular file: refused even to root, whom permission bits do not stop.
        (tmp_path / "a-file").write_text("not a folder\n")
        folder = tmp_path / "a-file" / "cache"
        monkeypatch.setenv("CAREERS_CACHE_DIR", str(folder))
        reasons: list[str] = []
        assert build(catalogue, why=reasons.append) is False
        assert reasons == [f"cache directory {folder} is not writable: Not a directory"]
        assert not is_trusted(catalogue)

    def test_a_folder_where_the_store_belongs(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Path
    ) -> None:
        """The cache folder is writable; the store's own name is taken, and the reason says so."""
        monkeypatch.setenv("CAREERS_CACHE_DIR", str(tmp_path / "cache"))
        store = cache.store_path_for(catalogue)
        store.mkdir(parents=True)
        reasons: list[str] = []
        assert build(catalogue, why=reasons.append) is False
        assert reasons == [f"store {store} could not be written: a directory has its name"]
        assert store.is_dir() and temporaries(store.parent) == []

    @pytest.mark.parametrize(
        ("error", "reason"),
        [
            (sqlite3.OperationalError("database or disk is full"), "database or disk is full"),
            (OSError(28, "No space left on device"), "No space left on device"),
        ],
        ids=["sqlite", "os"],
    )
    def test_a_full_disk(
        self, catalogue: Path, cache_dir: Path, error: Exception, reason: str
    ) -> None:
        def fill(connection: sqlite3.Connection) -> None:
            write_rows(connection)
            raise error

        reasons: list[str] = []
        assert build(catalogue, fill=fill, why=reasons.append) is False
        assert len(reasons) == 1 and reasons[0].endswith(reason)
        assert os.listdir(cache_dir) == []

    def test_a_bug_in_fill_propagates_and_leaves_nothing(
        self, catalogue: Path, cache_dir: Path
    ) -> None:
        def fill(connection: sqlite3.Connection) -> None:
            write_rows(connection)
            raise ValueError("a bug")

        with pytest.raises(ValueError, match="a bug"):
            build(catalogue, fill=fill)
        assert os.listdir(cache_dir) == []

    def test_a_build_removes_what_killed_builds_left_at_once(
        self, catalogue: Path, cache_dir: Path
    ) -> None:
        cache_dir.mkdir()
        killed, running = cache_dir / ".killed.sqlite.tmp", cache_dir / ".running.sqlite.tmp"
        killed.write_bytes(b"x")  # a second old: no process holds it
        running.write_bytes(b"x")
        with cache_support.held_lock(running):
            assert build(catalogue)
            assert not killed.exists()
            assert running.exists()  # another process's build, still running

    def test_a_build_holds_the_lock_on_its_temporary_file_while_it_writes(
        self, catalogue: Path, cache_dir: Path
    ) -> None:
        seen: list[tuple[str, bool]] = []

        def fill(connection: sqlite3.Connection) -> None:
            [temporary] = temporaries(cache_dir)
            seen.append((temporary, is_being_written(cache_dir / temporary)))
            write_rows(connection)

        assert build(catalogue, fill=fill)
        assert [being_written for _, being_written in seen] == [True]
        assert temporaries(cache_dir) == []


@pytest.fixture
def populated(tmp_path: Path, cache_dir: Path) -> Iterator[dict[str, Path]]:
    with cache_support.populated(tmp_path, cache_dir) as paths:
        yield paths


class TestListing:
    def test_a_missing_folder_has_no_stores(self, cache_dir: Path) -> None:
        assert cache_files.list_stores() == []

    def test_every_store_with_its_catalogue_and_freshness(
        self, populated: dict[str, Path], cache_dir: Path
    ) -> None:
        fresh_store = cache.store_path_for(populated["fresh"])
        stale_store = cache.store_path_for(populated["stale"])
        version = careers_cli.__version__
        assert cache_files.list_stores() == [
            cache_files.StoreInfo(
                stale_store, size_of(stale_store), populated["stale"], False, version
            ),
            cache_files.StoreInfo(
                fresh_store, size_of(fresh_store), populated["fresh"], True, version
            ),
            cache_files.StoreInfo(populated["junk"], size_of(populated["junk"]), None, False, None),
        ]

    def test_a_store_of_another_version_is_listed_stale_with_its_version(
        self, catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(cache, "PROGRAM_VERSION", "0.0.1")
        assert build(catalogue)
        monkeypatch.setattr(cache, "PROGRAM_VERSION", careers_cli.__version__)
        [info] = cache_files.list_stores()
        assert (info.catalogue, info.fresh, info.version) == (catalogue, False, "0.0.1")

    def test_a_deleted_catalogue_makes_its_store_stale(self, catalogue: Path) -> None:
        assert build(catalogue)
        catalogue.unlink()
        [info] = cache_files.list_stores()
        assert (info.catalogue, info.fresh) == (catalogue, False)


class TestClearing:
    def test_removes_stores_and_abandoned_temporaries_only(
        self, tmp_path: Path, cache_dir: Path
    ) -> None:
        with cache_support.populated(tmp_path, cache_dir, running=False) as populated:
            removed = cache_support.cleared_by_clear(populated)
            freed = sum(size_of(path) for path in removed)
            catalogues = folder_snapshot(populated["fresh"].parent)
            assert cache_files.clear_stores() == cache_files.Cleared(3, 2, freed)
        assert sorted(os.listdir(cache_dir)) == ["folder.sqlite", "notes.txt", "x.sqlite-journal"]
        assert folder_snapshot(populated["fresh"].parent) == catalogues
        assert cache_files.list_stores() == []

    def test_waits_for_a_build_in_progress_then_counts_only_what_it_removed(
        self, catalogue: Path, cache_dir: Path
    ) -> None:
        assert build(catalogue)
        store = cache.store_path_for(catalogue)
        store_size = size_of(store)
        lock = cache.lock_path_for(store)
        holding, told = threading.Event(), []

        def a_build_that_ends_soon() -> None:
            with cache_support.held_lock(lock):
                holding.set()
                time.sleep(0.5)

        thread = threading.Thread(target=a_build_that_ends_soon)
        thread.start()
        holding.wait()
        started = time.monotonic()
        cleared = cache_files.clear_stores(waiting=lambda: told.append("waiting"))
        thread.join()
        assert time.monotonic() - started >= 0.3  # it waited for the lock
        assert told == ["waiting"]
        assert cleared == cache_files.Cleared(1, 0, store_size)
        assert os.listdir(cache_dir) == []  # the lock file too, uncounted

    def test_a_missing_folder_is_nothing_to_clear(self, cache_dir: Path) -> None:
        assert cache_files.clear_stores() == cache_files.Cleared(0, 0, 0)
        assert not cache_dir.exists()


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.0 kB"),
        (16384, "16.4 kB"),
        (999_949, "999.9 kB"),
        (999_999, "1.0 MB"),
        (12_345_678, "12.3 MB"),
        (2_500_000_000, "2.5 GB"),
        (5_000_000_000_000_000, "5000.0 TB"),
    ],
)
def test_sizes_are_shown_as_people_read_them(size: int, shown: str) -> None:
    assert human_size(size) == shown


class TestBuiltInTheBackground:
    """The installed script with stores compiled in the background (the default)."""

    @pytest.mark.parametrize(
        ("value", "background"),
        [
            (None, True),
            ("background", True),
            ("foreground", False),
            (" Foreground ", False),
            ("sometimes", True),
        ],
    )
    def test_the_environment_chooses(
        self, monkeypatch: pytest.MonkeyPatch, value: str | None, background: bool
    ) -> None:
        if value is None:
            monkeypatch.delenv("CAREERS_CACHE_BUILD", raising=False)
        else:
            monkeypatch.setenv("CAREERS_CACHE_BUILD", value)
        assert cache.builds_in_background() is background

    def test_without_fork_stores_are_compiled_in_the_foreground(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("CAREERS_CACHE_BUILD", raising=False)
        monkeypatch.delattr(os, "fork")
        assert cache.builds_in_background() is False
