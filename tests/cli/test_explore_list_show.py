"""`careers list`, `careers show`, and the ways a person can name a career."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.helpers import (
    LIST_ROWS,
    SEVEN_IDS,
    invoke,
    raw_career,
    raw_catalogue,
    section,
    squeeze,
    table_rows,
)


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


def _in_order(text: str, words: Sequence[str]) -> bool:
    positions = [text.find(word) for word in words]
    return -1 not in positions and positions == sorted(positions)


def _note_lines(block: str) -> list[tuple[str, str]]:
    """`• Title  note-id` lines as (title, id)."""
    return [(title, note_id) for title, note_id in (b.rsplit(None, 1) for b in bullets(block))]


def related(output: str) -> list[tuple[str, str, set[str]]]:
    rows = table_rows(section(output, "Related careers"), ["id", "title", "shared skills"])
    return [
        (r.folded("id"), r.text("title"), set(r.text("shared skills").split(", "))) for r in rows
    ]


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


def _career_lines(stderr: str) -> dict[str, str]:
    """Career ids listed one per line on stderr, each with the rest of its line (the title)."""
    listed: dict[str, str] = {}
    for line in stderr.splitlines()[1:]:
        first, _, rest = line.strip().partition(" ")
        if first in SEVEN_IDS:
            listed[first] = rest.strip()
    return listed
