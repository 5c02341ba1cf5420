"""`careers compare` and `careers match`."""

from __future__ import annotations

import copy
import csv
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest
from rich.cells import cell_len

from tests.helpers import (
    LIST_ROWS,
    MATCH_HEADING,
    SEVEN_IDS,
    header_starts,
    invoke,
    match_blocks,
    raw_career,
    raw_catalogue,
    shows_id,
    write_catalogue,
)

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


TITLE_IN = {
    "en": {c["id"]: c["title"]["en"] for c in raw_catalogue()["careers"]},
    "ar": {c["id"]: c["title"]["ar"] for c in raw_catalogue()["careers"]},
}


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


def _in_order(text: str, words: list[str]) -> bool:
    positions = [text.find(word) for word in words]
    return -1 not in positions and positions == sorted(positions)


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
        assert "'influencer' and 'influencr' are both influencer" in run.stderr

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


def ranking(run_stdout: str) -> list[tuple[int, str, str]]:
    return [block.ranked() for block in match_blocks(run_stdout)]


LEGEND_START = "score: the sum of what each of your skills adds (+)"


ANALYST_TO_LEARN = {
    "Social media tools",
    "Clear reporting",
    "Market trends",
    "Strategy development",
}


MANAGER_TO_LEARN = {
    "Communication",
    "Writing",
    "Knowing the social media platforms",
    "Strategy development",
    "Content creation",
    "Creativity and new ideas",
}


MARKETER_TO_LEARN = {
    "Social media advertising",
    "Understanding the target audience",
    "Campaign optimisation",
    "Marketing and promotion",
    "Budget management",
}


# (rank, id, heading, title, labels of the career's other skills)
# -s analytics: 3 careers are tagged with it, so it adds ln(1 + 7/3) = 1.20 to each of them:
# equal scores, one shared rank (1, 1, 1). Among them, centrality: the share of the career's 4
# required-skill lines that carry analytics: social-media-data-analyst lines 1-2 = 50%;
# social-media-manager line 3 = 25%; social-media-marketing-specialist line 2 = 25%.
# Order: the analyst (50%) although its id sorts last, then the 25% pair by id.
ANALYTICS = [
    (
        1,
        "social-media-data-analyst",
        "score 1.20 · 1/1 · 50%",
        "Social Media Data Analyst",
        ANALYST_TO_LEARN,
    ),
    (1, "social-media-manager", "score 1.20 · 1/1 · 25%", "Social Media Manager", MANAGER_TO_LEARN),
    (
        1,
        "social-media-marketing-specialist",
        "score 1.20 · 1/1 · 25%",
        "Social Media Marketing Specialist",
        MARKETER_TO_LEARN,
    ),
]


class TestMatchRanking:
    """Higher score first (the sum of ln(1 + N/n) over the skills found); equal scores (as
    shown) share a rank; among them larger centrality, then id."""

    def test_analytics(self) -> None:
        run = invoke(["match", "-s", "analytics"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert [b.summary() for b in match_blocks(run.stdout)] == ANALYTICS

    def test_the_heading_line_and_the_legend(self) -> None:
        run = invoke(["match", "-s", "analytics"])
        lines = [line.rstrip() for line in run.stdout.splitlines()]
        assert lines[0] == "1. social-media-data-analyst  score 1.20 · 1/1 · 50%"
        # The legend comes after the last block.
        legend_at = next(i for i, line in enumerate(lines) if line.startswith(LEGEND_START))
        assert max(i for i, line in enumerate(lines) if MATCH_HEADING.match(line)) < legend_at

    def test_analytics_and_content_creation(self) -> None:
        # Each adds 1.20 (3 careers each): ln(10/3) = 1.2040.
        # social-media-manager      analytics (line 3) + content-creation (line 4):
        #                           1.2040 + 1.2040 = 2.4079 -> 2.41, 2/2, 2/4 = 50%
        # digital-content-creator   content-creation (lines 1, 2):   1.20, 1/2, 2/4 = 50%
        # social-media-data-analyst analytics (lines 1, 2):          1.20, 1/2, 2/4 = 50%
        # influencer                content-creation (line 1):       1.20, 1/2, 1/4 = 25%
        # social-media-marketing-specialist analytics (line 2):      1.20, 1/2, 1/4 = 25%
        # PR manager and community manager have neither.
        # Ranks 1, 2, 2, 2, 2: the four 1.20s share rank 2, ordered by centrality (50%:
        # digital < social-media-data-analyst; 25%: influencer < social-media-marketing-...).
        # By id alone the analyst would come after the influencer.
        run = invoke(["match", "-s", "analytics", "-s", "content creation"])
        assert run.exit_code == 0, run.stderr
        assert [b.summary() for b in match_blocks(run.stdout)] == [
            (
                1,
                "social-media-manager",
                "score 2.41 · 2/2 · 50%",
                "Social Media Manager",
                MANAGER_TO_LEARN - {"Content creation"},
            ),
            (
                2,
                "digital-content-creator",
                "score 1.20 · 1/2 · 50%",
                "Digital Content Creator",
                {
                    "Writing",
                    "Creativity and new ideas",
                    "Photo and video editing",
                    "Understanding the target audience",
                },
            ),
            (
                2,
                "social-media-data-analyst",
                "score 1.20 · 1/2 · 50%",
                "Social Media Data Analyst",
                ANALYST_TO_LEARN,
            ),
            (
                2,
                "influencer",
                "score 1.20 · 1/2 · 25%",
                "Social Media Influencer",
                {
                    "Creativity and new ideas",
                    "Communication",
                    "Relationship building",
                    "Marketing and promotion",
                    "Credibility and trust",
                },
            ),
            (
                2,
                "social-media-marketing-specialist",
                "score 1.20 · 1/2 · 25%",
                "Social Media Marketing Specialist",
                MARKETER_TO_LEARN,
            ),
        ]

    def test_communication_and_relationship_building(self) -> None:
        # communication: 4 careers -> ln(11/4) = 1.0116; relationship-building: 3 -> 1.2040.
        # Both: influencer (line 2 of 4), online-community-manager (line 1 of 4),
        #   social-media-pr-manager (line 1 of 4): 1.0116 + 1.2040 = 2.2156 -> 2.22, 25% each:
        #   one shared rank, then by id.
        # communication only: social-media-manager (line 1 of 4): 1.01, 1/2, 25% -> rank 4
        #   (three careers scored more), last although its id sorts before the PR manager's.
        run = invoke(["match", "-s", "communication", "-s", "relationship-building"])
        assert run.exit_code == 0, run.stderr
        assert [b.summary() for b in match_blocks(run.stdout)] == [
            (
                1,
                "influencer",
                "score 2.22 · 2/2 · 25%",
                "Social Media Influencer",
                {
                    "Content creation",
                    "Creativity and new ideas",
                    "Marketing and promotion",
                    "Credibility and trust",
                },
            ),
            (
                1,
                "online-community-manager",
                "score 2.22 · 2/2 · 25%",
                "Online Community Manager",
                {
                    "Handling questions and complaints",
                    "Community management",
                    "Social media tools",
                    "Audience engagement",
                },
            ),
            (
                1,
                "social-media-pr-manager",
                "score 2.22 · 2/2 · 25%",
                "Social Media Public Relations Manager",
                {
                    "Crisis management",
                    "Reputation management",
                    "Writing",
                    "Press releases and media relations",
                    "Reputation monitoring",
                    "Social media tools",
                },
            ),
            (
                4,
                "social-media-manager",
                "score 1.01 · 1/2 · 25%",
                "Social Media Manager",
                MANAGER_TO_LEARN - {"Communication"} | {"Data analysis"},
            ),
        ]

    def test_fewer_rarer_skills_outrank_more_common_ones(self) -> None:
        # -s reporting -s market-research -s communication -s writing -s content-creation
        #   social-media-data-analyst reporting (line 3) + market-research (line 4), each in 1
        #                             career: 2.0794 * 2 = 4.1589 -> 4.16, 2/5, 50%
        #   social-media-manager      communication + written-communication (line 1),
        #                             content-creation (line 4):
        #                             1.0116 + 1.2040 + 1.2040 = 3.4196 -> 3.42, 3/5, 50%
        #   digital-content-creator   written-communication + content-creation (lines 1, 2):
        #                             1.2040 + 1.2040 = 2.4079 -> 2.41, 2/5, 50%
        #   influencer                content-creation (line 1) + communication (line 2):
        #                             1.2040 + 1.0116 = 2.2156 -> 2.22, 2/5, 50%
        #   social-media-pr-manager   communication (line 1) + written-communication (line 3):
        #                             2.22, 2/5, 50% -> shares rank 4 with the influencer (by id)
        #   online-community-manager  communication (line 1): 1.01, 1/5, 25% -> rank 6
        # The analyst has two of the five skills and comes before the manager with three.
        skills = ["reporting", "market-research", "communication", "writing", "content-creation"]
        run = invoke(["match", *(arg for s in skills for arg in ("-s", s))])
        assert run.exit_code == 0, run.stderr
        assert ranking(run.stdout) == [
            (1, "social-media-data-analyst", "score 4.16 · 2/5 · 50%"),
            (2, "social-media-manager", "score 3.42 · 3/5 · 50%"),
            (3, "digital-content-creator", "score 2.41 · 2/5 · 50%"),
            (4, "influencer", "score 2.22 · 2/5 · 50%"),
            (4, "social-media-pr-manager", "score 2.22 · 2/5 · 50%"),
            (6, "online-community-manager", "score 1.01 · 1/5 · 25%"),
        ]

    # -s analytics -s strategy -s social-media-tools (1.2040, 1.5041, 1.2040):
    #   social-media-data-analyst  all three; lines 1, 2, 4 of 4 tagged:
    #                              1.2040 + 1.5041 + 1.2040 = 3.9121 -> 3.91, 3/3, 75%
    #   social-media-manager       analytics, strategy; line 3 of 4:
    #                              1.2040 + 1.5041 = 2.7081 -> 2.71, 2/3, 25%
    #   online-community-manager   social-media-tools; line 3 of 4:     1.20, 1/3, 25%
    #   social-media-marketing-specialist analytics; line 2 of 4:       1.20, 1/3, 25%
    #   social-media-pr-manager    social-media-tools; line 4 of 4:     1.20, 1/3, 25%
    # The three 1.20s share rank 3, by id: online < social-media-marketing < social-media-pr.
    THREE: ClassVar[list[str]] = ["-s", "analytics", "-s", "strategy", "-s", "social-media-tools"]
    THREE_ORDER: ClassVar[list[tuple[int, str, str]]] = [
        (1, "social-media-data-analyst", "score 3.91 · 3/3 · 75%"),
        (2, "social-media-manager", "score 2.71 · 2/3 · 25%"),
        (3, "online-community-manager", "score 1.20 · 1/3 · 25%"),
        (3, "social-media-marketing-specialist", "score 1.20 · 1/3 · 25%"),
        (3, "social-media-pr-manager", "score 1.20 · 1/3 · 25%"),
    ]

    def test_three_skills(self) -> None:
        run = invoke(["match", *self.THREE])
        assert run.exit_code == 0, run.stderr
        assert ranking(run.stdout) == self.THREE_ORDER

    def test_all_keeps_only_careers_with_every_skill(self) -> None:
        run = invoke(["match", *self.THREE, "--all"])
        assert run.exit_code == 0, run.stderr
        assert ranking(run.stdout) == self.THREE_ORDER[:1]

    @pytest.mark.parametrize("option", ["--limit", "-n"])
    def test_limit_cuts_the_ranking(self, option: str) -> None:
        # The cut falls inside the shared rank 3: the one kept keeps rank 3.
        run = invoke(["match", *self.THREE, option, "3"])
        assert run.exit_code == 0, run.stderr
        assert ranking(run.stdout) == self.THREE_ORDER[:3]

    def test_every_skill_of_a_career_leaves_nothing_to_learn(self) -> None:
        # social-media-data-analyst has exactly these five skills; every line is tagged:
        # analytics 1.2040 + social-media-tools 1.2040 + reporting 2.0794
        # + market-research 2.0794 + strategy 1.5041 = 8.0709 -> 8.07, 5/5, 100%.
        skills = ["analytics", "social-media-tools", "reporting", "market-research", "strategy"]
        run = invoke(["match", *(arg for s in skills for arg in ("-s", s)), "--all"])
        assert run.exit_code == 0, run.stderr
        [block] = match_blocks(run.stdout)
        assert (block.career_id, block.score, block.text("to learn")) == (
            "social-media-data-analyst",
            "score 8.07 · 5/5 · 100%",
            "none",
        )

    def test_budget_or_crisis_management(self) -> None:
        # budget-management: only the marketing specialist (line 4 of 4); crisis-management:
        # only the PR manager (line 2 of 4). Each ln 8 = 2.08, 1/2, 25%: equal in everything,
        # one shared rank (not 1, 2), then by id: marketing < pr.
        run = invoke(["match", "-s", "budget-management", "-s", "crisis-management"])
        assert run.exit_code == 0, run.stderr
        assert ranking(run.stdout) == [
            (1, "social-media-marketing-specialist", "score 2.08 · 1/2 · 25%"),
            (1, "social-media-pr-manager", "score 2.08 · 1/2 · 25%"),
        ]

    def test_all_with_no_career_having_both_prints_nothing_and_says_so_on_stderr(self) -> None:
        run = invoke(["match", "-s", "budget-management", "-s", "crisis-management", "--all"])
        assert run.exit_code == 0
        assert run.stdout == ""
        assert run.stderr == "no career has all of the skills asked for\n"


def test_match_block_names_rank_id_score_title_has_and_to_learn() -> None:
    """Each result is a block: "rank. id  score ...", then title, has and to learn; the legend
    follows the blocks."""
    run = invoke(["match", "-s", "analytics"])
    blocks = match_blocks(run.stdout)
    assert len(blocks) == 3, run.stdout
    assert all(set(b.fields) == {"title", "has", "to learn"} for b in blocks)
    assert LEGEND_START in run.stdout


class TestPlatformsAndTools:
    """A platform or tool the catalogue lists is matched like a skill, against the careers that
    list it, and adds ln(1 + N/n) with n the careers listing it."""

    def test_instagram(self) -> None:
        # Only social-media-manager lists Instagram: ln(1 + 7/1) = 2.08. A platform is on no
        # required-skill line: it covers none of the manager's 4 requirements, 0%.
        run = invoke(["match", "-s", "instagram"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        [block] = match_blocks(run.stdout)
        assert block.ranked() == (1, "social-media-manager", "score 2.08 · 1/1 · 0%")
        assert block.fields["has"] == ["Instagram (platform) +2.08 ← instagram"]
        assert block.to_learn() == MANAGER_TO_LEARN | {"Data analysis"}

    def test_a_platform_and_a_skill(self) -> None:
        # social-media-manager: analytics 1.2040 + instagram 2.0794 = 3.2834 -> 3.28, 2/2;
        #   centrality from the skills only: analytics on line 3 of 4 = 25%.
        # Then the other careers with analytics, 1.20 each, sharing rank 2: the analyst (50%),
        #   the marketing specialist (25%).
        run = invoke(["match", "-s", "analytics", "-s", "instagram"])
        assert run.exit_code == 0, run.stderr
        blocks = match_blocks(run.stdout)
        assert [b.ranked() for b in blocks] == [
            (1, "social-media-manager", "score 3.28 · 2/2 · 25%"),
            (2, "social-media-data-analyst", "score 1.20 · 1/2 · 50%"),
            (2, "social-media-marketing-specialist", "score 1.20 · 1/2 · 25%"),
        ]
        assert blocks[0].fields["has"] == [
            "Data analysis +1.20 ← analytics",
            "Instagram (platform) +2.08 ← instagram",
        ]

    @pytest.mark.parametrize("word", ["google analytics", "Hootsuite"])
    def test_a_tools_name_beats_a_skills_alias_of_the_same_words(self, word: str) -> None:
        # "google analytics" and "hootsuite" are whole names of two tools (their names) and
        # aliases of the skill social-media-tools: a whole name that is a record's own name
        # comes before an alias, so the tool is taken, quietly (a whole name is no guess).
        # ("Hootsuite" is not the id as typed, which is lowercase.) Only the data analyst
        # lists each tool: ln(1 + 7/1) = 2.08, on no required-skill line: 0%. Had the skill
        # been taken, the 3 careers tagged with social-media-tools would have 1.20 each.
        tool = {"google analytics": "Google Analytics", "Hootsuite": "Hootsuite"}[word]
        run = invoke(["match", "-s", word])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        [block] = match_blocks(run.stdout)
        assert block.ranked() == (1, "social-media-data-analyst", "score 2.08 · 1/1 · 0%")
        assert block.fields["has"] == [f"{tool} (tool) +2.08 ← {word}"]

    def test_a_word_of_a_tool_and_of_a_skills_alias_is_ambiguous_tool_first(self) -> None:
        # "google" is a word of the tool's name "Google Analytics" and of social-media-tools'
        # alias "google analytics": the same kind ("all words") for two records, so nothing is
        # guessed. The tool's own name comes before the skill's alias (although skills come
        # before platforms only when all else is equal).
        run = invoke(["match", "-s", "google"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'google' fits 2 skills; use one of these ids (best first):"
        assert [line.split(None, 1) for line in lines[1:]] == [
            ["google-analytics", "Google Analytics"],
            ["social-media-tools", "Social media tools"],
        ]


def _matched_part(
    skill: str, kind: str, label: dict[str, str], query: str, careers: int, optional: bool = False
) -> dict[str, Any]:
    specificity = math.log(1 + 7 / careers)
    weight = specificity / 2 if optional else specificity
    return {
        "skill": skill,
        "kind": kind,
        "label": label,
        "query": query,
        "family_of": None,
        "importance": "optional" if optional else "essential",
        "careers": careers,
        "specificity": round(specificity, 4),
        "weight": round(weight, 4),
    }


ANALYTICS_LABEL = {"en": "Data analysis", "ar": "تحليل البيانات"}


class TestMatchData:
    """`--format json` and `csv` carry the score and its parts."""

    def test_json_gives_the_score_and_each_part(self) -> None:
        # As in test_a_platform_and_a_skill: the manager 1.2040 + 2.0794 = 3.28; analytics'
        # specificity ln(10/3) = 1.2040 -> 1.204 at 4 places, instagram's ln 8 = 2.0794.
        run = invoke(["match", "-s", "analytics", "-s", "instagram", "-f", "json"])
        assert run.exit_code == 0, run.stderr
        results = json.loads(run.stdout)
        manager = raw_career("social-media-manager")
        assert results[0] == {
            "rank": 1,
            "id": "social-media-manager",
            "title": manager["title"],
            "score": {"value": 3.28, "matched": 2, "optional": 0, "asked": 2, "centrality": 0.25},
            "has_all": True,
            "matched": [
                _matched_part("analytics", "skill", ANALYTICS_LABEL, "analytics", 3),
                _matched_part(
                    "instagram", "platform", {"en": "Instagram", "ar": "إنستغرام"}, "instagram", 1
                ),
            ],
            "missing": [
                "communication",
                "written-communication",
                "social-media-platforms",
                "strategy",
                "content-creation",
                "creativity",
            ],
            "missing_optional": [],
        }
        assert results[0]["matched"][0]["specificity"] == 1.204
        assert results[0]["matched"][1]["weight"] == 2.0794
        assert [
            (r["rank"], r["id"], r["score"]["value"], r["score"]["centrality"], r["has_all"])
            for r in results[1:]
        ] == [
            (2, "social-media-data-analyst", 1.2, 0.5, False),
            (2, "social-media-marketing-specialist", 1.2, 0.25, False),
        ]

    def test_csv_has_the_score_after_the_title(self) -> None:
        run = invoke(["match", "-s", "analytics", "-s", "instagram", "-f", "csv"])
        assert run.exit_code == 0, run.stderr
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        assert list(rows[0])[:4] == ["rank", "id", "title", "score"]
        assert [(r["rank"], r["id"], r["score"]) for r in rows] == [
            ("1", "social-media-manager", "3.28"),
            ("2", "social-media-data-analyst", "1.20"),
            ("2", "social-media-marketing-specialist", "1.20"),
        ]


def _manager_with_optional_analytics(tmp_path: Path) -> Path:
    """The shipped catalogue with the social media manager's line 3 (analytics, strategy)
    made optional."""
    data = raw_catalogue()
    manager = next(c for c in data["careers"] if c["id"] == "social-media-manager")
    assert manager["required_skills"][2]["skills"] == ["analytics", "strategy"]
    manager["required_skills"][2]["importance"] = "optional"
    return write_catalogue(tmp_path / "careers.json", data)


class TestOptionalSkills:
    """A skill the career needs only optionally adds half of what it would."""

    # analytics is still tagged on 3 careers (optional or not): ln(10/3) = 1.2040;
    # for the manager, optional: 1.2040 / 2 = 0.6020 -> 0.60, its line 3 of 4 = 25%.
    # The analyst (50%) and the marketing specialist (25%) keep 1.20 and share rank 1; the
    # manager is third: rank 3 (1, 1, 3), marked "(1 optional)". Strategy, also on the
    # optional line, is not to learn but "also helps".
    def test_table(self, tmp_path: Path) -> None:
        path = _manager_with_optional_analytics(tmp_path)
        run = invoke(["match", "-s", "analytics", "--data", str(path)])
        assert run.exit_code == 0, run.stderr
        blocks = match_blocks(run.stdout)
        assert [b.ranked() for b in blocks] == [
            (1, "social-media-data-analyst", "score 1.20 · 1/1 · 50%"),
            (1, "social-media-marketing-specialist", "score 1.20 · 1/1 · 25%"),
            (3, "social-media-manager", "score 0.60 · 1/1 (1 optional) · 25%"),
        ]
        manager = blocks[2]
        assert manager.fields["has"] == ["Data analysis (optional) +0.60 ← analytics"]
        assert manager.to_learn() == MANAGER_TO_LEARN - {"Strategy development"}
        assert manager.text("also helps") == "Strategy development"

    def test_json(self, tmp_path: Path) -> None:
        path = _manager_with_optional_analytics(tmp_path)
        run = invoke(["match", "-s", "analytics", "--data", str(path), "-f", "json"])
        assert run.exit_code == 0, run.stderr
        manager = json.loads(run.stdout)[2]
        assert manager["rank"] == 3
        assert manager["score"] == {
            "value": 0.6,
            "matched": 1,
            "optional": 1,
            "asked": 1,
            "centrality": 0.25,
        }
        assert manager["matched"] == [
            _matched_part("analytics", "skill", ANALYTICS_LABEL, "analytics", 3, optional=True)
        ]
        assert manager["matched"][0]["weight"] == 0.602
        assert manager["missing_optional"] == ["strategy"]
        assert "strategy" not in manager["missing"]


# Every way of saying "analytics" by a whole name: the id, the English label, an alias, the
# id in another case, the Arabic label and an Arabic alias with its article (normalised, both
# "التحليل" and the alias are "تحليل"). None is a guess: stderr stays empty.
ANALYTICS_NAMES = [
    "analytics",
    "data analysis",
    "metrics",
    "Analytics",
    "تحليل البيانات",
    "التحليل",
]


class TestMatchSkillWords:
    """A skill is found by id, label or alias, English or Arabic, any case; a guess (all
    words, word starts, a misspelling) says on stderr which skill it took."""

    @pytest.mark.parametrize("word", ANALYTICS_NAMES)
    def test_every_name_of_analytics_gives_the_same_ranking_quietly(self, word: str) -> None:
        run = invoke(["match", "--skill", word])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert [b.summary() for b in match_blocks(run.stdout)] == ANALYTICS

    def test_a_misspelling_gives_the_same_ranking_and_says_which_skill_it_took(self) -> None:
        # "analitycs" is no name; Jaro-Winkler 0.978 to the word "analytics", above 0.88.
        # Three records have a name with that word (analytics, and "google analytics" of the
        # tool and of social-media-tools' alias), but only analytics is called "analytics" as
        # a whole: the closest. A misspelling is a guess: one line on stderr.
        run = invoke(["match", "--skill", "analitycs"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == "using analytics, the closest match to 'analitycs'\n"
        assert [b.summary() for b in match_blocks(run.stdout)] == ANALYTICS

    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            # "crisis" is a word of crisis-management's names only ("all words"): the PR
            # manager, line 2 of 4; 1 career -> ln 8 = 2.08.
            ("crisis", (1, "social-media-pr-manager", "score 2.08 · 1/1 · 25%")),
            # "budg" starts the word "budget" of budget-management's names only ("word
            # starts"): the marketing specialist, line 4 of 4; 2.08.
            ("budg", (1, "social-media-marketing-specialist", "score 2.08 · 1/1 · 25%")),
        ],
    )
    def test_words_and_word_starts_are_guesses_too(
        self, word: str, expected: tuple[int, str, str]
    ) -> None:
        skill = {"crisis": "crisis-management", "budg": "budget-management"}[word]
        run = invoke(["match", "-s", word])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == f"using {skill}, the closest match to '{word}'\n"
        assert ranking(run.stdout) == [expected]

    @pytest.mark.parametrize("word", [*ANALYTICS_NAMES, "analitycs"])
    def test_has_shows_the_label_what_it_adds_and_the_users_word(self, word: str) -> None:
        run = invoke(["match", "-s", word])
        blocks = match_blocks(run.stdout)
        assert [b.fields.get("has") for b in blocks] == [[f"Data analysis +1.20 ← {word}"]] * 3

    def test_has_lists_each_asked_skill_the_career_has_in_the_order_asked(self) -> None:
        # metrics (alias of analytics) + storytelling (alias of content-creation): the manager
        # has both, 1.2040 * 2 = 2.41, and leads.
        run = invoke(["match", "-s", "metrics", "-s", "storytelling"])
        assert run.exit_code == 0, run.stderr
        first = match_blocks(run.stdout)[0]
        assert first.ranked() == (1, "social-media-manager", "score 2.41 · 2/2 · 50%")
        assert first.fields["has"] == [
            "Data analysis +1.20 ← metrics",
            "Content creation +1.20 ← storytelling",
        ]

    def test_has_for_two_words_one_of_them_the_label(self) -> None:
        run = invoke(["match", "-s", "analytics", "-s", "content creation"])
        first = match_blocks(run.stdout)[0]
        assert first.fields["has"] == [
            "Data analysis +1.20 ← analytics",
            "Content creation +1.20 ← content creation",
        ]


class TestMatchErrors:
    """A skill that names nothing: exit 1, the reason and a way forward on stderr. With other
    skills that name something, those are still matched and printed."""

    def test_unknown_skill_with_nothing_close_gets_the_skills_hint(self) -> None:
        run = invoke(["match", "-s", "xyzzy"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0].endswith("no skill matches 'xyzzy'")
        assert lines[1:] == ["'careers skills' lists every skill"]

    def test_unknown_skill_resembling_nothing_gets_no_suggestions(self) -> None:
        run = invoke(["match", "-s", "negotiation"])
        assert (run.exit_code, run.stdout) == (1, "")
        # No name has the word or a word one or two edits from it, and none shares 70% of
        # its letters: "motivating" or "innovation" would be suggestions in letters only.
        assert run.stderr.splitlines() == [
            "error: no skill matches 'negotiation'",
            "'careers skills' lists every skill",
        ]

    def test_a_misspelt_word_suggests_the_skills_of_the_word_meant(self) -> None:
        run = invoke(["match", "-s", "managment"])
        assert (run.exit_code, run.stdout) == (1, "")
        # "managment" is one letter from "management", which five skills' names have as a
        # word: `careers skills management` lists them in this order (shorter names first).
        assert run.stderr.splitlines() == [
            "error: no skill matches 'managment'",
            "did you mean: budget-management, crisis-management, campaign-management, "
            "community-management, reputation-management? ('careers skills' lists them all)",
        ]

    def test_one_unknown_skill_among_known_ones_is_reported_and_the_rest_matched(self) -> None:
        run = invoke(["match", "-s", "analytics", "-s", "xyzzy"])
        assert run.exit_code == 1
        assert run.stderr.splitlines() == [
            "error: no skill matches 'xyzzy'",
            "'careers skills' lists every skill",
        ]
        # analytics is matched as if asked alone.
        assert ranking(run.stdout) == [(r, cid, score) for r, cid, score, _, _ in ANALYTICS]

    def test_an_ambiguous_skill_among_known_ones_is_reported_with_its_candidates(self) -> None:
        # "management" fits 6 skills (TestSkillWordsThatFitSeveralSkills): reported with
        # its candidates; strategy (2 careers, ln 4.5 = 1.50) is still matched: manager
        # (line 3 of 4, 25%) and analyst (line 4 of 4, 25%), one rank, by id.
        run = invoke(["match", "-s", "management", "-s", "strategy"])
        assert run.exit_code == 1
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'management' fits 6 skills; use one of these ids (best first):"
        assert len(lines) == 7
        assert ranking(run.stdout) == [
            (1, "social-media-data-analyst", "score 1.50 · 1/1 · 25%"),
            (1, "social-media-manager", "score 1.50 · 1/1 · 25%"),
        ]

    def test_every_skill_bad_prints_nothing_and_reports_each(self) -> None:
        run = invoke(["match", "-s", "xyzzy", "-s", "management"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[:2] == [
            "error: no skill matches 'xyzzy'",
            "'careers skills' lists every skill",
        ]
        assert lines[2] == ("error: 'management' fits 6 skills; use one of these ids (best first):")


class TestSkillWordsThatFitSeveralSkills:
    """Several skills fit by the best kind of match: nothing is guessed, the candidates are
    listed best first (a label or id before an alias, then those more careers need, then the
    name the query covers more of, skills before platforms, then id), at most 10, then how
    many more; a skill no career needs is no candidate when one that is needed fits."""

    def test_a_word_of_a_label_and_of_aliases_is_ambiguous_label_first(self) -> None:
        # "analysis" is a word of the label "Data analysis" (analytics) and of aliases of
        # market-research ("trend analysis", "market analysis") and social-listening
        # ("sentiment analysis"): all "all words" matches, so all three are candidates. The
        # label first; then the aliases the query covers more of: "trend analysis" 8/14 before
        # "sentiment analysis" 8/18.
        run = invoke(["match", "-s", "analysis"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'analysis' fits 3 skills; use one of these ids (best first):"
        assert [line.split(None, 1) for line in lines[1:]] == [
            ["analytics", "Data analysis"],
            ["market-research", "Market trends"],
            ["social-listening", "Reputation monitoring"],
        ]

    def test_a_word_in_several_labels_lists_them_best_first(self) -> None:
        # "management" is a word of five labels or ids, and of social-media-tools' alias
        # "management tools" (nowhere a whole name). Labels and ids first, the shorter (the
        # query covers more of it) first:
        #   budget-management     "budget management"      17 characters
        #   crisis-management     "crisis management"      17 (same: by id)
        #   campaign-management   "campaign management"    19 (its id; its label is
        #                                                      "Campaign optimisation")
        #   community-management  "community management"   20
        #   reputation-management "reputation management"  21
        # then the alias: social-media-tools ("management tools").
        run = invoke(["match", "-s", "management"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'management' fits 6 skills; use one of these ids (best first):"
        assert [line.split()[0] for line in lines[1:]] == [
            "budget-management",
            "crisis-management",
            "campaign-management",
            "community-management",
            "reputation-management",
            "social-media-tools",
        ]

    # Eight more skills with "management" in their label, each a label of its own length:
    # risk, time (15 characters); brand, event (16); people, vendor (17); product, project (18).
    MORE: ClassVar[list[str]] = [
        "risk",
        "time",
        "brand",
        "event",
        "people",
        "vendor",
        "product",
        "project",
    ]

    def _many_managements(self, tmp_path: Path) -> Path:
        # Each needed by one career, as each of the five of the built-in catalogue is: a skill
        # no career needs is no candidate.
        data = raw_catalogue()
        for word in self.MORE:
            data["skills"].append(
                {
                    "id": f"{word}-management",
                    "label": {"en": f"{word.capitalize()} management"},
                    "aliases": {"en": [], "ar": []},
                }
            )
            data["careers"][0]["required_skills"][0]["skills"].append(f"{word}-management")
        return write_catalogue(tmp_path / "careers.json", data)

    def test_at_most_ten_candidates_then_how_many_more(self, tmp_path: Path) -> None:
        # 5 + 8 labels or ids and 1 alias: 14 skills. Best first: 15 characters (risk, time),
        # 16 (brand, event), 17 (budget, crisis, people, vendor), 18 (product, project): ten;
        # campaign (19), community (20), reputation (21) and social-media-tools (an alias)
        # are the 4 more.
        path = self._many_managements(tmp_path)
        run = invoke(["match", "-s", "management", "--data", str(path)])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'management' fits 14 skills; use one of these ids (best first):"
        assert [line.split()[0] for line in lines[1:11]] == [
            "risk-management",
            "time-management",
            "brand-management",
            "event-management",
            "budget-management",
            "crisis-management",
            "people-management",
            "vendor-management",
            "product-management",
            "project-management",
        ]
        assert lines[11:] == ["  ... and 4 more; 'careers skills \"management\"' lists them all"]
        # ... and that command does, in the same order.
        listed = invoke(["skills", "management", "--data", str(path), "-f", "json"])
        assert listed.exit_code == 0, listed.stderr
        assert [s["id"] for s in json.loads(listed.stdout)] == [
            *(line.split()[0] for line in lines[1:11]),
            "campaign-management",
            "community-management",
            "reputation-management",
            "social-media-tools",
        ]

    def test_a_skill_comes_before_a_platform_of_the_same_name(self, tmp_path: Path) -> None:
        # A skill labelled "Shopify" beside the platform Shopify (id "shopify"). "Shopify" is
        # not an id as typed; it is a whole name of both records, each its record's own name
        # (a label, a platform's name): the same kind and status, so ambiguous; equal also in
        # how much of the name the query covers (all of it), the skill comes first.
        data = raw_catalogue()
        data["skills"].append(
            {"id": "shop-building", "label": {"en": "Shopify"}, "aliases": {"en": [], "ar": []}}
        )
        path = write_catalogue(tmp_path / "careers.json", data)
        run = invoke(["match", "-s", "Shopify", "--data", str(path)])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'Shopify' fits 2 skills; use one of these ids (best first):"
        assert [line.split(None, 1) for line in lines[1:]] == [
            ["shop-building", "Shopify"],
            ["shopify", "Shopify"],
        ]
        # The id as typed is exact: the platform, quietly (no career lists it: no result).
        exact = invoke(["match", "-s", "shopify", "--data", str(path)])
        assert exact.exit_code == 0
        assert exact.stdout == ""
        assert exact.stderr == "no career has all of the skills asked for\n"

    def test_candidates_are_named_by_their_own_record(self, tmp_path: Path) -> None:
        """Career and skill ids are unique only within their list: a career with the id of a
        skill must not lend the skill its title in the list of candidates."""
        data = raw_catalogue()
        career = copy.deepcopy(data["careers"][0])
        career["id"], career["title"] = "communication", {"en": "Comms Person", "ar": "مراسل"}
        data["careers"].append(career)
        path = write_catalogue(tmp_path / "careers.json", data)
        # "commun" starts a word of five skills' names ("word starts"). Labels and ids first,
        # those more careers need first: communication (5 careers with the copy),
        # written-communication (4; its id, its label is "Writing"), community-management (1);
        # then the aliases "community engagement" (audience-engagement, 1) and "crisis
        # communication" (crisis-management, 1), both 20 characters: by id.
        run = invoke(["match", "-s", "commun", "--data", str(path)])
        assert run.exit_code == 1, run.stderr
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'commun' fits 5 skills; use one of these ids (best first):"
        assert [line.split(None, 1) for line in lines[1:]] == [
            ["communication", "Communication"],
            ["written-communication", "Writing"],
            ["community-management", "Community management"],
            ["audience-engagement", "Audience engagement"],
            ["crisis-management", "Crisis management"],
        ]
