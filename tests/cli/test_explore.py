"""Reading the catalogue: `careers list`, `show`, `compare`, `skills`, `trends`, `tips` and
`read`, and these views at any width, in Arabic and with hostile text."""

from __future__ import annotations

import copy
import csv
import io
import itertools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.i18n.messages import label, message
from careers_cli.index.memory import MemoryIndex
from careers_cli.present.layout import plain
from careers_cli.rules import completing
from careers_cli.text.bidi import visual_order
from careers_cli.text.normalise import normalise
from tests.helpers import (
    DATA,
    LIST_ROWS,
    SEED,
    SEVEN_IDS,
    Run,
    header_starts,
    imported_esco_sample,
    invoke,
    raw_career,
    raw_catalogue,
    raw_controls,
    same_from_store,
    section,
    settled_copy,
    shows_id,
    squeeze,
    table_rows,
    write_catalogue,
)
from tests.support import bounds as bounds_support
from tests.support import hostile as hostile_support
from tests.support import plain as plain_support
from tests.support import read as read_support
from tests.support import relevance as relevance_support
from tests.support import streaming as streaming_support
from tests.support.arabic import (
    ARABIC_LETTER,
    PRESENTATION_FORM,
    WIDE,
    assert_visual,
    career,
    expected_visual,
    latin_words,
    reads_in_order,
    run_ok,
)
from tests.support.bounds import CAREERS, COMPARE_DEFAULT, LIMIT, SKILL_LIMIT, SKILLS, big_catalogue
from tests.support.format_2 import document, run
from tests.support.hostile import (
    MARKUP_DESCRIPTION,
    MARKUP_SKILL,
    MARKUP_TITLE,
    SGR,
    UNBALANCED_TITLE,
    assert_neutralised,
    coloured,
    ok,
)
from tests.support.read import sections
from tests.support.relevance import (
    CANDIDATE_LIMIT,
    WORDS,
    Catalogue,
    ambiguous_lines,
    career_entry,
    career_names,
    catalogue_data,
    english_titles,
    every_way,
    guessed,
    needing,
    reference_ranking,
    skill_entry,
    skill_names,
    stderr_lines,
    tied_best,
    validated,
)
from tests.support.view_layout import lines, under

# --- list ------------------------------------------------------------------------------------


@pytest.fixture(scope="module", name="catalogue")
def big_catalogue_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The big catalogue's file (as a fixture named `catalogue`, beside the function of that
    name the Arabic tests call)."""
    return bounds_support.catalogue(tmp_path_factory)


def ids_in_order(data: dict[str, Any], key: str) -> list[str]:
    return [record["id"] for record in data[key]]


class TestList:
    """`careers list`: every career in catalogue order with title, summary and skill count."""

    def test_rows_are_the_seven_careers_in_catalogue_order(self) -> None:
        run = invoke(["list"])
        assert run.exit_code == 0, run.stderr
        rows = table_rows(run.stdout, ["id", "career", "skills"])
        assert [row.folded("id") for row in rows] == SEVEN_IDS
        assert run.stderr == ""

    def test_each_row_has_title_first_sentence_and_distinct_skill_count(self) -> None:
        run = invoke(["list"])
        rows = table_rows(run.stdout, ["id", "career", "skills"])
        shown = [
            (row.folded("id"), row.cells["career"][0], " ".join(row.cells["career"][1:]))
            for row in rows
        ]
        assert shown == [(cid, title, summary) for cid, title, summary, _ in LIST_ROWS]
        assert [row.text("skills") for row in rows] == [count for *_, count in LIST_ROWS]

    def test_summary_is_only_the_first_sentence(self) -> None:
        # The manager's description goes on with "The work includes creating content, ...".
        run = invoke(["list"])
        assert "The work includes" not in squeeze(run.stdout)
        assert "An influencer's success depends" not in squeeze(run.stdout)

    # Bounded: 20 careers by default, every one on request.

    def test_a_table_shows_20_and_says_how_many_more(self, catalogue: Path) -> None:
        run = invoke(["list", "--data", str(catalogue)], env={"COLUMNS": "200"})
        assert run.exit_code == 0, run.stderr
        lines = run.stdout.rstrip("\n").splitlines()
        assert lines[-1] == f"showing {LIMIT} of {CAREERS} careers; '--limit all' shows every one"
        listed = [line.split()[0] for line in lines[2:-1] if line and not line.startswith(" ")]
        assert listed == ids_in_order(big_catalogue(), "careers")[:LIMIT]
        assert run.stderr == ""

    def test_json_follows_the_same_limit_and_says_so_on_stderr(self, catalogue: Path) -> None:
        run = invoke(["list", "--data", str(catalogue), "-f", "json"])
        assert run.exit_code == 0, run.stderr
        assert [c["id"] for c in json.loads(run.stdout)] == ids_in_order(
            big_catalogue(), "careers"
        )[:LIMIT]
        assert (
            run.stderr == f"showing {LIMIT} of {CAREERS} careers; '--limit all' shows every one\n"
        )

    @pytest.mark.parametrize("value", ["all", "ALL", " all "])
    def test_limit_all_shows_every_one_and_says_nothing(self, catalogue: Path, value: str) -> None:
        run = invoke(["list", "--data", str(catalogue), "-f", "csv", "--limit", value])
        assert run.exit_code == 0, run.stderr
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        assert [r["id"] for r in rows] == ids_in_order(big_catalogue(), "careers")
        assert run.stderr == ""

    def test_a_smaller_limit(self, catalogue: Path) -> None:
        run = invoke(["list", "--data", str(catalogue), "-f", "json", "-n", "3"])
        assert [c["id"] for c in json.loads(run.stdout)] == ids_in_order(
            big_catalogue(), "careers"
        )[:3]
        assert run.stderr == f"showing 3 of {CAREERS} careers; '--limit all' shows every one\n"

    def test_a_filter_is_counted_after_filtering(self, catalogue: Path) -> None:
        # analytics: the 3 built-in careers that need it and the 57 copies.
        needing = [
            c["id"]
            for c in big_catalogue()["careers"]
            if any("analytics" in line["skills"] for line in c["required_skills"])
        ]
        run = invoke(["list", "--data", str(catalogue), "-s", "analytics", "-f", "json"])
        assert [c["id"] for c in json.loads(run.stdout)] == needing[:LIMIT]
        assert run.stderr == (
            f"showing {LIMIT} of {len(needing)} careers; '--limit all' shows every one\n"
        )

    def test_the_built_in_catalogue_is_whole(self) -> None:
        run = invoke(["list", "-f", "json"])
        assert len(json.loads(run.stdout)) == 7
        assert run.stderr == ""

    @pytest.mark.parametrize("value", ["0", "-1", "some", ""])
    def test_a_bad_limit_is_a_usage_error(self, value: str) -> None:
        run = invoke(["list", "--limit", value])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            f"error: --limit must be a whole number of at least 1, or 'all' (got '{value}')"
        )


def shown_ids(run: Run) -> list[str]:
    """The ids of a JSON list of records (`list`, `skills`, `trends`, `tips`)."""
    return [record["id"] for record in json.loads(run.stdout)]


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.builtin(tmp_path_factory)


class TestBuiltInListBySkill:
    def test_careers_needing_a_skill_in_catalogue_order(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["list", "--skill", "analytics", "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_ids(run) == needing(builtin.data, "analytics")
        assert len(shown_ids(run)) == 3

    def test_careers_needing_all_of_them(self, builtin: Catalogue) -> None:
        run = every_way(
            builtin, ["list", "--skill", "analytics", "--skill", "instagram", "--format", "json"]
        )
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_ids(run) == needing(builtin.data, "analytics", "instagram")
        assert shown_ids(run) == ["social-media-manager"]

    def test_an_unknown_skill_lists_nothing(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["list", "--skill", "analytics", "--skill", "excel"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run)[0] == "error: no skill matches 'excel'"


@pytest.fixture(scope="module")
def everyday(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.everyday(tmp_path_factory)


class TestSkillsNoCareerNeeds:
    """A `list --skill` filter that leaves nothing says so (`match` asked for a skill no career
    needs: test_matching.py)."""

    def test_a_filter_that_leaves_nothing_says_so(self, everyday: Catalogue) -> None:
        run = every_way(everyday, ["list", "--skill", "think-creatively"])
        assert (run.exit_code, run.stdout) == (0, "")
        assert stderr_lines(run) == [
            "no career in this catalogue needs Think creatively (think-creatively)",
            "no career needs all of the skills asked for",
        ]
        both = every_way(everyday, ["list", "--skill", "pedagogy", "--skill", "driving"])
        assert (both.exit_code, both.stdout) == (0, "")
        assert stderr_lines(both) == ["no career needs all of the skills asked for"]
        as_json = every_way(everyday, ["list", "--skill", "acting", "-s", "driving", "-f", "json"])
        assert (as_json.exit_code, json.loads(as_json.stdout)) == (0, [])


class TestFirstSentence:
    """A summary is the description's first sentence: abbreviations and initials do not end
    it, nor a stop before a word in lower case."""

    def test_an_esco_summary_is_not_cut_at_ie(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        description = (
            "Clothing technologists design products in different sizes (i.e. for many body "
            "types). They test fabrics."
        )
        data["careers"][0]["description"]["en"] = description
        path = write_catalogue(tmp_path / "c.json", data)
        run = invoke(["list", "--data", str(path), "-f", "csv"])
        first = next(csv.DictReader(io.StringIO(run.stdout)))
        assert first["summary"] == (
            "Clothing technologists design products in different sizes (i.e. for many body types)."
        )


# --- list: long lists a chunk of rows at a time ----------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return streaming_support.big(tmp_path_factory)


def rows_of(lines: list[str]) -> list[str]:
    """The lines of a `list` table that start a row: an id at the left edge."""
    return [line for line in lines[2:] if line and not line.startswith(" ")]


@pytest.mark.parametrize("width", [80, 160])
def test_the_chunks_read_as_one_table(big: Path, width: int) -> None:
    run = invoke(["list", "--data", str(big), "-n", "all"], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["id", "career", "skills"]  # the header, once
    assert sum(line.split() == ["id", "career", "skills"] for line in lines) == 1
    assert set(lines[1]) == {"─"}
    assert sum(set(line) == {"─"} for line in lines) == 1
    ids = [c["id"] for c in json.loads(big.read_text(encoding="utf-8"))["careers"]]
    rows = rows_of(lines)
    assert [row.split()[0] for row in rows] == ids  # every row, in order, none lost or doubled
    # The same widths in every chunk: each row's title starts in one column, and each count
    # ends at the same edge.
    title_starts = {cell_len(row) - cell_len(row.split(maxsplit=1)[1]) for row in rows}
    count_ends = {cell_len(row) for row in rows}
    assert len(title_starts) == 1
    assert len(count_ends) == 1
    assert max(cell_len(line) for line in lines) <= width


def test_arabic_chunks_stand_against_the_right_edge(big: Path) -> None:
    run = invoke(["list", "--data", str(big), "-n", "all", "--lang", "ar"], {"COLUMNS": "100"})
    lines = run.stdout.splitlines()
    rule = lines[1]
    assert set(rule.strip()) == {"─"} and cell_len(rule) == 100
    ends = {cell_len(row) for row in rows_of(lines)}
    assert ends == {100}  # the count column, the last, ends at the edge in every chunk


def test_streamed_output_has_no_trailing_spaces(big: Path) -> None:
    run = invoke(["list", "--data", str(big), "-n", "all", "--lang", "ar"], {"COLUMNS": "120"})
    assert all(line == line.rstrip() for line in run.stdout.splitlines())
    assert run.stdout.endswith("\n")


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[str]]]:
    yield from plain_support.catalogues(tmp_path_factory)


def test_the_plain_path_is_taken(catalogues: dict[str, list[str]]) -> None:
    """The views of a long list are laid out by it, not handed back to Rich, in either
    language."""
    shown: list[bool] = []
    original = plain.plain_lines

    def watched(*args: object) -> list[str] | None:
        lines = original(*args)  # type: ignore[arg-type]
        shown.append(lines is not None)
        return lines

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(plain, "plain_lines", watched)
        for command in (["list", "-n", "all"], ["skills", "-n", "all"]):
            for language in ("en", "ar"):
                args = [*command, *catalogues["generated"], "--lang", language]
                run = invoke(args, {"COLUMNS": "80"})
                assert run.exit_code == 0
    assert len(shown) > 10
    assert all(shown)


# --- show ------------------------------------------------------------------------------------


def bullets(block: str) -> list[str]:
    """The items of a bulleted block, each joined back onto one line."""
    items: list[str] = []
    for line in block.splitlines():
        text = line.strip()
        if text.startswith("• "):
            items.append(text[2:])
        elif text and items:
            items[-1] += " " + text
    return items


def _in_order(text: str, words: Sequence[str]) -> bool:
    positions = [text.find(word) for word in words]
    return -1 not in positions and positions == sorted(positions)


def _note_lines(block: str) -> list[tuple[str, str]]:
    """`• Title  note-id` lines as (title, id)."""
    return [(title, note_id) for title, note_id in (b.rsplit(None, 1) for b in bullets(block))]


class TestShowProfile:
    """`careers show CAREER`: the whole profile of one career."""

    def test_first_line_is_the_title_and_the_id(self) -> None:
        run = invoke(["show", "social-media-manager"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert run.stdout.splitlines()[0].split() == [
            "Social",
            "Media",
            "Manager",
            "social-media-manager",
        ]

    def test_description_is_shown_whole(self) -> None:
        run = invoke(["show", "social-media-manager"])
        description = raw_career("social-media-manager")["description"]["en"]
        assert "The work includes creating content" in description  # more than one sentence
        assert squeeze(section(run.stdout, "Description")) == squeeze(description)

    def test_responsibilities_are_listed_in_order(self) -> None:
        run = invoke(["show", "social-media-manager"])
        expected = [r["en"] for r in raw_career("social-media-manager")["responsibilities"]]
        assert expected[1:3] == ["Creating content", "Managing advertising campaigns"]
        assert bullets(section(run.stdout, "Responsibilities")) == expected

    def test_required_skills_each_with_the_skill_ids_it_is_tagged_with(self) -> None:
        run = invoke(["show", "social-media-manager"])
        block = section(run.stdout, "Required skills")
        # The skill text wraps; a new row is where the "tagged as" column has text.
        rows = table_rows(block, ["skill", "tagged as"], key="tagged as")
        shown = [(row.text("skill"), row.id_list("tagged as")) for row in rows]
        assert shown == [
            (
                "Mastery of written and verbal communication skills.",
                ["communication", "written-communication"],
            ),
            (
                "A deep understanding of the various social media platforms and how to use them"
                " effectively.",
                ["social-media-platforms"],
            ),
            (
                "The ability to analyse data and draw insights from it to develop strategies.",
                ["analytics", "strategy"],
            ),
            (
                "Creativity and innovation in creating engaging content.",
                ["content-creation", "creativity"],
            ),
        ]

    def test_platforms_and_tools_in_catalogue_order(self) -> None:
        manager = squeeze(
            section(invoke(["show", "social-media-manager"]).stdout, "Platforms and tools")
        )
        analyst = squeeze(
            section(invoke(["show", "social-media-data-analyst"]).stdout, "Platforms and tools")
        )
        assert _in_order(manager, ["Facebook", "Twitter", "Instagram", "LinkedIn"])
        assert _in_order(analyst, ["Google Analytics", "Hootsuite"])
        assert "Facebook" not in analyst

    def test_trends_and_tips_are_those_that_name_the_career(self) -> None:
        # By hand: social-media-manager is in the careers of trends ai-and-data-analysis,
        # visual-and-interactive-content and security-and-privacy, and of tips
        # learn-analytics-and-tools and engage-with-the-audience (catalogue order).
        run = invoke(["show", "social-media-manager"])
        assert _note_lines(section(run.stdout, "Trends")) == [
            ("Artificial intelligence and data analysis", "ai-and-data-analysis"),
            ("Visual and interactive content", "visual-and-interactive-content"),
            ("Security and privacy", "security-and-privacy"),
        ]
        assert _note_lines(section(run.stdout, "Tips")) == [
            ("Learn analytics and how to use the tools", "learn-analytics-and-tools"),
            ("Engage with the audience", "engage-with-the-audience"),
        ]
        for other in ("virtual-and-augmented-reality", "social-commerce", "renew-and-innovate"):
            assert other not in run.stdout

    def test_trends_and_tips_of_the_influencer(self) -> None:
        run = invoke(["show", "influencer"])
        assert [i for _, i in _note_lines(section(run.stdout, "Trends"))] == [
            "visual-and-interactive-content",
            "social-commerce",
        ]
        assert [i for _, i in _note_lines(section(run.stdout, "Tips"))] == [
            "engage-with-the-audience",
            "renew-and-innovate",
            "build-a-network",
        ]

    def test_esco_crosswalk(self) -> None:
        """Each occupation: label, ISCO-08 code and match on one line, its URI on the next."""
        run = invoke(["show", "social-media-manager"])
        lines = section(run.stdout, "Standard occupations (ESCO)").splitlines()
        uris = [o["uri"] for o in raw_career("social-media-manager")["occupations"]]
        assert [line.strip() for line in lines] == [
            "• online community manager · ISCO-08 2432 · match: close",
            uris[0],
            "• communication manager · ISCO-08 1222 · match: close",
            uris[1],
        ]
        assert uris[0].startswith("http://data.europa.eu/esco/occupation/")

    def test_a_folded_uri_reads_left_to_right_in_arabic_too(self) -> None:
        """At 40 columns a URI folds; in both languages its pieces start at the same indent, so
        they join back into the URI."""
        uri = raw_career("influencer")["occupations"][0]["uri"]
        for language in ("en", "ar"):
            run = invoke(["show", "influencer", "--lang", language], env={"COLUMNS": "40"})
            lines = run.stdout.splitlines()
            first = next(i for i, line in enumerate(lines) if line.strip().startswith("http"))
            pieces = lines[first : first + 3]
            assert all(piece.startswith("    ") and piece[4] != " " for piece in pieces), pieces
            assert "".join(piece.strip() for piece in pieces) == uri

    @pytest.mark.parametrize("language", ["en", "ar"])
    def test_esco_uris_are_whole_at_80_columns(self, language: str) -> None:
        """A URI folded across lines could not be copied or followed as a link."""
        for record in raw_catalogue()["careers"]:
            run = invoke(["show", record["id"], "--lang", language], env={"COLUMNS": "80"})
            lines = [line.strip() for line in run.stdout.splitlines()]
            for occupation in record["occupations"]:
                assert occupation["uri"] in lines, (record["id"], run.stdout)
            assert max(cell_len(line) for line in run.stdout.splitlines()) <= 80
            assert "ISCO-08" in run.stdout


def related(output: str) -> list[tuple[str, str, set[str]]]:
    rows = table_rows(section(output, "Related careers"), ["id", "title", "shared skills"])
    return [
        (r.folded("id"), r.text("title"), set(r.text("shared skills").split(", "))) for r in rows
    ]


def custom_catalogue(tmp_path: Path, careers: dict[str, list[str]]) -> Path:
    """The real catalogue with its careers replaced by made-up ones (one skill per line)."""
    data = copy.deepcopy(raw_catalogue())
    data["careers"] = [
        {
            "id": cid,
            "title": {"en": f"Career {cid}", "ar": f"مهنة {cid}"},
            "description": {"en": f"About {cid}.", "ar": f"عن {cid}."},
            "responsibilities": [{"en": "Work.", "ar": "عمل."}],
            "required_skills": [
                {"text": {"en": f"Skill {s}.", "ar": f"مهارة {s}."}, "skills": [s]} for s in skills
            ],
        }
        for cid, skills in careers.items()
    ]
    data["trends"] = []
    data["tips"] = []
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


class TestShowRelated:
    """The three careers sharing most skills, then higher Jaccard similarity, then id."""

    def test_influencer(self) -> None:
        # influencer: content-creation, creativity, communication, relationship-building,
        # marketing, credibility (6).
        #   social-media-manager      shares communication, content-creation, creativity: 3, J=3/10
        #   digital-content-creator   shares content-creation, creativity:              2, J=2/9
        #   online-community-manager  shares communication, relationship-building:      2, J=2/10
        #   social-media-pr-manager   shares communication, relationship-building:      2, J=2/12
        #   social-media-marketing-specialist shares marketing:                          1
        # -> manager, content creator, community manager (PR manager loses on Jaccard).
        run = invoke(["show", "influencer"])
        assert related(run.stdout) == [
            (
                "social-media-manager",
                "Social Media Manager",
                {"Communication", "Content creation", "Creativity and new ideas"},
            ),
            (
                "digital-content-creator",
                "Digital Content Creator",
                {"Content creation", "Creativity and new ideas"},
            ),
            (
                "online-community-manager",
                "Online Community Manager",
                {"Communication", "Relationship building"},
            ),
        ]

    def test_social_media_manager(self) -> None:
        # social-media-manager has 7 skills.
        #   digital-content-creator   writing, content-creation, creativity: 3, J=3/9
        #   influencer                content-creation, creativity, communication: 3, J=3/10
        #   social-media-data-analyst analytics, strategy: 2, J=2/10
        #   social-media-pr-manager   communication, written-communication: 2, J=2/13
        run = invoke(["show", "social-media-manager"])
        assert related(run.stdout) == [
            (
                "digital-content-creator",
                "Digital Content Creator",
                {"Writing", "Content creation", "Creativity and new ideas"},
            ),
            (
                "influencer",
                "Social Media Influencer",
                {"Content creation", "Creativity and new ideas", "Communication"},
            ),
            (
                "social-media-data-analyst",
                "Social Media Data Analyst",
                {"Data analysis", "Strategy development"},
            ),
        ]

    def test_equal_count_and_similarity_fall_back_to_id(self) -> None:
        # social-media-marketing-specialist (6 skills) shares one skill with four careers:
        #   digital-content-creator   audience-understanding  J=1/10
        #   social-media-data-analyst analytics               J=1/10   (tie -> by id: d < s)
        #   influencer                marketing               J=1/11
        #   social-media-manager      analytics               J=1/12   (4th, left out)
        run = invoke(["show", "social-media-marketing-specialist"])
        assert related(run.stdout) == [
            (
                "digital-content-creator",
                "Digital Content Creator",
                {"Understanding the target audience"},
            ),
            ("social-media-data-analyst", "Social Media Data Analyst", {"Data analysis"}),
            ("influencer", "Social Media Influencer", {"Marketing and promotion"}),
        ]

    def test_similarity_outranks_id_and_count_outranks_similarity(self, tmp_path: Path) -> None:
        # In the real catalogue the Jaccard order always agrees with the id order, so a made-up
        # catalogue separates them. "target" has analytics, strategy, reporting.
        #   c-three  all three + 5 more:       3 shared, J=3/8   -> first: count beats J
        #   m-five   analytics, strategy:      2 shared, J=2/3
        #   x-one    analytics, strategy:      2 shared, J=2/3   -> after m-five by id
        #   b-two    analytics, strategy, +2:  2 shared, J=2/5   -> 4th although "b" < "m"
        #   a-four   analytics:                1 shared, J=1/3   -> 5th
        path = custom_catalogue(
            tmp_path,
            {
                "target": ["analytics", "strategy", "reporting"],
                "a-four": ["analytics"],
                "b-two": ["analytics", "strategy", "marketing", "creativity"],
                "c-three": [
                    "analytics",
                    "strategy",
                    "reporting",
                    "marketing",
                    "creativity",
                    "credibility",
                    "budget-management",
                    "video-editing",
                ],
                "m-five": ["analytics", "strategy"],
                "x-one": ["strategy", "analytics"],
            },
        )
        run = invoke(["show", "target", "--data", str(path)])
        assert run.exit_code == 0, run.stderr
        assert [(cid, shared) for cid, _, shared in related(run.stdout)] == [
            ("c-three", {"Data analysis", "Strategy development", "Clear reporting"}),
            ("m-five", {"Data analysis", "Strategy development"}),
            ("x-one", {"Data analysis", "Strategy development"}),
        ]


def test_bullets_sit_two_cells_in_with_no_blank_line_between() -> None:
    shown = lines("show", "influencer")
    assert under(shown, "Responsibilities", 4) == [
        "  • Has a large number of followers on social media",
        "  • Uses their platform to promote products and services",
        "  • Influences their followers' buying decisions",
        "",
    ]


def test_a_bullet_uses_the_whole_width_before_it_wraps() -> None:
    """The second responsibility is 56 cells with its bullet: whole at 56 columns."""
    bullet = "  • Uses their platform to promote products and services"
    assert bullet in lines("show", "influencer", columns=56)
    assert bullet not in lines("show", "influencer", columns=55)


def test_a_career_s_trends_and_tips_are_bullets_with_their_ids() -> None:
    shown = lines("show", "social-media-data-analyst")
    assert under(shown, "Trends", 4) == [
        "  • Artificial intelligence and data analysis  ai-and-data-analysis",
        "",
        "Tips",
        "  • Learn analytics and how to use the tools  learn-analytics-and-tools",
    ]


def first_related_lines(shown: list[str]) -> list[str]:
    """The related careers table's header, its rule and its first two lines."""
    return under(shown, "Related careers", 4)


def test_an_esco_occupation_and_the_related_careers_table(tmp_path: Path) -> None:
    esco = imported_esco_sample(tmp_path)
    shown = lines("show", "advertising-specialist", "--data", str(esco))
    assert under(shown, "Standard occupations (ESCO)", 3) == [
        "  • advertising specialist · ISCO-08 2431 · match: exact",
        "    http://data.europa.eu/esco/occupation/e01719f4-d7dd-42fe-b504-93128520f84a",
        "",
    ]
    assert first_related_lines(shown) == [
        "  id                         title                      shared skills",
        "  " + "─" * 78,
        "  public-relations-manager   public relations manager   public relations, advise",
        "                                                        on public image, develop",
    ]


def test_related_careers_stack_under_their_ids_when_narrow(tmp_path: Path) -> None:
    esco = imported_esco_sample(tmp_path)
    shown = lines("show", "advertising-specialist", "--data", str(esco), columns=40)
    assert under(shown, "Related careers", 4) == [
        "  public-relations-manager",
        "    title          public relations",
        "                   manager",
        "    shared skills  public relations,",
    ]


def test_related_careers_share_a_narrow_line_title_before_skills(tmp_path: Path) -> None:
    esco = imported_esco_sample(tmp_path)
    shown = lines("show", "advertising-specialist", "--data", str(esco), columns=64)
    assert first_related_lines(shown) == [
        "  id                         title              shared skills",
        "  " + "─" * 62,
        "  public-relations-manager   public relations   public",
        "                             manager            relations,",
    ]


def test_a_career_s_lines_as_data_are_their_own_words() -> None:
    run = invoke(["show", "influencer", "-f", "csv"])
    (row,) = csv.DictReader(io.StringIO(run.stdout))
    assert row["required_skills"] == "; ".join(
        [
            "The ability to create engaging, fresh content.",
            "Strong communication skills and building relationships with followers.",
            "Knowledge of marketing and promotion methods.",
            "A commitment to credibility and trust.",
        ]
    )


# --- show: naming a career -------------------------------------------------------------------


# Found by the id or a whole name (a title or an alternative title): quiet. Found by all the
# words, word starts or a misspelling: a guess, which one line on stderr names.
NAMES_OF_A_CAREER = [
    ("social-media-data-analyst", "social-media-data-analyst", False),  # exact id
    ("social-media-d", "social-media-data-analyst", True),  # word starts, of one career only
    ("digital-c", "digital-content-creator", True),  # word starts, of one career only
    ("analyst", "social-media-data-analyst", True),  # a word of one career's names only
    ("community manager", "online-community-manager", False),  # an alternative title
    ("Community Manager", "online-community-manager", False),  # any case
    ("pr manager", "social-media-pr-manager", False),  # an alternative title ("PR manager")
    ("المؤثر", "influencer", False),  # "مؤثر", an Arabic alternative title, with the article
    ("مدير المجتمع", "online-community-manager", False),  # "مدير مجتمع", Arabic alt. title
    ("influencr", "influencer", True),  # misspelling
    ("infleuncer", "influencer", True),  # transposed letters
]


@pytest.mark.parametrize(
    ("query", "career_id", "guessed"),
    NAMES_OF_A_CAREER,
    ids=[f"{query}-{career_id}" for query, career_id, _ in NAMES_OF_A_CAREER],
)
def test_any_name_of_a_career_prints_what_its_id_prints(
    query: str, career_id: str, guessed: bool
) -> None:
    canonical = invoke(["show", career_id])
    run = invoke(["show", query])
    assert run.exit_code == 0, run.stderr
    guess = f"using {career_id}, the closest match to '{query}'\n"
    assert run.stderr == (guess if guessed else "")
    assert canonical.stderr == ""
    assert canonical.stdout.splitlines()[0].split()[-1] == career_id
    assert run.stdout == canonical.stdout


def _career_lines(stderr: str) -> dict[str, str]:
    """Career ids listed one per line on stderr, each with the rest of its line (the title)."""
    listed: dict[str, str] = {}
    for line in stderr.splitlines()[1:]:
        first, _, rest = line.strip().partition(" ")
        if first in SEVEN_IDS:
            listed[first] = rest.strip()
    return listed


class TestNamingErrors:
    """Names that fit several careers or none: exit 1, nothing on stdout, help on stderr."""

    def test_manager_is_ambiguous_and_lists_the_three_managers_with_titles(self) -> None:
        # Titles with the word "manager": Social Media Manager, Social Media Public Relations
        # Manager, Online Community Manager. No other title or id has it.
        run = invoke(["show", "manager"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert "'manager'" in run.stderr.splitlines()[0]
        listed = _career_lines(run.stderr)
        assert listed == {
            "social-media-manager": "Social Media Manager",
            "social-media-pr-manager": "Social Media Public Relations Manager",
            "online-community-manager": "Online Community Manager",
        }

    def test_an_id_prefix_shared_by_two_careers_is_ambiguous(self) -> None:
        # "social media m": each word starts a word of a name. "m" starts "media" too, so every
        # career with "social media" in one name fits, by word starts alike (2 ids start with
        # "social-media-m", 5 careers fit): nothing is guessed. Best first: the shorter name
        # the query covers more of, then id. Names (normalised) of 20, 23 (the influencer's
        # title, the PR manager's id), 25 and 33 characters.
        run = invoke(["show", "social-media-m"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == (
            "error: 'social-media-m' fits 5 careers; use one of these ids (best first):"
        )
        assert [line.split()[0] for line in lines[1:]] == [
            "social-media-manager",  # social media manager (20)
            "influencer",  # social media influencer (23)
            "social-media-pr-manager",  # social media pr manager (23)
            "social-media-data-analyst",  # social media data analyst (25)
            "social-media-marketing-specialist",  # social media marketing specialist (33)
        ]
        assert _career_lines(run.stderr)["influencer"] == "Social Media Influencer"

    def test_unknown_name(self) -> None:
        run = invoke(["show", "xyzzy"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0].endswith("no career matches 'xyzzy'")
        assert not any(line.startswith("did you mean") for line in lines)

    @pytest.mark.parametrize(
        ("query", "suggested"),
        [
            # one letter from "manager", with "media": two careers have both words
            ("media manger", ["social-media-manager", "social-media-pr-manager"]),
            # shares "content creator" and three of its four words with one title
            ("video content creator", ["digital-content-creator"]),
        ],
    )
    def test_a_near_miss_gets_did_you_mean_with_ids(self, query: str, suggested: list[str]) -> None:
        run = invoke(["show", query])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0].endswith(f"no career matches '{query}'")
        hint = next(line for line in lines if line.startswith("did you mean: "))
        ids = [part.strip(" ?") for part in hint.removeprefix("did you mean: ").split(",")]
        assert ids == suggested


def having_word(records: Mapping[str, Sequence[tuple[str, bool]]], word: str) -> set[str]:
    """The records with `word` as a whole word of one of their names."""
    return {
        record_id
        for record_id, listed in records.items()
        if any(word in normalise(text).split() for text, _ in listed)
    }


class TestBuiltInCareerNames:
    def test_a_misspelling_is_taken_and_said(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["show", "influenza"])
        assert run.exit_code == 0
        assert run.stderr == guessed("influencer", "influenza")
        assert run.stdout == every_way(builtin, ["show", "influencer"]).stdout

    def test_the_exact_id_is_taken_quietly(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["show", "influencer"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout.startswith("Social Media Influencer  influencer\n")

    @pytest.mark.parametrize(
        ("alt_title", "career_id"),
        [
            ("صانع محتوى", "digital-content-creator"),
            ("مسؤول علاقات عامة", "social-media-pr-manager"),
        ],
    )
    def test_an_alternative_title_is_a_whole_name(
        self, alt_title: str, career_id: str, builtin: Catalogue
    ) -> None:
        assert alt_title in raw_career(career_id)["alt_titles"]["ar"]
        run = every_way(builtin, ["show", alt_title])
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout == every_way(builtin, ["show", career_id]).stdout

    def test_an_unknown_title_suggests_careers_sharing_its_words(self, builtin: Catalogue) -> None:
        # Of the catalogue's careers only the data analyst has "data" in a name; none "scientist".
        careers = career_names(builtin.data)
        assert having_word(careers, "data") == {"social-media-data-analyst"}
        assert having_word(careers, "scientist") == set()
        run = every_way(builtin, ["show", "data scientist"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run) == [
            "error: no career matches 'data scientist'",
            "did you mean: social-media-data-analyst?",
        ]

    def test_the_guess_is_said_in_arabic(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["show", "influenza", "--lang", "ar"])
        assert run.exit_code == 0
        assert run.stderr == "تم استخدام influencer، أقرب تطابق لـ 'influenza'\n"
        quiet = every_way(builtin, ["show", "influencer", "--lang", "ar"])
        assert (quiet.stdout, quiet.stderr) == (run.stdout, "")


TEACHER_SUBJECTS = [
    "art",
    "music",
    "history",
    "geography",
    "mathematics",
    "physics",
    "chemistry",
    "biology",
    "english",
    "french",
    "dance",
    "drama",
    "latin",
    "religion",
    "economics",
    "philosophy",
    "computer science",
    "physical education",
    "special needs",
    "primary school",
    "secondary school",
    "early years",
    "vocational",
    "sign language",
]


GIFTED = "teacher-of-talented-and-gifted-students"


def teachers_catalogue() -> dict[str, Any]:
    careers = [
        career_entry(s.replace(" ", "-") + "-teacher", f"{s.capitalize()} teacher", ["pedagogy"])
        for s in TEACHER_SUBJECTS
    ]
    careers += [
        career_entry(GIFTED, "Teacher of talented and gifted students", ["pedagogy"]),
        # "teacher" only starts words of these (a weaker kind of match than a whole word).
        career_entry("union-officer", "Teachers' union officer", ["negotiation"]),
        career_entry("teacherbot-technician", "Classroom robot technician", ["negotiation"]),
    ]
    skills = [skill_entry("pedagogy", "Pedagogy"), skill_entry("negotiation", "Negotiation")]
    return catalogue_data("Teachers", careers, skills)


@pytest.fixture(scope="module")
def teachers(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("teachers") / "teachers.json", teachers_catalogue())


class TestManyTeachers:
    def test_a_shared_word_is_ambiguous_not_the_id_prefix(self, teachers: Catalogue) -> None:
        ranking = reference_ranking("teacher", career_names(teachers.data))
        tied = tied_best(ranking)
        assert len(tied) == len(TEACHER_SUBJECTS) + 1
        assert GIFTED in {f.record_id for f in tied}
        assert {"union-officer", "teacherbot-technician"}.isdisjoint(f.record_id for f in tied)
        run = every_way(teachers, ["show", "teacher"])
        assert (run.exit_code, run.stdout) == (1, "")
        lines = stderr_lines(run)
        assert lines == ambiguous_lines("teacher", "careers", tied, english_titles(teachers.data))
        assert lines[-1] == f"  ... and {len(TEACHER_SUBJECTS) + 1 - CANDIDATE_LIMIT} more"
        assert lines[1].split() == ["art-teacher", "Art", "teacher"]  # the shortest title

    def test_a_whole_title_is_taken_quietly(self, teachers: Catalogue) -> None:
        run = every_way(teachers, ["show", "ART TEACHER"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout == every_way(teachers, ["show", "art-teacher"]).stdout

    def test_starts_of_words_only_when_no_whole_word_fits(self, teachers: Catalogue) -> None:
        run = every_way(teachers, ["show", "teacherb"])
        assert (run.exit_code, run.stderr) == (0, guessed("teacherbot-technician", "teacherb"))


@pytest.fixture(scope="module")
def esco(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.esco(tmp_path_factory)


class TestEscoSample:
    def test_a_common_word_is_ambiguous_best_first(self, esco: Catalogue) -> None:
        ranking = reference_ranking("manager", career_names(esco.data))
        tied = tied_best(ranking)
        assert tied[0].kind == WORDS
        # Every career one of whose names has the word "manager", and only those.
        assert {f.record_id for f in tied} == having_word(career_names(esco.data), "manager")
        assert len(tied) > CANDIDATE_LIMIT
        # Careers with the word in their title come first, the shorter title first; then those
        # with it only in an alternative title.
        titled = sorted(
            (len(normalise(title)), career_id)
            for career_id, title in english_titles(esco.data).items()
            if "manager" in normalise(title).split()
        )
        assert [f.record_id for f in tied[: len(titled)]] == [i for _, i in titled]
        assert len(titled) < CANDIDATE_LIMIT < len(tied)
        run = every_way(esco, ["show", "manager"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run) == ambiguous_lines(
            "manager", "careers", tied, english_titles(esco.data)
        )

    def test_a_word_of_one_career_finds_it(self, esco: Catalogue) -> None:
        ranking = reference_ranking("nurse", career_names(esco.data))
        assert [(f.kind, f.record_id) for f in tied_best(ranking)] == [(WORDS, "specialist-nurse")]
        run = every_way(esco, ["show", "nurse"])
        assert (run.exit_code, run.stderr) == (0, guessed("specialist-nurse", "nurse"))
        assert run.stdout == every_way(esco, ["show", "specialist-nurse"]).stdout

    def test_an_unknown_name_suggests_five_careers_sharing_a_word(self, esco: Catalogue) -> None:
        run = every_way(esco, ["show", "zqxj manager"])
        assert (run.exit_code, run.stdout) == (1, "")
        error, hint = stderr_lines(run)
        assert error == "error: no career matches 'zqxj manager'"
        assert hint.startswith("did you mean: ") and hint.endswith("?")
        suggested = hint.removeprefix("did you mean: ").removesuffix("?").split(", ")
        assert len(suggested) == len(set(suggested)) == 5
        assert set(suggested) <= having_word(career_names(esco.data), "manager")

    @pytest.mark.parametrize("text", ["marketing", "social media", "manage budgets"])
    def test_skills_fitting_a_text_in_relevance_order(self, text: str, esco: Catalogue) -> None:
        run = every_way(esco, ["skills", text, "--format", "json", "--limit", "all"])
        assert (run.exit_code, run.stderr) == (0, "")
        expected = [f.record_id for f in reference_ranking(text, skill_names(esco.data))]
        assert expected
        assert shown_ids(run) == expected


class TestEverydayWords:
    """An alternative title that many titles contradict picks nothing (README, "Names")."""

    def test_an_alternative_title_many_titles_contradict_is_a_list_led_by_them(
        self, everyday: Catalogue
    ) -> None:
        run = every_way(everyday, ["show", "teacher"])
        assert (run.exit_code, run.stdout) == (1, "")
        # The three titles with the word, closest (shortest) first, then the lecturer.
        assert stderr_lines(run) == [
            "error: 'teacher' fits 4 careers; use one of these ids (best first):",
            "  dance-teacher           Dance teacher",
            "  music-teacher           Music teacher",
            "  primary-school-teacher  Primary school teacher",
            "  politics-lecturer       Politics lecturer",
        ]

    def test_its_own_title_having_the_word_is_no_excuse(self, everyday: Catalogue) -> None:
        # "driver" is a word of the hearse driver's own title, and of two others.
        run = every_way(everyday, ["show", "driver"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert [line.split()[0] for line in stderr_lines(run)[1:]] == [
            "bus-driver",
            "taxi-driver",
            "hearse-driver",
        ]

    def test_one_other_title_does_not_contradict(self, everyday: Catalogue) -> None:
        # "youtuber" is the vlogger's other title and a word of one other title only (as
        # "البيانات", data, of the built-in catalogue's analytics and "press releases").
        run = every_way(everyday, ["show", "youtuber", "-f", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert json.loads(run.stdout)["id"] == "vlogger"

    def test_a_form_its_title_names_is_as_good_as_the_title(self, everyday: Catalogue) -> None:
        # "actress" is another title of actor/actress and of the artistic coach: the form the
        # title names wins, quietly.
        for query in ("actress", "actor", "Actor/Actress"):
            run = every_way(everyday, ["show", query, "-f", "json"])
            assert (run.exit_code, run.stderr) == (0, ""), query
            assert json.loads(run.stdout)["id"] == "actor-actress"

    def test_a_whole_title_still_wins_quietly(self, everyday: Catalogue) -> None:
        run = every_way(everyday, ["show", "music teacher", "-f", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert json.loads(run.stdout)["id"] == "music-teacher"


# --- compare ---------------------------------------------------------------------------------


SUMMARY = {cid: summary for cid, _, summary, _ in LIST_ROWS}


TITLE = {cid: title for cid, title, _, _ in LIST_ROWS}


@dataclass(frozen=True)
class ComparisonView:
    """`careers compare` read back: column headers, rows of cells, and the last line."""

    headers: list[str]
    rows: list[tuple[str, list[str]]]
    caption: str

    def row(self, name: str) -> list[str]:
        return next(cells for label, cells in self.rows if label == name)


def read_comparison(output: str, ids: list[str]) -> ComparisonView:
    lines = output.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    starts = [0]
    for cid in ids:
        at = next(s[0] for line in lines[:rule] if (s := header_starts(line, [cid])))
        starts.append(at)
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    headers = [
        " ".join(part for line in lines[:rule] if (part := line[start:end].strip()))
        for start, end in bounds[1:]
    ]
    body = [line for line in lines[rule + 1 :] if line.strip()]
    caption = body.pop()
    # A row starts on a line with text in the first column and in the career columns; a line
    # with text only in the first column continues a wrapped row label.
    rows: list[tuple[list[str], list[list[str]]]] = []
    for line in body:
        parts = [line[start:end].strip() for start, end in bounds]
        if parts[0] and any(parts[1:]):
            rows.append(([parts[0]], [[] for _ in ids]))
        elif parts[0]:
            rows[-1][0].append(parts[0])
        for cell, part in zip(rows[-1][1], parts[1:], strict=True):
            if part:
                cell.append(part)
    joined = [(" ".join(label), [" ".join(cell) for cell in cells]) for label, cells in rows]
    return ComparisonView(headers, joined, caption)


def skill_marks(view: ComparisonView) -> list[tuple[str, list[str]]]:
    """The skill rows: everything between the summary row and the platforms row."""
    labels = [label for label, _ in view.rows]
    assert labels[:2] == ["title", "summary"], labels
    assert labels[-1] == "Platforms and tools", labels
    return view.rows[2:-1]


@pytest.fixture(scope="module")
def esco_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_esco_sample(tmp_path_factory.mktemp("esco"))


def skills_of(data: dict[str, Any], career_id: str) -> set[str]:
    career = next(c for c in data["careers"] if c["id"] == career_id)
    return {s for line in career["required_skills"] for s in line["skills"]}


class TestCompare:
    """Careers side by side: a column each, shared skills first, and the share in common."""

    def test_headers_are_ids_then_title_and_summary_rows(self) -> None:
        ids = ["influencer", "online-community-manager"]
        run = invoke(["compare", *ids])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        view = read_comparison(run.stdout, ids)
        assert view.headers == ids
        assert view.row("title") == [TITLE[cid] for cid in ids]
        assert view.row("summary") == [SUMMARY[cid] for cid in ids]

    def test_influencer_and_community_manager(self) -> None:
        # influencer:               content-creation, creativity, communication,
        #                           relationship-building, marketing, credibility
        # online-community-manager: communication, relationship-building, customer-care,
        #                           community-management, social-media-tools, audience-engagement
        # shared by both: communication, relationship-building -> first two rows.
        # union: 6 + 6 - 2 = 10 -> "skills in common: 2/10 (20%)".
        ids = ["influencer", "online-community-manager"]
        view = read_comparison(invoke(["compare", *ids]).stdout, ids)
        marks = skill_marks(view)
        assert marks[:2] == [
            ("Communication", ["yes", "yes"]),
            ("Relationship building", ["yes", "yes"]),
        ]
        assert sorted(marks[2:]) == sorted(
            [
                ("Content creation", ["yes", "-"]),
                ("Creativity and new ideas", ["yes", "-"]),
                ("Marketing and promotion", ["yes", "-"]),
                ("Credibility and trust", ["yes", "-"]),
                ("Handling questions and complaints", ["-", "yes"]),
                ("Community management", ["-", "yes"]),
                ("Social media tools", ["-", "yes"]),
                ("Audience engagement", ["-", "yes"]),
            ]
        )
        assert view.row("Platforms and tools") == ["-", "-"]
        assert view.caption == "skills in common: 2/10 (20%)"

    def test_manager_and_analyst_with_their_platforms(self) -> None:
        # social-media-manager: communication, written-communication, social-media-platforms,
        #   analytics, strategy, content-creation, creativity; Facebook, Twitter, Instagram,
        #   LinkedIn.
        # social-media-data-analyst: analytics, social-media-tools, reporting, market-research,
        #   strategy; Google Analytics, Hootsuite.
        # shared: analytics, strategy; union 7 + 5 - 2 = 10 -> 2/10 (20%).
        ids = ["social-media-manager", "social-media-data-analyst"]
        view = read_comparison(invoke(["compare", *ids]).stdout, ids)
        marks = skill_marks(view)
        assert sorted(marks[:2]) == [
            ("Data analysis", ["yes", "yes"]),
            ("Strategy development", ["yes", "yes"]),
        ]
        assert sorted(marks[2:]) == sorted(
            [
                ("Communication", ["yes", "-"]),
                ("Writing", ["yes", "-"]),
                ("Knowing the social media platforms", ["yes", "-"]),
                ("Content creation", ["yes", "-"]),
                ("Creativity and new ideas", ["yes", "-"]),
                ("Social media tools", ["-", "yes"]),
                ("Clear reporting", ["-", "yes"]),
                ("Market trends", ["-", "yes"]),
            ]
        )
        manager, analyst = view.row("Platforms and tools")
        assert _in_order(manager, ["Facebook", "Twitter", "Instagram", "LinkedIn"])
        assert _in_order(analyst, ["Google Analytics", "Hootsuite"])
        assert "Hootsuite" not in manager and "Facebook" not in analyst
        assert view.caption == "skills in common: 2/10 (20%)"

    def test_three_careers(self) -> None:
        # influencer (6 skills), online-community-manager (6), social-media-pr-manager (8):
        # shared by all three: communication, relationship-building.
        # union: influencer's 6 + customer-care, community-management, social-media-tools,
        #   audience-engagement + crisis-management, reputation-management,
        #   written-communication, media-relations, social-listening = 15.
        # 2/15 = 13.3% -> "2/15 (13%)". Social media tools is in two of the three.
        ids = ["influencer", "online-community-manager", "social-media-pr-manager"]
        view = read_comparison(invoke(["compare", *ids]).stdout, ids)
        marks = skill_marks(view)
        assert len(marks) == 15
        assert marks[:2] == [
            ("Communication", ["yes", "yes", "yes"]),
            ("Relationship building", ["yes", "yes", "yes"]),
        ]
        assert dict(marks)["Social media tools"] == ["-", "yes", "yes"]
        assert dict(marks)["Credibility and trust"] == ["yes", "-", "-"]
        assert view.caption == "skills in common: 2/15 (13%)"

    def test_careers_are_named_as_for_show(self) -> None:
        # "analyst" is a word of one career's names only (social-media-data-analyst): found by
        # "all words", a guess, so stderr says which career it took. "community manager" is
        # the whole alternative title of online-community-manager and "المؤثر" (normalised
        # "مؤثر", the article dropped) a whole Arabic alternative title of influencer: whole
        # names, quiet.
        by_name = invoke(["compare", "analyst", "community manager", "المؤثر"])
        by_id = invoke(
            ["compare", "social-media-data-analyst", "online-community-manager", "influencer"]
        )
        assert by_name.exit_code == 0, by_name.stderr
        assert by_name.stdout == by_id.stdout
        assert by_name.stderr == (
            "using social-media-data-analyst, the closest match to 'analyst'\n"
        )
        assert by_id.stderr == ""

    def test_a_word_of_several_careers_is_refused_with_the_candidates_best_first(self) -> None:
        # "manager" is a word of three careers' names, no whole name and no id: "all words"
        # fits three careers, so nothing is guessed (exit 1, nothing on stdout). Best first:
        # a title or id (names a career is known by, all three have one with the word) before
        # an alternative title, then the name the query covers more of:
        #   social-media-manager      "social media manager"     7/20 of it
        #   social-media-pr-manager   "social media pr manager"  7/23 (its id, as words)
        #   online-community-manager  "online community manager" 7/24
        # ("pr manager" and "community manager" cover more, but are alternative titles.)
        run = invoke(["compare", "influencer", "manager"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'manager' fits 3 careers; use one of these ids (best first):"
        assert [line.split(None, 1) for line in lines[1:]] == [
            ["social-media-manager", "Social Media Manager"],
            ["social-media-pr-manager", "Social Media Public Relations Manager"],
            ["online-community-manager", "Online Community Manager"],
        ]

    def test_seven_careers_each_header_shows_its_whole_id(self) -> None:
        run = invoke(["compare", *SEVEN_IDS])
        assert run.exit_code == 0, run.stderr
        header = run.stdout.split("─", 1)[0]
        missing = [cid for cid in SEVEN_IDS if not shows_id(header, cid)]
        assert missing == [], f"ids cut in the header:\n{header}"

    # Bounded: 30 skills by default, every one on request.

    PAIR = ("accounting-analyst", "advertising-copywriter")

    def test_json_shows_the_first_skills_and_says_how_many_more(self, esco_sample: Path) -> None:
        data = json.loads(esco_sample.read_text(encoding="utf-8"))
        union = set().union(*(skills_of(data, c) for c in self.PAIR))
        assert len(union) > COMPARE_DEFAULT  # the sample's pair has more than a screenful
        every = invoke(
            ["compare", *self.PAIR, "--data", str(esco_sample), "-f", "json", "-n", "all"]
        )
        assert every.stderr == ""
        everything = json.loads(every.stdout)
        assert {s["id"] for s in everything["skills"]} == union
        shown = invoke(["compare", *self.PAIR, "--data", str(esco_sample), "-f", "json"])
        assert shown.exit_code == 0
        first = json.loads(shown.stdout)
        assert first["skills"] == everything["skills"][:COMPARE_DEFAULT]
        assert first["similarity"] == everything["similarity"]  # counted over them all
        assert shown.stderr == (
            f"showing {COMPARE_DEFAULT} of {len(union)} skills; '--limit all' shows every one\n"
        )

    def test_shared_skills_come_first(self, esco_sample: Path) -> None:
        data = json.loads(esco_sample.read_text(encoding="utf-8"))
        a, b = (skills_of(data, c) for c in self.PAIR)
        run = invoke(["compare", *self.PAIR, "--data", str(esco_sample), "-f", "json", "-n", "all"])
        rows = json.loads(run.stdout)["skills"]
        both = [all(row["present"].values()) for row in rows]
        assert both == sorted(both, reverse=True)
        assert sum(both) == len(a & b)

    def test_the_table_counts_every_skill_below_its_rows(self, esco_sample: Path) -> None:
        data = json.loads(esco_sample.read_text(encoding="utf-8"))
        union = set().union(*(skills_of(data, c) for c in self.PAIR))
        run = invoke(["compare", *self.PAIR, "--data", str(esco_sample)], env={"COLUMNS": "200"})
        assert run.exit_code == 0, run.stderr
        lines = run.stdout.rstrip("\n").splitlines()
        assert lines[-1] == (
            f"showing {COMPARE_DEFAULT} of {len(union)} skills; '--limit all' shows every one"
        )
        assert lines[-2].endswith(f"/{len(union)} (0%)") or f"/{len(union)} (" in lines[-2]
        marks = [line for line in lines if line.rstrip().endswith((" yes", " -", " optional"))]
        platforms = 1  # the platforms row also ends with a mark
        assert len(marks) == COMPARE_DEFAULT + platforms

    def test_a_limit(self, esco_sample: Path) -> None:
        run = invoke(["compare", *self.PAIR, "--data", str(esco_sample), "-f", "csv", "-n", "3"])
        assert len(list(csv.DictReader(io.StringIO(run.stdout)))) == 3
        assert run.stderr.startswith("showing 3 of ")

    def test_the_built_in_pair_is_whole(self) -> None:
        run = invoke(["compare", "influencer", "digital-content-creator", "-f", "json"])
        assert run.stderr == ""
        data = raw_catalogue()
        union = skills_of(data, "influencer") | skills_of(data, "digital-content-creator")
        assert {s["id"] for s in json.loads(run.stdout)["skills"]} == union


LONG_IDS = ["social-media-data-analyst", "online-community-manager", "social-media-pr-manager"]


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    ("ids", "width"),
    [
        # ids of 10 + 25 + 20 cells, row labels of at least 8, 3 gaps of 3: 72 of 80
        (["influencer", "social-media-data-analyst", "social-media-manager"], 80),
        # 25 + 24 + 23 + 9 of gaps + 13 for the row labels, whose longest word is the whole of
        # "Communication" (a label column of 8 would cut it): 94 of 94
        (LONG_IDS, 94),
    ],
    ids=["80", "94"],
)
def test_compare_keeps_ids_whole_where_they_fit(ids: list[str], width: int, language: str) -> None:
    """Each id is printed whole on the header line, and no line is wider than the terminal."""
    run = invoke(["compare", *ids, "--lang", language], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[1].startswith("─"), run.stdout
    assert lines[0].split() == ids
    assert max(cell_len(line) for line in lines) <= width


TITLE_IN = {
    "en": {c["id"]: c["title"]["en"] for c in raw_catalogue()["careers"]},
    "ar": {c["id"]: c["title"]["ar"] for c in raw_catalogue()["careers"]},
}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    ("ids", "width"),
    [(LONG_IDS, 80), (["influencer", "social-media-data-analyst"], 40)],
    ids=["80", "40"],
)
def test_where_ids_cannot_fit_columns_are_numbered_and_a_legend_names_them(
    ids: list[str], width: int, language: str
) -> None:
    """The three long ids need 94 columns, these two 49: narrower, each column is headed by a
    number, and a legend above the table gives each number's id (whole) and title."""
    run = invoke(["compare", *ids, "--lang", language], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    legend = lines[: 2 * len(ids)]
    titles = [TITLE_IN[language][cid] for cid in ids]
    for number, (cid, title) in enumerate(zip(ids, titles, strict=True), start=1):
        assert legend[2 * number - 2].split() == [str(number), cid]
        assert legend[2 * number - 1].strip() == title
    assert lines[2 * len(ids)] == ""
    header = lines[2 * len(ids) + 1]
    assert header.split() == [str(n) for n in range(1, len(ids) + 1)]
    assert lines[2 * len(ids) + 2].startswith("─")


def test_compare_gives_way_to_blocks_when_an_id_would_be_cut() -> None:
    """Side by side, each career's id is whole in its column and the labels' column keeps at
    least 8 cells; at 48 columns the two ids and the labels do not fit, so each career is a
    block of its own."""
    wide = lines("compare", "influencer", "social-media-manager", columns=49)
    assert wide[0].split() == ["influencer", "social-media-manager"]
    narrow = lines("compare", "influencer", "social-media-manager", columns=48)
    assert narrow[0] == "1  influencer"


class TestCompareUsageErrors:
    """2 to 7 different careers; anything else is a usage error (exit 2) and prints nothing."""

    def test_one_career(self) -> None:
        run = invoke(["compare", "influencer"])
        assert run.exit_code == 2
        assert run.stdout == ""
        assert "compare needs at least 2 careers" in run.stderr

    @pytest.mark.parametrize("careers", [["influencer"], [*SEVEN_IDS, "influencer"]])
    def test_a_wrong_count_is_reported_before_the_catalogue_is_read(
        self, careers: list[str]
    ) -> None:
        """The usage error (exit 2), not the missing file (exit 3): the count is wrong
        whatever the catalogue holds."""
        run = invoke(["compare", *careers, "--data", "/nonexistent/careers.json"])
        assert run.exit_code == 2, run.stderr
        assert run.stderr.startswith("error: compare ")
        assert "no such file" not in run.stderr

    def test_the_same_career_twice_under_two_names(self) -> None:
        run = invoke(["compare", "influencer", "influencr"])
        assert run.exit_code == 2
        assert run.stdout == ""
        assert "'influencer' and 'influencr' are both Social Media Influencer" in run.stderr
        arabic = invoke(["compare", "influencer", "influencr", "--lang", "ar"])
        assert "كلاهما مؤثر وسائل التواصل الاجتماعي؛ اختر مهناً مختلفة" in arabic.stderr

    def test_eight_careers(self) -> None:
        run = invoke(["compare", *SEVEN_IDS, "influencr"])
        assert run.exit_code == 2
        assert run.stdout == ""
        assert "compare takes at most 7 careers" in run.stderr

    def test_an_unknown_career_is_not_found(self) -> None:
        run = invoke(["compare", "influencer", "xyzzy"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert "no career matches 'xyzzy'" in run.stderr


# --- skills ----------------------------------------------------------------------------------


def skill_labels() -> dict[str, str]:
    return {s["id"]: s["label"]["en"] for s in raw_catalogue()["skills"]}


def needed_by_from_data() -> dict[str, list[str]]:
    """For each skill, the careers (catalogue order) with a required-skill line tagged with it."""
    careers = raw_catalogue()["careers"]
    return {
        skill["id"]: [
            c["id"]
            for c in careers
            if any(skill["id"] in line["skills"] for line in c["required_skills"])
        ]
        for skill in raw_catalogue()["skills"]
    }


@dataclass
class NoteBlock:
    """One block of `careers trends`, `tips` or `skills`: a heading line with the id (and, for
    skills, the label), indented lines, and labelled fields."""

    id: str
    title: str = ""
    lines: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)

    def id_list(self, name: str) -> list[str]:
        """A comma-separated list of ids, rejoined where a long id was folded."""
        return "".join(self.fields[name]).replace(" ", "").split(",")

    def text(self, name: str) -> str:
        return " ".join(self.fields[name])


def note_blocks(output: str, labels: tuple[str, ...] = ("careers", "skills")) -> list[NoteBlock]:
    """Blocks: an id at the left edge (with a title after two spaces, for skills), then
    indented lines, then `label  value` lines (a line with a blank label continues the one
    before)."""
    blocks: list[NoteBlock] = []
    name = ""
    field_line = re.compile(rf"^ {{3}}({'|'.join(labels)}) {{2,}}(\S.*)$")
    for line in output.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            block_id, _, title = line.strip().partition("  ")
            blocks.append(NoteBlock(block_id, title.strip()))
            name = ""
            continue
        labelled = field_line.match(line.rstrip())
        if labelled:
            name = labelled[1]
            blocks[-1].fields[name] = [labelled[2]]
        elif name:
            blocks[-1].fields[name].append(line.strip())
        else:
            blocks[-1].lines.append(line.strip())
    return blocks


class TestSkills:
    """`careers skills`: every skill by id, with its label, aliases and the careers needing it."""

    def blocks(self) -> dict[str, NoteBlock]:
        run = invoke(["skills"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        return {block.id: block for block in note_blocks(run.stdout, ("also", "needed by"))}

    def test_every_skill_sorted_by_id(self) -> None:
        ids = list(self.blocks())
        assert len(ids) == 25
        assert ids == sorted(s["id"] for s in raw_catalogue()["skills"])
        assert ids[:3] == ["analytics", "audience-engagement", "audience-understanding"]
        assert ids[-1] == "written-communication"

    def test_labels_and_english_aliases(self) -> None:
        aliases = {s["id"]: ", ".join(s["aliases"]["en"]) for s in raw_catalogue()["skills"]}
        shown = {sid: (block.title, block.text("also")) for sid, block in self.blocks().items()}
        assert shown["analytics"] == (
            "Data analysis",
            "analytics, data analysis, data analytics, metrics, insights, performance analysis,"
            " measurement, kpis, interpreting data",
        )
        assert shown == {sid: (label, aliases[sid]) for sid, label in skill_labels().items()}

    def test_careers_needing_each_skill(self) -> None:
        # By hand: communication is tagged in social-media-manager (line 1), the PR manager
        # (line 1), the influencer (line 2) and the community manager (line 1); analytics in the
        # manager, the marketing specialist and the analyst; credibility only in the influencer.
        shown = {sid: block.id_list("needed by") for sid, block in self.blocks().items()}
        assert shown["communication"] == [
            "social-media-manager",
            "social-media-pr-manager",
            "influencer",
            "online-community-manager",
        ]
        assert shown["analytics"] == [
            "social-media-manager",
            "social-media-marketing-specialist",
            "social-media-data-analyst",
        ]
        assert shown["credibility"] == ["influencer"]
        assert shown == needed_by_from_data()

    # Bounded: 25 skills by default, every one on request.

    def test_twenty_five_by_id_then_how_many_more(self, catalogue: Path) -> None:
        run = invoke(["skills", "--data", str(catalogue), "-f", "json"])
        assert run.exit_code == 0, run.stderr
        every = sorted(ids_in_order(big_catalogue(), "skills"))
        assert [s["id"] for s in json.loads(run.stdout)] == every[:SKILL_LIMIT]
        assert run.stderr == (
            f"showing {SKILL_LIMIT} of {SKILLS} skills; '--limit all' shows every one\n"
        )

    def test_arabic_says_it_in_arabic(self, catalogue: Path) -> None:
        run = invoke(["skills", "--data", str(catalogue), "-f", "csv", "--lang", "ar", "-n", "5"])
        assert run.stderr == f"عرض 5 من {SKILLS} مهارة؛ '--limit all' يعرضها كلها\n"

    def test_skills_text_is_bounded_too(self, catalogue: Path) -> None:
        # "skill" is a word of the 45 "Skill NN" labels: more than 4.
        run = invoke(["skills", "skill", "--data", str(catalogue), "-f", "json", "-n", "4"])
        assert run.exit_code == 0, run.stderr
        assert len(json.loads(run.stdout)) == 4
        assert run.stderr.startswith("showing 4 of ")


class TestSublists:
    """In a `skills` block, "needed by" names 8 careers, then how many more and where to see
    them all."""

    def test_skills_names_8_careers_that_need_a_skill(self, catalogue: Path) -> None:
        needing = [
            c["id"]
            for c in big_catalogue()["careers"]
            if any("analytics" in line["skills"] for line in c["required_skills"])
        ]
        assert len(needing) > 8
        run = invoke(["skills", "analytics", "--data", str(catalogue)], env={"COLUMNS": "1000"})
        line = next(line for line in run.stdout.splitlines() if "needed by" in line)
        assert line.split("needed by", 1)[1].strip() == (
            ", ".join(needing[:8]) + f" ... and {len(needing) - 8} more "
            "('careers list --skill analytics -n all' lists them all)"
        )
        listed = invoke(["list", "--skill", "analytics", "-n", "all", "--data", str(catalogue)])
        assert all(career in listed.stdout for career in needing)


class TestBuiltInSkillSearch:
    def test_skills_fitting_a_word_best_first(self, builtin: Catalogue) -> None:
        # No skill is called "analysis"; three have it as a word of a name: the label of
        # analytics ("Data analysis") first, then aliases, the shorter first: "trend analysis"
        # (market-research, 14 characters), "sentiment analysis" (social-listening, 18).
        run = every_way(builtin, ["skills", "analysis", "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_ids(run) == ["analytics", "market-research", "social-listening"]
        ranking = reference_ranking("analysis", skill_names(builtin.data))
        assert [f.record_id for f in ranking] == shown_ids(run)
        assert [(f.alias, f.length) for f in ranking] == [(False, 13), (True, 14), (True, 18)]

    def test_a_misspelt_skill_is_an_error_suggesting_the_skill_meant(
        self, builtin: Catalogue
    ) -> None:
        run = every_way(builtin, ["skills", "analytcs", "--format", "json"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run) == [
            "error: no skill matches 'analytcs'",
            "did you mean: analytics? ('careers skills' lists them all)",
        ]

    def test_no_skill_at_all(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["skills", "zqxj"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run) == [
            "error: no skill matches 'zqxj'",
            "'careers skills' lists every skill",
        ]


@pytest.fixture(scope="module")
def symbols(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.symbols(tmp_path_factory)


class TestSymbolsInNames:
    def test_skills_c_lists_c_first(self, symbols: Catalogue) -> None:
        # "c" is the whole name of C; a word of "c sharp" (the id of C#); the start of "c++".
        run = every_way(symbols, ["skills", "C", "--format", "json"])
        assert shown_ids(run) == ["c", "c-sharp", "cpp"]
        assert shown_ids(run) == [
            f.record_id for f in reference_ranking("C", skill_names(symbols.data))
        ]

    def test_list_by_a_skill_with_a_symbol(self, symbols: Catalogue) -> None:
        run = every_way(symbols, ["list", "--skill", "C#", "--skill", ".NET", "-f", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_ids(run) == needing(symbols.data, "c-sharp", "dotnet") == ["windows-developer"]


class TestCompletionOrder:
    def test_skill_labels_exact_first_then_shorter(self, symbols: Catalogue) -> None:
        index = MemoryIndex(catalogue_from_data(symbols.data))
        assert completing.complete_skill_names(index, "C") == [
            ("C", "c"),
            ("C#", "c-sharp"),
            ("C++", "cpp"),
        ]
        # Ids as typed; labels in any case, offered in the case typed (once: "c" is an id).
        assert [v for v, _ in completing.complete_skill_names(index, "c")] == [
            "c",
            "cpp",
            "c-sharp",
            "c#",
            "c++",
        ]


def test_a_skill_named_by_its_id_comes_first_then_the_others_with_its_words() -> None:
    shown = lines("skills", "analytics")
    assert [line.split()[0] for line in shown if line and not line.startswith(" ")] == [
        "analytics",
        "social-media-tools",
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_skills_blocks_are_streamed_whole(big: Path, language: str) -> None:
    every = invoke(["skills", "--data", str(big), "-n", "all", "-f", "json"])
    table = invoke(["skills", "--data", str(big), "-n", "all", "--lang", language])
    expected = [s["id"] for s in json.loads(every.stdout)]
    # A block's heading starts with its id (right-aligned in Arabic, the id still first).
    words = [line.split() for line in table.stdout.splitlines()]
    ids = [line[0] for line in words if line and line[0] in set(expected)]
    assert ids == expected


# --- trends and tips -------------------------------------------------------------------------


TREND_IDS = [
    "ai-and-data-analysis",
    "visual-and-interactive-content",
    "virtual-and-augmented-reality",
    "social-commerce",
    "security-and-privacy",
]


TIP_IDS = [
    "learn-analytics-and-tools",
    "engage-with-the-audience",
    "renew-and-innovate",
    "build-a-network",
    "understand-the-target-audience",
]


@pytest.mark.parametrize(("command", "ids"), [("trends", TREND_IDS), ("tips", TIP_IDS)])
class TestTrendsAndTips:
    """Five notes each, in catalogue order: id, title and text, careers ids, skill labels."""

    def read(self, command: str) -> list[NoteBlock]:
        run = invoke([command])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        return note_blocks(run.stdout)

    def test_five_blocks_in_catalogue_order(self, command: str, ids: list[str]) -> None:
        assert [block.id for block in self.read(command)] == ids

    def test_title_and_text(self, command: str, ids: list[str]) -> None:
        notes = {n["id"]: n for n in raw_catalogue()[command]}
        for block in self.read(command):
            note = notes[block.id]
            assert block.lines[0] == note["title"]["en"]
            assert " ".join(block.lines[1:]) == note["text"]["en"]

    def test_career_ids_and_skill_labels(self, command: str, ids: list[str]) -> None:
        labels = skill_labels()
        notes = {n["id"]: n for n in raw_catalogue()[command]}
        for block in self.read(command):
            note = notes[block.id]
            assert block.id_list("careers") == note["careers"], block.id
            assert block.text("skills").split(", ") == [labels[s] for s in note["skills"]]


def test_first_trend_by_hand() -> None:
    # ai-and-data-analysis concerns the analyst, the marketing specialist and the manager, and
    # the skills analytics ("Data analysis") and strategy ("Strategy development").
    first = note_blocks(invoke(["trends"]).stdout)[0]
    assert first.id == "ai-and-data-analysis"
    assert first.lines[0] == "Artificial intelligence and data analysis"
    assert first.id_list("careers") == [
        "social-media-data-analyst",
        "social-media-marketing-specialist",
        "social-media-manager",
    ]
    assert first.text("skills") == "Data analysis, Strategy development"


def test_a_note_is_its_id_then_its_text_and_rows_indented_under_it() -> None:
    assert lines("tips")[:8] == [
        "learn-analytics-and-tools",
        "   Learn analytics and how to use the tools",
        "   Understanding analytics tools such as Google Analytics and Hootsuite is very",
        "   important for analysing performance and identifying strengths and weaknesses.",
        "   careers  social-media-data-analyst, social-media-manager,",
        "            social-media-marketing-specialist",
        "   skills   Data analysis, Social media tools",
        "",
    ]


class TestBuiltInNotes:
    def test_a_trend_by_id(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["trends", "ai-and-data-analysis", "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_ids(run) == ["ai-and-data-analysis"]
        assert (
            json.loads(run.stdout)
            == json.loads(every_way(builtin, ["trends", "--format", "json"]).stdout)[:1]
        )

    def test_a_trend_by_words_of_its_title_is_a_guess(self, builtin: Catalogue) -> None:
        by_id = every_way(builtin, ["trends", "ai-and-data-analysis"])
        run = every_way(builtin, ["trends", "artificial intelligence"])
        assert run.exit_code == 0
        assert run.stderr == guessed("ai-and-data-analysis", "artificial intelligence")
        assert run.stdout == by_id.stdout

    def test_a_tip_by_words_and_by_its_whole_title(self, builtin: Catalogue) -> None:
        by_id = every_way(builtin, ["tips", "build-a-network"])
        run = every_way(builtin, ["tips", "network"])
        assert (run.exit_code, run.stderr) == (0, guessed("build-a-network", "network"))
        assert run.stdout == by_id.stdout
        whole = every_way(builtin, ["tips", "Build a Network"])
        assert (whole.exit_code, whole.stdout, whole.stderr) == (0, by_id.stdout, "")
        assert "Build a network" in by_id.stdout

    def test_a_word_of_several_titles_is_ambiguous(self, builtin: Catalogue) -> None:
        notes = {
            t["id"]: [(t["id"], False), *((x, False) for x in t["title"].values())]
            for t in builtin.data["trends"]
        }
        tied = tied_best(reference_ranking("and", notes))
        assert len(tied) == 4
        titles = {t["id"]: t["title"]["en"] for t in builtin.data["trends"]}
        run = every_way(builtin, ["trends", "and"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run) == ambiguous_lines("and", "trends", tied, titles)

    def test_an_unknown_tip(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["tips", "zqxj wvut"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run)[0] == "error: no tip matches 'zqxj wvut'"


class TestNoNotes:
    """A catalogue without trends or tips says so, rather than printing nothing."""

    @pytest.mark.parametrize(
        ("kind", "english", "arabic"),
        [
            ("trends", "this catalogue has no trends", "لا يحتوي هذا الكتالوج على توجهات"),
            ("tips", "this catalogue has no tips", "لا يحتوي هذا الكتالوج على نصائح"),
        ],
    )
    def test_says_there_are_none(
        self, esco_sample: Path, kind: str, english: str, arabic: str
    ) -> None:
        run = invoke([kind, "--data", str(esco_sample)])
        assert (run.exit_code, run.stdout, run.stderr) == (0, "", english + "\n")
        run = invoke([kind, "--data", str(esco_sample), "--lang", "ar"])
        assert run.stderr == arabic + "\n"
        run = invoke([kind, "--data", str(esco_sample), "-f", "json"])
        assert (run.stdout.strip(), run.stderr) == ("[]", english + "\n")


# --- read ------------------------------------------------------------------------------------


class TestEverySection:
    def test_json_carries_every_section_whole_in_both_languages(self) -> None:
        run = invoke(["read", "-f", "json"])
        assert run.exit_code == 0, run.stderr
        notes = {kind: raw_catalogue()[kind] for kind in ("trends", "tips")}
        expected = [
            {
                "id": s["id"],
                "heading": s.get("heading"),
                "part": s.get("part"),
                "paragraphs": [{"en": p["en"], "ar": p["ar"]} for p in s["paragraphs"]],
                "notes": [
                    {"id": n["id"], "title": n["title"], "text": n["text"]}
                    for n in notes.get(s.get("lists", ""), [])
                ],
            }
            for s in sections()
        ]
        assert json.loads(run.stdout) == expected

    def test_the_table_prints_every_paragraph_in_full_and_in_order(self) -> None:
        run = invoke(["read"], env={"COLUMNS": "1000"})
        assert run.exit_code == 0, run.stderr
        text = run.stdout
        places = []
        for s in sections():
            heading = s["heading"]["en"] if s.get("heading") else s["id"]
            places.append(text.index(heading))
            for paragraph in s["paragraphs"]:
                assert paragraph["en"] in text
        assert places == sorted(places)
        # The introduction has no heading: its id names it, once.
        assert text.splitlines()[0].strip() == "introduction"

    def test_arabic_prints_the_arabic_text(self) -> None:
        run = invoke(["read", "--lang", "ar"], env={"COLUMNS": "1000"})
        assert run.exit_code == 0, run.stderr
        for s in sections():
            for paragraph in s["paragraphs"]:
                assert paragraph["ar"] in run.stdout
        assert read_support.section("career-outlook")["heading"]["ar"] in run.stdout

    def test_csv_has_a_row_per_paragraph_and_listed_note(self) -> None:
        run = invoke(["read", "-f", "csv"])
        assert run.exit_code == 0, run.stderr
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        notes = {kind: raw_catalogue()[kind] for kind in ("trends", "tips")}
        expected, part = [], ""
        for s in sections():
            part = s["part"]["en"] if s.get("part") else part
            heading = s["heading"]["en"] if s.get("heading") else s["id"]
            texts = [p["en"] for p in s["paragraphs"]]
            texts += [
                f"{n['title']['en']}: {n['text']['en']}" for n in notes.get(s.get("lists", ""), [])
            ]
            expected += [(s["id"], part, heading, text) for text in texts]
        assert [(r["id"], r["part"], r["heading"], r["text"]) for r in rows] == expected
        assert len(rows) == 18  # 8 paragraphs, 5 trends, 5 tips

    def test_markdown_is_a_document_with_a_heading_per_part_and_section(self) -> None:
        run = invoke(["read", "-f", "markdown"])
        assert run.exit_code == 0, run.stderr
        headings = [line for line in run.stdout.splitlines() if line.startswith("#")]
        assert headings == [
            "# About the field",
            "## introduction",
            "## Conclusion",
            "## More information",  # the article's part heading: the sections after it are in it
            "### The career outlook in social media",
            "### The importance of continuous learning",
            "### Future trends",
            "### Tips for success in social media",
            "### Summary",
        ]


class TestReadsWhole:
    """`read` is the article as it reads: every heading, and the trends and tips where the
    article introduces them; no heading or lead-in left with nothing after it."""

    def test_the_trends_follow_their_lead_in(self) -> None:
        text = invoke(["read", "future-trends"], env={"COLUMNS": "1000"}).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[1].endswith("Here are some future trends to watch:")
        trends = raw_catalogue()["trends"]
        assert lines[2:] == [f"• {t['title']['en']}: {t['text']['en']}" for t in trends]

    def test_the_tips_follow_their_lead_in_in_arabic(self) -> None:
        text = invoke(["read", "tips-for-success", "--lang", "ar"], env={"COLUMNS": "1000"})
        lines = [line.strip() for line in text.stdout.splitlines() if line.strip()]
        assert lines[1] == "لتحقيق النجاح في مجال وسائل التواصل الاجتماعي، هنا بعض النصائح المهمة:"
        tips = raw_catalogue()["tips"]
        assert lines[2:] == [f"• {t['title']['ar']}: {t['text']['ar']}" for t in tips]
        # each is the article's own line: "- " then "title: text"
        seed = SEED.read_text(encoding="utf-8").splitlines()
        assert all(line.removeprefix("• ") in seed for line in lines[2:])

    def test_every_heading_of_the_article_is_read_in_its_order(self) -> None:
        text = invoke(["read", "--lang", "ar"], env={"COLUMNS": "1000"}).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        headings = [
            "الخاتمة",
            "المزيد من المعلومات",
            "المستقبل المهني في وسائل التواصل الاجتماعي",
            "أهمية التعلم المستمر",
            "التوجهات المستقبلية",
            "نصائح للنجاح في مجال وسائل التواصل الاجتماعي",
            "الخلاصة",
        ]
        places = [
            next(at for at, line in enumerate(lines) if line.split("  ")[0] == heading)
            for heading in headings
        ]
        assert places == sorted(places)
        seed = SEED.read_text(encoding="utf-8").splitlines()
        assert [seed.index(h) for h in headings] == sorted(seed.index(h) for h in headings)

    def test_no_line_ends_with_a_colon_before_a_heading(self) -> None:
        """A lead-in (`...to watch:`) is followed by what it introduces, not by a heading."""
        text = invoke(["read"], env={"COLUMNS": "1000"}).stdout
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        for block, following in itertools.pairwise(blocks):
            if block.endswith(":"):
                assert following.startswith("•"), (block, following)


class TestOneSection:
    @pytest.mark.parametrize(
        ("name", "guessed"),
        [
            ("career-outlook", False),
            ("The career outlook in social media", False),  # its whole heading
            ("المستقبل المهني في وسائل التواصل الاجتماعي", False),  # in Arabic
            ("outlook", True),  # a word of the heading: a guess, said on stderr
            ("continous learning", True),  # misspelt
        ],
    )
    def test_by_id_heading_or_words(self, name: str, guessed: bool) -> None:
        run = invoke(["read", name, "-f", "json"])
        assert run.exit_code == 0, run.stderr
        [found] = json.loads(run.stdout)
        expected = "continuous-learning" if "contin" in name else "career-outlook"
        assert found["id"] == expected
        notice = f"using {expected}, the closest match to '{name}'\n"
        assert run.stderr == (notice if guessed else "")

    def test_a_word_of_several_headings_is_ambiguous(self) -> None:
        # "social" and "media" are in several headings; "media" alone fits them equally.
        run = invoke(["read", "media"])
        assert run.exit_code == 1
        lines = run.stderr.splitlines()
        having = [
            s["id"]
            for s in sections()
            if s.get("heading") and "media" in s["heading"]["en"].casefold().split()
        ]
        assert lines[0] == (
            f"error: 'media' fits {len(having)} sections; use one of these ids (best first):"
        )
        assert sorted(line.split()[0] for line in lines[1:]) == sorted(having)

    def test_an_unknown_section_is_not_found(self) -> None:
        run = invoke(["read", "zzqx"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert run.stderr.splitlines()[0] == "error: no section matches 'zzqx'"


class TestOtherCatalogues:
    def test_a_catalogue_without_sections_says_so(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        data["sections"] = []
        path = write_catalogue(tmp_path / "bare.json", data)
        run = invoke(["read", "--data", str(path)])
        assert (run.exit_code, run.stdout) == (0, "")
        assert run.stderr == "this catalogue has no prose sections\n"
        assert json.loads(invoke(["read", "--data", str(path), "-f", "json"]).stdout) == []

    @pytest.mark.parametrize("args", [["read"], ["read", "outlook"], ["read", "-f", "csv"]])
    def test_the_store_answers_as_the_file_does(self, tmp_path: Path, args: list[str]) -> None:
        path = settled_copy(tmp_path)
        run = same_from_store(args, path, tmp_path / "cache")
        assert run.exit_code == 0, run.stderr


def test_a_section_is_its_heading_then_its_paragraphs_indented() -> None:
    assert lines("read", "summary")[:3] == [
        "Summary  summary",
        "  Social media plays a central role in today's digital world and has brought",
        "  about a major change in the way people and companies communicate. The careers",
    ]


def test_a_paragraph_uses_the_whole_width_before_it_wraps() -> None:
    """The first line of the summary is 76 cells with its indent: whole at 76 columns."""
    first = "  Social media plays a central role in today's digital world and has brought"
    assert lines("read", "summary", columns=76)[1] == first
    assert lines("read", "summary", columns=75)[1] != first


# --- narrow terminals ------------------------------------------------------------------------


class TestNarrowLayouts:
    """Where the columns do not fit whole, tables become blocks, labels go above their values,
    and `compare` numbers its columns, then lists one block per career."""

    def test_list_becomes_a_block_per_career(self) -> None:
        lines = invoke(["list"], env={"COLUMNS": "40"}).stdout.splitlines()
        assert lines[:2] == ["social-media-manager", "  Social Media Manager"]
        assert "  skills: 7" in lines
        assert "social-media-marketing-specialist" in lines

    def test_list_stays_a_table_at_80_columns(self) -> None:
        first = invoke(["list"], env={"COLUMNS": "80"}).stdout.splitlines()[0]
        assert first.split() == ["id", "career", "skills"]

    def test_a_label_goes_above_a_value_too_narrow_for_its_ids(self) -> None:
        lines = invoke(["skills"], env={"COLUMNS": "40"}).stdout.splitlines()
        at = lines.index("   needed by")
        assert lines[at + 1 : at + 4] == [
            "     social-media-manager,",
            "     social-media-marketing-specialist,",
            "     social-media-data-analyst",
        ]
        # Where the values fit beside their labels, they stay there.
        assert "   needed by  online-community-manager" in lines

    def test_compare_of_seven_at_80_columns_is_a_block_per_career(self) -> None:
        lines = invoke(["compare", *SEVEN_IDS], env={"COLUMNS": "80"}).stdout.splitlines()
        assert lines[0] == "1. social-media-manager"
        assert lines[1].split() == ["title", "Social", "Media", "Manager"]
        assert "6. influencer" in lines
        assert lines[-1] == "skills in common: 0/25 (0%)"

    def test_compare_of_seven_at_120_columns_numbers_its_columns(self) -> None:
        lines = invoke(["compare", *SEVEN_IDS], env={"COLUMNS": "120"}).stdout.splitlines()
        assert lines[:2] == ["1  social-media-manager", "   Social Media Manager"]
        header = next(line for line in lines if line.split() == ["1", "2", "3", "4", "5", "6", "7"])
        assert header

    def test_show_stacks_the_related_careers(self) -> None:
        output = invoke(["show", "influencer"], env={"COLUMNS": "40"}).stdout
        assert "  social-media-manager\n    title          Social Media Manager\n" in output
        assert "  content.\n    content-creation, creativity\n" in output


def test_at_40_columns_list_shows_every_id_whole_or_folded() -> None:
    run = invoke(["list"], env={"COLUMNS": "40"})
    assert [cid for cid in SEVEN_IDS if not shows_id(run.stdout, cid)] == []


def test_at_40_columns_compare_shows_both_ids_whole_or_folded() -> None:
    run = invoke(["compare", "influencer", "analyst"], env={"COLUMNS": "40"})
    assert shows_id(run.stdout, "influencer")
    assert shows_id(run.stdout, "social-media-data-analyst"), run.stdout


# --- format 2 catalogues: other titles, texts in one language, optional skills ---------------


class TestAlternativeTitles:
    @pytest.mark.parametrize(
        "name", ["vlogger", "web video columnist", "مدونة فيديو", "مدون فيديو"]
    )
    def test_show_finds_a_career_by_an_alternative_title(self, name: str) -> None:
        assert document("show", name)["id"] == "video-blogger"

    def test_show_lists_them_in_the_reader_s_language(self) -> None:
        assert run("show", "video-blogger")[:2] == [
            "video blogger  video-blogger",
            "Also called: vlogger, web video columnist",
        ]
        arabic = run("show", "video-blogger", "--lang", "ar")
        assert arabic[1].strip() == "تُعرف أيضاً باسم: مدون فيديو، مدونة فيديو"

    def test_json_gives_them_per_language(self) -> None:
        assert document("show", "vlogger")["alt_titles"] == {
            "en": ["vlogger", "web video columnist"],
            "ar": ["مدون فيديو", "مدونة فيديو"],
        }


class TestOneLanguageTexts:
    def test_a_fallback_is_shown_and_marked_in_tables(self) -> None:
        english = run("show", "photographer")
        assert english[0] == "مصور [ar]  photographer"
        arabic = run("show", "video-blogger", "--lang", "ar")
        assert "Video bloggers make videos about topics and post them online. [en]" in [
            line.strip() for line in arabic
        ]

    def test_a_text_in_the_reader_s_language_is_not_marked(self) -> None:
        arabic = run("show", "video-blogger", "--lang", "ar")
        assert arabic[0].strip() == "مدون فيديو / مدونة فيديو  video-blogger"
        assert not any("[ar]" in line for line in arabic)

    def test_json_says_null_for_the_missing_language(self) -> None:
        listed = {item["id"]: item for item in document("list")}
        assert listed["photographer"]["title"] == {"en": None, "ar": "مصور"}
        assert listed["video-blogger"]["summary"] == {
            "en": "Video bloggers make videos about topics and post them online.",
            "ar": None,
        }

    def test_markdown_marks_and_csv_keeps_the_text(self) -> None:
        markdown = run("list", "-f", "markdown")
        # Markdown escapes the brackets, so the mark renders as written: مصور [ar]
        assert any(line.startswith("| photographer | مصور [ar] |") for line in markdown)
        csv_rows = run("list", "-f", "csv")
        assert any(line.startswith("photographer,مصور,") for line in csv_rows), csv_rows


class TestEssentialAndOptional:
    def test_show_parts_required_and_optional_skills(self) -> None:
        lines = run("show", "video-blogger")
        required, optional = lines.index("Required skills"), lines.index("Optional skills")
        assert [line.split() for line in lines[required + 3 : optional - 1]] == [
            ["edit", "video", "video-editing"],
            ["tell", "stories", "storytelling"],
        ]
        assert lines[optional + 3].split() == ["التصوير", "[ar]", "photography"]

    def test_no_responsibilities_means_no_heading(self) -> None:
        lines = run("show", "video-blogger")
        assert "Responsibilities" not in lines
        assert lines[lines.index("Description") + 2 : lines.index("Description") + 4] == [
            "",
            "Required skills",
        ]
        assert "Responsibilities" in run("show", "photographer")

    def test_show_json_gives_each_line_its_importance(self) -> None:
        shown = document("show", "photographer")
        assert shown["required_skills"] == [
            {
                "text": {"en": "A good eye for light.", "ar": None},
                "skills": ["photography"],
                "importance": "essential",
            },
            {"text": None, "skills": ["video-editing", "storytelling"], "importance": "optional"},
        ]
        assert shown["optional_skills"] == ["video-editing", "storytelling"]
        assert shown["occupations"][0]["isco_08"] is None
        assert shown["occupations"][0]["label_ar"] is None

    def test_compare_marks_optional_skills(self) -> None:
        rows = run("compare", "video-blogger", "photographer", "-f", "csv")
        assert rows == [
            "skill,label,video-blogger,photographer",
            "video-editing,edit video,yes,optional",
            "storytelling,tell stories,yes,optional",
            "photography,التصوير,optional,yes",
        ]
        compared = document("compare", "video-blogger", "photographer")
        assert compared["skills"][2]["importance"] == {
            "video-blogger": "optional",
            "photographer": "essential",
        }


# --- in Arabic -------------------------------------------------------------------------------


class TestArabic:
    """`--lang ar` or CAREERS_LANG=ar: the program's words and the catalogue's text in Arabic."""

    def test_show_has_the_arabic_description_and_headings(self) -> None:
        run = invoke(["show", "influencer", "--lang", "ar"])
        assert run.exit_code == 0, run.stderr
        influencer = raw_career("influencer")
        assert squeeze(section(run.stdout, "الوصف")) == squeeze(influencer["description"]["ar"])
        assert "المهارات المطلوبة" in [line.strip() for line in run.stdout.splitlines()]
        assert run.stdout.splitlines()[0].split()[:4] == influencer["title"]["ar"].split()[:4]
        for english in ("Description", "Required skills", influencer["description"]["en"][:30]):
            assert english not in run.stdout

    def test_show_arabic_required_skill_lines(self) -> None:
        run = invoke(["show", "influencer", "--lang", "ar"])
        text = squeeze(run.stdout)
        for line in raw_career("influencer")["required_skills"]:
            assert squeeze(line["text"]["ar"]) in text

    def test_environment_variable_and_option_before_the_command_give_the_same(self) -> None:
        after = invoke(["show", "influencer", "--lang", "ar"])
        before = invoke(["--lang", "ar", "show", "influencer"])
        by_env = invoke(["show", "influencer"], env={"CAREERS_LANG": "ar"})
        assert "المهارات المطلوبة" in after.stdout
        assert before.stdout == after.stdout
        assert by_env.stdout == after.stdout

    def test_list_in_arabic(self) -> None:
        run = invoke(["list", "--lang", "ar"])
        assert run.exit_code == 0, run.stderr
        header = run.stdout.splitlines()[0]
        assert "المعرف" in header and "id" not in header.split()
        for cid in SEVEN_IDS:
            record = raw_career(cid)
            assert record["title"]["ar"] in run.stdout
            assert record["title"]["en"] not in run.stdout

    def test_errors_in_arabic(self) -> None:
        run = invoke(["show", "xyzzy", "--lang", "ar"])
        assert run.exit_code == 1
        assert "لا توجد مهنة تطابق 'xyzzy'" in run.stderr


def test_list_in_arabic_has_arabic_headers() -> None:
    out = run_ok(["list", "--lang", "ar"]).stdout
    header = out.splitlines()[0].split()
    assert header == [label("id", "ar"), label("career", "ar"), label("skills", "ar")]
    assert label("career", "en") not in header


def test_show_influencer_in_arabic_prints_the_catalogue_verbatim() -> None:
    record = career("influencer")
    out = run_ok(["show", "influencer", "--lang", "ar"], WIDE).stdout
    assert record["title"]["ar"] in out
    assert record["description"]["ar"] in out
    for line in record["required_skills"]:
        assert line["text"]["ar"] in out
    for item in record["responsibilities"]:
        assert item["ar"] in out
    for key in ("description", "responsibilities", "required_skills", "related"):
        assert label(key, "ar") in out
    for key in ("description", "responsibilities", "required_skills", "related"):
        assert label(key, "en") not in out
    assert record["title"]["en"] not in out
    assert record["description"]["en"] not in out


def test_show_influencer_in_arabic_at_the_default_width() -> None:
    """At 120 columns Rich wraps the description: compare with the words joined."""
    record = career("influencer")
    out = squeeze(run_ok(["show", "influencer", "--lang", "ar"]).stdout)
    assert squeeze(record["description"]["ar"]) in out
    for line in record["required_skills"]:
        assert squeeze(line["text"]["ar"]) in out
    assert label("required_skills", "ar") in out


def test_unknown_career_error_is_arabic() -> None:
    run = invoke(["show", "xyzzy", "--lang", "ar"])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "لا توجد مهنة تطابق" in run.stderr
    assert run.stderr.startswith(message("error.prefix", "ar") + ": ")
    assert message("career.not_found", "ar", query="xyzzy") in run.stderr
    assert "no career" not in run.stderr


def titles_ar(*career_ids: str) -> list[str]:
    return [career(c)["title"]["ar"] for c in career_ids]


def test_ambiguous_career_error_is_arabic() -> None:
    # "manager" is a word of the names of 3 careers (3 takes the plural مهن): best first, the
    # shortest of their names the word is in (20, 23 and 24 characters).
    run = invoke(["show", "manager", "--lang", "ar"])
    assert run.exit_code == 1
    lines = run.stderr.splitlines()
    assert lines[0] == "خطأ: 'manager' يطابق 3 مهن؛ استخدم أحد هذه المعرفات (الأقرب أولاً):"
    assert lines[0] == "خطأ: " + message("career.ambiguous", "ar", query="manager", count=3)
    ids = ["social-media-manager", "social-media-pr-manager", "online-community-manager"]
    assert [line.split()[0] for line in lines[1:]] == ids
    for line, title in zip(lines[1:], titles_ar(*ids), strict=True):
        assert line.endswith(title)
    assert "Social Media Manager" not in run.stderr


def test_compare_usage_error_is_arabic() -> None:
    run = invoke(["compare", "influencer", "--lang", "ar"])
    assert run.exit_code == 2
    assert run.stderr == "خطأ: المقارنة تحتاج إلى مهنتين على الأقل\n"


SHOW_BY_ARABIC_NAME = [
    ("المؤثر", "influencer"),
    ("مدير المجتمع", "online-community-manager"),
    ("المُؤثِّر", "influencer"),  # with tashkeel
    ("المـؤثر", "influencer"),  # with tatweel
    ("ﻣﺆﺛﺮ", "influencer"),  # presentation forms, as copied from a shaped terminal
    ("\u200fالمؤثر\u200f", "influencer"),  # with right-to-left marks
    ("مدير المجتمع الالكتروني", "online-community-manager"),  # alef without hamza
    ("مدير المجتمع الإلكترونى", "online-community-manager"),  # and alef maksura for yeh
    ("محلل بيانات", "social-media-data-analyst"),
]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(("query", "career_id"), SHOW_BY_ARABIC_NAME)
def test_show_by_arabic_name_equals_show_by_id(query: str, career_id: str, lang: str) -> None:
    by_name = run_ok(["show", query, "--lang", lang])
    by_id = run_ok(["show", career_id, "--lang", lang])
    assert by_name.stdout == by_id.stdout
    assert career(career_id)["title"][lang] in by_name.stdout


def test_compare_by_arabic_names_equals_compare_by_ids() -> None:
    by_name = run_ok(["compare", "المؤثر", "مدير المجتمع", "--lang", "ar"])
    by_id = run_ok(["compare", "influencer", "online-community-manager", "--lang", "ar"])
    assert by_name.stdout == by_id.stdout


def test_default_output_is_logical_arabic() -> None:
    out = run_ok(["show", "influencer", "--lang", "ar"], WIDE).stdout
    assert career("influencer")["title"]["ar"] in out
    assert not PRESENTATION_FORM.search(out)


def test_rtl_logical_option_wins_over_the_environment() -> None:
    logical = run_ok(["show", "influencer", "--lang", "ar"]).stdout
    assert run_ok(["show", "influencer", "--lang", "ar", "--rtl", "logical"]).stdout == logical
    overridden = run_ok(
        ["show", "influencer", "--lang", "ar", "--rtl", "logical"], {"CAREERS_RTL": "visual"}
    )
    assert overridden.stdout == logical


def test_arabic_tables_stand_against_the_right_edge_like_the_headings() -> None:
    """In logical order too, an Arabic view keeps one edge: at 160 columns `show`'s
    required-skills table ends at the right edge, where its heading ends."""
    wide = {"COLUMNS": "160"}
    lines = run_ok(["show", "influencer", "--lang", "ar"], wide).stdout.splitlines()
    heading = lines.index(
        " " * (160 - cell_len(label("required_skills", "ar"))) + label("required_skills", "ar")
    )
    rows = lines[heading + 1 : lines.index("", heading)]
    assert len(rows) > 3
    rule = rows[1]
    assert set(rule.strip()) == {"─"}
    assert cell_len(rule) == 160  # the table's full width ends at the right edge
    assert max(cell_len(row) for row in rows) == 160
    english = run_ok(["show", "influencer"], wide).stdout.splitlines()
    at = english.index(label("required_skills", "en"))
    assert english[at + 1].startswith("  " + label("skill", "en"))  # English keeps the left


# --- in Arabic, right to left on a terminal without bidi (--rtl visual) ----------------------


def cells_before(line: str, edge: int) -> str:
    """The part of `line` that fills its first `edge` terminal cells."""
    taken = ""
    for char in line:
        if cell_len(taken + char) > edge:
            break
        taken += char
    return taken


def cells_after(line: str, edge: int) -> str:
    """The part of `line` after its first `edge` terminal cells."""
    return line[len(cells_before(line, edge)) :]


def cell_end(line: str, text: str) -> int:
    """The terminal cell just after `text` in `line`."""
    return cell_len(line[: line.index(text) + len(text)])


NARROW = {"COLUMNS": "70"}


@pytest.mark.parametrize("visual_env", [False, True], ids=["option", "environment"])
def test_show_in_visual_mode_reorders_each_rendered_line(visual_env: bool) -> None:
    args = ["show", "social-media-data-analyst", "--lang", "ar"]
    logical = run_ok(args, NARROW).stdout.splitlines()
    if visual_env:
        visual = run_ok(args, {**NARROW, "CAREERS_RTL": "visual"}).stdout.splitlines()
    else:
        visual = run_ok([*args, "--rtl", "visual"], NARROW).stdout.splitlines()
    assert len(visual) == len(logical)
    assert not ARABIC_LETTER.search("\n".join(visual))
    assert_visual(visual[0].strip(), logical[0].strip())

    # The description: one paragraph, wrapped, each line reordered on its own, right-aligned,
    # indented by 2 from the right edge as English indents it from the left.
    start = next(i for i, line in enumerate(logical) if line.strip() == label("description", "ar"))
    assert_visual(visual[start].strip(), label("description", "ar"))
    end = next(i for i in range(start + 1, len(logical)) if not logical[i].strip())
    assert end - start > 2  # it wraps
    for i in range(start + 1, end):
        assert_visual(visual[i].strip(), logical[i].strip())
        assert visual[i] == visual[i].rstrip()
        assert cell_len(visual[i]) == 70 - 2
        assert cell_len(logical[i]) == 70

    # The required skills: the Arabic column, cell line by cell line. It is the table's first
    # column: the left one in logical order, the right one in the mirrored visual layout, where
    # the table stands 2 cells from the right edge (English indents it 2 from the left). Its
    # cells are the last ones of a visual line: from 70 - edge (the column and its indent).
    heading = next(
        i for i, line in enumerate(logical) if line.strip() == label("required_skills", "ar")
    )
    assert logical[heading].endswith(label("required_skills", "ar"))  # right-aligned
    header = heading + 1
    edge = cell_end(logical[header], label("skill", "ar"))
    assert cell_len(visual[header]) == 70 - 2  # indented by 2, from the right
    assert_visual(cells_after(visual[header], 70 - edge).strip(), label("skill", "ar"))
    rows = range(header + 2, next(i for i in range(header, len(logical)) if not logical[i]))
    cells = [cells_before(logical[i], edge).strip() for i in rows]
    assert squeeze(" ".join(cells)) == squeeze(
        " ".join(
            line["text"]["ar"] for line in career("social-media-data-analyst")["required_skills"]
        )
    )
    assert len(cells) > 4  # some cells wrap
    for i, cell in zip(rows, cells, strict=True):
        shown = cells_after(visual[i], 70 - edge)
        assert_visual(shown.strip(), cell)
        assert cell_len(visual[i]) == 70 - 2  # right-aligned in its column, the table's right
        assert cells_before(logical[i], edge).rstrip() == cells_before(logical[i], edge)
    assert any("Google Analytics" in cells_after(visual[i], 70 - edge) for i in rows)


# The catalogue's JSON, as the Arabic tests call it (the fixture named `catalogue` is a file).
catalogue = raw_catalogue


@pytest.mark.parametrize("mode", ["logical", "visual"])
def test_list_arabic_titles_end_at_the_column_right_edge(mode: str) -> None:
    lines = run_ok(["list", "--lang", "ar", "--rtl", mode]).stdout.splitlines()
    shown = (lambda s: s) if mode == "logical" else expected_visual
    edge = cell_end(lines[0], shown(label("career", "ar")))
    for title in titles_ar(*(c["id"] for c in catalogue()["careers"])):
        line = next(line for line in lines if shown(title) in line)
        assert cell_end(line, shown(title)) == edge
    for line in lines[2:]:  # every line of the column, titles and summaries, ends at the edge
        assert cells_before(line, edge)[-1] != " "


def test_visual_list_is_mirrored() -> None:
    """In visual mode an Arabic table reads from the right: the id column stands at the right
    edge, the count of skills at the left, and the rule under the header spans the table."""
    lines = run_ok(["list", "--lang", "ar", "--rtl", "visual"], NARROW).stdout.splitlines()
    logical = run_ok(["list", "--lang", "ar"], NARROW).stdout.splitlines()
    assert lines[0].endswith(expected_visual(label("id", "ar")))
    assert lines[0].startswith(expected_visual(label("skills", "ar")))
    assert logical[0].startswith(label("id", "ar"))
    for entry in catalogue()["careers"]:
        row = next(line for line in lines if entry["id"] in line)
        assert row.endswith(entry["id"])
        assert row.split()[0].isdigit()  # the count of skills, at the left


def test_visual_labels_stand_right_of_their_values() -> None:
    """`skills` in visual mode: each label (the other names, the careers that need it) at the
    right end of its line, its value to the left; a list of ids, without an Arabic letter, is a
    left-to-right paragraph: its ids in their order from the left."""
    lines = run_ok(["skills", "analytics", "--lang", "ar", "--rtl", "visual"]).stdout
    needed = next(line for line in lines.splitlines() if "social-media-manager" in line)
    assert needed.rstrip().endswith(expected_visual(label("needed_by", "ar")))
    ids = [word.strip("،") for word in needed.split() if "-" in word]
    assert ids == [
        "social-media-manager",
        "social-media-marketing-specialist",
        "social-media-data-analyst",
    ]


def test_visual_mode_shapes_error_lines() -> None:
    logical = invoke(["show", "xyzzy", "--lang", "ar"])
    visual = invoke(["show", "xyzzy", "--lang", "ar", "--rtl", "visual"])
    assert visual.exit_code == logical.exit_code == 1
    first = logical.stderr.splitlines()[0]
    assert_visual(visual.stderr.splitlines()[0].strip(), first)


# --- in Arabic, every view (match's among them) ----------------------------------------------


# Each command, and the labels (from messages.py) its table output must show.
COMMANDS: dict[str, tuple[list[str], list[str]]] = {
    "list": (["list"], ["id", "career", "skills"]),
    "show": (
        ["show", "influencer"],
        [
            "description",
            "responsibilities",
            "required_skills",
            "skill",
            "tagged_as",
            "trends",
            "tips",
            "occupations",
            "related",
            "shared_skills",
        ],
    ),
    "compare": (
        ["compare", "influencer", "digital-content-creator"],
        ["summary", "present", "platforms", "similarity"],
    ),
    "match": (["match", "-s", "analytics"], ["title", "has", "to_learn"]),
    "skills": (["skills"], ["aliases", "needed_by"]),
    "trends": (["trends"], ["careers", "skills"]),
    "tips": (["tips"], ["careers", "skills"]),
}


def catalogue_text_shown(command: str) -> list[str]:
    """Arabic catalogue text each command must print verbatim in Arabic."""
    data = catalogue()
    if command == "list":
        return titles_ar(*(c["id"] for c in data["careers"]))
    if command == "show":
        return titles_ar("influencer")
    if command == "compare":
        return titles_ar("influencer", "digital-content-creator")
    if command == "match":
        return titles_ar(
            "social-media-data-analyst", "social-media-manager", "social-media-marketing-specialist"
        )
    if command == "skills":
        return [s["label"]["ar"] for s in data["skills"]]
    return [n["title"]["ar"] for n in data[command]]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_arabic_output_of_every_command(command: str) -> None:
    args, labels = COMMANDS[command]
    run = run_ok([*args, "--lang", "ar"], WIDE)
    for key in labels:
        assert label(key, "ar") in run.stdout, key
    for text in catalogue_text_shown(command):
        assert text in run.stdout
    english = run_ok(args, WIDE).stdout
    for key in labels:
        assert label(key, "en") in english, key
        assert label(key, "ar") not in english, key


ALL_COMMANDS = [*COMMANDS.values(), (["validate", str(DATA)], [])]


@pytest.mark.parametrize("args", [args for args, _ in ALL_COMMANDS], ids=lambda a: a[0])
def test_lang_before_the_command_and_from_the_environment(args: list[str]) -> None:
    after = run_ok([*args, "--lang", "ar"], WIDE).stdout
    assert ARABIC_LETTER.search(after)
    assert run_ok(["--lang", "ar", *args], WIDE).stdout == after
    assert run_ok(args, {**WIDE, "CAREERS_LANG": "ar"}).stdout == after
    english = run_ok(args, WIDE).stdout
    assert english != after
    # An explicit --lang wins over the environment, and after the command over before it.
    assert run_ok([*args, "--lang", "en"], {**WIDE, "CAREERS_LANG": "ar"}).stdout == english
    assert run_ok(["--lang", "en", *args, "--lang", "ar"], WIDE).stdout == after
    assert run_ok(["--lang", "ar", *args, "--lang", "en"], WIDE).stdout == english


def allowed_latin_words() -> set[str]:
    """Latin words an Arabic screen may hold: ids, URIs, ESCO's English occupation labels and
    the Latin inside the catalogue's Arabic text (Google Analytics)."""
    data = catalogue()
    words: set[str] = {"ESCO", "ISCO-08"}
    for key in ("careers", "skills", "platforms", "trends", "tips"):
        words.update(record["id"] for record in data[key])

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("ar"), str):
                words.update(latin_words(node["ar"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    for record in data["careers"]:
        for occupation in record.get("occupations", []):
            words.update(latin_words(occupation["label"]))
            words.add(occupation["uri"])
    return words


@pytest.mark.parametrize("args", [args for args, _ in ALL_COMMANDS], ids=lambda a: a[0])
def test_everything_read_in_arabic_is_arabic(args: list[str]) -> None:
    run = run_ok([*args, "--lang", "ar"], WIDE)
    allowed = allowed_latin_words() | latin_words(str(DATA))
    assert latin_words(run.stdout + run.stderr) - allowed == set()


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "influencer"],
        ["compare", "influencer", "social-media-data-analyst", "social-media-manager"],
        [
            "compare",
            "social-media-data-analyst",
            "online-community-manager",
            "social-media-pr-manager",
        ],
        ["match", "-s", "analytics"],
        ["skills"],
        ["trends"],
        ["tips"],
    ],
    ids=["list", "show", "compare", "compare-numbered", "match", "skills", "trends", "tips"],
)
def test_visual_mode_shapes_every_arabic_letter_of_every_view(args: list[str]) -> None:
    """No part of a view escapes visual mode: every Arabic letter reaches the terminal in its
    shaped presentation form, the same number of lines is printed as in logical order, and a
    line with no Arabic on it (ids in a header, a rule) holds the same characters as in logical
    order (its cells mirrored, so maybe in another order)."""
    logical = run_ok([*args, "--lang", "ar"], {"COLUMNS": "80"}).stdout.splitlines()
    visual = run_ok([*args, "--lang", "ar", "--rtl", "visual"], {"COLUMNS": "80"}).stdout
    assert ARABIC_LETTER.search("\n".join(logical))
    assert not ARABIC_LETTER.search(visual), visual
    assert len(visual.splitlines()) == len(logical)
    without_arabic = [
        (logical_line, visual_line)
        for logical_line, visual_line in zip(logical, visual.splitlines(), strict=True)
        if not ARABIC_LETTER.search(logical_line)
    ]
    assert without_arabic
    for logical_line, visual_line in without_arabic:
        assert sorted(visual_line.replace(" ", "")) == sorted(logical_line.replace(" ", ""))


def test_visual_mode_shapes_every_command() -> None:
    for args, _ in COMMANDS.values():
        out = run_ok([*args, "--lang", "ar", "--rtl", "visual"]).stdout
        assert PRESENTATION_FORM.search(out), args
        assert not ARABIC_LETTER.search(out), args


def machine_text_shown(command: str) -> list[str]:
    """Arabic catalogue text each command's machine formats carry (compare: skill labels)."""
    if command != "compare":
        return catalogue_text_shown(command)
    shared = set(career("influencer")["required_skills"][0]["skills"])
    return [s["label"]["ar"] for s in catalogue()["skills"] if s["id"] in shared]


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_machine_formats_are_the_same_in_visual_mode(command: str, fmt: str) -> None:
    args = [*COMMANDS[command][0], "--lang", "ar", "-f", fmt]
    plain = run_ok(args).stdout
    assert run_ok([*args, "--rtl", "visual"]).stdout == plain
    assert run_ok(args, {"CAREERS_RTL": "visual"}).stdout == plain
    assert not PRESENTATION_FORM.search(plain)
    for text in machine_text_shown(command):
        assert text in plain


class TestBracketsInVisualMode:
    """A right-to-left run reverses the brackets it holds; visual mode mirrors them back."""

    def test_a_latin_word_in_brackets_reads_in_order(self) -> None:
        run = run_ok(["show", "influencer", "--lang", "ar", "--rtl", "visual"])
        assert "(ESCO)" in run.stdout
        assert ")ESCO(" not in run.stdout

    def test_every_line_of_the_arabic_views_reads_in_order(self) -> None:
        commands = [
            ["show", "influencer"],
            ["match", "-s", "analytics"],
            ["compare", "influencer", "social-media-manager"],
            ["next", "influencer"],
            ["gap", "influencer", "social-media-manager"],
        ]
        for command in commands:
            run = run_ok([*command, "--lang", "ar", "--rtl", "visual"])
            for line in run.stdout.splitlines():
                assert reads_in_order(line), (command, line)


# --- hostile text: markup and terminal control in the catalogue and in arguments -------------


@pytest.fixture(scope="module")
def markup_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_support.markup_catalogue(tmp_path_factory)


class TestMarkupIsText:
    """Rich markup in catalogue text is printed as it is written."""

    def test_list(self, markup_catalogue: Path) -> None:
        run = ok(invoke(["list", "--data", str(markup_catalogue)]))
        rows = {line.split()[0]: line for line in run.stdout.splitlines() if line[:1].isalpha()}
        assert rows["influencer"].split()[1] == MARKUP_TITLE
        assert rows["digital-content-creator"].split()[1] == UNBALANCED_TITLE
        assert MARKUP_DESCRIPTION in run.stdout
        assert run.stderr == ""

    @pytest.mark.parametrize(
        ("query", "title"),
        [("influencer", MARKUP_TITLE), ("digital-content-creator", UNBALANCED_TITLE)],
    )
    def test_show(self, markup_catalogue: Path, query: str, title: str) -> None:
        run = ok(invoke(["show", query, "--data", str(markup_catalogue)]))
        assert run.stdout.splitlines()[0].rstrip() == f"{title}  {query}"

    def test_show_description_and_related(self, markup_catalogue: Path) -> None:
        run = ok(invoke(["show", "influencer", "--data", str(markup_catalogue)]))
        assert f"  {MARKUP_DESCRIPTION} More text." in run.stdout
        run = ok(invoke(["show", "social-media-manager", "--data", str(markup_catalogue)]))
        assert MARKUP_TITLE in run.stdout  # the influencer among the related careers
        assert MARKUP_SKILL in run.stdout  # shared with the related data analyst

    def test_compare_and_match(self, markup_catalogue: Path) -> None:
        data = ["--data", str(markup_catalogue)]
        run = ok(invoke(["compare", "influencer", "digital-content-creator", *data]))
        assert MARKUP_TITLE in run.stdout
        assert UNBALANCED_TITLE in run.stdout
        run = ok(invoke(["match", "-s", "analytics", *data]))
        # analytics: 3 of the 7 careers need it, ln(1 + 7/3) = 1.20
        assert f"{MARKUP_SKILL} +1.20 ← analytics" in run.stdout
        run = ok(invoke(["skills", *data]))
        assert MARKUP_SKILL in run.stdout

    def test_with_forced_colour(
        self, markup_catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With colour on, markup would turn into styles: it still shows literally."""
        coloured(monkeypatch)
        run = ok(invoke(["show", "influencer", "--data", str(markup_catalogue)]))
        assert "\x1b[" in run.stdout
        plain = SGR.sub("", run.stdout)
        assert plain.splitlines()[0].rstrip() == f"{MARKUP_TITLE}  influencer"
        run = ok(invoke(["list", "--data", str(markup_catalogue)]))
        plain = SGR.sub("", run.stdout)
        assert MARKUP_TITLE in plain
        assert UNBALANCED_TITLE in plain


@pytest.fixture(scope="module")
def hostile_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_support.hostile_catalogue(tmp_path_factory)


class TestControlCharactersNeverReachTheTerminal:
    """Every command's output holds no raw control character from the catalogue."""

    @pytest.mark.parametrize("command", list(hostile_support.COMMANDS))
    def test_without_colour(self, hostile_catalogue: Path, command: str) -> None:
        run = ok(invoke([*hostile_support.COMMANDS[command], "--data", str(hostile_catalogue)]))
        assert run.stdout.strip()
        assert "\x1b" not in run.stdout + run.stderr
        assert_neutralised(run.stdout)
        assert_neutralised(run.stderr)

    @pytest.mark.parametrize(
        "command", [c for c in hostile_support.COMMANDS if c not in ("csv", "markdown")]
    )
    def test_with_forced_colour(
        self, hostile_catalogue: Path, command: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Our own colour codes appear; the data's sequences do not."""
        coloured(monkeypatch)
        run = ok(invoke([*hostile_support.COMMANDS[command], "--data", str(hostile_catalogue)]))
        if not command.startswith("markdown"):
            assert "\x1b[" in run.stdout  # colour is on, so the check below means something
        assert_neutralised(SGR.sub("", run.stdout))
        assert_neutralised(SGR.sub("", run.stderr))
        assert not re.search("[\u0080-\u009f]", run.stdout + run.stderr)

    def test_show_displays_control_pictures(self, hostile_catalogue: Path) -> None:
        """C0 become control pictures, C1 become U+FFFD, bidi controls are removed."""
        run = ok(invoke(["show", "influencer", "--data", str(hostile_catalogue)]))
        assert run.stdout.splitlines()[0].rstrip() == "Evil␛]0;pwned␇Title  influencer"
        assert "  Clip␛]52;c;cHduZWQ=␇board. Wipe␛[2Jscreen␛[H." in run.stdout
        assert "• CSI\ufffd31mred OSC\ufffd0;t\ufffd end" in run.stdout
        assert "abcdcba iso del␡ nul␀ cr␍ bs␈" in run.stdout
        assert "• Trend␛[?1049h" in run.stdout

    def test_other_views_display_control_pictures(self, hostile_catalogue: Path) -> None:
        data = ["--data", str(hostile_catalogue)]
        listed = ok(invoke(["list", *data])).stdout
        assert "Evil␛]0;pwned␇Title" in listed
        assert "Clip␛]52;c;cHduZWQ=␇board." in listed  # the summary: up to the first full stop
        skills = ok(invoke(["skills", *data])).stdout
        assert "Analy␛[5mtics" in skills
        assert "hidden␛[8malias" in skills
        assert "Tip␛P+q␛\\ text␛[6n." in ok(invoke(["tips", *data])).stdout
        compared = ok(invoke(["compare", "influencer", "social-media-data-analyst", *data]))
        assert "Google␛[31m Analytics (tool)" in compared.stdout

    def test_arabic_title(self, hostile_catalogue: Path) -> None:
        run = ok(invoke(["show", "influencer", "--lang", "ar", "--data", str(hostile_catalogue)]))
        assert run.stdout.splitlines()[0].strip() == "مؤثر␛]0;pwned␇اجتماعي  influencer"


class TestEchoedQueries:
    """A user's words quoted in an error are neutralised and kept short."""

    def test_escape_sequence_in_a_career_name(self) -> None:
        run = invoke(["show", "\x1b[31mred"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches '␛[31mred'"
        assert "\x1b" not in run.stderr + run.stdout

    def test_c1_and_bidi_in_a_career_name(self) -> None:
        run = invoke(["show", "zz\x9b31m\u202eyy\x9d"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches 'zz\ufffd31myy\ufffd'"
        assert raw_controls(run.stderr) == set()

    def test_in_compare(self) -> None:
        run = invoke(["compare", "influencer", "zz\x1b[2J"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches 'zz␛[2J'"

    def test_same_career_twice(self) -> None:
        """Both words are quoted in the 'same career' error, neutralised."""
        run = invoke(["compare", "influencer", "influencer\x1b[8m"])
        assert run.exit_code == 2
        assert run.stderr == (
            "error: 'influencer' and 'influencer␛[8m' are both Social Media Influencer; name "
            "different careers\n"
        )

    def test_long_query_is_cut_to_60_characters(self) -> None:
        run = invoke(["show", "q" * 200])  # the longest name taken (longer is a usage error)
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches '" + "q" * 59 + "…'"

    def test_newline_in_a_query_stays_on_one_line(self) -> None:
        run = invoke(["show", "zz\nerror: fake\r\n"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches 'zz error: fake␍'"


class TestOneNoteForAListInTheOtherLanguage:
    """Where every skill of a list lacks Arabic (ESCO's skills have English labels only), one
    note says so above the list instead of `[en]` after every row; a list with some Arabic
    keeps the mark on each row that lacks it."""

    def test_the_esco_sample_in_arabic(self, tmp_path: Path) -> None:
        data = str(imported_esco_sample(tmp_path))
        run = run_ok(["show", "accounting-analyst", "--lang", "ar", "--data", data], WIDE)
        note = label("fallback.list", "ar")
        lines = run.stdout.splitlines()
        assert sum(note in line for line in lines) == 2  # essential skills, optional skills
        for heading in ("required_skills", "optional_skills"):
            at = next(i for i, line in enumerate(lines) if line.strip() == label(heading, "ar"))
            assert note in lines[at + 1]  # right under the heading, above the table
        row = next(line for line in lines if "accounting-techniques" in line)
        assert "[en]" not in row
        assert max(line.count("[en]") for line in lines) == 1  # a list of shared skills: once

    def test_a_list_of_careers_whose_summaries_are_all_english(self, tmp_path: Path) -> None:
        data = str(imported_esco_sample(tmp_path))
        for extra in ([], ["--rtl", "visual"]):
            run = run_ok(["list", "--lang", "ar", "--data", data, *extra], WIDE)
            lines = run.stdout.splitlines()
            note = label("fallback.summaries", "ar")
            first = lines[0].strip()
            assert first == (note if not extra else visual_order(note))  # above the table
            assert run.stdout.count("[en]") == 1  # not one on each of the careers
        english = run_ok(["list", "--data", data], WIDE).stdout
        assert "[ar]" not in english and label("fallback.summaries", "en") not in english
        built_in = run_ok(["list", "--lang", "ar"], WIDE).stdout  # Arabic summaries: no note
        assert "[en]" not in built_in

    def test_a_list_with_some_arabic_marks_each_row(self, tmp_path: Path) -> None:
        data = json.loads(DATA.read_text(encoding="utf-8"))
        for skill in data["skills"][:3]:
            del skill["label"]["ar"]
        path = tmp_path / "some.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        run = run_ok(["skills", "--lang", "ar", "--data", str(path)], WIDE)
        assert label("fallback.list", "ar") not in run.stdout
        assert run.stdout.count("[en]") == 3

    def test_a_joined_list_is_marked_once_at_its_end(self, tmp_path: Path) -> None:
        data = str(imported_esco_sample(tmp_path))
        run = run_ok(["match", "-s", "accounting-techniques", "--lang", "ar", "--data", data], WIDE)
        to_learn = next(line for line in run.stdout.splitlines() if "accounting entries" in line)
        assert to_learn.count("[en]") == 1
        assert to_learn.rstrip().endswith("[en]")


def test_also_called_in_the_other_language_is_marked() -> None:
    """The influencer has Arabic other titles only: in English they are shown, marked `[ar]`
    as other Arabic text in English is."""
    lines = invoke(["show", "influencer"], {"COLUMNS": "120"}).stdout.splitlines()
    assert lines[1] == "Also called: مؤثرة وسائل التواصل الاجتماعي, مؤثر, مؤثرة [ar]"
    arabic = invoke(["show", "influencer", "--lang", "ar"], {"COLUMNS": "120"}).stdout
    assert "تُعرف أيضاً باسم: مؤثرة وسائل التواصل الاجتماعي، مؤثر، مؤثرة" in arabic
    assert "[en]" not in arabic.splitlines()[1]
