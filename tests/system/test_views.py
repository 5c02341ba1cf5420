"""Views stay readable on the real ESCO release: `show` names the first few of each long list
and how many more, `--limit all` and the data formats give everything, ids fit a line, and no
piped line ends in white space."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.show_bounds import SHOW_LINES_TARGET, every_show, show_output
from careers_cli.index.memory import MemoryIndex
from tests.support.views import on_release, release, release_file

__all__ = ["release", "release_file"]  # fixtures

LONGEST = (
    "footwear-production-supervisor",
    "mechanical-engineer",
    "circus-artist",
    "data-scientist",
)
"""Occupations whose views are among the longest: the most lines, the most skills, the most
other titles, and related careers sharing about fifty skills."""


class TestShowIsBounded:
    """`show` of any occupation is a screenful or two: each long list shows its first few and
    how many more, and says how to see them all."""

    def test_the_longest_views_fit_in_150_lines(self, release: MemoryIndex) -> None:
        for career_id in LONGEST:
            lines = show_output(release, career_id, 80, "en").splitlines()
            assert 20 < len(lines) <= SHOW_LINES_TARGET, career_id

    @pytest.mark.slow
    def test_every_occupation_fits_in_150_lines_without_trailing_space(
        self, release: MemoryIndex
    ) -> None:
        longer, trailing = [], []
        for career_id, lines in every_show(release):
            if len(lines) > SHOW_LINES_TARGET:
                longer.append((career_id, len(lines)))
            trailing += [career_id for line in lines if line != line.rstrip()]
        assert len(release.careers_by_id) == 3039
        assert longer == []
        assert trailing == []

    def test_skill_lists_name_the_first_and_count_the_rest(self, release_file: Path) -> None:
        run = on_release(release_file, "show", "mechanical-engineer")
        assert run.exit_code == 0, run.stderr
        required = _section(run.stdout, "Required skills")
        optional = _section(run.stdout, "Optional skills")
        document = json.loads(
            on_release(release_file, "show", "mechanical-engineer", "-f", "json").stdout
        )
        essential = [s for s in document["skills"] if s not in document["optional_skills"]]
        # 27 essential skills, the first 15 shown; 318 optional ones, the first 10 shown.
        assert len(essential) == 27 and len(document["optional_skills"]) == 318
        assert _ids_in(required, essential) == essential[:15]
        assert _ids_in(optional, document["optional_skills"]) == document["optional_skills"][:10]
        everything = "'careers show mechanical-engineer --limit all' lists them"
        assert "... and 12 more (" + everything in " ".join(required.split())
        assert "... and 308 more (" + everything in " ".join(optional.split())

    def test_related_careers_name_a_few_shared_skills(self, release_file: Path) -> None:
        related = _section(on_release(release_file, "show", "data-scientist").stdout, "Related")
        words = " ".join(related.split())
        assert re.search(r"computer-scientist .*\.\.\. and \d\d more", words)
        # Five names, four commas, in the shared skills of each of the three careers.
        counts = [int(n) for n in re.findall(r"\.\.\. and (\d+) more", words)]
        assert len(counts) == 3 and min(counts) >= 10

    def test_also_called_names_ten_and_counts_the_rest(self, release_file: Path) -> None:
        run = on_release(release_file, "show", "circus-artist")
        first = " ".join(run.stdout.split("\n\n")[0].split())
        assert first.startswith("circus artist circus-artist Also called: german wheel acrobat,")
        assert first.endswith(", hair hanging acrobat ... and 79 more")
        assert first.count(",") == 9

    def test_limit_all_and_json_give_everything(self, release_file: Path) -> None:
        full = on_release(release_file, "show", "mechanical-engineer", "--limit", "all")
        document = json.loads(
            on_release(release_file, "show", "mechanical-engineer", "-f", "json").stdout
        )
        assert "more" not in full.stdout
        optional = document["optional_skills"]
        assert _ids_in(_section(full.stdout, "Optional skills"), optional) == optional
        assert len(document["alt_titles"]["en"]) == 11
        assert len(document["optional_skills"]) == 318
        assert all(len(r["shared_skills"]) > 90 for r in document["related"])

    def test_limit_n_cuts_every_list_at_n(self, release_file: Path) -> None:
        run = on_release(release_file, "show", "mechanical-engineer", "--limit", "2")
        head = " ".join(run.stdout.split("\n\n")[0].split())
        assert head.endswith("Also called: mechanical engineering expert, mechanics engineer "
                             "... and 9 more")  # fmt: skip
        assert _section(run.stdout, "Required skills").splitlines()[3:] == [
            # The labels' column is 24 wide at least (`SKILL_LABEL_MIN_WIDTH`).
            "  " + "solid mechanics".ljust(24) + "   solid-mechanics",
            "  " + "mechanics".ljust(24) + "   mechanics",
            "  ... and 25 more ('careers show mechanical-engineer --limit all' lists them",
            "  all)",
        ]
        assert "... and 25 more" in run.stdout and "... and 316 more" in run.stdout

    def test_the_page_is_cut_as_the_view_is(self, release_file: Path) -> None:
        page = on_release(release_file, "show", "mechanical-engineer", "-f", "html").stdout
        # 10 other titles, 15 essential skills, 10 optional ones, an occupation, 3 related.
        assert page.count("<li>") == 10 + 15 + 10 + 1 + 3
        assert '<p class="more">... and 308 more (&#x27;careers show mechanical-engineer' in page
        assert "approve-engineering-design ... and 113 more)</li>" in page
        everything = on_release(
            release_file, "show", "mechanical-engineer", "-f", "html", "--limit", "all"
        ).stdout
        assert everything.count("<li>") == 11 + 27 + 318 + 1 + 3
        assert "more" not in everything.split("<main>")[1]


class TestSkillsAreBounded:
    """`skills` shows a skill's first ten other names, and no `also` label without any."""

    def test_long_alias_lists_are_cut(self, release_file: Path) -> None:
        run = on_release(release_file, "skills", "graphics editor software", "-n", "1")
        block = " ".join(run.stdout.split())
        # what the skill is (ESCO's description), then its other names
        assert block.startswith("graphics-editor-software graphics editor software about ")
        also = block.split(" also ", 1)[1].split(" needed by ")[0]
        assert also.endswith("... and 68 more") and also.count(",") == 9

    def test_a_skill_without_aliases_has_no_also_label(self, release_file: Path) -> None:
        run = on_release(release_file, "skills", "-n", "4")
        blocks = run.stdout.split("\n\n")
        assert blocks[3].startswith("3d-printing-process  3D printing process\n   about  ")
        assert "\n   needed by  " in blocks[3]
        assert "   also  " not in blocks[3] and "   also  " in blocks[2]


class TestIdsFit:
    """No imported id is longer than 60 characters, so one fits an 80-column line at any
    indentation a view gives it, and beside a column of prose."""

    def test_no_id_is_longer_than_60(self, release: MemoryIndex) -> None:
        ids = [*release.careers_by_id, *release.skills_by_id]
        assert len(ids) == 3039 + 13931 == len(set(ids))
        assert max(len(i) for i in ids) == 60

    def test_every_id_is_whole_on_one_line_at_80_columns(self, release_file: Path) -> None:
        run = on_release(release_file, "show", "mechanical-engineer", "--limit", "all")
        document = json.loads(
            on_release(release_file, "show", "mechanical-engineer", "-f", "json").stdout
        )
        assert _ids_in(run.stdout, document["skills"]) == document["skills"]
        long_id = "operate-solar-thermal-energy-systems-for-hot-water-and"  # 54 characters
        assert f"    {long_id}" in run.stdout.splitlines()  # under its label, indented
        assert max(len(line) for line in run.stdout.splitlines()) <= 80


class TestNoTrailingWhiteSpace:
    """Piped, no line ends in a space or a no-break space (ESCO's descriptions hold some)."""

    @pytest.mark.parametrize("columns", [40, 80])
    def test_views_of_descriptions_with_no_break_spaces(
        self, release_file: Path, columns: int
    ) -> None:
        for args in (
            ["show", "animal-hydrotherapist"],
            ["show", "advanced-nurse-practitioner", "--lang", "ar"],
            ["list", "-n", "60"],
            ["skills", "-n", "60"],
            ["next", "data-scientist"],
        ):
            run = on_release(release_file, *args, columns=columns)
            assert run.exit_code == 0, run.stderr
            ends = [line for line in run.stdout.splitlines() if line != line.rstrip(" \u00a0")]
            assert ends == [], (args, columns)

    def test_the_importer_turns_no_break_spaces_into_spaces(self, release_file: Path) -> None:
        document = json.loads(release_file.read_text(encoding="utf-8"))
        descriptions = [t for c in document["careers"] for t in c["description"].values()]
        assert sum("\u00a0" in t for t in descriptions) == 0
        hydro = next(c for c in document["careers"] if c["id"] == "animal-hydrotherapist")
        assert "water-resistance to treat conditions, assist" in hydro["description"]["en"]


def _section(output: str, heading: str) -> str:
    """The lines of `output` from the line that starts with `heading` to the next blank one."""
    start = next(i for i, line in enumerate(output.splitlines()) if line.startswith(heading))
    lines = output.splitlines()[start:]
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    return "\n".join(lines[:end])


def _ids_in(text: str, ids: list[str]) -> list[str]:
    """Those of `ids` that `text` shows as words of their own, in the order of `ids`."""
    words = set(text.split())
    return [i for i in ids if i in words]
