"""`careers skills`, `trends`, `tips`, `--version`, help, narrow terminals, Arabic, and the
installed `careers` script run in a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest

import careers_cli
from tests.helpers import (
    CAREERS_SCRIPT,
    SEVEN_IDS,
    invoke,
    raw_career,
    run_installed,
    section,
    squeeze,
    table_rows,
)
from tests.support.explore_misc import match_headings


@pytest.fixture(scope="module")
def installed() -> Path:
    assert CAREERS_SCRIPT.exists(), f"`careers` is not installed at {CAREERS_SCRIPT}"
    return CAREERS_SCRIPT


class TestInstalledScript:
    """The `careers` entry point in a subprocess, from a folder that is not the checkout."""

    def test_list_from_another_folder(self, installed: Path, tmp_path: Path) -> None:
        run = run_installed(["list"], cwd=tmp_path)
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        rows = table_rows(run.stdout, ["id", "career", "skills"])
        assert [row.folded("id") for row in rows] == SEVEN_IDS

    def test_show_by_arabic_title_words_prints_what_the_id_prints(
        self, installed: Path, tmp_path: Path
    ) -> None:
        by_name = run_installed(["show", "مدير المجتمع"], cwd=tmp_path)
        by_id = run_installed(["show", "online-community-manager"], cwd=tmp_path)
        assert by_name.exit_code == 0, by_name.stderr
        assert by_name.stdout == by_id.stdout
        assert by_id.stdout == invoke(["show", "online-community-manager"]).stdout

    def test_match_ranking(self, installed: Path, tmp_path: Path) -> None:
        run = run_installed(["match", "-s", "analytics", "-s", "content creation"], cwd=tmp_path)
        assert run.exit_code == 0, run.stderr
        # Each skill is needed by 3 of the 7 careers: ln(1 + 7/3) = 1.2040. The manager has both
        # (2.4079: 2.41); the others one each (1.20), sharing rank 2, ordered by the share of
        # their essential skills asked (the creator and the analyst 1 of 5, the specialist and
        # the influencer 1 of 6), then by how their other skills go with those asked (README).
        assert match_headings(run.stdout) == [
            (1, "social-media-manager", "2.41"),
            (2, "digital-content-creator", "1.20"),
            (2, "social-media-data-analyst", "1.20"),
            (2, "social-media-marketing-specialist", "1.20"),
            (2, "influencer", "1.20"),
        ]

    def test_unknown_career_exit_code_and_stream(self, installed: Path, tmp_path: Path) -> None:
        run = run_installed(["show", "xyzzy"], cwd=tmp_path)
        assert run.exit_code == 1
        assert run.stdout == ""
        assert run.stderr.splitlines()[0].endswith("no career matches 'xyzzy'")

    def test_compare_usage_error(self, installed: Path, tmp_path: Path) -> None:
        run = run_installed(["compare", "influencer"], cwd=tmp_path)
        assert run.exit_code == 2
        assert run.stdout == ""
        assert run.stderr == "error: compare needs at least 2 careers\n"

    def test_match_with_no_career_having_all(self, installed: Path, tmp_path: Path) -> None:
        args = ["match", "-s", "budget-management", "-s", "crisis-management", "--all"]
        run = run_installed(args, cwd=tmp_path)
        assert (run.exit_code, run.stdout) == (0, "")
        assert run.stderr == "no career has all of the skills asked for\n"

    def test_version(self, installed: Path) -> None:
        run = run_installed(["--version"])
        assert (run.exit_code, run.stdout) == (0, f"careers {careers_cli.__version__}\n")

    def test_arabic_through_the_environment(self, installed: Path, tmp_path: Path) -> None:
        run = run_installed(["show", "influencer"], env={"CAREERS_LANG": "ar"}, cwd=tmp_path)
        assert run.exit_code == 0, run.stderr
        description = raw_career("influencer")["description"]["ar"]
        assert squeeze(section(run.stdout, "الوصف")) == squeeze(description)
