"""Machine output: `--format json|csv|markdown` is a contract that scripts and documents rely on."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from careers_cli.catalogue.domain import Career, Catalogue, catalogue_from_data
from tests.helpers import LIST_ROWS, Run, imported_esco_sample, invoke, raw_catalogue
from tests.support.formats import COMMANDS, MACHINE_FORMATS

ARRAY_COMMANDS = ("list", "match", "skills", "trends", "tips")


OBJECT_COMMANDS = ("show", "compare")


ALL_FORMATS = ("table", *MACHINE_FORMATS)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return catalogue_from_data(raw_catalogue())


def career(catalogue: Catalogue, career_id: str) -> Career:
    return next(c for c in catalogue.careers if c.id == career_id)


def run_ok(args: Sequence[str]) -> Run:
    run = invoke(args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run


def json_of(args: Sequence[str]) -> Any:
    return json.loads(run_ok(args).stdout)


def csv_rows(args: Sequence[str]) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(run_ok(args).stdout))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


class TestEveryCommandTakesEveryFormat:
    """`--format` / `-f` works after the name of each of the seven commands."""

    @pytest.mark.parametrize("output_format", ALL_FORMATS)
    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_long_option(self, command: str, output_format: str) -> None:
        run = run_ok([*COMMANDS[command], "--format", output_format])
        assert run.stdout.strip()

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_short_option_is_the_same_as_the_long_one(self, command: str) -> None:
        short = run_ok([*COMMANDS[command], "-f", "json"]).stdout
        long = run_ok([*COMMANDS[command], "--format", "json"]).stdout
        assert short == long
        json.loads(short)

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_machine_formats_differ_from_the_table(self, command: str) -> None:
        outputs = {f: run_ok([*COMMANDS[command], "-f", f]).stdout for f in ALL_FORMATS}
        assert len(set(outputs.values())) == len(ALL_FORMATS)


class TestJson:
    """JSON: an array for collections, an object for one result, both languages, no escapes."""

    @pytest.mark.parametrize("command", ARRAY_COMMANDS)
    def test_collections_are_arrays(self, command: str) -> None:
        document = json_of([*COMMANDS[command], "-f", "json"])
        assert isinstance(document, list)
        assert document
        assert all(isinstance(item, dict) for item in document)

    @pytest.mark.parametrize("command", OBJECT_COMMANDS)
    def test_single_results_are_objects(self, command: str) -> None:
        assert isinstance(json_of([*COMMANDS[command], "-f", "json"]), dict)

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_arabic_is_written_as_utf8_not_escaped(
        self, command: str, catalogue: Catalogue
    ) -> None:
        stdout = run_ok([*COMMANDS[command], "-f", "json"]).stdout
        assert "\\u06" not in stdout
        arabic_titles = [c.title.ar for c in catalogue.careers]
        arabic_titles += [s.label.ar for s in catalogue.skills]
        arabic_titles += [n.title.ar for n in [*catalogue.trends, *catalogue.tips]]
        assert any(title in stdout for title in arabic_titles)

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_json_is_the_same_whatever_the_language(self, command: str) -> None:
        english = json_of([*COMMANDS[command], "-f", "json"])
        arabic = json_of([*COMMANDS[command], "-f", "json", "--lang", "ar"])
        assert english == arabic

    def test_list_gives_the_catalogue_careers_in_order(self, catalogue: Catalogue) -> None:
        document = json_of(["list", "-f", "json"])
        assert [item["id"] for item in document] == [c.id for c in catalogue.careers]
        for item, expected in zip(document, catalogue.careers, strict=True):
            assert item["title"] == {"en": expected.title.en, "ar": expected.title.ar}
            assert item["skills"] == list(expected.skill_ids)
        assert [item["summary"]["en"] for item in document] == [row[2] for row in LIST_ROWS]
        for item, expected in zip(document, catalogue.careers, strict=True):
            # the first sentence of the Arabic description, up to and including its full stop
            description = expected.description.ar
            assert item["summary"]["ar"] == description[: description.index(".") + 1]

    def test_show_gives_the_whole_career_in_both_languages(self, catalogue: Catalogue) -> None:
        document = json_of(["show", "influencer", "-f", "json"])
        expected = career(catalogue, "influencer")
        assert document["id"] == "influencer"
        assert document["title"] == {"en": expected.title.en, "ar": expected.title.ar}
        assert document["description"] == {
            "en": expected.description.en,
            "ar": expected.description.ar,
        }
        assert document["responsibilities"] == [
            {"en": r.en, "ar": r.ar} for r in expected.responsibilities
        ]
        assert document["required_skills"] == [
            {
                "text": {"en": line.text.en, "ar": line.text.ar},
                "skills": list(line.skills),
                "importance": "essential",
            }
            for line in expected.required_skills
            if line.text is not None
        ]
        assert len(document["required_skills"]) == len(expected.required_skills)
        assert document["skills"] == list(expected.skill_ids)
        assert document["optional_skills"] == []
        # data/careers.json: the influencer has Arabic alternative titles only (the feminine
        # form of its title, and the bare word for influencer in both genders).
        assert document["alt_titles"] == {
            "en": [],
            "ar": ["مؤثرة وسائل التواصل الاجتماعي", "مؤثر", "مؤثرة"],
        }
        assert document["alt_titles"] == {
            "en": list(expected.alt_titles.en),
            "ar": list(expected.alt_titles.ar),
        }
        assert document["occupations"] == [
            {
                "scheme": "ESCO",
                "label": "vlogger",
                "label_ar": "مدون فيديو / مدونة فيديو",
                "isco_08": "2642",
                "uri": "http://data.europa.eu/esco/occupation/51ec004e-aec8-4f89-b114-952bcc56b0b0",
                "match": "approximate",
                "basis": expected.occupations[0].basis,
            }
        ]
        expected_trends = [n.id for n in catalogue.trends if "influencer" in n.careers]
        assert [t["id"] for t in document["trends"]] == expected_trends
        expected_tips = [n.id for n in catalogue.tips if "influencer" in n.careers]
        assert [t["id"] for t in document["tips"]] == expected_tips

    def test_show_lists_the_careers_platforms(self, catalogue: Catalogue) -> None:
        document = json_of(["show", "social-media-manager", "-f", "json"])
        expected = career(catalogue, "social-media-manager")
        assert expected.platforms
        assert {p["id"] for p in document["platforms"]} == set(expected.platforms)
        facebook = next(p for p in document["platforms"] if p["id"] == "facebook")
        assert facebook == {
            "id": "facebook",
            "name": {"en": "Facebook", "ar": "فيسبوك"},
            "kind": "platform",
        }

    def test_compare_has_each_career_and_a_skill_grid(self, catalogue: Catalogue) -> None:
        ids = ["influencer", "digital-content-creator"]
        document = json_of(["compare", *ids, "-f", "json"])
        assert [c["id"] for c in document["careers"]] == ids
        first, second = (career(catalogue, i) for i in ids)
        shared = set(first.skill_ids) & set(second.skill_ids)
        assert set(document["shared_skills"]) == shared
        assert {row["id"] for row in document["skills"]} == set(first.skill_ids) | set(
            second.skill_ids
        )
        for row in document["skills"]:
            assert row["present"] == {
                "influencer": row["id"] in first.skill_ids,
                "digital-content-creator": row["id"] in second.skill_ids,
            }
        # shared: content-creation, creativity; union: 6 + 5 - 2 = 9
        assert document["shared_skills"] == ["content-creation", "creativity"]
        assert document["similarity"] == pytest.approx(2 / 9)

    def test_show_gives_related_careers_with_their_shared_skills(self) -> None:
        # influencer has 6 skills. The manager (7) shares 3: 3/10. The content creator (5)
        # shares 2: 2/9. The community manager (6) shares 2: 2/10. The PR manager (8) shares
        # 2 too, but 2/12 puts it fourth, and only three are shown.
        related = json_of(["show", "influencer", "-f", "json"])["related"]
        assert [(r["id"], r["shared_skills"], r["similarity"]) for r in related] == [
            ("social-media-manager", ["communication", "content-creation", "creativity"], 0.3),
            ("digital-content-creator", ["content-creation", "creativity"], pytest.approx(2 / 9)),
            ("online-community-manager", ["communication", "relationship-building"], 0.2),
        ]

    def test_match_says_which_careers_have_all_and_what_each_misses(self) -> None:
        # analytics: manager, marketing specialist, data analyst; communication: manager, PR
        # manager, influencer, community manager. Only the manager has both (and comes first);
        # each misses its other skills, in the order its required-skill lines name them.
        document = json_of(["match", "-s", "analytics", "-s", "communication", "-f", "json"])
        assert document[0]["id"] == "social-media-manager"
        assert {m["id"]: (m["has_all"], m["missing"]) for m in document} == {
            "social-media-manager": (
                True,
                [
                    "written-communication",
                    "social-media-platforms",
                    "strategy",
                    "content-creation",
                    "creativity",
                ],
            ),
            "social-media-marketing-specialist": (
                False,
                [
                    "social-media-advertising",
                    "audience-understanding",
                    "campaign-management",
                    "marketing",
                    "budget-management",
                ],
            ),
            "social-media-data-analyst": (
                False,
                ["social-media-tools", "reporting", "market-research", "strategy"],
            ),
            "social-media-pr-manager": (
                False,
                [
                    "relationship-building",
                    "crisis-management",
                    "reputation-management",
                    "written-communication",
                    "media-relations",
                    "social-listening",
                    "social-media-tools",
                ],
            ),
            "influencer": (
                False,
                [
                    "content-creation",
                    "creativity",
                    "relationship-building",
                    "marketing",
                    "credibility",
                ],
            ),
            "online-community-manager": (
                False,
                [
                    "relationship-building",
                    "customer-care",
                    "community-management",
                    "social-media-tools",
                    "audience-engagement",
                ],
            ),
        }

    def test_match_analytics_ranks_the_data_analyst_first(self) -> None:
        # analytics is needed by 3 of the 7 careers (the manager, the marketing specialist and
        # the data analyst), so it adds ln(1 + 7/3) = ln(10/3) = 1.2040 to each: one score,
        # 1.20, and one shared rank. The data analyst comes first: analytics is on 2 of its 4
        # required-skill lines (50%), against 1 of 4 (25%) for the other two, which follow by id.
        document = json_of(["match", "-s", "analytics", "-f", "json"])
        assert [(item["rank"], item["id"]) for item in document] == [
            (1, "social-media-data-analyst"),
            (1, "social-media-manager"),
            (1, "social-media-marketing-specialist"),
        ]
        first = document[0]
        assert first["score"] == {
            "value": 1.2,
            "matched": 1,
            "optional": 0,
            "asked": 1,
            "centrality": 0.5,
        }
        assert first["has_all"] is True
        assert first["matched"] == [
            {
                "skill": "analytics",
                "kind": "skill",
                "label": {"en": "Data analysis", "ar": "تحليل البيانات"},
                "query": "analytics",
                "family_of": None,
                "importance": "essential",
                "careers": 3,
                "specificity": 1.204,  # ln(10/3) = 1.20397, to 4 decimals
                "weight": 1.204,  # essential: the whole specificity
            }
        ]
        assert [item["score"]["centrality"] for item in document] == [0.5, 0.25, 0.25]
        assert {item["score"]["value"] for item in document} == {1.2}

    def test_match_with_no_result_is_an_empty_array(self) -> None:
        run = invoke(
            ["match", "-s", "budget-management", "-s", "crisis-management", "--all", "-f", "json"]
        )
        assert run.exit_code == 0
        assert json.loads(run.stdout) == []
        assert "no career has all of the skills asked for" in run.stderr

    def test_skills_gives_the_whole_vocabulary(self, catalogue: Catalogue) -> None:
        document = json_of(["skills", "-f", "json"])
        assert sorted(s["id"] for s in document) == sorted(s.id for s in catalogue.skills)
        by_id = {s.id: s for s in catalogue.skills}
        for item in document:
            skill = by_id[item["id"]]
            assert item["label"] == {"en": skill.label.en, "ar": skill.label.ar}
            assert item["aliases"] == {"en": list(skill.aliases.en), "ar": list(skill.aliases.ar)}
            assert item["careers"] == [c.id for c in catalogue.careers if skill.id in c.skill_ids]

    @pytest.mark.parametrize("command", ["trends", "tips"])
    def test_notes_are_the_catalogues(self, command: str, catalogue: Catalogue) -> None:
        notes = catalogue.trends if command == "trends" else catalogue.tips
        document = json_of([command, "-f", "json"])
        assert document == [
            {
                "id": n.id,
                "title": {"en": n.title.en, "ar": n.title.ar},
                "text": {"en": n.text.en, "ar": n.text.ar},
                "careers": list(n.careers),
                "skills": list(n.skills),
                "platforms": list(n.platforms),
            }
            for n in notes
        ]


def keys(value: Any) -> set[str]:
    assert isinstance(value, dict), value
    return set(value)


BILINGUAL = {"en", "ar"}


CAREER_REF = {"id", "title"}


class TestJsonContract:
    """The exact keys of every JSON object (the shapes of src/careers_cli/records.py)."""

    def test_list(self) -> None:
        for item in json_of(["list", "-f", "json"]):
            assert keys(item) == {"id", "title", "summary", "skills"}
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["summary"]) == BILINGUAL

    def test_show(self) -> None:
        document = json_of(["show", "social-media-manager", "-f", "json"])
        assert keys(document) == {
            "id",
            "title",
            "summary",
            "description",
            "alt_titles",
            "responsibilities",
            "required_skills",
            "skills",
            "optional_skills",
            "platforms",
            "trends",
            "tips",
            "occupations",
            "related",
        }
        assert keys(document["alt_titles"]) == BILINGUAL
        for name in ("title", "summary", "description"):
            assert keys(document[name]) == BILINGUAL
        assert document["responsibilities"]
        for duty in document["responsibilities"]:
            assert keys(duty) == BILINGUAL
        assert document["required_skills"]
        for line in document["required_skills"]:
            assert keys(line) == {"text", "skills", "importance"}
            assert keys(line["text"]) == BILINGUAL
        assert document["platforms"]
        for platform in document["platforms"]:
            assert keys(platform) == {"id", "name", "kind"}
            assert keys(platform["name"]) == BILINGUAL
        assert document["trends"] or document["tips"]
        for note in [*document["trends"], *document["tips"]]:
            assert keys(note) == {"id", "title"}
            assert keys(note["title"]) == BILINGUAL
        assert document["occupations"]
        for occupation in document["occupations"]:
            assert keys(occupation) == {
                "scheme",
                "label",
                "label_ar",
                "isco_08",
                "uri",
                "match",
                "basis",
            }
        assert document["related"]
        for related in document["related"]:
            assert keys(related) == {*CAREER_REF, "shared_skills", "similarity"}
            assert keys(related["title"]) == BILINGUAL

    def test_compare(self) -> None:
        ids = ["influencer", "digital-content-creator", "social-media-manager"]
        document = json_of(["compare", *ids, "-f", "json"])
        assert keys(document) == {"careers", "skills", "shared_skills", "similarity"}
        for item in document["careers"]:
            assert keys(item) == {*CAREER_REF, "summary", "skills", "platforms"}
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["summary"]) == BILINGUAL
        assert document["skills"]
        for row in document["skills"]:
            assert keys(row) == {"id", "label", "present", "importance"}
            assert keys(row["label"]) == BILINGUAL
            assert keys(row["present"]) == set(ids)
            assert keys(row["importance"]) == set(ids)

    def test_match(self) -> None:
        document = json_of(["match", "-s", "analytics", "-s", "communication", "-f", "json"])
        assert document
        for item in document:
            assert keys(item) == {
                "rank",
                *CAREER_REF,
                "score",
                "has_all",
                "matched",
                "missing",
                "missing_optional",
            }
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["score"]) == {"value", "matched", "optional", "asked", "centrality"}
            for found in item["matched"]:
                assert keys(found) == {
                    "skill",
                    "kind",
                    "label",
                    "query",
                    "family_of",
                    "importance",
                    "careers",
                    "specificity",
                    "weight",
                }
                assert keys(found["label"]) == BILINGUAL

    def test_skills(self) -> None:
        for item in json_of(["skills", "-f", "json"]):
            assert keys(item) == {"id", "label", "aliases", "careers"}
            assert keys(item["label"]) == BILINGUAL
            assert keys(item["aliases"]) == BILINGUAL

    @pytest.mark.parametrize("command", ["trends", "tips"])
    def test_notes(self, command: str) -> None:
        for item in json_of([command, "-f", "json"]):
            assert keys(item) == {"id", "title", "text", "careers", "skills", "platforms"}
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["text"]) == BILINGUAL


class TestCsv:
    """CSV: a header row, one row per record, list values joined with "; "."""

    @pytest.mark.parametrize(
        ("command", "header"),
        [
            ("list", ["id", "title", "summary", "skills"]),
            (
                "show",
                [
                    "id",
                    "title",
                    "alt_titles",
                    "description",
                    "responsibilities",
                    "required_skills",
                    "optional_skills",
                    "skills",
                    "platforms",
                    "trends",
                    "tips",
                    "occupations",
                    "related",
                ],
            ),
            ("compare", ["skill", "label", "influencer", "digital-content-creator"]),
            (
                "match",
                [
                    "rank",
                    "id",
                    "title",
                    "score",
                    "matched",
                    "asked",
                    "centrality",
                    "has",
                    "found_by",
                    "to_learn",
                    "to_learn_optional",
                ],
            ),
            ("skills", ["id", "label", "aliases", "careers"]),
            ("trends", ["id", "title", "text", "careers", "skills", "platforms"]),
            ("tips", ["id", "title", "text", "careers", "skills", "platforms"]),
        ],
    )
    def test_header_row(self, command: str, header: list[str]) -> None:
        fieldnames, rows = csv_rows([*COMMANDS[command], "-f", "csv"])
        assert fieldnames == header
        assert rows

    def test_list_has_one_row_per_career(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["list", "-f", "csv"])
        assert len(rows) == 7
        assert [r["id"] for r in rows] == [c.id for c in catalogue.careers]
        assert [r["title"] for r in rows] == [c.title.en for c in catalogue.careers]
        assert [r["skills"] for r in rows] == ["; ".join(c.skill_ids) for c in catalogue.careers]

    def test_skills_has_one_row_per_skill(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["skills", "-f", "csv"])
        assert len(catalogue.skills) == 25
        assert len(rows) == len(catalogue.skills)
        by_id = {s.id: s for s in catalogue.skills}
        for row in rows:
            skill = by_id[row["id"]]
            assert row["label"] == skill.label.en
            assert row["aliases"] == "; ".join(skill.aliases.en)

    def test_trends_has_one_row_per_trend(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["trends", "-f", "csv"])
        assert len(rows) == 5
        assert [r["id"] for r in rows] == [n.id for n in catalogue.trends]
        assert [r["careers"] for r in rows] == ["; ".join(n.careers) for n in catalogue.trends]

    def test_show_is_one_row_with_lists_joined(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["show", "influencer", "-f", "csv"])
        expected = career(catalogue, "influencer")
        assert len(rows) == 1
        row = rows[0]
        assert row["id"] == "influencer"
        assert row["description"] == expected.description.en
        assert row["responsibilities"] == "; ".join(r.en for r in expected.responsibilities)
        assert row["skills"] == "; ".join(expected.skill_ids)

    def test_compare_marks_each_skill_yes_or_no(self) -> None:
        # The two shared skills first, then the others in the order they are first named.
        _, rows = csv_rows(["compare", "influencer", "digital-content-creator", "-f", "csv"])
        assert [(r["skill"], r["influencer"], r["digital-content-creator"]) for r in rows] == [
            ("content-creation", "yes", "yes"),
            ("creativity", "yes", "yes"),
            ("communication", "yes", "no"),
            ("relationship-building", "yes", "no"),
            ("marketing", "yes", "no"),
            ("credibility", "yes", "no"),
            ("written-communication", "no", "yes"),
            ("video-editing", "no", "yes"),
            ("audience-understanding", "no", "yes"),
        ]

    def test_match_row_gives_the_score(self) -> None:
        _, rows = csv_rows(["match", "-s", "analytics", "-f", "csv"])
        first = rows[0]
        assert first["rank"] == "1"
        assert first["id"] == "social-media-data-analyst"
        assert (first["matched"], first["asked"], first["centrality"]) == ("1", "1", "0.50")
        assert first["score"] == "1.20"  # ln(1 + 7/3): 3 of the 7 careers need analytics
        assert first["has"] == "analytics"

    def test_arabic_csv_has_the_catalogues_arabic_titles(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["list", "--lang", "ar", "-f", "csv"])
        assert [r["title"] for r in rows] == [c.title.ar for c in catalogue.careers]
        skill_rows = csv_rows(["skills", "--lang", "ar", "-f", "csv"])[1]
        labels = {s.id: s.label.ar for s in catalogue.skills}
        assert {r["id"]: r["label"] for r in skill_rows} == labels


class TestMarkdown:
    """Markdown: a pipe table for collections, a heading and sections for `show`."""

    def test_list_is_a_pipe_table(self, catalogue: Catalogue) -> None:
        lines = run_ok(["list", "-f", "markdown"]).stdout.splitlines()
        assert lines[0] == "| id | title | summary | skills |"
        assert lines[1] == "| --- | --- | --- | --- |"
        body = lines[2:]
        assert len(body) == 7
        for line, expected in zip(body, catalogue.careers, strict=True):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            assert cells[0] == expected.id
            assert cells[1] == expected.title.en

    def test_arabic_list_table_has_arabic_titles(self, catalogue: Catalogue) -> None:
        stdout = run_ok(["list", "--lang", "ar", "-f", "markdown"]).stdout
        for expected in catalogue.careers:
            assert f"| {expected.id} | {expected.title.ar} |" in stdout

    def test_arabic_tables_have_arabic_headers(self) -> None:
        """Markdown is for people: its headers are in their language (CSV keeps its keys)."""
        listed = run_ok(["list", "--lang", "ar", "-f", "markdown"]).stdout.splitlines()
        assert listed[0] == "| المعرف | المسمى | نبذة | المهارات |"
        matched = run_ok(["match", "-s", "analytics", "--lang", "ar", "-f", "markdown"])
        assert matched.stdout.splitlines()[0] == (
            "| الترتيب | المعرف | المسمى | الدرجة | المهارات المطابقة | المهارات التي أدخلتها "
            "| نسبة التغطية | لديها | الكلمات التي وجدتها | للتعلم | اختيارية للتعلم |"
        )
        csv_header = run_ok(["list", "--lang", "ar", "-f", "csv"]).stdout.splitlines()[0]
        assert csv_header == "id,title,summary,skills"

    def test_arabic_compare_says_yes_and_no_in_arabic(self) -> None:
        args = ["compare", "influencer", "digital-content-creator", "--lang", "ar"]
        lines = run_ok([*args, "-f", "markdown"]).stdout.splitlines()
        assert lines[0] == "| المهارة | الاسم | influencer | digital-content-creator |"
        cells = [line.strip("|").split(" | ")[2:] for line in lines[2:]]
        assert {cell.strip() for row in cells for cell in row} == {"نعم", "لا"}
        english = run_ok([args[0], *args[1:3], "-f", "markdown"]).stdout.splitlines()
        assert {c.strip() for line in english[2:] for c in line.strip("|").split(" | ")[2:]} == {
            "yes",
            "no",
        }

    @pytest.mark.parametrize("command", ["skills", "trends", "tips", "match", "compare"])
    def test_other_collections_are_pipe_tables(self, command: str) -> None:
        lines = run_ok([*COMMANDS[command], "-f", "markdown"]).stdout.splitlines()
        assert lines[0].startswith("| ")
        assert lines[0].endswith(" |")
        columns = lines[0].count(" | ") + 1
        assert lines[1] == "|" + "|".join(" --- " for _ in range(columns)) + "|"
        assert len(lines) > 2
        assert all(line.startswith("| ") and line.endswith(" |") for line in lines[2:])

    def test_show_is_a_heading_then_sections(self, catalogue: Catalogue) -> None:
        stdout = run_ok(["show", "influencer", "-f", "markdown"]).stdout
        lines = stdout.splitlines()
        # Text escapes Markdown punctuation, parentheses too: see tests/test_output_safety.py.
        assert lines[0] == "# Social Media Influencer \\(influencer\\)"
        headings = [line for line in lines if line.startswith("## ")]
        assert headings[:3] == ["## Description", "## Responsibilities", "## Required skills"]
        assert "## Related careers" in headings
        expected = career(catalogue, "influencer")
        description = lines.index("## Description")
        assert expected.description.en in lines[description + 1 : description + 3]
        for duty in expected.responsibilities:
            assert f"- {duty.en}" in lines

    def test_show_in_arabic_titles_the_document_in_arabic(self, catalogue: Catalogue) -> None:
        stdout = run_ok(["show", "influencer", "--lang", "ar", "-f", "markdown"]).stdout
        title = career(catalogue, "influencer").title.ar
        assert stdout.splitlines()[0] == f"# {title} \\(influencer\\)"
        assert sum(line.startswith("## ") for line in stdout.splitlines()) >= 3


def test_a_career_row_splits_essential_from_optional_skills(tmp_path: Path) -> None:
    """As the catalogue has them: each line's skills, by their labels, under its importance."""
    esco = imported_esco_sample(tmp_path)
    data = json.loads(esco.read_text(encoding="utf-8"))
    labels = {skill["id"]: skill["label"]["en"] for skill in data["skills"]}
    career = next(c for c in data["careers"] if c["id"] == "advertising-specialist")
    by_importance: dict[str, list[str]] = {"essential": [], "optional": []}
    for line in career["required_skills"]:
        by_importance[line.get("importance", "essential")] += [labels[s] for s in line["skills"]]
    run = invoke(["show", "advertising-specialist", "--data", str(esco), "-f", "csv"])
    (row,) = csv.DictReader(io.StringIO(run.stdout))
    assert row["required_skills"] == "; ".join(by_importance["essential"])
    assert row["optional_skills"] == "; ".join(by_importance["optional"])
    assert by_importance["essential"] and by_importance["optional"]


def test_a_step_s_weights_as_data_have_four_decimals() -> None:
    run = invoke(["gap", "social-media-data-analyst", "social-media-manager", "-f", "json"])
    steps = json.loads(run.stdout)["to_learn"]
    assert [(s["skill"], s["specificity"], s["weight"]) for s in steps[:2]] == [
        ("communication", 1.0116, 1.0116),
        ("content-creation", 1.204, 1.204),
    ]
