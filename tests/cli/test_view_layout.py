"""The views line for line, where their layout is the point: what is indented under what, where
a blank line separates blocks, and where a table gives way to blocks.

Each expected text was read against the view it comes from (present/views): a note's text and
its labelled rows sit 3 cells under its id; a match's details 3 cells under its heading, a
blank line after each block; the learning steps 2 cells under their heading.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.helpers import imported_esco_sample, invoke, raw_catalogue, write_catalogue


def lines(*args: str, columns: int = 80) -> list[str]:
    run = invoke(list(args), env={"COLUMNS": str(columns)})
    assert run.exit_code == 0, run.stderr
    return run.stdout.splitlines()


def under(shown: list[str], heading: str, count: int) -> list[str]:
    """The `count` lines after the first line that is `heading`."""
    start = shown.index(heading)
    return shown[start + 1 : start + 1 + count]


def first_related_lines(shown: list[str]) -> list[str]:
    """The related careers table's header, its rule and its first two lines."""
    return under(shown, "Related careers", 4)


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


def test_a_match_is_a_heading_then_its_details_indented_then_a_blank_line() -> None:
    assert lines("match", "-s", "analytics", "-n", "2")[:12] == [
        "1. social-media-data-analyst  score 1.20 · 1/1 · 50%",
        "   title     Social Media Data Analyst",
        "   has       Data analysis +1.20 ← analytics",
        "   to learn  Social media tools, Clear reporting, Market trends, Strategy",
        "             development",
        "",
        "1. social-media-manager  score 1.20 · 1/1 · 25%",
        "   title     Social Media Manager",
        "   has       Data analysis +1.20 ← analytics",
        "   to learn  Communication, Writing, Knowing the social media platforms,",
        "             Strategy development, Content creation, Creativity and new ideas",
        "",
    ]


def test_the_learning_steps_are_indented_under_their_heading() -> None:
    shown = lines("gap", "social-media-data-analyst", "social-media-manager")
    start = shown.index("To learn, in this order")
    assert shown[start - 1] == ""
    assert shown[start + 1 : start + 4] == [
        "  1.  Communication  communication  → 40%",
        "      also opens: influencer, social-media-pr-manager, online-community-manager",
        "  2.  Content creation  content-creation  → 52%",
    ]


def test_a_move_with_nothing_to_learn_says_so_after_what_carries_over(tmp_path: Path) -> None:
    data = raw_catalogue()
    careers = {career["id"]: career for career in data["careers"]}
    manager = careers["social-media-manager"]
    careers["influencer"]["required_skills"] = manager["required_skills"][:1]
    path = write_catalogue(tmp_path / "careers.json", data)
    assert lines("gap", "--data", str(path), "social-media-manager", "influencer") == [
        "From social-media-manager to influencer",
        "social-media-manager covers 100% of influencer: 2 of 2 skills carry over, 0 to",
        "learn",
        "",
        "Carries over",
        "  Communication, Writing",
        "",
        "social-media-manager already has every skill influencer needs: nothing to learn",
    ]


def test_compare_gives_way_to_blocks_when_an_id_would_be_cut() -> None:
    """Side by side, each career's id is whole in its column and the labels' column keeps at
    least 8 cells; at 48 columns the two ids and the labels do not fit, so each career is a
    block of its own."""
    wide = lines("compare", "influencer", "social-media-manager", columns=49)
    assert wide[0].split() == ["influencer", "social-media-manager"]
    narrow = lines("compare", "influencer", "social-media-manager", columns=48)
    assert narrow[0] == "1  influencer"


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


def test_bullets_sit_two_cells_in_with_no_blank_line_between() -> None:
    shown = lines("show", "influencer")
    assert under(shown, "Responsibilities", 4) == [
        "  • Has a large number of followers on social media",
        "  • Uses their platform to promote products and services",
        "  • Influences their followers' buying decisions",
        "",
    ]


def test_a_section_is_its_heading_then_its_paragraphs_indented() -> None:
    assert lines("read", "summary")[:3] == [
        "Summary  summary",
        "  Social media plays a central role in today's digital world and has brought",
        "  about a major change in the way people and companies communicate. The careers",
    ]


def test_the_trends_of_a_move_are_bullets_under_their_heading() -> None:
    shown = lines("gap", "social-media-data-analyst", "social-media-manager")
    assert under(shown, "Trends", 2) == [
        "  • Visual and interactive content  visual-and-interactive-content  (Content",
        "  creation)",
    ]


def test_the_steps_of_a_move_as_data_are_numbered_from_one() -> None:
    run = invoke(["gap", "social-media-data-analyst", "social-media-manager", "-f", "json"])
    steps = json.loads(run.stdout)["to_learn"]
    assert [(step["step"], step["skill"]) for step in steps] == [
        (1, "communication"),
        (2, "content-creation"),
        (3, "creativity"),
        (4, "written-communication"),
        (5, "social-media-platforms"),
    ]


def test_a_checklist_with_nothing_to_learn_says_so(tmp_path: Path) -> None:
    data = raw_catalogue()
    careers = {career["id"]: career for career in data["careers"]}
    careers["influencer"]["required_skills"] = careers["social-media-manager"]["required_skills"][
        :1
    ]
    path = write_catalogue(tmp_path / "careers.json", data)
    run = invoke(
        ["gap", "--data", str(path), "social-media-manager", "influencer", "-f", "markdown"]
    )
    assert run.stdout.endswith(
        "## To learn, in this order\n\n"
        "social-media-manager already has every skill influencer needs: nothing to learn\n"
    )
    assert "- [ ]" not in run.stdout


def test_a_career_s_trends_and_tips_are_bullets_with_their_ids() -> None:
    shown = lines("show", "social-media-data-analyst")
    assert under(shown, "Trends", 4) == [
        "  • Artificial intelligence and data analysis  ai-and-data-analysis",
        "",
        "Tips",
        "  • Learn analytics and how to use the tools  learn-analytics-and-tools",
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


def test_a_platform_named_by_its_id_is_matched() -> None:
    run = invoke(["match", "-s", "instagram", "-n", "1", "-f", "json"])
    assert run.exit_code == 0, run.stderr
    (best,) = json.loads(run.stdout)
    assert best["id"] == "social-media-manager"
    assert best["score"]["matched"] == 1


def test_a_step_s_line_uses_the_whole_width_before_it_wraps() -> None:
    """The 'also opens' line of the first step is 79 cells: whole at 79 columns, wrapped at 78
    (the steps take the width the terminal has, less their indent)."""
    opens = "      also opens: influencer, social-media-pr-manager, online-community-manager"
    assert opens in lines("gap", "social-media-data-analyst", "social-media-manager", columns=79)
    wrapped = lines("gap", "social-media-data-analyst", "social-media-manager", columns=78)
    start = wrapped.index("      also opens: influencer, social-media-pr-manager,")
    assert wrapped[start + 1] == "      online-community-manager"


def test_related_careers_share_a_narrow_line_title_before_skills(tmp_path: Path) -> None:
    esco = imported_esco_sample(tmp_path)
    shown = lines("show", "advertising-specialist", "--data", str(esco), columns=64)
    assert first_related_lines(shown) == [
        "  id                         title              shared skills",
        "  " + "─" * 62,
        "  public-relations-manager   public relations   public",
        "                             manager            relations,",
    ]


def test_a_bullet_uses_the_whole_width_before_it_wraps() -> None:
    """The second responsibility is 56 cells with its bullet: whole at 56 columns."""
    bullet = "  • Uses their platform to promote products and services"
    assert bullet in lines("show", "influencer", columns=56)
    assert bullet not in lines("show", "influencer", columns=55)


def test_a_paragraph_uses_the_whole_width_before_it_wraps() -> None:
    """The first line of the summary is 76 cells with its indent: whole at 76 columns."""
    first = "  Social media plays a central role in today's digital world and has brought"
    assert lines("read", "summary", columns=76)[1] == first
    assert lines("read", "summary", columns=75)[1] != first


def test_a_skill_named_by_its_id_comes_first_then_the_others_with_its_words() -> None:
    shown = lines("skills", "analytics")
    assert [line.split()[0] for line in shown if line and not line.startswith(" ")] == [
        "analytics",
        "social-media-tools",
    ]
