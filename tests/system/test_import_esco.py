"""`careers import esco`: ESCO's CSV download in, a valid catalogue file out."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from tests.helpers import CACHE_DIR_VAR, run_installed
from tests.support.background_build import background_env, wait_for_store
from tests.support.import_esco import (
    SAMPLE,
    imported,
    small_download,
)


class TestCommandLine:
    """What a counsellor sees: the installed command, its streams and its language."""

    def test_the_installed_command(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = run_installed(["import", "esco", str(SAMPLE), "-o", str(output)])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith("Imported 61 careers, 1905 skills and 2874 skill links")
        assert run.stderr == ""  # stderr is a pipe: no progress bar
        assert len(json.loads(output.read_text(encoding="utf-8"))["careers"]) == 61

    def test_piped_stderr_shows_only_the_warning(self, tmp_path: Path) -> None:
        folder = small_download(
            tmp_path / "download", relations=[(1, "essential", 1), (9, "essential", 1)]
        )
        run = run_installed(["import", "esco", str(folder), "-o", str(tmp_path / "esco.json")])
        assert run.exit_code == 0
        assert run.stderr == (
            "warning: skipped 1 relation naming an occupation or skill that is not imported\n"
        )
        assert run.stdout.startswith("Imported 1 career, 2 skills and 1 skill link")

    def test_the_imported_catalogue_validates(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        imported(SAMPLE, output)
        run = run_installed(["validate", str(output)])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith(f"{output}: valid: 61 careers, 1905 skills")
        # ESCO's Arabic has titles only, for 58 of the 61 occupations: information, no problem
        assert run.stdout.splitlines()[1:] == [
            "  en: 61 of 61 titles, 61 of 61 descriptions, 1,905 of 1,905 skill labels",
            "  ar: 58 of 61 titles, 0 of 61 descriptions, 0 of 1,905 skill labels",
        ]

    def test_a_career_is_found_by_an_alternative_title(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        imported(SAMPLE, output)
        run = run_installed(["show", "social media manager", "--data", str(output)])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[0].split() == [
            "online",
            "community",
            "manager",
            "online-community-manager",
        ]


class TestTheStoreOfTheImport:
    """`import esco -o FILE` has FILE's store compiled from what it wrote: the first run on
    FILE is answered from its store, as the same run with --no-cache answers it."""

    def test_compiled_before_the_import_ends(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        assert run_installed(["import", "esco", str(SAMPLE), "-o", str(output)]).exit_code == 0
        first = run_installed(["list", "--data", str(output), "--debug", "-f", "json"])
        assert first.exit_code == 0
        assert "compiling" not in first.stderr  # --debug says so when there is no store
        read = run_installed(["list", "--data", str(output), "--no-cache", "-f", "json"])
        assert first.stdout == read.stdout
        assert json.loads(first.stdout)

    def test_compiled_in_the_background_after_it(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        env = background_env(tmp_path / "cache")
        run = run_installed(["import", "esco", str(SAMPLE), "-o", str(output)], env)
        assert run.exit_code == 0
        with patched_cache_dir(tmp_path / "cache"):
            wait_for_store(output)
        first = run_installed(["list", "--data", str(output), "--debug"], env)
        assert first.exit_code == 0
        assert first.stderr == ""

    def test_not_for_standard_output(self, tmp_path: Path) -> None:
        run = run_installed(["import", "esco", str(SAMPLE), "-o", "-"])
        assert run.exit_code == 0
        assert not any(Path(os.environ[CACHE_DIR_VAR]).glob("*.sqlite"))


@contextlib.contextmanager
def patched_cache_dir(folder: Path) -> Iterator[None]:
    """`$CAREERS_CACHE_DIR` in this process set to `folder`, where the store is looked for."""
    before = os.environ[CACHE_DIR_VAR]
    os.environ[CACHE_DIR_VAR] = str(folder)
    try:
        yield
    finally:
        os.environ[CACHE_DIR_VAR] = before
