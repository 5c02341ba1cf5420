"""Relevance: one order for every name lookup, and scores that favour the skills few careers
need."""

from __future__ import annotations

import csv
import io
import json
import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.index.memory import MemoryIndex
from careers_cli.rules import completing
from careers_cli.text.normalise import normalise
from tests.helpers import (
    Run,
    invoke,
    raw_career,
)
from tests.support import relevance as relevance_support
from tests.support.relevance import (
    CANDIDATE_LIMIT,
    NAME,
    WORDS,
    Catalogue,
    Expected,
    Fit,
    ambiguous_lines,
    career_entry,
    career_names,
    catalogue_data,
    english_titles,
    every_way,
    expected_matches,
    needing,
    reference_ranking,
    shown_matches,
    skill_candidates,
    skill_entry,
    stderr_lines,
    tied_best,
    validated,
)

PART_ID = "skill"
"""The key of a matched skill's, platform's or tool's id in `match --format json` (README)."""


def having_word(records: Mapping[str, Sequence[tuple[str, bool]]], word: str) -> set[str]:
    """The records with `word` as a whole word of one of their names."""
    return {
        record_id
        for record_id, listed in records.items()
        if any(word in normalise(text).split() for text, _ in listed)
    }


def skill_names(data: Mapping[str, Any]) -> dict[str, list[tuple[str, bool]]]:
    """Skill id -> its id, labels and (as aliases) its aliases."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for skill in data["skills"]:
        aliases = skill.get("aliases", {})
        listed = [(skill["id"], False)]
        listed += [(t, False) for t in skill["label"].values() if t]
        listed += [(t, True) for t in (*aliases.get("en", []), *aliases.get("ar", []))]
        found[skill["id"]] = listed
    return found


def shown_ids(run: Run) -> list[str]:
    """The ids of a JSON list of records (`list`, `skills`, `trends`, `tips`)."""
    return [record["id"] for record in json.loads(run.stdout)]


def guessed(record_id: str, query: str) -> str:
    return f"using {record_id}, the closest match to '{query}'\n"


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
"""The one career whose id starts with "teacher": what a lookup by id prefix would pick."""


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
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.builtin(tmp_path_factory)


@pytest.fixture(scope="module")
def esco(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.esco(tmp_path_factory)


@pytest.fixture(scope="module")
def symbols(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.symbols(tmp_path_factory)


@pytest.fixture(scope="module")
def rare(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("rare") / "rare.json", rare_skills_catalogue())


@pytest.fixture(scope="module")
def teachers(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("teachers") / "teachers.json", teachers_catalogue())


def english_labels(data: Mapping[str, Any]) -> dict[str, str]:
    return {s["id"]: s["label"].get("en") or s["label"]["ar"] for s in data["skills"]}


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


class TestBuiltInMatch:
    def test_equal_scores_share_rank_one(self, builtin: Catalogue) -> None:
        run = every_way(builtin, ["match", "-s", "analytics", "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        # Three of the seven careers need analytics: ln(1 + 7/3) = 1.20 each; the analyst's
        # requirements are half about it, the two others' a quarter.
        assert needing(builtin.data, "analytics") == [
            "social-media-manager",
            "social-media-marketing-specialist",
            "social-media-data-analyst",
        ]
        expected = expected_matches(builtin.data, ["analytics"])
        assert [(e.rank, e.career_id, e.score) for e in expected] == [
            (1, "social-media-data-analyst", 1.2),
            (1, "social-media-manager", 1.2),
            (1, "social-media-marketing-specialist", 1.2),
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

    def test_an_ambiguous_skill_points_to_the_skills_command(self, esco: Catalogue) -> None:
        ranking = reference_ranking("marketing", skill_names(esco.data))
        tied = skill_candidates(esco.data, ranking)
        assert len(tied) > CANDIDATE_LIMIT
        run = every_way(esco, ["match", "-s", "marketing"])
        assert (run.exit_code, run.stdout) == (1, "")
        more = "; 'careers skills \"marketing\"' lists them all"
        assert stderr_lines(run) == ambiguous_lines(
            "marketing", "skills", tied, english_labels(esco.data), more
        )

    def test_unknown_and_ambiguous_skills_are_reported_and_the_others_matched(
        self, esco: Catalogue
    ) -> None:
        query = ["match", "-s", "marketing", "-s", "wvutzq", "-s", "manage budgets"]
        run = every_way(esco, query)
        assert run.exit_code == 1
        tied = skill_candidates(esco.data, reference_ranking("marketing", skill_names(esco.data)))
        more = "; 'careers skills \"marketing\"' lists them all"
        assert stderr_lines(run) == [
            *ambiguous_lines("marketing", "skills", tied, english_labels(esco.data), more),
            "error: no skill matches 'wvutzq'",
            "'careers skills' lists every skill",
        ]
        alone = every_way(esco, ["match", "-s", "manage budgets"])
        assert (alone.exit_code, alone.stderr) == (0, "")
        assert run.stdout == alone.stdout

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


def everyday_catalogue() -> dict[str, Any]:
    """Careers and skills as ESCO names them: an everyday word that is the alternative title
    of one career and a word of several titles; a title naming two forms of a job; a skill no
    career needs whose other name is a word of skills that careers need."""
    lecturer = career_entry("politics-lecturer", "Politics lecturer", ["pedagogy"])
    lecturer["alt_titles"] = {"en": ["teacher", "politics professor"]}
    hearse = career_entry("hearse-driver", "Hearse driver", ["driving"])
    hearse["alt_titles"] = {"en": ["driver", "funeral driver"]}
    actor = career_entry("actor-actress", "actor/actress", ["acting"])
    actor["alt_titles"] = {"en": ["actor", "actress"]}
    coach = career_entry("artistic-coach", "Artistic coach", ["acting"])
    coach["alt_titles"] = {"en": ["actress", "vocal coach"]}
    vlogger = career_entry("vlogger", "Vlogger", ["acting"])
    vlogger["alt_titles"] = {"en": ["youtuber"]}
    careers = [
        lecturer,
        career_entry("music-teacher", "Music teacher", ["pedagogy"]),
        career_entry("dance-teacher", "Dance teacher", ["pedagogy"]),
        career_entry("primary-school-teacher", "Primary school teacher", ["pedagogy"]),
        hearse,
        career_entry("bus-driver", "Bus driver", ["driving"]),
        career_entry("taxi-driver", "Taxi driver", ["driving"]),
        actor,
        coach,
        vlogger,
        career_entry("youtuber-manager", "Youtuber manager", ["driving"]),
        career_entry("graphic-designer", "Graphic designer", ["graphic-design", "web-design"]),
        career_entry("web-designer", "Web designer", ["web-design"]),
    ]
    skills = [
        skill_entry("pedagogy", "Pedagogy"),
        skill_entry("driving", "Drive vehicles"),
        skill_entry("acting", "Acting"),
        skill_entry("think-creatively", "Think creatively", "design", "creative thinking"),
        skill_entry("graphic-design", "Graphic design"),
        skill_entry("web-design", "Web design"),
    ]
    return catalogue_data("Everyday words", careers, skills)


@pytest.fixture(scope="module")
def everyday(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return validated(tmp_path_factory.mktemp("everyday") / "everyday.json", everyday_catalogue())


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


class TestSkillsNoCareerNeeds:
    """A skill no career needs is never the silent answer when a needed one fits; asked for,
    the user is told."""

    def test_an_other_name_of_an_unneeded_skill_gives_way_to_needed_skills(
        self, everyday: Catalogue
    ) -> None:
        run = every_way(everyday, ["match", "-s", "design"])
        assert (run.exit_code, run.stdout) == (1, "")
        # Both needed skills have the word in their labels; the one more careers need first.
        assert stderr_lines(run) == [
            "error: 'design' fits 2 skills; use one of these ids (best first):",
            "  web-design      Web design",
            "  graphic-design  Graphic design",
        ]

    def test_asked_for_by_its_label_the_user_is_told_no_career_needs_it(
        self, everyday: Catalogue
    ) -> None:
        run = every_way(everyday, ["match", "-s", "think creatively"])
        assert (run.exit_code, run.stdout) == (0, "")
        assert stderr_lines(run) == [
            "no career in this catalogue needs Think creatively (think-creatively)",
            "no career has all of the skills asked for",
        ]

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
        # The skill itself, essential, adds more than the optional family member: counted once.
        assert [(m["skill"], m["family_of"]) for m in found["ml-researcher"]] == [
            ("machine-learning", None)
        ]
        assert all(len(parts) == 1 for parts in found.values())

    def test_the_line_says_the_skill_is_of_the_family(self, families: Catalogue) -> None:
        run = every_way(families, ["match", "-s", "machine learning"])
        assert run.exit_code == 0
        # Five careers: one needs "utilise machine learning", ln(1 + 5/1) = 1.79; two need
        # "machine learning", ln(1 + 5/2) = 1.25.
        assert "utilise machine learning +1.79 ← machine learning (its family)\n" in run.stdout
        assert "   machine learning +1.25 ← machine learning\n" in run.stdout

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
    """Commas, forgotten `--skill`, unquoted names of several words."""

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

    @pytest.mark.parametrize(
        ("args", "first_line"),
        [
            (
                ["match", "analytics"],
                "error: unexpected: analytics; did you mean: careers match --skill analytics",
            ),
            (
                ["match", "-s", "metrics", "analytics", "content creation"],
                "error: unexpected: analytics 'content creation'; did you mean: careers match "
                "--skill metrics --skill analytics --skill 'content creation'",
            ),
            (
                ["list", "analytics"],
                "error: unexpected: analytics; did you mean: careers list --skill analytics",
            ),
            (
                ["show", "social", "media", "manager"],
                "error: unexpected: media manager; a name of several words goes in quotes: "
                "careers show 'social media manager'",
            ),
            (
                ["gap", "social", "media", "influencer"],
                "error: unexpected: influencer; a name of several words goes in quotes",
            ),
        ],
    )
    def test_words_after_the_arguments_get_a_hint(self, args: list[str], first_line: str) -> None:
        run = invoke(args)
        assert (run.exit_code, run.stdout) == (2, "")
        assert run.stderr.splitlines() == [first_line, f"try 'careers {args[0]} -h' for help"]

    def test_the_hint_in_arabic(self) -> None:
        run = invoke(["--lang", "ar", "show", "social", "media", "manager"])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            "خطأ: كلمات غير متوقعة: media manager؛ ضع الاسم المكوّن من عدة كلمات بين علامتي "
            "تنصيص: careers show 'social media manager'"
        )
