"""`careers validate PATH` and `careers schema`: checking your own catalogue before using it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    DATA,
    REPO,
    invoke,
    raw_catalogue,
    write_catalogue,
)
from tests.support import validate as validate_support
from tests.support.validate import EXAMPLE, INVALID_CATALOGUE, problems_of

_BASE: dict[str, Any] = raw_catalogue()


def summary_of(data: dict[str, Any], path: Path | str) -> str:
    counts = {key: len(data.get(key, [])) for key in ("careers", "skills", "trends", "tips")}
    return (
        f"{path}: valid: {counts['careers']} careers, {counts['skills']} skills, "
        f"{counts['trends']} trends, {counts['tips']} tips"
    )


class TestValidFiles:
    """A valid catalogue: exit 0 and one line on stdout with what it holds."""

    def test_shipped_catalogue(self) -> None:
        run = invoke(["validate", str(DATA)])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[0] == summary_of(_BASE, DATA)
        assert (
            run.stdout.splitlines()[0] == f"{DATA}: valid: 7 careers, 25 skills, 5 trends, 5 tips"
        )
        assert run.stderr == ""

    def test_example_catalogue(self) -> None:
        """The README's example is valid and holds what its summary says."""
        run = invoke(["validate", str(EXAMPLE)])
        assert run.exit_code == 0, run.stderr
        assert (
            run.stdout.splitlines()[0] == f"{EXAMPLE}: valid: 2 careers, 2 skills, 0 trends, 1 tip"
        )
        assert run.stderr == ""

    def test_path_is_named_as_given(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The summary names the path the user typed, not a resolved one."""
        monkeypatch.chdir(tmp_path)
        (tmp_path / "mine.json").write_bytes(EXAMPLE.read_bytes())
        run = invoke(["validate", "mine.json"])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith("mine.json: valid: 2 careers")

    def test_utf8_bom_is_valid(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.json"
        path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
        run = invoke(["validate", str(path)])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[0] == f"{path}: valid: 2 careers, 2 skills, 0 trends, 1 tip"

    def test_counts_follow_the_file(self, tmp_path: Path) -> None:
        """The counts are the file's, not fixed numbers: drop a trend and two tips."""
        data = raw_catalogue()
        dropped = data["trends"].pop()
        assert dropped["id"] not in json.dumps(data)  # nothing referred to it
        del data["tips"][-2:]
        path = write_catalogue(tmp_path / "smaller.json", data)
        run = invoke(["validate", str(path)])
        assert run.exit_code == 0, run.stderr
        assert (
            run.stdout.splitlines()[0] == f"{path}: valid: 7 careers, 25 skills, 4 trends, 3 tips"
        )


class TestTranslationCoverage:
    """`validate` tells, as information after the summary, how much is in each language."""

    def test_the_built_in_catalogue_is_whole_in_both_languages(self) -> None:
        run = invoke(["validate", str(DATA)])
        assert run.stdout.splitlines()[1:] == [
            "  en: 7 of 7 titles, 7 of 7 descriptions, 25 of 25 skill labels",
            "  ar: 7 of 7 titles, 7 of 7 descriptions, 25 of 25 skill labels",
        ]

    def test_missing_translations_are_counted_not_refused(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        for career in data["careers"][:3]:
            del career["description"]["ar"]
        del data["careers"][6]["title"]["en"]
        for skill in data["skills"][:1200]:  # a count with a thousands separator needs more
            del skill["label"]["ar"]
        path = write_catalogue(tmp_path / "partial.json", data)
        run = invoke(["validate", str(path)])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[1:] == [
            "  en: 6 of 7 titles, 7 of 7 descriptions, 25 of 25 skill labels",
            "  ar: 7 of 7 titles, 4 of 7 descriptions, 0 of 25 skill labels",
        ]

    def test_in_arabic(self) -> None:
        run = invoke(
            ["validate", str(REPO / "tests" / "data" / "format-2-features.json"), "--lang", "ar"]
        )
        assert run.stdout.splitlines()[1:] == [
            "  الإنجليزية: المسميات 1 من 2، الأوصاف 2 من 2، أسماء المهارات 2 من 3",
            "  العربية: المسميات 2 من 2، الأوصاف 1 من 2، أسماء المهارات 2 من 3",
        ]


class TestEveryProblemWithItsPlace:
    """An invalid catalogue: exit 3, `PATH: N problems`, then one indented line per problem."""

    def test_six_distinct_problems_are_all_reported(self, tmp_path: Path) -> None:
        """Bad fields, a dangling skill, a dangling career in a trend, a duplicate id and an
        unknown field, all in one file: each is reported, with its record id and field path."""
        data = raw_catalogue()
        data["careers"][4]["occupations"][0]["isco_08"] = "25X1"  # bad field: not 4 digits
        data["careers"][5]["title"]["en"] = ""  # bad field: empty text
        data["careers"][2]["required_skills"][0]["skills"][0] = "video-production"
        data["trends"][3]["careers"][1] = "ecommerce-manager"
        data["skills"].append(copy.deepcopy(data["skills"][0]))  # a second 'analytics'
        data["careers"][0]["salary"] = "high"  # unknown field
        path = write_catalogue(tmp_path / "broken.json", data)
        run = invoke(["validate", str(path)])
        problems = problems_of(run, path)
        assert run.stderr.splitlines()[0] == f"{path}: 6 problems"
        assert len(problems) == 6
        places = {
            "occupation": "careers[4] (id 'social-media-data-analyst').occupations[0].isco_08: ",
            "title": "careers[5] (id 'influencer').title.en: ",
            "skill": "careers[2] (id 'digital-content-creator').required_skills[0].skills[0]: ",
            "trend": "trends[3] (id 'social-commerce').careers[1]: ",
            "duplicate": "skills[25] (id 'analytics').id: ",
            "unknown": "careers[0] (id 'social-media-manager').salary: ",
        }
        found = {key: [p for p in problems if p.startswith(place)] for key, place in places.items()}
        assert all(len(lines) == 1 for lines in found.values()), (found, problems)
        line = {key: lines[0].removeprefix(places[key]) for key, lines in found.items()}
        assert "pattern" in line["occupation"]
        assert line["title"] == "text must not be empty or only white space"
        assert line["skill"] == "unknown skill 'video-production': no skill has this id"
        assert line["trend"] == "unknown career 'ecommerce-manager': no career has this id"
        assert line["duplicate"] == "id 'analytics' is used by an earlier record"
        assert line["unknown"] == "Extra inputs are not permitted"

    def test_many_problems_of_one_kind_are_all_reported(self, tmp_path: Path) -> None:
        """Every career with an empty title is named, not only the first."""
        data = raw_catalogue()
        for career in data["careers"]:
            career["title"]["en"] = "   "
        path = write_catalogue(tmp_path / "blank-titles.json", data)
        problems = problems_of(invoke(["validate", str(path)]), path)
        assert problems == [
            f"careers[{i}] (id '{c['id']}').title.en: text must not be empty or only white space"
            for i, c in enumerate(_BASE["careers"])
        ]

    def test_references_are_checked_even_with_a_broken_field(self, tmp_path: Path) -> None:
        """A type error in one record does not hide a dangling reference in another."""
        data = raw_catalogue()
        data["careers"][1]["responsibilities"] = "none"
        data["tips"][0]["platforms"].append("tiktok")
        path = write_catalogue(tmp_path / "two.json", data)
        problems = problems_of(invoke(["validate", str(path)]), path)
        assert len(problems) == 2, problems
        assert any(
            p.startswith("careers[1] (id 'social-media-marketing-specialist').responsibilities: ")
            for p in problems
        ), problems
        assert (
            "tips[0] (id 'learn-analytics-and-tools').platforms[2]: "
            "unknown platform 'tiktok': no platform has this id"
        ) in problems

    def test_an_object_among_references_does_not_hide_an_unknown_id(self, tmp_path: Path) -> None:
        """An object where an id belongs is a type error; an unknown id in the next career, and
        one in a list that is not a list, are still named."""
        data = raw_catalogue()
        data["careers"][0]["required_skills"][0]["skills"].append({"id": "analytics"})
        data["careers"][1]["required_skills"][1]["skills"].append("video-production")
        data["careers"][2]["required_skills"][0]["skills"] = "analytics"
        data["careers"][3]["required_skills"][0]["skills"].append("Bad Id")
        path = write_catalogue(tmp_path / "mixed.json", data)
        problems = problems_of(invoke(["validate", str(path)]), path)
        places = [problem.split(": ", 1)[0] for problem in problems]
        ids = [c["id"] for c in _BASE["careers"]]
        first_length = len(_BASE["careers"][0]["required_skills"][0]["skills"])
        second_length = len(_BASE["careers"][1]["required_skills"][1]["skills"])
        fourth_length = len(_BASE["careers"][3]["required_skills"][0]["skills"])
        assert places == [
            f"careers[0] (id '{ids[0]}').required_skills[0].skills[{first_length}]",
            f"careers[2] (id '{ids[2]}').required_skills[0].skills",
            f"careers[3] (id '{ids[3]}').required_skills[0].skills[{fourth_length}]",
            f"careers[1] (id '{ids[1]}').required_skills[1].skills[{second_length}]",
            f"careers[3] (id '{ids[3]}').required_skills[0].skills[{fourth_length}]",
        ], problems
        assert problems[3].endswith("unknown skill 'video-production': no skill has this id")
        assert problems[4].endswith("unknown skill 'Bad Id': no skill has this id")

    def test_missing_required_field_is_named(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        del data["careers"][6]["description"]
        del data["skills"]
        path = write_catalogue(tmp_path / "missing.json", data)
        problems = problems_of(invoke(["validate", str(path), "--limit", "all"]), path)
        assert "careers[6] (id 'online-community-manager').description: Field required" in problems
        assert "skills: Field required" in problems

    def test_duplicate_keys_are_all_reported(self, tmp_path: Path) -> None:
        """Two keys given twice, in two records, plus an unknown field: three problems.

        Every problem, not just the first: the file parses, so nothing stops the others from
        being found.
        """
        text = json.dumps(raw_catalogue(), ensure_ascii=False, indent=2)
        text = text.replace('"id": "influencer",', '"id": "influencer", "id": "influencer",', 1)
        text = text.replace('"id": "analytics",', '"id": "analytics", "id": "analytics",', 1)
        text = text.replace('"schema_version": 2,', '"schema_version": 2, "version": 2,', 1)
        path = tmp_path / "keys.json"
        path.write_text(text, encoding="utf-8")
        problems = problems_of(invoke(["validate", str(path)]), path)
        assert len(problems) == 3, problems
        assert any("'id'" in p and "'influencer'" in p for p in problems), problems
        assert any("'id'" in p and "'analytics'" in p for p in problems), problems
        assert any(p.startswith("version: ") for p in problems), problems

    def test_json_syntax_error_has_line_and_column(self, tmp_path: Path) -> None:
        path = tmp_path / "syntax.json"
        path.write_text('{\n  "schema_version": 1,\n  "title" {}\n}\n', encoding="utf-8")
        problems = problems_of(invoke(["validate", str(path)]), path)
        assert problems == [f"{path}:3:11: invalid JSON: Expecting ':' delimiter"]

    @pytest.mark.parametrize(
        ("content", "problem"),
        [
            (None, "no such file"),
            (b"", "is empty; a catalogue is a JSON object"),
            (b"[1, 2]", "the top level must be a JSON object, not array"),
            (b"\xff\xfe{}", "is UTF-16; save the catalogue as UTF-8"),
            (b'{"a": NaN}', None),
        ],
        ids=["missing", "empty", "array", "utf16", "nan"],
    )
    def test_unreadable_files_are_one_problem(
        self, tmp_path: Path, content: bytes | None, problem: str | None
    ) -> None:
        """What stops the file from being read at all is reported in the same shape."""
        path = tmp_path / "file.json"
        if content is not None:
            path.write_bytes(content)
        problems = problems_of(invoke(["validate", str(path)]), path)
        if problem is None:
            assert problems == [f"{path}:1:7: invalid JSON: NaN is not a JSON number"]
        else:
            assert problems == [f"{path}: {problem}"]

    def test_directory(self, tmp_path: Path) -> None:
        problems = problems_of(invoke(["validate", str(tmp_path)]), tmp_path)
        assert problems == [f"{tmp_path}: is a directory, not a catalogue file"]

    def test_problems_in_arabic(self, tmp_path: Path) -> None:
        """With --lang ar the heading and the problems are Arabic; the places are the same."""
        data = raw_catalogue()
        data["trends"][3]["careers"][1] = "ecommerce-manager"
        path = write_catalogue(tmp_path / "broken.json", data)
        run = invoke(["validate", str(path), "--lang", "ar"])
        assert run.exit_code == INVALID_CATALOGUE
        assert run.stderr.splitlines() == [
            f"{path}: مشكلة واحدة",
            "  trends[3] (id 'social-commerce').careers[1]: "
            "مهنة غير معروفة 'ecommerce-manager': لا توجد مهنة بهذا المعرف",
        ]

    @pytest.mark.parametrize(
        ("break_it", "place", "english", "arabic"),
        [
            (
                lambda d: d["careers"][0]["occupations"][0].pop("basis"),
                "careers[0] (id 'social-media-manager').occupations[0].basis",
                "Field required",
                "حقل مطلوب غير موجود",
            ),
            (
                lambda d: d["careers"][0].update(title={}),
                "careers[0] (id 'social-media-manager').title",
                "text needs at least one language: en or ar",
                "يجب أن يكون للنص لغة واحدة على الأقل: en أو ar",
            ),
            (
                lambda d: d.update(languages=["ar", "ar"]),
                "languages",
                "a language is listed twice",
                "لغة مذكورة مرتين",
            ),
            (
                lambda d: d["skills"][0].update(level=3),
                "skills[0] (id 'analytics').level",
                "Extra inputs are not permitted",
                "حقل غير معروف: لا يُسمح بحقول إضافية",
            ),
            (
                lambda d: d.update(source=5),
                "source",
                "Input should be a valid string",
                "يجب أن تكون القيمة نصاً",
            ),
            (
                lambda d: d["careers"][1]["title"].update(en="Analyst \ud800"),
                "careers[1] (id 'social-media-marketing-specialist').title.en",
                "text holds a lone UTF-16 surrogate (such as \\ud800), which is not a character",
                "يحتوي النص على نصف زوج بديل منفرد من UTF-16 (مثل \\ud800)، وهو ليس محرفاً",
            ),
            (
                lambda d: d["careers"][1]["title"].update(en="x" * 201),
                "careers[1] (id 'social-media-marketing-specialist').title.en",
                "String should have at most 200 characters",
                "عدد الأحرف أكبر من الحد المسموح: 200",
            ),
            (
                lambda d: d["careers"][2]["occupations"][0].update(isco_08="24x1"),
                "careers[2] (id 'digital-content-creator').occupations[0].isco_08",
                "String should match pattern '^[0-9]{4}$'",
                "يجب أن يطابق النص النمط '^[0-9]{4}$'",
            ),
            (
                lambda d: d["trends"][4].update(id="Security & Privacy"),
                "trends[4] (id 'Security & Privacy').id",
                "not an id: use lowercase letters a-z, digits and single hyphens",
                "ليس معرفاً صالحاً: استخدم الأحرف اللاتينية الصغيرة a-z والأرقام وشرطات مفردة",
            ),
            (
                lambda d: d["careers"][3]["required_skills"][0].update(skills=[]),
                "careers[3] (id 'social-media-pr-manager').required_skills[0].skills",
                "List should have at least 1 item, not 0",
                "يجب ألا يقل عدد العناصر عن 1 (عددها الآن 0)",
            ),
            (
                lambda d: d["careers"][4].update(platforms="facebook"),
                "careers[4] (id 'social-media-data-analyst').platforms",
                "Input should be a valid list",
                "يجب أن تكون القيمة قائمة",
            ),
            (
                lambda d: d["careers"][5].update(description="a text"),
                "careers[5] (id 'influencer').description",
                "Input should be a valid dictionary or instance of BilingualText",
                "يجب أن تكون القيمة كائناً من نوع BilingualText",
            ),
            (
                lambda d: d.update(schema_version=3),
                "schema_version",
                "Input should be 1 or 2",
                "يجب أن تكون القيمة 1 أو 2",
            ),
            (
                lambda d: d.update(schema_version=10**30),
                "schema_version",
                "Input should be 1 or 2",
                "يجب أن تكون القيمة 1 أو 2",
            ),
            (
                lambda d: d.update(schema_version=True),
                "schema_version",
                "Input should be 1 or 2",
                "يجب أن تكون القيمة 1 أو 2",
            ),
            (
                lambda d: d["careers"][2]["occupations"][0].update(match="maybe"),
                "careers[2] (id 'digital-content-creator').occupations[0].match",
                "Input should be 'exact', 'close' or 'approximate'",
                "يجب أن تكون القيمة 'exact' أو 'close' أو 'approximate'",
            ),
            (
                lambda d: d["tips"][1]["title"].update(ar="  "),
                "tips[1] (id 'engage-with-the-audience').title.ar",
                "text must not be empty or only white space",
                "يجب ألا يكون النص فارغاً أو مسافات فقط",
            ),
            (
                lambda d: d["trends"][1].update(id=d["trends"][0]["id"]),
                "trends[1] (id 'ai-and-data-analysis').id",
                "id 'ai-and-data-analysis' is used by an earlier record",
                "المعرف 'ai-and-data-analysis' مستخدم في سجل سابق",
            ),
            (
                lambda d: d["careers"][6]["required_skills"][0]["skills"].insert(0, "juggling"),
                "careers[6] (id 'online-community-manager').required_skills[0].skills[0]",
                "unknown skill 'juggling': no skill has this id",
                "مهارة غير معروفة 'juggling': لا توجد مهارة بهذا المعرف",
            ),
            (
                lambda d: d["careers"][0]["platforms"].append("myspace"),
                "careers[0] (id 'social-media-manager').platforms[4]",
                "unknown platform 'myspace': no platform has this id",
                "منصة غير معروفة 'myspace': لا توجد منصة بهذا المعرف",
            ),
        ],
        ids=[
            "missing",
            "no-language",
            "repeated-language",
            "unknown-field",
            "not-a-string",
            "lone-surrogate",
            "too-long",
            "pattern",
            "not-an-id",
            "empty-list",
            "not-a-list",
            "not-an-object",
            "wrong-constant",
            "huge-number",
            "true-for-1",
            "one-of-three",
            "blank",
            "duplicate-id",
            "unknown-skill",
            "unknown-platform",
        ],
    )
    def test_each_kind_of_problem_in_both_languages(
        self,
        tmp_path: Path,
        break_it: Callable[[dict[str, Any]], object],
        place: str,
        english: str,
        arabic: str,
    ) -> None:
        data = raw_catalogue()
        break_it(data)
        path = write_catalogue(tmp_path / "broken.json", data)
        assert problems_of(invoke(["validate", str(path)]), path) == [f"{place}: {english}"]
        in_arabic = invoke(["validate", str(path), "--lang", "ar"])
        assert in_arabic.stderr.splitlines()[1:] == [f"  {place}: {arabic}"]

    def test_usage_errors(self) -> None:
        """No path, or two, is a usage error (2), not a catalogue error."""
        run = invoke(["validate"])
        assert run.exit_code == 2
        assert run.stderr == "error: missing argument PATH\ntry 'careers validate -h' for help\n"
        run = invoke(["validate", str(EXAMPLE), str(DATA)])
        assert run.exit_code == 2
        assert run.stderr.startswith("error: ")
        assert run.stdout == ""


class TestTheExampleWorks:
    """examples/small-catalogue.json works with every command through --data."""

    def test_list(self) -> None:
        run = invoke(["list", "--data", str(EXAMPLE)])
        assert run.exit_code == 0, run.stderr
        ids = [line.split()[0] for line in run.stdout.splitlines() if line[:1].isalpha()]
        assert ids == ["id", "data-analyst", "technical-writer"]
        assert "Data Analyst" in run.stdout
        assert "A data analyst turns raw data into answers." in run.stdout
        assert "Social Media" not in run.stdout

    def test_show(self) -> None:
        run = invoke(["show", "writer", "--data", str(EXAMPLE)])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[0].rstrip() == "Technical Writer  technical-writer"
        assert "Writing manuals" in run.stdout
        assert "Write every day  write-every-day" in run.stdout
        assert "data-analyst" in run.stdout  # related: shares the writing skill

    def test_show_in_arabic(self) -> None:
        run = invoke(["show", "محلل بيانات", "--data", str(EXAMPLE), "--lang", "ar"])
        assert run.exit_code == 0, run.stderr
        assert "data-analyst" in run.stdout.splitlines()[0]
        assert "جداول البيانات" in run.stdout

    def test_match(self) -> None:
        run = invoke(["match", "-s", "statistics", "--data", str(EXAMPLE)])
        assert run.exit_code == 0, run.stderr
        headings = [line for line in run.stdout.splitlines() if line[:1].isdigit()]
        assert [h.split()[1] for h in headings] == ["data-analyst"]
        # "statistics" is an alias of the skill analysis, which 1 of the 2 careers needs:
        # ln(1 + 2/1) = ln 3 = 1.0986; it is on 1 of the data analyst's 2 lines (50%).
        assert headings[0].rstrip() == "1. data-analyst  score 1.10 · 1/1 · 50%"
        assert "Data analysis +1.10 ← statistics" in run.stdout
        assert run.stderr == ""  # an alias is a whole name: no guess to report

    def test_match_two_skills(self) -> None:
        run = invoke(["match", "-s", "writing", "-s", "analysis", "--data", str(EXAMPLE)])
        assert run.exit_code == 0, run.stderr
        headings = [line for line in run.stdout.splitlines() if line[:1].isdigit()]
        assert [h.split()[1] for h in headings] == ["data-analyst", "technical-writer"]

    def test_json_round_trip(self) -> None:
        """The example's text comes back unchanged through --format json."""
        run = invoke(["show", "data-analyst", "--data", str(EXAMPLE), "-f", "json"])
        assert run.exit_code == 0, run.stderr
        document = json.loads(run.stdout)
        original = json.loads(EXAMPLE.read_text(encoding="utf-8"))["careers"][0]
        assert document["title"] == original["title"]
        assert document["description"] == original["description"]

    def test_unknown_career_in_the_example(self) -> None:
        """The built-in careers are not there: the user's catalogue replaces it."""
        run = invoke(["show", "influencer", "--data", str(EXAMPLE)])
        assert run.exit_code == 1
        assert run.stderr.startswith("error: no career matches 'influencer'")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return validate_support.schema()


class TestSchema:
    """`careers schema` prints the format as JSON Schema, generated from the models."""

    def test_is_json_with_a_dialect(self, schema: dict[str, Any]) -> None:
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["type"] == "object"
        assert schema["title"] == "CatalogueFile"
