"""Matching skills to careers and moving between careers: `careers match`, `next` and `gap`."""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

from careers_cli.i18n.messages import message
from tests.helpers import (
    MATCH_HEADING,
    SEVEN_IDS,
    Run,
    imported_esco_sample,
    invoke,
    match_blocks,
    raw_career,
    raw_catalogue,
    raw_controls,
    same_from_store,
    shows_id,
    squeeze,
    write_catalogue,
)
from tests.support import bounds as bounds_support
from tests.support import relevance as relevance_support
from tests.support.arabic import WIDE, assert_visual, expected_visual, latin_words, run_ok
from tests.support.explore_misc import match_headings
from tests.support.format_2 import document, run
from tests.support.hostile import ok
from tests.support.relevance import (
    CANDIDATE_LIMIT,
    NAME,
    Catalogue,
    Expected,
    Fit,
    ambiguous_lines,
    career_entry,
    catalogue_data,
    every_way,
    expected_matches,
    guessed,
    needing,
    reference_ranking,
    shown_matches,
    skill_candidates,
    skill_entry,
    skill_names,
    stderr_lines,
    tied_best,
    validated,
)
from tests.support.view_layout import lines, under

# --- match: the ranking ----------------------------------------------------------------------


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
    (
        1,
        "social-media-marketing-specialist",
        "score 1.20 · 1/1 · 25%",
        "Social Media Marketing Specialist",
        MARKETER_TO_LEARN,
    ),
    (1, "social-media-manager", "score 1.20 · 1/1 · 25%", "Social Media Manager", MANAGER_TO_LEARN),
]


class TestMatchRanking:
    """Higher score first (the sum of ln(1 + N/n) over the skills found); equal scores (as
    shown) share a rank; among them the larger share of essential skills asked, then the one
    whose other essential skills go more with those asked, then id."""

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
        # Ranks 1, 2, 2, 2, 2: the four 1.20s share rank 2, ordered by the share of their
        # essential skills asked (creator and analyst 1 of 5; specialist and influencer 1 of
        # 6), then by how much their other essential skills go with those asked (the mean
        # share of the careers needing each that have one of the two: creator 0.92 before
        # analyst 0.83; specialist 1.00 before influencer 0.77).
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
                "social-media-marketing-specialist",
                "score 1.20 · 1/2 · 25%",
                "Social Media Marketing Specialist",
                MARKETER_TO_LEARN,
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
        ]

    def test_communication_and_relationship_building(self) -> None:
        # communication: 4 careers -> ln(11/4) = 1.0116; relationship-building: 3 -> 1.2040.
        # Both: influencer (line 2 of 4), online-community-manager (line 1 of 4),
        #   social-media-pr-manager (line 1 of 4): 1.0116 + 1.2040 = 2.2156 -> 2.22, 25% each:
        #   one shared rank. The two asked are 2 of the 6 essential skills of the community
        #   manager and of the influencer, 2 of the PR manager's 8; of the first two, the
        #   community manager's other skills go more with those asked (0.92 against 0.71).
        # communication only: social-media-manager (line 1 of 4): 1.01, 1/2, 25% -> rank 4
        #   (three careers scored more), last although its id sorts before the PR manager's.
        run = invoke(["match", "-s", "communication", "-s", "relationship-building"])
        assert run.exit_code == 0, run.stderr
        assert [b.summary() for b in match_blocks(run.stdout)] == [
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


def test_a_match_is_a_heading_then_its_details_indented_then_a_blank_line() -> None:
    assert lines("match", "-s", "analytics", "-n", "2")[:12] == [
        "1. social-media-data-analyst  score 1.20 · 1/1 · 50%",
        "   title     Social Media Data Analyst",
        "   has       Data analysis +1.20 ← analytics",
        "   to learn  Social media tools, Clear reporting, Market trends, Strategy",
        "             development",
        "",
        "1. social-media-marketing-specialist  score 1.20 · 1/1 · 25%",
        "   title     Social Media Marketing Specialist",
        "   has       Data analysis +1.20 ← analytics",
        "   to learn  Social media advertising, Understanding the target audience,",
        "             Campaign optimisation, Marketing and promotion, Budget management",
        "",
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
        "by_words": False,
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


class TestEssentialAndOptional:
    def test_match_counts_an_optional_skill_half(self) -> None:
        """Asked for photography: the photographer needs it, the video blogger only may use it."""
        # Both of the 2 careers list photography, so it tells ln(1 + 2/2) = ln 2 = 0.6931: the
        # photographer's whole score (0.69); half of it, 0.3466, the video blogger's (0.35).
        ranked = document("match", "-s", "photography")
        assert [
            (m["rank"], m["id"], m["score"]["value"], m["score"]["optional"]) for m in ranked
        ] == [
            (1, "photographer", 0.69, 0),
            (2, "video-blogger", 0.35, 1),
        ]
        assert [
            (
                m["matched"][0]["importance"],
                m["matched"][0]["careers"],
                m["matched"][0]["specificity"],
                m["matched"][0]["weight"],
            )
            for m in ranked
        ] == [
            ("essential", 2, 0.6931, 0.6931),
            ("optional", 2, 0.6931, 0.3466),
        ]
        assert ranked[1]["missing"] == ["video-editing", "storytelling"]
        assert ranked[0]["missing_optional"] == ["video-editing", "storytelling"]

    def test_match_shows_optional_in_its_score_and_lists(self) -> None:
        lines = run("match", "-s", "photography")
        # Each career has 3 requirements (a line with text is one, a line without is one per
        # skill), and photography names 1 of them: 33%. Scores as worked out above.
        assert lines[0] == "1. photographer  score 0.69 · 1/1 · 33%"
        second = lines.index("2. video-blogger  score 0.35 · 1/1 (1 optional) · 33%")
        assert "التصوير [ar] (optional) +0.35 ← photography" in lines[second + 2]
        first_block = lines[:second]
        assert "التصوير [ar] +0.69 ← photography" in first_block[2]
        assert any(
            line.split()[:2] == ["also", "helps"] and "edit video, tell stories" in line
            for line in first_block
        ), first_block


PART_ID = "skill"


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.builtin(tmp_path_factory)


class TestBuiltInMatch:
    def test_equal_scores_share_rank_one(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["match", "-s", "analytics", "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        # Three of the seven careers need analytics: ln(1 + 7/3) = 1.20 each; it is 1 of the
        # analyst's 5 essential skills, of the specialist's 6 and of the manager's 7.
        assert needing(builtin.data, "analytics") == [
            "social-media-manager",
            "social-media-marketing-specialist",
            "social-media-data-analyst",
        ]
        expected = expected_matches(builtin.data, ["analytics"])
        assert [(e.rank, e.career_id, e.score) for e in expected] == [
            (1, "social-media-data-analyst", 1.2),
            (1, "social-media-marketing-specialist", 1.2),
            (1, "social-media-manager", 1.2),
        ]
        assert shown_matches(run) == expected
        total = len(builtin.data["careers"])
        assert total == 7
        specificity = round(math.log(1 + total / 3), 4)
        part = {
            "kind": "skill",
            PART_ID: "analytics",
            "label": {"en": "Data analysis", "ar": "تحليل البيانات"},
            "query": "analytics",
            "family_of": None,
            "by_words": False,
            "importance": "essential",
            "careers": 3,
            "specificity": specificity,
            "weight": specificity,
        }
        assert [r["matched"] for r in json.loads(run.stdout)] == [[part]] * 3

    def test_the_csv_has_the_score(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["match", "-s", "analytics", "--format", "csv"])
        assert run.exit_code == 0
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        assert list(rows[0])[:4] == ["rank", "id", "title", "score"]
        expected = expected_matches(builtin.data, ["analytics"])
        assert [(r["rank"], r["id"], r["score"]) for r in rows] == [
            (str(e.rank), e.career_id, f"{e.score:.2f}") for e in expected
        ]
        assert {r["score"] for r in rows} == {"1.20"}

    def test_an_unknown_skill_is_reported_and_the_others_matched(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["match", "-s", "excel", "-s", "analytics"])
        assert run.exit_code == 1
        assert stderr_lines(run) == [
            "error: no skill matches 'excel'",
            "'careers skills' lists every skill",
        ]
        alone = every_way(builtin, ["match", "-s", "analytics"])
        assert alone.exit_code == 0
        assert run.stdout == alone.stdout
        for career_id in needing(builtin.data, "analytics"):
            assert career_id in run.stdout

    def test_only_unknown_skills_print_nothing(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["match", "-s", "excel", "--format", "json"])
        assert (run.exit_code, run.stdout) == (1, "")
        assert stderr_lines(run)[0] == "error: no skill matches 'excel'"

    @pytest.mark.parametrize(
        ("query", "platform", "kind"),
        [("google analytics", "google-analytics", "tool"), ("instagram", "instagram", "platform")],
    )
    def test_a_platform_or_tool_counts_like_a_skill(
        self, query: str, platform: str, kind: str, builtin: Catalogue
    ) -> None:
        listing = needing(builtin.data, platform)
        assert len(listing) == 1  # so it scores ln(1 + 7/1)
        run = every_way(builtin, ["match", "-s", query, "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_matches(run) == expected_matches(builtin.data, [platform])
        assert shown_matches(run) == [Expected(1, listing[0], 2.08, 0.0)]
        (part,) = json.loads(run.stdout)[0]["matched"]
        shown = (part["kind"], part[PART_ID], part["query"], part["careers"])
        assert shown == (kind, platform, query, 1)
        assert part["specificity"] == round(math.log(8), 4)

    def test_a_skill_and_a_platform_together(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["match", "-s", "analytics", "-s", "instagram", "-f", "json"])
        expected = expected_matches(builtin.data, ["analytics", "instagram"])
        assert expected[0] == Expected(1, "social-media-manager", 3.28, 0.25)  # 1.20 + 2.08
        assert shown_matches(run) == expected


COMMON_SKILLS = [f"common-{n}" for n in range(1, 11)]


DATA_SKILLS = {
    "python": "Python",
    "machine-learning": "Machine learning",
    "statistics": "Statistics",
    "data-mining": "Data mining",
    "data-models": "Data models",
}


RARE_SIZE = 3000


DATA_SCIENTIST = "data-scientist"


DECOY = "data-entry-coordinator"


def rare_skills_catalogue(size: int = RARE_SIZE, seed: int = 20) -> dict[str, Any]:
    """`size` careers: ~90% need communication, each common skill ~half of them (a third of
    those optionally), each data skill ~15. The data scientist needs the five data skills; the
    decoy needs communication, python and every common skill."""
    rng = random.Random(seed)
    careers = [
        career_entry(DATA_SCIENTIST, "Data scientist", list(DATA_SKILLS)),
        career_entry(DECOY, "Data entry coordinator", ["communication", "python", *COMMON_SKILLS]),
    ]
    for number in range(size - len(careers)):
        essential = ["communication"] if rng.random() < 0.9 else []
        optional: list[str] = []
        for skill_id in COMMON_SKILLS:
            if rng.random() < 0.5:
                (optional if rng.random() < 1 / 3 else essential).append(skill_id)
        if rng.random() < 0.025:
            essential.append(rng.choice(list(DATA_SKILLS)))
        if not essential:
            essential = [COMMON_SKILLS[0]]
        careers.append(career_entry(f"role-{number:04d}", f"Role {number}", essential, optional))
    skills = [skill_entry("communication", "Communication", "communicating")]
    skills += [skill_entry(s, f"Common skill {s.split('-')[1]}") for s in COMMON_SKILLS]
    skills += [skill_entry(skill_id, label) for skill_id, label in DATA_SKILLS.items()]
    return catalogue_data(f"{size} careers, few of them in data", careers, skills)


@pytest.fixture(scope="module")
def rare(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("rare") / "rare.json", rare_skills_catalogue())


class TestRareSkillsCountMore:
    QUERIES: ClassVar[list[str]] = ["communication", *DATA_SKILLS.values(), *COMMON_SKILLS[:6]]

    def test_the_data_scientist_outranks_a_career_with_more_common_skills(
        self, rare: Catalogue
    ) -> None:
        counts = Counter(
            s for c in rare.data["careers"] for line in c["required_skills"] for s in line["skills"]
        )
        assert counts["communication"] > RARE_SIZE * 0.8
        assert all(counts[s] < RARE_SIZE * 0.02 for s in DATA_SKILLS)
        assert all(counts[s] > RARE_SIZE * 0.4 for s in COMMON_SKILLS)
        args = ["match", "--format", "json", "--limit", "40"]
        for query in self.QUERIES:
            args += ["-s", query]
        run = every_way(rare, args)
        total = len(
            expected_matches(rare.data, ["communication", *DATA_SKILLS, *COMMON_SKILLS[:6]])
        )
        assert (run.exit_code, run.stderr) == (
            0,
            f"showing 40 of {total} careers; '--limit all' shows every one\n",
        )
        results = json.loads(run.stdout)
        by_id = {r["id"]: r for r in results}
        # The decoy has more of the skills asked for (8 against 5), but common ones.
        assert by_id[DECOY]["score"]["matched"] == 8
        assert by_id[DATA_SCIENTIST]["score"]["matched"] == 5
        assert results[0]["id"] == DATA_SCIENTIST
        assert results[0]["rank"] == 1 and by_id[DECOY]["rank"] > 1
        wanted = ["communication", *DATA_SKILLS, *COMMON_SKILLS[:6]]
        assert shown_matches(run) == expected_matches(rare.data, wanted)[:40]

    def test_a_rare_skill_alone(self, rare: Catalogue) -> None:
        run = every_way(rare, ["match", "-s", "data mining", "--format", "json", "-n", "all"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_matches(run) == expected_matches(rare.data, ["data-mining"])
        assert DATA_SCIENTIST in {r.career_id for r in shown_matches(run)}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bounds_support.catalogue(tmp_path_factory)


class TestMatch:
    def test_ten_careers_by_default(self, catalogue: Path) -> None:
        run = invoke(["match", "-s", "analytics", "--data", str(catalogue), "-f", "json"])
        assert run.exit_code == 0, run.stderr
        assert len(json.loads(run.stdout)) == 10
        # 3 built-in careers and 57 copies need analytics.
        assert run.stderr == "showing 10 of 60 careers; '--limit all' shows every one\n"

    def test_the_table_ends_with_the_count(self, catalogue: Path) -> None:
        run = invoke(["match", "-s", "analytics", "--data", str(catalogue)])
        assert run.stdout.rstrip("\n").splitlines()[-1] == (
            "showing 10 of 60 careers; '--limit all' shows every one"
        )

    def test_limit_all(self, catalogue: Path) -> None:
        command = ["match", "-s", "analytics", "--data", str(catalogue), "-f", "json"]
        run = invoke([*command, "--limit", "all"])
        assert len(json.loads(run.stdout)) == 60
        assert run.stderr == ""

    @pytest.mark.parametrize(
        "args", [["list"], ["skills"], ["match", "-s", "analytics"], ["list", "-n", "all"]]
    )
    def test_the_store_answers_alike(
        self, catalogue: Path, tmp_path: Path, args: list[str]
    ) -> None:
        run = same_from_store(args, catalogue, tmp_path / "cache")
        assert run.exit_code == 0, run.stderr


@pytest.fixture(scope="module")
def esco_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_esco_sample(tmp_path_factory.mktemp("esco"))


class TestSublists:
    """Inside a match block, "to learn" names 8 skills and "also helps" 3, each in the order the
    data formats give them, then how many more and where to see them all."""

    def test_match_block_on_the_esco_sample(self, esco_sample: Path) -> None:
        args = ["match", "-s", "interpret financial statements", "--data", str(esco_sample)]
        data = json.loads(invoke([*args, "-f", "json"]).stdout)
        first = data[0]
        labels = {
            s["id"]: s["label"]["en"]
            for s in json.loads(esco_sample.read_text(encoding="utf-8"))["skills"]
        }
        missing = [labels[s] for s in first["missing"]]
        optional = [labels[s] for s in first["missing_optional"]]
        assert len(missing) > 8 and len(optional) > 3
        text = invoke(args, env={"COLUMNS": "400"}).stdout.splitlines()
        block = text[: text.index("")]
        career = first["id"]
        to_learn = next(line for line in block if line.lstrip().startswith("to learn"))
        also = next(line for line in block if line.lstrip().startswith("also helps"))
        see = f"('careers show {career}' lists them all)"
        assert to_learn.split("to learn", 1)[1].strip() == (
            ", ".join(missing[:8]) + f" ... and {len(missing) - 8} more {see}"
        )
        assert also.split("also helps", 1)[1].strip() == (
            ", ".join(optional[:3]) + f" ... and {len(optional) - 3} more {see}"
        )


def test_at_40_columns_match_shows_every_id_whole_or_folded() -> None:
    # -s communication: the manager, the PR manager, the influencer and the community manager.
    run = invoke(["match", "-s", "communication"], env={"COLUMNS": "40"})
    expected = [
        "influencer",
        "online-community-manager",
        "social-media-manager",
        "social-media-pr-manager",
    ]
    assert sorted(cid for cid in SEVEN_IDS if shows_id(run.stdout, cid)) == expected


# --- match: the skills asked for -------------------------------------------------------------


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


def test_a_platform_named_by_its_id_is_matched() -> None:
    run = invoke(["match", "-s", "instagram", "-n", "1", "-f", "json"])
    assert run.exit_code == 0, run.stderr
    (best,) = json.loads(run.stdout)
    assert best["id"] == "social-media-manager"
    assert best["score"]["matched"] == 1


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

    def test_a_word_that_fits_several_skills_is_matched_as_a_word_family(self) -> None:
        # "management" fits 6 skills (TestSkillWordsThatFitSeveralSkills); `match` takes it as
        # any of them, and says so. Four careers need one: ln(1 + 7/4) = 1.01 each. Strategy:
        # two careers, ln 4.5 = 1.50. The analyst has both (2.52); the manager strategy only;
        # three careers management skills (1.01). The family counts as one skill of their
        # essential ones: 1 of the community manager's 6 and of the specialist's 6, 1 of the
        # PR manager's 8; the community manager's other skills go with those asked more often
        # (0.85) than the specialist's (0.75).
        run = invoke(["match", "-s", "management", "-s", "strategy"])
        assert run.exit_code == 0
        assert run.stderr.splitlines() == [
            "'management' fits 6 skills; matching any of them "
            "('careers skills \"management\"' lists them)"
        ]
        assert ranking(run.stdout) == [
            (1, "social-media-data-analyst", "score 2.52 · 2/2 · 50%"),
            (2, "social-media-manager", "score 1.50 · 1/2 · 25%"),
            (3, "online-community-manager", "score 1.01 · 1/2 · 25%"),
            (3, "social-media-marketing-specialist", "score 1.01 · 1/2 · 50%"),
            (3, "social-media-pr-manager", "score 1.01 · 1/2 · 50%"),
        ]
        # Each career is shown the skill of the family it has, marked as found by the words.
        assert "Crisis management +1.01 ← management (a skill with these words)" in run.stdout

    def test_a_word_of_a_skill_and_a_tool_is_still_reported_with_its_candidates(self) -> None:
        run = invoke(["match", "-s", "xyzzy", "-s", "google"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert run.stderr.splitlines() == [
            "error: no skill matches 'xyzzy'",
            "'careers skills' lists every skill",
            "error: 'google' fits 2 skills; use one of these ids (best first):",
            "  google-analytics    Google Analytics",
            "  social-media-tools  Social media tools",
        ]


class TestSkillWordsThatFitSeveralSkills:
    """Several skills fit by the best kind of match: for a filter (`list --skill`, and
    `profile add`) nothing is guessed, the candidates are
    listed best first (a label or id before an alias, then those more careers need, then the
    name the query covers more of, skills before platforms, then id), at most 10, then how
    many more; a skill no career needs is no candidate when one that is needed fits."""

    def test_a_word_of_a_label_and_of_aliases_is_ambiguous_label_first(self) -> None:
        # "analysis" is a word of the label "Data analysis" (analytics) and of aliases of
        # market-research ("trend analysis", "market analysis") and social-listening
        # ("sentiment analysis"): all "all words" matches, so all three are candidates. The
        # label first; then the aliases the query covers more of: "trend analysis" 8/14 before
        # "sentiment analysis" 8/18.
        run = invoke(["list", "--skill", "analysis"])
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
        run = invoke(["list", "--skill", "management"])
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
        run = invoke(["list", "--skill", "management", "--data", str(path)])
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
        run = invoke(["list", "--skill", "Shopify", "--data", str(path)])
        assert run.exit_code == 1
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert lines[0] == "error: 'Shopify' fits 2 skills; use one of these ids (best first):"
        assert [line.split(None, 1) for line in lines[1:]] == [
            ["shop-building", "Shopify"],
            ["shopify", "Shopify"],
        ]
        # The id as typed is exact: the platform, quietly (no career lists it: no result).
        exact = invoke(["list", "--skill", "shopify", "--data", str(path)])
        assert exact.exit_code == 0
        assert exact.stdout == ""
        assert exact.stderr == "no career needs all of the skills asked for\n"

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
        run = invoke(["list", "--skill", "commun", "--data", str(path)])
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


@pytest.fixture(scope="module")
def esco(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.esco(tmp_path_factory)


def english_labels(data: Mapping[str, Any]) -> dict[str, str]:
    return {s["id"]: s["label"].get("en") or s["label"]["ar"] for s in data["skills"]}


class TestEscoSample:
    def test_an_ambiguous_skill_points_to_the_skills_command(self, esco: Catalogue) -> None:
        ranking = reference_ranking("marketing", skill_names(esco.data))
        tied = skill_candidates(esco.data, ranking)
        assert len(tied) > CANDIDATE_LIMIT
        run = every_way(esco, ["list", "--skill", "marketing"])
        assert (run.exit_code, run.stdout) == (1, "")
        more = "; 'careers skills \"marketing\"' lists them all"
        assert stderr_lines(run) == ambiguous_lines(
            "marketing", "skills", tied, english_labels(esco.data), more
        )

    def test_unknown_skills_are_reported_and_a_word_family_matched_with_the_others(
        self, esco: Catalogue
    ) -> None:
        query = ["match", "-s", "marketing", "-s", "wvutzq", "-s", "manage budgets"]
        run = every_way(esco, query)
        assert run.exit_code == 1
        tied = skill_candidates(esco.data, reference_ranking("marketing", skill_names(esco.data)))
        assert stderr_lines(run) == [
            "error: no skill matches 'wvutzq'",
            "'careers skills' lists every skill",
            f"'marketing' fits {len(tied)} skills; matching any of them "
            "('careers skills \"marketing\"' lists them)",
        ]
        without = every_way(esco, ["match", "-s", "marketing", "-s", "manage budgets"])
        assert without.exit_code == 0
        assert run.stdout == without.stdout != ""

    def test_several_skills_rank_by_the_score_rule(self, esco: Catalogue) -> None:
        wanted = {
            "manage budgets": "manage-budgets",
            "copyright legislation": "copyright-legislation",
            "perform market research": "perform-market-research",
            "apply social media marketing": "apply-social-media-marketing",
        }
        args = ["match", "--format", "json", "--limit", "all"]
        for query in wanted:
            args += ["-s", query]
        run = every_way(esco, args)
        assert (run.exit_code, run.stderr) == (0, "")
        expected = expected_matches(esco.data, list(wanted.values()))
        assert len(expected) > 10
        assert len({e.score for e in expected}) < len(expected)  # some share a rank
        assert shown_matches(run) == expected
        total = len(esco.data["careers"])
        for result in json.loads(run.stdout):
            for part in result["matched"]:
                assert wanted[part["query"]] == part[PART_ID]
                assert part["careers"] == len(needing(esco.data, part[PART_ID]))
                assert part["specificity"] == round(math.log(1 + total / part["careers"]), 4)
                factor = 0.5 if part["importance"] == "optional" else 1.0
                assert math.isclose(part["weight"], factor * part["specificity"], abs_tol=1e-4)
        optional = [
            p for r in json.loads(run.stdout) for p in r["matched"] if p["importance"] == "optional"
        ]
        assert optional  # the halving is exercised


@pytest.fixture(scope="module")
def symbols(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.symbols(tmp_path_factory)


class TestSymbolsInNames:
    @pytest.mark.parametrize(
        ("query", "skill_id"),
        [
            ("C++", "cpp"),
            ("C#", "c-sharp"),
            ("C", "c"),
            ("F#", "f-sharp"),
            (".NET", "dotnet"),
            ("Node.js", "nodejs"),
            ("R", "r"),
            ("Python", "python"),
            ("excel", "excel"),  # its id
            ("Excel", "excel"),  # its label (also an alias of spreadsheets)
        ],
    )
    def test_each_finds_its_own_skill(self, query: str, skill_id: str, symbols: Catalogue) -> None:
        run = every_way(symbols, ["match", "-s", query, "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        results = json.loads(run.stdout)
        assert {r["id"] for r in results} == set(needing(symbols.data, skill_id))
        assert shown_matches(run) == expected_matches(symbols.data, [skill_id])
        assert [[p[PART_ID] for p in r["matched"]] for r in results] == [[skill_id]] * len(results)

    def test_a_label_beats_an_alias_and_an_alias_is_no_guess(self, symbols: Catalogue) -> None:
        ranking = reference_ranking("excel", skill_names(symbols.data))
        assert ranking[:2] == [Fit(NAME, False, 5, "excel"), Fit(NAME, True, 5, "spreadsheets")]
        assert tied_best(ranking) == ranking[:1]
        run = every_way(symbols, ["match", "-s", "EXCEL", "--format", "json"])  # not the id
        assert (run.exit_code, run.stderr) == (0, "")
        assert "accountant" in {r["id"] for r in json.loads(run.stdout)}  # needs Excel optionally
        assert shown_matches(run) == expected_matches(symbols.data, ["excel"])
        alias = every_way(symbols, ["match", "-s", "Sheets", "--format", "json"])
        assert (alias.exit_code, alias.stderr) == (0, "")
        assert shown_matches(alias) == expected_matches(symbols.data, ["spreadsheets"])

    def test_a_word_of_a_longer_name_is_a_guess(self, symbols: Catalogue) -> None:
        run = every_way(symbols, ["match", "-s", "excellence", "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, guessed("demand-excellence", "excellence"))
        assert shown_matches(run) == expected_matches(symbols.data, ["demand-excellence"])


@pytest.fixture(scope="module")
def everyday(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.everyday(tmp_path_factory)


class TestSkillsNoCareerNeeds:
    """A skill no career needs is never the silent answer when a needed one fits; asked for,
    the user is told."""

    def test_an_other_name_of_an_unneeded_skill_gives_way_to_needed_skills(
        self, everyday: Catalogue
    ) -> None:
        run = every_way(everyday, ["list", "--skill", "design"])
        assert (run.exit_code, run.stdout) == (1, "")
        # Both needed skills have the word in their labels; the one more careers need first.
        assert stderr_lines(run) == [
            "error: 'design' fits 2 skills; use one of these ids (best first):",
            "  web-design      Web design",
            "  graphic-design  Graphic design",
        ]
        # `match` takes the word as either of them: the two designers, never "think creatively".
        matched = every_way(everyday, ["match", "-s", "design", "-f", "json"])
        assert matched.exit_code == 0
        assert {r["id"] for r in json.loads(matched.stdout)} == {"graphic-designer", "web-designer"}
        assert {p["skill"] for r in json.loads(matched.stdout) for p in r["matched"]} == {
            "web-design"
        }

    def test_asked_for_by_its_label_the_user_is_told_no_career_needs_it(
        self, everyday: Catalogue
    ) -> None:
        run = every_way(everyday, ["match", "-s", "think creatively"])
        assert (run.exit_code, run.stdout) == (0, "")
        assert stderr_lines(run) == [
            "no career in this catalogue needs Think creatively (think-creatively)",
            "no career has all of the skills asked for",
        ]


def families_catalogue() -> dict[str, Any]:
    """ESCO's phrasing: "machine learning" as a label, and labels that hold it as a phrase."""
    careers = [
        career_entry("data-scientist", "Data scientist", ["utilise-machine-learning", "stats"]),
        career_entry("vision-engineer", "Vision engineer", ["machine-learning"]),
        career_entry("ml-researcher", "ML researcher", ["machine-learning"], ["ml-methods"]),
        career_entry("statistician", "Statistician", ["stats"]),
        career_entry("learning-designer", "Learning designer", ["machine-tools"]),
    ]
    skills = [
        skill_entry("machine-learning", "machine learning"),
        skill_entry("utilise-machine-learning", "utilise machine learning"),
        skill_entry("ml-methods", "machine learning methods"),
        skill_entry("learning-machines", "learning machines"),  # the words, not in a row
        skill_entry("machine-tools", "machine tools"),
        skill_entry("teach-machine-learning", "teach machine learning"),  # needed by none
        skill_entry("stats", "statistics"),
    ]
    return catalogue_data("Families", careers, skills)


@pytest.fixture(scope="module")
def families(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("families") / "families.json", families_catalogue())


class TestSkillFamilies:
    """A whole label of two or more words reaches the skills whose labels hold it."""

    def test_a_phrase_reaches_the_labels_that_hold_it(self, families: Catalogue) -> None:
        run = every_way(families, ["match", "-s", "Machine Learning", "-f", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        found = {r["id"]: r["matched"] for r in json.loads(run.stdout)}
        # Not learning-designer (machine tools) and no skill whose words are not in a row.
        assert set(found) == {"data-scientist", "vision-engineer", "ml-researcher"}
        assert [(m["skill"], m["family_of"]) for m in found["data-scientist"]] == [
            ("utilise-machine-learning", "machine-learning")
        ]
        # The skill itself, essential, is shown rather than the optional family member: once.
        assert [(m["skill"], m["family_of"]) for m in found["ml-researcher"]] == [
            ("machine-learning", None)
        ]
        assert all(len(parts) == 1 for parts in found.values())

    def test_the_line_says_the_skill_is_of_the_family(self, families: Catalogue) -> None:
        run = every_way(families, ["match", "-s", "machine learning"])
        assert run.exit_code == 0
        # Five careers, three of which need one of the family: ln(1 + 5/3) = 0.98 for each,
        # whichever of the family it has.
        assert "utilise machine learning +0.98 ← machine learning (its family)\n" in run.stdout
        assert "   machine learning +0.98 ← machine learning\n" in run.stdout

    def test_the_id_and_a_single_word_have_no_family(self, families: Catalogue) -> None:
        by_id = every_way(families, ["match", "-s", "machine-learning", "-f", "json"])
        assert {r["id"] for r in json.loads(by_id.stdout)} == {"vision-engineer", "ml-researcher"}
        word = every_way(families, ["match", "-s", "statistics", "-f", "json"])
        assert {r["id"] for r in json.loads(word.stdout)} == {"data-scientist", "statistician"}

    def test_family_skills_are_not_to_learn(self, families: Catalogue) -> None:
        run = every_way(families, ["match", "-s", "machine learning", "-f", "json"])
        for result in json.loads(run.stdout):
            assert not {"machine-learning", "utilise-machine-learning", "ml-methods"} & set(
                result["missing"] + result["missing_optional"]
            )


class TestTypingAsPeopleType:
    """Commas in one `--skill` value (words after a command's arguments: test_app.py)."""

    @pytest.mark.parametrize("value", ["analytics, marketing", "analytics،marketing"])
    def test_a_comma_in_one_value_is_two_skills(self, builtin: Catalogue, value: str) -> None:
        listed = every_way(builtin, ["match", "-s", value, "-f", "json"])
        apart = every_way(builtin, ["match", "-s", "analytics", "-s", "marketing", "-f", "json"])
        assert (listed.exit_code, listed.stderr) == (0, "")
        assert json.loads(listed.stdout) != []
        as_asked = [
            [{**part, "query": None} for part in result["matched"]]
            for result in json.loads(listed.stdout)
        ]
        assert as_asked == [
            [{**part, "query": None} for part in result["matched"]]
            for result in json.loads(apart.stdout)
        ]
        assert {p["query"] for r in json.loads(listed.stdout) for p in r["matched"]} == {
            "analytics",
            "marketing",
        }

    def test_a_comma_inside_a_name_keeps_it_whole(self, tmp_path: Path) -> None:
        data = catalogue_data(
            "Commas",
            [career_entry("mover", "Mover", ["lift-heavy"])],
            [
                skill_entry("lift-heavy", "lift loads of 5,700 kg"),
                skill_entry("hvac", "heating, ventilation"),
            ],
        )
        data["careers"][0]["required_skills"][0]["skills"].append("hvac")
        catalogue = validated(tmp_path / "commas.json", data)
        for value, skill_id in (
            ("lift loads of 5,700 kg", "lift-heavy"),
            ("Heating, ventilation", "hvac"),
        ):
            run = every_way(catalogue, ["match", "-s", value, "-f", "json"])
            assert (run.exit_code, run.stderr) == (0, ""), value
            assert [p["skill"] for p in json.loads(run.stdout)[0]["matched"]] == [skill_id]

    def test_an_empty_list_is_an_empty_skill(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["match", "-s", " , "])
        assert (run.exit_code, stderr_lines(run)) == (2, ["error: a skill cannot be empty"])


class TestEchoedQueries:
    """A user's words quoted in an error are neutralised and kept short."""

    def test_title_sequence_in_a_skill(self) -> None:
        run = invoke(["match", "-s", "qq\x1b]0;pwned\x07"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no skill matches 'qq␛]0;pwned␇'"
        assert raw_controls(run.stderr) == set()

    def test_found_skill_echoes_the_word_safely(self) -> None:
        """`match` shows the word that found each skill: neutralised too."""
        run = ok(invoke(["match", "-s", "analytics\u202e"]))
        # the override is dropped from the echo; analytics adds ln(1 + 7/3) = 1.20
        assert "Data analysis +1.20 ← analytics" in run.stdout
        assert raw_controls(run.stdout) == set()
        assert run.stderr == ""  # without the override it is the alias "analytics": no guess


# --- match: in Arabic ------------------------------------------------------------------------


class TestArabic:
    """`--lang ar` or CAREERS_LANG=ar: the program's words and the catalogue's text in Arabic."""

    def test_match_in_arabic_shows_arabic_labels(self) -> None:
        run = invoke(["match", "-s", "التحليل", "--lang", "ar"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""  # التحليل is an alias of analytics: a whole name, not a guess
        # analytics: 3 of the 7 careers, ln(1 + 7/3) = 1.20 each and one rank; 1 of the data
        # analyst's 5 essential skills, of the specialist's 6, of the manager's 7.
        assert match_headings(run.stdout) == [
            (1, "social-media-data-analyst", "1.20"),
            (1, "social-media-marketing-specialist", "1.20"),
            (1, "social-media-manager", "1.20"),
        ]
        assert "الدرجة 1.20 · 1/1 · 50%" in run.stdout.splitlines()[0]
        assert "تحليل البيانات" in run.stdout
        assert "Data analysis" not in run.stdout


ARABIC_LEGEND = (
    "الدرجة: مجموع ما تضيفه كل مهارة من مهاراتك (+)؛ المهارة التي تحتاجها مهن أقل تضيف أكثر، "
    "والاختيارية نصف ذلك · مهاراتك التي تتطلبها المهنة / المهارات التي أدخلتها · نسبة "
    "متطلباتها التي تغطيها"
)


def test_match_legend_is_arabic() -> None:
    run = run_ok(["match", "-s", "analytics", "--lang", "ar"], WIDE)
    lines = [line.strip() for line in run.stdout.splitlines() if line.strip()]
    assert lines[-1].startswith("الدرجة: مجموع ما تضيفه كل مهارة من مهاراتك (+)")
    assert squeeze(run.stdout).endswith(ARABIC_LEGEND)
    # the heading's word for the score is Arabic too: analytics, 3 of 7 careers, ln(10/3) = 1.20
    assert lines[0] == "1. social-media-data-analyst  الدرجة 1.20 · 1/1 · 50%"
    assert "score" not in run.stdout


def test_unknown_skill_error_is_arabic() -> None:
    run = invoke(["match", "-s", "zzzzqqq", "--lang", "ar"])
    assert run.exit_code == 1
    assert message("skill.not_found", "ar", query="zzzzqqq") in run.stderr
    assert "no skill" not in run.stderr
    # the query, and the command the hint names, are the only Latin
    assert latin_words(run.stderr) - {"zzzzqqq", "careers", "skills"} == set()


def test_missing_skill_option_error_is_arabic() -> None:
    """A usage error is an error too: `match` without --skill, in Arabic."""
    run = invoke(["match", "--lang", "ar"])
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == "خطأ: الخيار --skill / -s مطلوب"
    assert "Missing option" not in run.stderr


def ranked(args: Sequence[str]) -> list[tuple[Any, ...]]:
    """The ranked results of `match`, without the user's words (which the output echoes)."""
    rows = json.loads(run_ok([*args, "-f", "json"]).stdout)
    return [(r["rank"], r["id"], r["score"], r["has_all"], r["missing"]) for r in rows]


def ranking_lines(args: Sequence[str]) -> list[str]:
    """`1. social-media-data-analyst  1/1 · 50%`: rank, id and score of each table block."""
    out = run_ok(args).stdout
    return [line for line in out.splitlines() if re.match(r"\d+\. ", line)]


@pytest.mark.parametrize(
    "skill", ["تحليل البيانات", "التحليل", "تَحْلِيل البَيَانَات", "تحليل الأداء", "البيانات"]
)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_match_by_arabic_skill_equals_match_by_id(skill: str, lang: str) -> None:
    expected = ranked(["match", "-s", "analytics", "--lang", lang])
    assert [row[1] for row in expected] == [
        "social-media-data-analyst",
        "social-media-marketing-specialist",
        "social-media-manager",
    ]
    assert ranked(["match", "-s", skill, "--lang", lang]) == expected
    assert ranking_lines(["match", "-s", skill, "--lang", lang]) == ranking_lines(
        ["match", "-s", "analytics", "--lang", lang]
    )
    found = json.loads(run_ok(["match", "-s", skill, "-f", "json"]).stdout)[0]["matched"]
    assert [(m["skill"], m["query"]) for m in found] == [("analytics", skill)]


def catalogue_skill(skill_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in raw_catalogue()["skills"] if s["id"] == skill_id)
    return found


def _positions(line: str, *parts: str) -> list[int]:
    return [line.index(part) for part in parts]


def test_match_arrow_points_from_the_users_word_to_the_skill_found() -> None:
    """`has`: the arrow points from the word the user typed to the skill it found, in English
    (left) and in Arabic as shown on a visual terminal (right)."""
    args = ["match", "-s", "analytics"]
    english = next(line for line in run_ok(args).stdout.splitlines() if "← analytics" in line)
    skill = catalogue_skill("analytics")
    assert _positions(english, skill["label"]["en"], "←", "analytics") == sorted(
        _positions(english, skill["label"]["en"], "←", "analytics")
    )
    visual = run_ok([*args, "--lang", "ar", "--rtl", "visual"]).stdout.splitlines()
    line = next(line for line in visual if "analytics →" in line)
    name = expected_visual(skill["label"]["ar"])
    assert line.index("analytics") < line.index("→") < line.index(name)


def test_visual_mode_shapes_notices() -> None:
    args = ["match", "-s", "analytics", "-s", "credibility", "--all", "--lang", "ar"]
    logical = run_ok(args)
    visual = run_ok([*args, "--rtl", "visual"])
    assert logical.stderr.strip() == message("match.none", "ar")
    assert_visual(visual.stderr.strip(), message("match.none", "ar"))


# --- match --next-skills ---------------------------------------------------------------------


def both_ways(catalogue: Catalogue, args: Sequence[str]) -> Run:
    """`careers ARGS --data ...` with --no-cache, then twice from the store: the same bytes."""
    return same_from_store(args, catalogue.path, catalogue.cache)


class TestNextSkills:
    """`careers match ... --next-skills`: the skills that would most raise the best matches."""

    def test_after_analytics(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["match", "-s", "analytics", "--next-skills", "-f", "json"])
        found = [
            (s["skill"], s["gain"], sorted(r["id"] for r in s["raises"]), s["opens"])
            for s in json.loads(run.stdout)
        ]
        assert found == builtin.reference.next_skills({"analytics"})[:5]
        assert found[0][0] == "strategy"  # the analyst's and the manager's: 2 x ln(1 + 7/2)

    def test_a_limit_and_csv(self, builtin: Catalogue) -> None:
        args = ["match", "-s", "content-creation", "--next-skills", "-n", "2", "-f", "csv"]
        run = both_ways(builtin, args)
        expected = builtin.reference.next_skills({"content-creation"})[:2]
        rows = run.stdout.splitlines()
        assert rows[0] == "rank,skill,label,gain,raises,opens_count,opens"
        assert [row.split(",")[1] for row in rows[1:]] == [s for s, *_ in expected]
        assert [row.split(",")[3] for row in rows[1:]] == [f"{g:.2f}" for _, g, *_ in expected]

    def test_on_the_esco_sample(self, esco: Catalogue) -> None:
        data = esco.reference.data
        skill = next(
            s["id"]
            for s in sorted(data["skills"], key=lambda s: s["id"])
            if 2 <= esco.reference.needing.get(s["id"], 0) <= 4
        )
        run = both_ways(esco, ["match", "-s", skill, "--next-skills", "-f", "json"])
        found = [
            (s["skill"], s["gain"], sorted(r["id"] for r in s["raises"]), s["opens"])
            for s in json.loads(run.stdout)
        ]
        assert found == esco.reference.next_skills({skill})[:5]


# --- next ------------------------------------------------------------------------------------


def next_summary(document: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "rank": n["rank"],
            "id": n["id"],
            "closeness": n["closeness"]["value"],
            "coverage": n["coverage"]["value"],
            "transfer": [s["skill"] for s in n["transfer"]],
            "missing": [s["skill"] for s in n["missing"]],
        }
        for n in document
    ]


class TestNext:
    """`careers next CAREER`: the careers CAREER covers most of, with what carries over."""

    def test_influencer_on_the_built_in_catalogue(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["next", "influencer", "-f", "json"])
        assert run.exit_code == 0, run.stderr
        expected = builtin.reference.next("influencer")
        assert next_summary(json.loads(run.stdout)) == expected
        # Written out from the file, as a reader would check it: the influencer's six skills
        # are content creation, creativity, communication, relationship building, marketing
        # and credibility, all essential; every other career but the analyst shares one. The
        # content creator shares 2 of its 5 (cosine 2 / sqrt(6 * 5) = 0.37) and the same
        # ISCO-08 unit group, 2642 (+0.3); the manager 3 of 7 (0.46); the community manager
        # and the PR manager 2 of 6 and of 8; the specialist 1 of 6.
        assert [(n["id"], n["closeness"]) for n in expected] == [
            ("digital-content-creator", 0.67),
            ("social-media-manager", 0.46),
            ("online-community-manager", 0.33),
            ("social-media-pr-manager", 0.29),
            ("social-media-marketing-specialist", 0.17),
        ]

    def test_the_table_counts_what_carries_over_and_what_is_missing(
        self, builtin: Catalogue
    ) -> None:
        run = both_ways(builtin, ["next", "influencer"])
        lines = [line.strip() for line in run.stdout.splitlines()]
        for near in builtin.reference.next("influencer"):
            total = len(near["transfer"]) + len(near["missing"])
            had = len(near["transfer"])  # every skill of the built-in catalogue is essential
            heading = (
                f"{near['rank']}. {near['id']}  {had} of {total} essential skills · "
                f"closeness {near['closeness']:.2f}"
            )
            assert heading in lines
            assert any(
                line.startswith(f"carries over  {len(near['transfer'])} of {total} skills")
                for line in lines
            )
            assert any(
                line.startswith(f"missing       {len(near['missing'])} of {total} skills")
                for line in lines
            )

    @pytest.mark.parametrize("career", ["social-media-data-analyst", "online-community-manager"])
    def test_every_career_with_a_limit(self, builtin: Catalogue, career: str) -> None:
        run = both_ways(builtin, ["next", career, "-n", "2", "-f", "json"])
        assert next_summary(json.loads(run.stdout)) == builtin.reference.next(career, 2)

    def test_csv_rows(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["next", "influencer", "-n", "1", "-f", "csv"])
        near = builtin.reference.next("influencer", 1)[0]
        essential = len(near["transfer"]) + len(near["missing"])
        assert run.stdout.splitlines() == [
            "rank,id,title,essential_had,essential_total,closeness,step_down,common_only,"
            "coverage,transfer_count,transfer,missing_count,missing",
            f"1,{near['id']},Digital Content Creator,{len(near['transfer'])},{essential},"
            f"{near['closeness']:.2f},no,no,{near['coverage']:.2f},"
            f"{len(near['transfer'])},{'; '.join(near['transfer'])},"
            f"{len(near['missing'])},{'; '.join(near['missing'])}",
        ]

    def test_a_guess_is_reported_and_an_unknown_career_is_exit_1(self) -> None:
        guessed = invoke(["next", "influencr", "-n", "1", "-f", "csv"])
        assert guessed.exit_code == 0
        assert guessed.stderr == (
            "using influencer, the closest match to 'influencr'\n"
            "showing 1 of 5 careers; '--limit all' shows every one\n"
        )
        unknown = invoke(["next", "astronaut"])
        assert unknown.exit_code == 1
        assert unknown.stderr.startswith("error: no career matches 'astronaut'\n")

    def test_a_bad_limit_is_a_usage_error(self) -> None:
        run = invoke(["next", "influencer", "-n", "0"])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            "error: --limit must be a whole number of at least 1, or 'all' (got '0')"
        )

    def test_in_arabic(self) -> None:
        run = invoke(["next", "influencer", "-n", "1", "--lang", "ar"])
        assert run.exit_code == 0
        # The count follows Arabic words, so that in a right-to-left line it stays with them
        # rather than with the Latin id (as GNOME Terminal and --rtl visual showed it).
        assert "1. digital-content-creator  المهارات الأساسية: 2 من 5 · القرب 0.67" in run.stdout
        assert "2 من 5 مهارات" in run.stdout

    def test_the_line_under_the_list_is_laid_out_as_the_list(self) -> None:
        footer = "عرض 1 من 5 مهن؛ '--limit all' يعرضها كلها"
        logical = invoke(["next", "influencer", "-n", "1", "--lang", "ar"])
        assert logical.stdout.splitlines()[-1] == footer
        # In visual mode it is shaped (presentation forms) and set to the right edge, as the
        # lines above it, not left in logical order at the left; the option it names stands
        # whole on a line of its own under it, to be copied.
        visual = invoke(["next", "influencer", "-n", "1", "--lang", "ar", "--rtl", "visual"])
        sentence, command = visual.stdout.splitlines()[-2:]
        assert any("\ufe70" <= c <= "\ufeff" for c in sentence)
        assert sentence.startswith(" ") and not sentence.endswith(" ")
        assert "عرض" not in sentence  # no letter left in its logical, unshaped form
        assert "limit" not in sentence
        assert command.strip() == "--limit all"
        assert command.startswith(" ")  # against the right edge, as the sentence

    def test_on_the_esco_sample(self, esco: Catalogue) -> None:
        for career in ("online-community-manager", "data-analyst", "vlogger"):
            run = both_ways(esco, ["next", career, "-f", "json"])
            assert run.exit_code == 0, run.stderr
            assert next_summary(json.loads(run.stdout)) == esco.reference.next(career)

    def test_a_career_sharing_no_skill_lists_nothing(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        data["careers"][0]["required_skills"] = [
            {"text": {"en": "x", "ar": "س"}, "skills": ["budget-management"]}
        ]
        for career in data["careers"][1:]:
            for line in career["required_skills"]:
                line["skills"] = [s for s in line["skills"] if s != "budget-management"] or [
                    "analytics"
                ]
        path = tmp_path / "lonely.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        run = invoke(["next", data["careers"][0]["id"], "--data", str(path)])
        assert (run.exit_code, run.stdout) == (0, "")
        title = data["careers"][0]["title"]["en"]  # a sentence names a career by its title
        assert run.stderr == f"no career shares a skill with {title}\n"


# --- gap -------------------------------------------------------------------------------------


def gap_summary(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "transfer": [s["skill"] for s in document["transfer"]],
        "to_learn": [(s["skill"], s["opens"]) for s in document["to_learn"]],
        "trends": [(n["id"], n["skills"]) for n in document["trends"]],
        "tips": [(n["id"], n["skills"]) for n in document["tips"]],
    }


class TestGap:
    """`careers gap FROM TO`: what carries over, and the rest in a learning order."""

    def test_content_creator_to_data_analyst(self, builtin: Catalogue) -> None:
        args = ["gap", "digital-content-creator", "social-media-data-analyst", "-f", "json"]
        document = json.loads(both_ways(builtin, args).stdout)
        expected = builtin.reference.gap("digital-content-creator", "social-media-data-analyst")
        assert gap_summary(document) == expected
        # By hand from the file: the two share no skill; market-research and reporting are
        # needed by 1 career only, strategy by 2, analytics and social-media-tools by 3 each:
        # the more telling first, then by id.
        assert expected["transfer"] == []
        assert [s for s, _ in expected["to_learn"]] == [
            "market-research",
            "reporting",
            "strategy",
            "analytics",
            "social-media-tools",
        ]
        assert expected["trends"] == [("ai-and-data-analysis", ["strategy", "analytics"])]
        assert expected["tips"] == [
            ("learn-analytics-and-tools", ["analytics", "social-media-tools"])
        ]
        assert document["coverage"]["value"] == 0.0
        assert [s["coverage_after"] for s in document["to_learn"]][-1] == 1.0

    @pytest.mark.parametrize(
        ("source", "target"),
        [
            ("influencer", "social-media-manager"),
            ("social-media-manager", "online-community-manager"),
            ("online-community-manager", "social-media-pr-manager"),
        ],
    )
    def test_other_pairs(self, builtin: Catalogue, source: str, target: str) -> None:
        document = json.loads(both_ways(builtin, ["gap", source, target, "-f", "json"]).stdout)
        assert gap_summary(document) == builtin.reference.gap(source, target)
        value, _, _ = builtin.reference.coverage(source, target)
        assert document["coverage"]["value"] == value

    def test_the_markdown_checklist(self, builtin: Catalogue) -> None:
        args = ["gap", "digital-content-creator", "social-media-data-analyst", "-f", "markdown"]
        run = both_ways(builtin, args)
        labels = {s["id"]: s["label"]["en"] for s in raw_catalogue()["skills"]}
        expected = builtin.reference.gap("digital-content-creator", "social-media-data-analyst")
        checklist = [line for line in run.stdout.splitlines() if line.startswith("- [ ] ")]
        assert checklist == [f"- [ ] {labels[s]} ({s})" for s, _ in expected["to_learn"]]
        assert run.stdout.startswith(
            "# From Digital Content Creator to Social Media Data Analyst\n"
        )

    def test_the_table(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["gap", "digital-content-creator", "social-media-data-analyst"])
        lines = [line.strip() for line in run.stdout.splitlines()]
        assert (
            "Digital Content Creator covers 0% of Social Media Data Analyst: 0 of 5 skills "
            "carry over, 5 to learn"
        ) in " ".join(lines)
        expected = builtin.reference.gap("digital-content-creator", "social-media-data-analyst")
        steps = [line for line in lines if line[:2] in {"1.", "2.", "3.", "4.", "5."}]
        assert len(steps) == len(expected["to_learn"]) == 5
        for line, (skill, _) in zip(steps, expected["to_learn"], strict=True):
            assert f"  {skill}  → " in line
        assert steps[-1].endswith("→ 100%")

    def test_the_same_career_twice_has_nothing_to_learn(self) -> None:
        run = invoke(["gap", "influencer", "influencer"])
        assert run.exit_code == 0
        assert run.stdout.splitlines()[-1].strip() == (
            "you named Social Media Influencer twice: the same career, nothing to learn"
        )
        document = json.loads(invoke(["gap", "influencer", "influencer", "-f", "json"]).stdout)
        assert document["to_learn"] == []
        assert document["coverage"]["value"] == 1.0
        arabic = invoke(["gap", "influencer", "influencer", "--lang", "ar"])
        assert (
            "ذكرت مؤثر وسائل التواصل الاجتماعي مرتين: المهنة نفسها، لا شيء للتعلم" in arabic.stdout
        )

    def test_unknown_and_ambiguous_careers(self) -> None:
        unknown = invoke(["gap", "influencer", "astronaut"])
        assert unknown.exit_code == 1
        assert unknown.stderr.startswith("error: no career matches 'astronaut'\n")
        ambiguous = invoke(["gap", "manager", "influencer"])
        assert ambiguous.exit_code == 1
        assert ambiguous.stderr.startswith("error: 'manager' fits ")

    def test_on_the_esco_sample(self, esco: Catalogue) -> None:
        pairs = [("blogger", "vlogger"), ("online-marketer", "online-community-manager")]
        for source, target in pairs:
            run = both_ways(esco, ["gap", source, target, "-f", "json", "--limit", "all"])
            assert run.exit_code == 0, run.stderr
            document = json.loads(run.stdout)
            assert gap_summary(document) == esco.reference.gap(source, target)
            # optional skills come after every essential one
            importance = [s["importance"] for s in document["to_learn"]]
            assert importance == sorted(importance)


def test_the_learning_steps_are_indented_under_their_heading() -> None:
    shown = lines("gap", "social-media-data-analyst", "social-media-manager")
    start = shown.index("To learn, in this order")
    assert shown[start - 1] == ""
    assert shown[start + 1 : start + 4] == [
        "  1.  Knowing the social media platforms  social-media-platforms  → 51%",
        "  2.  Content creation  content-creation  → 64%",
        "      also opens: digital-content-creator, influencer",
    ]


def test_a_step_s_line_uses_the_whole_width_before_it_wraps() -> None:
    """The 'also opens' line of the first step is 79 cells: whole at 79 columns, wrapped at 78
    (the steps take the width the terminal has, less their indent)."""
    opens = "      also opens: influencer, online-community-manager, social-media-pr-manager"
    assert opens in lines("gap", "digital-content-creator", "social-media-manager", columns=79)
    wrapped = lines("gap", "digital-content-creator", "social-media-manager", columns=78)
    start = wrapped.index("      also opens: influencer, online-community-manager,")
    assert wrapped[start + 1] == "      social-media-pr-manager"


def test_the_trends_of_a_move_are_bullets_under_their_heading() -> None:
    shown = lines("gap", "social-media-data-analyst", "social-media-manager")
    assert under(shown, "Trends", 2) == [
        "  • Visual and interactive content  visual-and-interactive-content  (Content",
        "  creation)",
    ]


def test_a_move_with_nothing_to_learn_says_so_after_what_carries_over(tmp_path: Path) -> None:
    data = raw_catalogue()
    careers = {career["id"]: career for career in data["careers"]}
    manager = careers["social-media-manager"]
    careers["influencer"]["required_skills"] = manager["required_skills"][:1]
    path = write_catalogue(tmp_path / "careers.json", data)
    assert lines("gap", "--data", str(path), "social-media-manager", "influencer") == [
        "From Social Media Manager to Social Media Influencer",
        "Social Media Manager covers 100% of Social Media Influencer: 2 of 2 skills carry",
        "over, 0 to learn",
        "",
        "Carries over",
        "  Communication, Writing",
        "",
        "Social Media Manager already has every skill Social Media Influencer needs:",
        "nothing to learn",
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
        "Social Media Manager already has every skill Social Media Influencer needs: nothing to "
        "learn\n"
    )
    assert "- [ ]" not in run.stdout


def test_the_steps_of_a_move_as_data_are_numbered_from_one() -> None:
    run = invoke(["gap", "social-media-data-analyst", "social-media-manager", "-f", "json"])
    steps = json.loads(run.stdout)["to_learn"]
    assert [(step["step"], step["skill"]) for step in steps] == [
        (1, "social-media-platforms"),
        (2, "content-creation"),
        (3, "creativity"),
        (4, "written-communication"),
        (5, "communication"),
    ]


def test_gap_arrow_points_from_the_skill_to_the_coverage_it_brings() -> None:
    args = ["gap", "influencer", "social-media-manager"]
    english = next(line for line in run_ok(args).stdout.splitlines() if "→" in line)
    name_en = catalogue_skill("analytics")["label"]["en"]
    english = next(line for line in run_ok(args).stdout.splitlines() if "analytics  →" in line)
    assert english.index(name_en) < english.index("→") < english.index("87%")
    visual = run_ok([*args, "--lang", "ar", "--rtl", "visual"]).stdout.splitlines()
    line = next(line for line in visual if "← 87" in line or "87 ←" in line or "87%" in line)
    name = expected_visual(catalogue_skill("analytics")["label"]["ar"])
    assert line.index("87") < line.index("←") < line.index(name)  # read from the right
    assert line.rstrip().endswith(".3")  # the step's number at the right edge


@pytest.mark.parametrize("output", [[], ["-f", "markdown"]], ids=["table", "markdown"])
def test_arabic_names_the_two_careers_by_their_titles(output: list[str]) -> None:
    """A sentence names a career by its title, in Arabic as in English: not `من influencer`."""
    run = invoke(["gap", "influencer", "social-media-manager", "--lang", "ar", *output])
    text = " ".join(run.stdout.split())
    assert "من مؤثر وسائل التواصل الاجتماعي إلى مدير وسائل التواصل الاجتماعي" in text
    assert (
        "تغطي مهنة مؤثر وسائل التواصل الاجتماعي نسبة 36% من مهنة مدير وسائل التواصل الاجتماعي"
    ) in text
    assert "influencer" not in text and "social-media-manager" not in text
