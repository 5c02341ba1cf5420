"""`careers compare` and `careers match`.

Every expected order below is worked out by hand from data/careers.json and the rule in the
issue, and written as a comment above the test before the assertion.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
from rich.cells import cell_len

from careers_cli.layout import fair_widths
from tests.helpers import (
    LIST_ROWS,
    SEVEN_IDS,
    header_starts,
    invoke,
    match_blocks,
    raw_catalogue,
    shows_id,
    write_catalogue,
)

SUMMARY = {cid: summary for cid, _, summary, _ in LIST_ROWS}
TITLE = {cid: title for cid, title, _, _ in LIST_ROWS}

# --- compare ---------------------------------------------------------------------------------


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
        by_name = invoke(["compare", "analyst", "community manager", "المؤثر"])
        by_id = invoke(
            ["compare", "social-media-data-analyst", "online-community-manager", "influencer"]
        )
        assert by_name.exit_code == 0, by_name.stderr
        assert by_name.stdout == by_id.stdout

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
        # 25 + 24 + 23 + 8 + 9 = 89 of 90
        (LONG_IDS, 90),
    ],
    ids=["80", "90"],
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
    """The three long ids need 89 columns, these two 49: narrower, each column is headed by a
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


class TestFairWidths:
    """How `compare` shares the terminal's width among its columns."""

    def test_minimums_kept_and_the_rest_shared_narrowest_first(self) -> None:
        assert fair_widths([8, 24, 10], [40, 40, 40], 60) == [18, 24, 18]

    def test_no_column_grows_beyond_its_widest_content(self) -> None:
        assert fair_widths([8, 10], [12, 30], 100) == [12, 30]

    def test_never_more_than_the_total(self) -> None:
        widths = fair_widths([5, 5, 5], [50, 50, 50], 31)
        assert widths is not None
        assert sum(widths) == 31
        assert max(widths) - min(widths) <= 1

    def test_none_when_the_minimums_do_not_fit(self) -> None:
        assert fair_widths([30, 30], [40, 40], 59) is None
        assert fair_widths([30, 30], [40, 40], 60) == [30, 30]


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


# --- match -----------------------------------------------------------------------------------


# (rank, id, score, title, labels of the career's other skills)
# -s analytics. Careers tagged with analytics and the share of their 4 required-skill lines
# that carry it: social-media-data-analyst lines 1-2 of 4 = 50%; social-media-manager line 3
# of 4 = 25%; social-media-marketing-specialist line 2 of 4 = 25%.
# Order: analyst (50%), then the 25% pair by id: manager < marketing-specialist.
ANALYTICS = [
    (
        1,
        "social-media-data-analyst",
        "1/1 · 50%",
        "Social Media Data Analyst",
        {"Social media tools", "Clear reporting", "Market trends", "Strategy development"},
    ),
    (
        2,
        "social-media-manager",
        "1/1 · 25%",
        "Social Media Manager",
        {
            "Communication",
            "Writing",
            "Knowing the social media platforms",
            "Strategy development",
            "Content creation",
            "Creativity and new ideas",
        },
    ),
    (
        3,
        "social-media-marketing-specialist",
        "1/1 · 25%",
        "Social Media Marketing Specialist",
        {
            "Social media advertising",
            "Understanding the target audience",
            "Campaign optimisation",
            "Marketing and promotion",
            "Budget management",
        },
    ),
]


class TestMatchRanking:
    """More asked skills first, then larger centrality, then id; score `M/N · P%`."""

    def test_analytics(self) -> None:
        run = invoke(["match", "-s", "analytics"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert [b.summary() for b in match_blocks(run.stdout)] == ANALYTICS

    def test_analytics_and_content_creation(self) -> None:
        # social-media-manager      analytics (line 3) + content-creation (line 4): 2/2, 2/4=50%
        # digital-content-creator   content-creation (lines 1, 2):                   1/2, 2/4=50%
        # social-media-data-analyst analytics (lines 1, 2):                          1/2, 2/4=50%
        # influencer                content-creation (line 1):                       1/2, 1/4=25%
        # social-media-marketing-specialist analytics (line 2):                      1/2, 1/4=25%
        # PR manager and community manager have neither.
        # Order: the 2/2 manager; then 50%: digital < social-media-data-analyst; then 25%:
        # influencer < social-media-marketing-specialist. (By id alone the analyst would come
        # after the influencer; by count alone the manager would not lead.)
        run = invoke(["match", "-s", "analytics", "-s", "content creation"])
        assert run.exit_code == 0, run.stderr
        assert [b.summary() for b in match_blocks(run.stdout)] == [
            (
                1,
                "social-media-manager",
                "2/2 · 50%",
                "Social Media Manager",
                {
                    "Communication",
                    "Writing",
                    "Knowing the social media platforms",
                    "Strategy development",
                    "Creativity and new ideas",
                },
            ),
            (
                2,
                "digital-content-creator",
                "1/2 · 50%",
                "Digital Content Creator",
                {
                    "Writing",
                    "Creativity and new ideas",
                    "Photo and video editing",
                    "Understanding the target audience",
                },
            ),
            (
                3,
                "social-media-data-analyst",
                "1/2 · 50%",
                "Social Media Data Analyst",
                {"Social media tools", "Clear reporting", "Market trends", "Strategy development"},
            ),
            (
                4,
                "influencer",
                "1/2 · 25%",
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
                5,
                "social-media-marketing-specialist",
                "1/2 · 25%",
                "Social Media Marketing Specialist",
                {
                    "Social media advertising",
                    "Understanding the target audience",
                    "Campaign optimisation",
                    "Marketing and promotion",
                    "Budget management",
                },
            ),
        ]

    def test_communication_and_relationship_building(self) -> None:
        # Both skills: influencer (line 2 of 4), online-community-manager (line 1 of 4),
        # social-media-pr-manager (line 1 of 4): 2/2, 25% each -> by id.
        # communication only: social-media-manager (line 1 of 4): 1/2, 25% -> last, although
        # its id sorts before social-media-pr-manager.
        run = invoke(["match", "-s", "communication", "-s", "relationship-building"])
        assert run.exit_code == 0, run.stderr
        assert [b.summary() for b in match_blocks(run.stdout)] == [
            (
                1,
                "influencer",
                "2/2 · 25%",
                "Social Media Influencer",
                {
                    "Content creation",
                    "Creativity and new ideas",
                    "Marketing and promotion",
                    "Credibility and trust",
                },
            ),
            (
                2,
                "online-community-manager",
                "2/2 · 25%",
                "Online Community Manager",
                {
                    "Handling questions and complaints",
                    "Community management",
                    "Social media tools",
                    "Audience engagement",
                },
            ),
            (
                3,
                "social-media-pr-manager",
                "2/2 · 25%",
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
                "1/2 · 25%",
                "Social Media Manager",
                {
                    "Writing",
                    "Knowing the social media platforms",
                    "Data analysis",
                    "Strategy development",
                    "Content creation",
                    "Creativity and new ideas",
                },
            ),
        ]

    # -s analytics -s strategy -s social-media-tools:
    #   social-media-data-analyst  all three; lines 1, 2, 4 of 4 tagged: 3/3 · 75%
    #   social-media-manager       analytics, strategy; line 3 of 4:     2/3 · 25%
    #   online-community-manager   social-media-tools; line 3 of 4:     1/3 · 25%
    #   social-media-marketing-specialist analytics; line 2 of 4:       1/3 · 25%
    #   social-media-pr-manager    social-media-tools; line 4 of 4:     1/3 · 25%
    # (the 1/3 ones by id: online < social-media-marketing < social-media-pr)
    THREE: ClassVar[list[str]] = ["-s", "analytics", "-s", "strategy", "-s", "social-media-tools"]
    THREE_ORDER: ClassVar[list[tuple[int, str, str]]] = [
        (1, "social-media-data-analyst", "3/3 · 75%"),
        (2, "social-media-manager", "2/3 · 25%"),
        (3, "online-community-manager", "1/3 · 25%"),
        (4, "social-media-marketing-specialist", "1/3 · 25%"),
        (5, "social-media-pr-manager", "1/3 · 25%"),
    ]

    def test_three_skills(self) -> None:
        run = invoke(["match", *self.THREE])
        assert run.exit_code == 0, run.stderr
        ranked = [(b.rank, b.career_id, b.score) for b in match_blocks(run.stdout)]
        assert ranked == self.THREE_ORDER

    def test_all_keeps_only_careers_with_every_skill(self) -> None:
        run = invoke(["match", *self.THREE, "--all"])
        assert run.exit_code == 0, run.stderr
        ranked = [(b.rank, b.career_id, b.score) for b in match_blocks(run.stdout)]
        assert ranked == self.THREE_ORDER[:1]

    @pytest.mark.parametrize("option", ["--limit", "-n"])
    def test_limit_cuts_the_ranking(self, option: str) -> None:
        run = invoke(["match", *self.THREE, option, "3"])
        assert run.exit_code == 0, run.stderr
        ranked = [(b.rank, b.career_id, b.score) for b in match_blocks(run.stdout)]
        assert ranked == self.THREE_ORDER[:3]

    def test_every_skill_of_a_career_leaves_nothing_to_learn(self) -> None:
        # social-media-data-analyst has exactly these five skills; every line is tagged.
        skills = ["analytics", "social-media-tools", "reporting", "market-research", "strategy"]
        run = invoke(["match", *(arg for s in skills for arg in ("-s", s)), "--all"])
        assert run.exit_code == 0, run.stderr
        [block] = match_blocks(run.stdout)
        assert (block.career_id, block.score, block.text("to learn")) == (
            "social-media-data-analyst",
            "5/5 · 100%",
            "none",
        )

    def test_budget_or_crisis_management(self) -> None:
        # budget-management: only the marketing specialist (line 4 of 4); crisis-management:
        # only the PR manager (line 2 of 4). Both 1/2 · 25% -> by id: marketing < pr.
        run = invoke(["match", "-s", "budget-management", "-s", "crisis-management"])
        assert run.exit_code == 0, run.stderr
        ranked = [(b.rank, b.career_id, b.score) for b in match_blocks(run.stdout)]
        assert ranked == [
            (1, "social-media-marketing-specialist", "1/2 · 25%"),
            (2, "social-media-pr-manager", "1/2 · 25%"),
        ]

    def test_all_with_no_career_having_both_prints_nothing_and_says_so_on_stderr(self) -> None:
        run = invoke(["match", "-s", "budget-management", "-s", "crisis-management", "--all"])
        assert run.exit_code == 0
        assert run.stdout == ""
        assert run.stderr == "no career has all of the skills asked for\n"


# Every way of saying "analytics": id, English label and aliases, any case, a typo, the Arabic
# label and an Arabic alias with its article.
ANALYTICS_WORDS = [
    "analytics",
    "data analysis",
    "metrics",
    "Analytics",
    "analitycs",
    "تحليل البيانات",
    "التحليل",
]


def test_match_block_names_rank_id_score_title_has_and_to_learn() -> None:
    """Each result is a block: "rank. id score", then title, has and to learn."""
    blocks = match_blocks(invoke(["match", "-s", "analytics"]).stdout)
    assert blocks, "no match blocks"
    assert set(blocks[0].fields) == {"title", "has", "to learn"}


class TestMatchSkillWords:
    """A skill is found by id, label or alias, English or Arabic, any case, with typos."""

    @pytest.mark.parametrize("word", ANALYTICS_WORDS)
    def test_every_name_of_analytics_gives_the_same_ranking(self, word: str) -> None:
        run = invoke(["match", "--skill", word])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert [b.summary() for b in match_blocks(run.stdout)] == ANALYTICS

    @pytest.mark.parametrize("word", ANALYTICS_WORDS)
    def test_has_shows_the_label_and_the_users_word(self, word: str) -> None:
        run = invoke(["match", "-s", word])
        blocks = match_blocks(run.stdout)
        assert [b.fields.get("has") for b in blocks] == [[f"Data analysis ← {word}"]] * 3

    def test_has_lists_each_asked_skill_the_career_has_in_the_order_asked(self) -> None:
        run = invoke(["match", "-s", "metrics", "-s", "storytelling"])
        first = match_blocks(run.stdout)[0]
        assert first.career_id == "social-media-manager"
        assert first.fields["has"] == ["Data analysis ← metrics", "Content creation ← storytelling"]

    def test_has_for_two_words_one_of_them_the_label(self) -> None:
        run = invoke(["match", "-s", "analytics", "-s", "content creation"])
        first = match_blocks(run.stdout)[0]
        assert first.fields["has"] == [
            "Data analysis ← analytics",
            "Content creation ← content creation",
        ]


class TestMatchErrors:
    """An unknown skill: exit 1, nothing on stdout, the reason and a way forward on stderr."""

    def test_unknown_skill_with_nothing_close_gets_the_skills_hint(self) -> None:
        run = invoke(["match", "-s", "xyzzy"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0].endswith("no skill matches 'xyzzy'")
        assert lines[1:] == ["'careers skills' lists every skill"]

    def test_unknown_skill_with_something_close_gets_suggestions(self) -> None:
        run = invoke(["match", "-s", "negotiation"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0].endswith("no skill matches 'negotiation'")
        # Closest names (Jaro-Winkler), each below the 0.88 typo threshold, best first:
        # "optimisation" 0.756 (campaign-management), "interaction" 0.735
        # (audience-engagement), "innovation" 0.731 (creativity).
        assert lines[1] == (
            "did you mean: campaign-management, audience-engagement, creativity? "
            "('careers skills' lists them all)"
        )

    def test_one_unknown_skill_among_known_ones_prints_no_ranking(self) -> None:
        run = invoke(["match", "-s", "analytics", "-s", "xyzzy"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert "no skill matches 'xyzzy'" in run.stderr


class TestSkillWordsThatFitSeveralSkills:
    """A word found in several names: labels (and ids) come before aliases; a tie is refused."""

    def test_a_label_word_beats_alias_words(self) -> None:
        # "analysis" is in the label "Data analysis" (analytics) and only in aliases of
        # market-research ("market analysis") and social-listening ("sentiment analysis").
        run = invoke(["match", "-s", "analysis", "-f", "json"])
        assert run.exit_code == 0, run.stderr
        assert {m["skill"] for item in json.loads(run.stdout) for m in item["matched"]} == {
            "analytics"
        }

    def test_a_word_in_several_labels_lists_them(self) -> None:
        # "management" is in four labels (Budget, Community, Crisis and Reputation management)
        # and in the id campaign-management (labelled "Campaign optimisation").
        run = invoke(["match", "-s", "management"])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'management' fits several skills; use one of these ids:"
        assert [line.split()[0] for line in lines[1:]] == [
            "budget-management",
            "campaign-management",
            "community-management",
            "crisis-management",
            "reputation-management",
        ]

    def test_candidates_are_named_by_their_own_record(self, tmp_path: Path) -> None:
        """Career and skill ids are unique only within their list: a career with the id of a
        skill must not lend the skill its title in the list of candidates."""
        data = raw_catalogue()
        career = copy.deepcopy(data["careers"][0])
        career["id"], career["title"] = "communication", {"en": "Comms Person", "ar": "مراسل"}
        data["careers"].append(career)
        path = write_catalogue(tmp_path / "careers.json", data)
        run = invoke(["match", "-s", "commun", "--data", str(path)])
        assert run.exit_code == 1, run.stderr
        assert [line.split(None, 1) for line in run.stderr.splitlines()[1:]] == [
            ["communication", "Communication"],
            ["community-management", "Community management"],
            ["written-communication", "Writing"],
        ]
