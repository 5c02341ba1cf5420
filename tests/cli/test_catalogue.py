"""Checking and making catalogues: `careers validate`, `schema` and `import esco`, and the
catalogue file as every command reads it: where it comes from, and every way it can be wrong."""

from __future__ import annotations

import copy
import csv
import json
import os
import random
import re
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from careers_cli.catalogue import format as models
from careers_cli.catalogue import reading as catalogue_module
from careers_cli.errors import CatalogueError
from careers_cli.i18n.messages import message
from tests.helpers import (
    DATA,
    FORMAT_1_CATALOGUE,
    REPO,
    SEVEN_IDS,
    TEST_DATA,
    Run,
    catalogue_alone_in_a_folder,
    catalogue_json,
    folder_snapshot,
    format_1_catalogue,
    invoke,
    raw_catalogue,
    write_catalogue,
)
from tests.support import arabic as arabic_support
from tests.support import validate as validate_support
from tests.support.arabic import run_ok
from tests.support.bounded_cost import example, write_compact
from tests.support.format_2 import WIDE
from tests.support.format_constraints import (
    BLANK,
    EXTRA,
    NOT_AN_ID,
    REQUIRED,
    longer,
    too_few,
    too_many,
    unknown,
    used_earlier,
)
from tests.support.hostile import MIB, assert_neutralised
from tests.support.import_esco import (
    ARABIC,
    ARABIC_PACK,
    OCCUPATIONS,
    RELATIONS,
    SAMPLE,
    SKILLS,
    arabic_titles_of_the_sample,
    career,
    import_to,
    imported,
    links_of_the_sample,
    occupation_uri,
    sample_rows,
    skill_uri,
    small_download,
    write_csv,
)
from tests.support.loader import BASE, line_and_column, refusal
from tests.support.validate import EXAMPLE, INVALID_CATALOGUE, problems_of

# --- validate --------------------------------------------------------------------------------


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


class TestValidate:
    """`validate` prints the first 50 problems and counts the rest."""

    @staticmethod
    def broken(tmp_path: Path, count: int) -> Path:
        """The built-in catalogue with `count` required-skill lines naming unknown skills."""
        data = raw_catalogue()
        lines = [line for c in data["careers"] for line in c["required_skills"]]
        for n, line in enumerate(lines[:count]):
            line["skills"] = [f"nope-{n:02d}"]
        return write_catalogue(tmp_path / "broken.json", data)

    def test_a_limit_prints_the_first_problems_and_counts_the_rest(self, tmp_path: Path) -> None:
        path = self.broken(tmp_path, 28)
        run = invoke(["validate", str(path), "--limit", "3"])
        assert run.exit_code == 3
        lines = run.stderr.splitlines()
        assert lines[0] == f"{path}: 28 problems"
        assert [line.split(": unknown skill ")[1][:9] for line in lines[1:4]] == [
            "'nope-00'",
            "'nope-01'",
            "'nope-02'",
        ]
        assert lines[4:] == [
            f"  ... 25 problems not printed; 'careers validate {path} --limit all' prints them"
        ]

    def test_fifty_by_default_and_all_on_request(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        for career in data["careers"]:  # 7 careers x 9 lines, each naming an unknown skill
            career["required_skills"] = [
                {
                    "text": {"en": f"Line {n}.", "ar": f"سطر {n}."},
                    "skills": [f"x-{career['id']}-{n}"],
                }
                for n in range(9)
            ]
        path = write_catalogue(tmp_path / "many.json", data)
        default = invoke(["validate", str(path)]).stderr.splitlines()
        assert default[0] == f"{path}: 63 problems"
        assert len(default) == 1 + 50 + 1
        assert default[-1].startswith("  ... 13 problems not printed;")
        every = invoke(["validate", str(path), "--limit", "all"]).stderr.splitlines()
        assert len(every) == 1 + 63
        assert every[1:51] == default[1:51]


def test_validate_summary_is_arabic() -> None:
    run = run_ok(["validate", str(DATA), "--lang", "ar"], arabic_support.WIDE)
    assert run.stdout.splitlines() == [
        f"{DATA}: صالح: 7 مهن، 25 مهارة، 5 توجهات، 5 نصائح",
        "  الإنجليزية: المسميات 7 من 7، الأوصاف 7 من 7، أسماء المهارات 25 من 25",
        "  العربية: المسميات 7 من 7، الأوصاف 7 من 7، أسماء المهارات 25 من 25",
    ]


class TestControlCharactersNeverReachTheTerminal:
    """Every command's output holds no raw control character from the catalogue."""

    def test_validate_problems_are_neutralised(self, tmp_path: Path) -> None:
        """References and keys quoted by validate cannot carry control codes either."""
        data = raw_catalogue()
        data["trends"][0]["careers"].append("\x1b]0;pwned\x07")
        data["careers"][0]["\x1b[2J\u202e"] = "x"
        path = write_catalogue(tmp_path / "broken.json", data)
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        assert_neutralised(run.stderr)
        assert "unknown career '␛]0;pwned␇'" in run.stderr
        assert "salary" not in run.stderr
        assert ".␛[2J: Extra inputs are not permitted" in run.stderr

    def test_load_error_is_neutralised(self, tmp_path: Path) -> None:
        """The one-line error of a broken file quotes its data safely."""
        text = json.dumps(raw_catalogue(), ensure_ascii=False)
        text = text.replace('"id": "influencer",', '"id": "influencer", "\\u001b[2J": 1, ', 1)
        text = text.replace(
            '"id": "influencer",', '"id": "influencer", "\\u009b": 1, "\\u009b": 2,'
        )
        path = tmp_path / "keys.json"
        path.write_text(text, encoding="utf-8")
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert "\ufffd" in run.stderr  # the duplicate key, named
        assert_neutralised(run.stderr)


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


# --- validate: what refusing a catalogue costs -----------------------------------------------


class TestTheLineAfterTheBound:
    """With the bound at 3, a file with 8 problems, in English and Arabic."""

    @pytest.fixture(autouse=True)
    def _bound_of_three(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(models, "MAX_PROBLEMS", 3)

    @pytest.fixture
    def dangling(self, tmp_path: Path) -> Path:
        """Eight careers a tip names and no record has: all found, three listed."""
        data = example()
        data["tips"][0]["careers"] = [f"nobody-{i}" for i in range(8)]
        return write_catalogue(tmp_path / "dangling.json", data)

    @pytest.fixture
    def blank_titles(self, tmp_path: Path) -> Path:
        """Four careers with both titles blank: the second reaches the bound, so validation
        stops there, with four careers, two skills, a platform and a tip unchecked."""
        data = example()
        broken = []
        for i in range(4):
            copied = copy.deepcopy(data["careers"][0])
            copied.update(id=f"broken-{i}", title={"en": " ", "ar": " "})
            broken.append(copied)
        data["careers"] = broken + data["careers"]
        return write_catalogue(tmp_path / "blank.json", data)

    def test_more_problems_found_in_english(self, dangling: Path) -> None:
        run = invoke(["validate", str(dangling)])
        assert run.exit_code == INVALID_CATALOGUE
        place = "tips[0] (id 'write-every-day').careers"
        assert run.stderr.splitlines() == [
            f"{dangling}: 8 problems",
            f"  {place}[0]: unknown career 'nobody-0': no career has this id",
            f"  {place}[1]: unknown career 'nobody-1': no career has this id",
            f"  {place}[2]: unknown career 'nobody-2': no career has this id",
            "  ... plus 5 problems not shown",
        ]

    def test_more_problems_found_in_arabic(self, dangling: Path) -> None:
        run = invoke(["validate", str(dangling), "--lang", "ar"])
        assert run.exit_code == INVALID_CATALOGUE
        place = "tips[0] (id 'write-every-day').careers"
        assert run.stderr.splitlines() == [
            f"{dangling}: 8 مشكلات",
            f"  {place}[0]: مهنة غير معروفة 'nobody-0': لا توجد مهنة بهذا المعرف",
            f"  {place}[1]: مهنة غير معروفة 'nobody-1': لا توجد مهنة بهذا المعرف",
            f"  {place}[2]: مهنة غير معروفة 'nobody-2': لا توجد مهنة بهذا المعرف",
            "  ... عدد المشكلات الأخرى غير المعروضة: 5",
        ]

    def test_validation_stopped_in_english(self, blank_titles: Path) -> None:
        run = invoke(["validate", str(blank_titles)])
        assert run.exit_code == INVALID_CATALOGUE
        blank = "text must not be empty or only white space"
        assert run.stderr.splitlines() == [
            f"{blank_titles}: at least 4 problems",
            f"  careers[0] (id 'broken-0').title.en: {blank}",
            f"  careers[0] (id 'broken-0').title.ar: {blank}",
            f"  careers[1] (id 'broken-1').title.en: {blank}",
            "  ... validation stopped after 3 problems; 8 records left unchecked",
        ]

    def test_validation_stopped_in_arabic(self, blank_titles: Path) -> None:
        run = invoke(["validate", str(blank_titles), "--lang", "ar"])
        assert run.exit_code == INVALID_CATALOGUE
        blank = "يجب ألا يكون النص فارغاً أو مسافات فقط"
        assert run.stderr.splitlines() == [
            f"{blank_titles}: 4 مشكلات على الأقل",
            f"  careers[0] (id 'broken-0').title.en: {blank}",
            f"  careers[0] (id 'broken-0').title.ar: {blank}",
            f"  careers[1] (id 'broken-1').title.en: {blank}",
            "  ... توقف التحقق بعد 3 مشكلات؛ عدد السجلات التي لم تُفحص: 8",
        ]

    def test_other_commands_name_the_same_first_problem(self, dangling: Path) -> None:
        run = invoke(["list", "--data", str(dangling)])
        assert run.exit_code == INVALID_CATALOGUE
        assert run.stderr.splitlines()[0] == (
            f"error: {dangling}: tips[0] (id 'write-every-day').careers[0]: "
            "unknown career 'nobody-0': no career has this id"
        )

    def test_exactly_the_bound_needs_no_line(self, tmp_path: Path) -> None:
        data = example()
        data["tips"][0]["careers"] = ["nobody-0", "nobody-1", "nobody-2"]
        path = write_catalogue(tmp_path / "three.json", data)
        lines = invoke(["validate", str(path)]).stderr.splitlines()
        assert lines[0] == f"{path}: 3 problems"
        assert len(lines) == 4
        assert "..." not in lines[-1]


class TestOneRecordCannotPileUpProblems:
    """The limits that bound the problems of a single record."""

    def test_an_object_with_too_many_keys_is_refused_as_it_is_parsed(self, tmp_path: Path) -> None:
        limit = catalogue_module.MAX_OBJECT_KEYS
        data = example()
        writer = data["careers"][1]
        writer.update({f"extra-{i}": 1 for i in range(limit)})
        keys = len(writer)
        assert keys == 105
        path = write_catalogue(tmp_path / "keys.json", data)
        problem = (
            f"careers[1] (id 'technical-writer'): {keys} keys in one object; "
            f"an object may have at most {limit}"
        )
        run = invoke(["validate", str(path)])
        assert (run.exit_code, run.stderr) == (3, f"{path}: 1 problem\n  {path}: {problem}\n")
        run = invoke(["list", "--data", str(path), "--lang", "ar"])
        assert run.exit_code == 3
        assert run.stderr == (
            f"خطأ: {path}: careers[1] (id 'technical-writer'): 105 مفاتيح في كائن واحد؛ "
            f"الحد الأقصى لمفاتيح الكائن {limit}\n"
        )

    def test_the_top_level_object_has_no_place(self, tmp_path: Path) -> None:
        data = example()
        keys = len(data) + 200
        data.update({f"extra-{i}": 1 for i in range(200)})
        path = write_catalogue(tmp_path / "keys.json", data)
        run = invoke(["list", "--data", str(path)])
        assert run.stderr == (
            f"error: {path}: {keys} keys in one object; an object may have at most 100\n"
        )

    def test_up_to_the_limit_each_unknown_key_is_a_problem(self, tmp_path: Path) -> None:
        limit = catalogue_module.MAX_OBJECT_KEYS
        data = example()
        writer = data["careers"][1]
        extra = limit - len(writer)
        writer.update({f"extra-{i}": 1 for i in range(extra)})
        path = write_catalogue(tmp_path / "keys.json", data)
        lines = invoke(["validate", str(path), "--limit", "all"]).stderr.splitlines()
        assert lines == [
            f"{path}: {extra} problems",
            *(
                f"  careers[1] (id 'technical-writer').extra-{i}: Extra inputs are not permitted"
                for i in range(extra)
            ),
        ]

    @pytest.mark.parametrize(
        ("model", "field", "most"),
        [
            ("CareerEntry", "responsibilities", 500),
            ("CareerEntry", "required_skills", 1_500),
            ("CareerEntry", "platforms", 500),
            ("CareerEntry", "occupations", 500),
            ("SkillRequirementEntry", "skills", 1_500),
            ("OtherNames", "en", 600),
            ("OtherNames", "ar", 600),
            ("TrendEntry", "careers", 1_500),
            ("TipEntry", "skills", 1_500),
            ("SectionEntry", "paragraphs", 500),
        ],
    )
    def test_the_schema_states_each_list_maximum(self, model: str, field: str, most: int) -> None:
        schema = json.loads(invoke(["schema"]).stdout)
        assert schema["$defs"][model]["properties"][field]["maxItems"] == most


class TestValidFilesAreUnchanged:
    """The bounded path builds exactly what pydantic builds for a valid file."""

    def test_generated_catalogue_validates_and_lists(self, tmp_path: Path) -> None:
        from benchmarks.generate_catalogue import generate

        data = generate(300)
        path = write_compact(tmp_path / "generated.json", data)
        run = invoke(["validate", str(path)])
        assert (run.exit_code, run.stderr) == (0, "")
        assert (
            run.stdout.splitlines()[0] == f"{path}: valid: 300 careers, 60 skills, 5 trends, 5 tips"
        )
        listed = invoke(["list", "--data", str(path), "-f", "json", "--limit", "all"])
        assert [c["id"] for c in json.loads(listed.stdout)] == [c["id"] for c in data["careers"]]


# --- schema ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return validate_support.schema()


class TestSchema:
    """`careers schema` prints the format as JSON Schema, generated from the models."""

    def test_is_json_with_a_dialect(self, schema: dict[str, Any]) -> None:
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["type"] == "object"
        assert schema["title"] == "CatalogueFile"


# --- the format's limits, at the edge and one past it ----------------------------------------


Change = Callable[[dict[str, Any]], None]


Place = tuple[str | int, ...]


def _parent(data: Any, path: Place) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def put(path: Place, value: Any) -> Change:
    """Set the value at `path`."""

    def change(data: dict[str, Any]) -> None:
        _parent(data, path)[path[-1]] = copy.deepcopy(value)

    return change


def remove(path: Place) -> Change:
    """Drop the key at `path`."""

    def change(data: dict[str, Any]) -> None:
        del _parent(data, path)[path[-1]]

    return change


def resize(path: Place, length: int) -> Change:
    """Make the list at `path` `length` items long: cut it, or repeat its items."""

    def change(data: dict[str, Any]) -> None:
        items = _parent(data, path)[path[-1]]
        _parent(data, path)[path[-1]] = (items * length)[:length]

    return change


def fill(path: Place, item: Any, length: int) -> Change:
    """Make the list at `path` `length` copies of `item`."""
    return put(path, [item] * length)


def append_copy(collection: str) -> Change:
    """Add a copy of the collection's first record at its end: the same id twice."""

    def change(data: dict[str, Any]) -> None:
        data[collection].append(copy.deepcopy(data[collection][0]))

    return change


def both(*changes: Change) -> Change:
    def change(data: dict[str, Any]) -> None:
        for one in changes:
            one(data)

    return change


@dataclass(frozen=True)
class Case:
    """One change, and the problem lines `careers validate` prints for it (none: valid)."""

    change: Change
    problems: tuple[str, ...] = ()
    then: str = ""
    """Text that every further problem holds: what the one change leaves dangling."""


def refused(change: Change, *problems: str, then: str = "") -> Case:
    return Case(change, problems, then)


def valid(change: Change) -> Case:
    return Case(change)


# Places as `careers validate` names them: a record by its index and id, then the field path.
MANAGER = "careers[0] (id 'social-media-manager')"


OCCUPATION = f"{MANAGER}.occupations[0]"


ANALYTICS = "skills[0] (id 'analytics')"


FACEBOOK = "platforms[0] (id 'facebook')"


INTRODUCTION = "sections[0] (id 'introduction')"


FIRST_TREND = "trends[0] (id 'ai-and-data-analysis')"


FIRST_TIP = "tips[0] (id 'learn-analytics-and-tools')"


VERSIONS = "Input should be 1 or 2"


def _english_only(data: dict[str, Any], but_one: bool = False) -> None:
    """Drop every Arabic text (but the first career's title, if `but_one`)."""
    from careers_cli.catalogue.validation import texts_of

    for _, text in texts_of(data):
        text.pop("ar", None)
        if "en" not in text:
            text["en"] = "English"
    if but_one:
        data["careers"][0]["title"]["ar"] = "مدير"


def not_matching(pattern: str) -> str:
    return f"String should match pattern '{pattern}'"


ISCO = not_matching("^[0-9]{4}$")


URI = not_matching(r"^https?://\S+$")


URI_500 = "https://example.org/" + "a" * (500 - len("https://example.org/"))


# id, one past the edge (refused), and where there is one, exactly at the edge (valid).
CASES: list[tuple[str, Case, Case | None]] = [
    # --- ids: a slug of at most 80 characters ---------------------------------------------
    (
        "id of 81 characters",
        refused(
            put(("sections", 0, "id"), "a" * 81),
            f"sections[0] (id '{'a' * 81}').id: {longer(80)}",
        ),
        valid(put(("sections", 0, "id"), "a" * 80)),
    ),
    (
        "id with a capital letter",
        refused(
            put(("sections", 0, "id"), "Introduction"),
            f"sections[0] (id 'Introduction').id: {NOT_AN_ID}",
        ),
        valid(put(("sections", 0, "id"), "a")),
    ),
    (
        "id with two hyphens in a row",
        refused(
            put(("sections", 0, "id"), "intro--duction"),
            f"sections[0] (id 'intro--duction').id: {NOT_AN_ID}",
        ),
        valid(put(("sections", 0, "id"), "intro-duction-2")),
    ),
    (
        "id starting with a hyphen",
        refused(put(("sections", 0, "id"), "-intro"), f"sections[0] (id '-intro').id: {NOT_AN_ID}"),
        valid(put(("sections", 0, "id"), "7")),
    ),
    (
        "id ending with a hyphen",
        refused(put(("sections", 0, "id"), "intro-"), f"sections[0] (id 'intro-').id: {NOT_AN_ID}"),
        None,
    ),
    (
        "id with an underscore",
        refused(
            put(("sections", 0, "id"), "intro_duction"),
            f"sections[0] (id 'intro_duction').id: {NOT_AN_ID}",
        ),
        None,
    ),
    (
        "empty id",
        refused(put(("sections", 0, "id"), ""), f"sections[0] (id '').id: {NOT_AN_ID}"),
        None,
    ),
    # --- labels: at most 200 characters, counted as characters -----------------------------
    (
        "English title of 201 characters",
        refused(
            put(("careers", 0, "title", "en"), "T" * 201), f"{MANAGER}.title.en: {longer(200)}"
        ),
        valid(put(("careers", 0, "title", "en"), "T" * 200)),
    ),
    (
        "Arabic title of 201 characters",
        refused(
            put(("careers", 0, "title", "ar"), "م" * 201), f"{MANAGER}.title.ar: {longer(200)}"
        ),
        valid(put(("careers", 0, "title", "ar"), "م" * 200)),
    ),
    (
        "source of 201 characters",
        refused(put(("source",), "s" * 201), f"source: {longer(200)}"),
        valid(put(("source",), "s" * 200)),
    ),
    (
        "alias of 201 characters",
        refused(
            put(("skills", 0, "aliases", "en", 0), "a" * 201),
            f"{ANALYTICS}.aliases.en[0]: {longer(200)}",
        ),
        valid(put(("skills", 0, "aliases", "en", 0), "a" * 200)),
    ),
    (
        "occupation basis of 201 characters",
        refused(
            put(("careers", 0, "occupations", 0, "basis"), "b" * 201),
            f"{OCCUPATION}.basis: {longer(200)}",
        ),
        valid(put(("careers", 0, "occupations", 0, "basis"), "b" * 200)),
    ),
    # --- texts: at most 20,000 characters -------------------------------------------------
    (
        "description of 20,001 characters",
        refused(
            put(("careers", 0, "description", "en"), "d" * 20_001),
            f"{MANAGER}.description.en: {longer(20000)}",
        ),
        valid(put(("careers", 0, "description", "en"), "d" * 20_000)),
    ),
    (
        "paragraph of 20,001 characters",
        refused(
            put(("sections", 0, "paragraphs", 0, "ar"), "ف" * 20_001),
            f"{INTRODUCTION}.paragraphs[0].ar: {longer(20000)}",
        ),
        valid(put(("sections", 0, "paragraphs", 0, "ar"), "ف" * 20_000)),
    ),
    # --- no blank text --------------------------------------------------------------------
    (
        "empty title",
        refused(put(("careers", 0, "title", "en"), ""), f"{MANAGER}.title.en: {BLANK}"),
        valid(put(("careers", 0, "title", "en"), "x")),
    ),
    (
        "description of only white space",
        refused(
            put(("careers", 0, "description", "ar"), " \n\t "), f"{MANAGER}.description.ar: {BLANK}"
        ),
        valid(put(("careers", 0, "description", "ar"), " \n. \t")),
    ),
    (
        "blank responsibility",
        refused(
            put(("careers", 0, "responsibilities", 0, "en"), "   "),
            f"{MANAGER}.responsibilities[0].en: {BLANK}",
        ),
        None,
    ),
    (
        "blank alias",
        refused(put(("skills", 0, "aliases", "ar", 0), ""), f"{ANALYTICS}.aliases.ar[0]: {BLANK}"),
        None,
    ),
    (
        "blank source",
        refused(put(("source",), " "), f"source: {BLANK}"),
        valid(put(("source",), None)),
    ),
    # --- lists of at least one ------------------------------------------------------------
    (
        "a required-skill line without skills",
        refused(
            put(("careers", 0, "required_skills", 0, "skills"), []),
            f"{MANAGER}.required_skills[0].skills: {too_few()}",
        ),
        # format 2: a career may list no responsibilities and no skills
        valid(
            both(
                put(("careers", 0, "responsibilities"), []),
                put(("careers", 0, "required_skills"), []),
            )
        ),
    ),
    (
        "a required-skill line tagged with no skill",
        refused(
            put(("careers", 0, "required_skills", 0, "skills"), []),
            f"{MANAGER}.required_skills[0].skills: {too_few()}",
        ),
        valid(resize(("careers", 0, "required_skills", 0, "skills"), 1)),
    ),
    (
        "a section with no paragraph",
        refused(put(("sections", 0, "paragraphs"), []), f"{INTRODUCTION}.paragraphs: {too_few()}"),
        valid(resize(("sections", 0, "paragraphs"), 1)),
    ),
    (
        "no careers",
        # The trends and tips name careers that are gone.
        refused(put(("careers",), []), f"careers: {too_few()}", then="unknown career '"),
        None,
    ),
    (
        "no skills",
        # Every required-skill line names a skill that is gone.
        refused(put(("skills",), []), f"skills: {too_few()}", then="unknown skill '"),
        None,
    ),
    # --- lists of at most MAX_ITEMS (500) -------------------------------------------------
    (
        "501 responsibilities",
        refused(
            resize(("careers", 0, "responsibilities"), 501),
            f"{MANAGER}.responsibilities: {too_many(500)}",
        ),
        valid(resize(("careers", 0, "responsibilities"), 500)),
    ),
    (
        "501 platforms of a career",
        refused(
            fill(("careers", 0, "platforms"), "facebook", 501),
            f"{MANAGER}.platforms: {too_many(500)}",
        ),
        valid(fill(("careers", 0, "platforms"), "facebook", 500)),
    ),
    (
        "501 occupations",
        refused(
            resize(("careers", 0, "occupations"), 501), f"{MANAGER}.occupations: {too_many(500)}"
        ),
        valid(resize(("careers", 0, "occupations"), 500)),
    ),
    (
        "501 paragraphs",
        refused(
            resize(("sections", 0, "paragraphs"), 501),
            f"{INTRODUCTION}.paragraphs: {too_many(500)}",
        ),
        valid(resize(("sections", 0, "paragraphs"), 500)),
    ),
    # --- lists of at most MAX_LINKS (1,500) -----------------------------------------------
    (
        "1,501 required-skill lines",
        refused(
            resize(("careers", 0, "required_skills"), 1501),
            f"{MANAGER}.required_skills: {too_many(1500)}",
        ),
        valid(resize(("careers", 0, "required_skills"), 1500)),
    ),
    (
        "1,501 skills on one line",
        refused(
            fill(("careers", 0, "required_skills", 0, "skills"), "analytics", 1501),
            f"{MANAGER}.required_skills[0].skills: {too_many(1500)}",
        ),
        valid(fill(("careers", 0, "required_skills", 0, "skills"), "analytics", 1500)),
    ),
    (
        "1,501 careers of a trend",
        refused(
            fill(("trends", 0, "careers"), "influencer", 1501),
            f"{FIRST_TREND}.careers: {too_many(1500)}",
        ),
        valid(fill(("trends", 0, "careers"), "influencer", 1500)),
    ),
    (
        "1,501 skills of a trend",
        refused(
            fill(("trends", 0, "skills"), "analytics", 1501),
            f"{FIRST_TREND}.skills: {too_many(1500)}",
        ),
        valid(fill(("trends", 0, "skills"), "analytics", 1500)),
    ),
    (
        "1,501 platforms of a trend",
        refused(
            fill(("trends", 0, "platforms"), "facebook", 1501),
            f"{FIRST_TREND}.platforms: {too_many(1500)}",
        ),
        valid(fill(("trends", 0, "platforms"), "facebook", 1500)),
    ),
    (
        "1,501 careers of a tip",
        refused(
            fill(("tips", 0, "careers"), "influencer", 1501),
            f"{FIRST_TIP}.careers: {too_many(1500)}",
        ),
        valid(fill(("tips", 0, "careers"), "influencer", 1500)),
    ),
    # --- aliases: at most MAX_ALIASES (600) per language ----------------------------------
    (
        "601 English aliases",
        refused(
            fill(("skills", 0, "aliases", "en"), "metric", 601),
            f"{ANALYTICS}.aliases.en: {too_many(600)}",
        ),
        valid(fill(("skills", 0, "aliases", "en"), "metric", 600)),
    ),
    (
        "601 Arabic aliases",
        refused(
            fill(("skills", 0, "aliases", "ar"), "مقياس", 601),
            f"{ANALYTICS}.aliases.ar: {too_many(600)}",
        ),
        valid(fill(("skills", 0, "aliases", "ar"), "مقياس", 600)),
    ),
    # --- an occupation: ISCO-08 code, URI, match, scheme ----------------------------------
    (
        "ISCO-08 code of 3 digits",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "243"), f"{OCCUPATION}.isco_08: {ISCO}"
        ),
        valid(put(("careers", 0, "occupations", 0, "isco_08"), "0000")),
    ),
    (
        "ISCO-08 code of 5 digits",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "24321"),
            f"{OCCUPATION}.isco_08: {ISCO}",
        ),
        valid(put(("careers", 0, "occupations", 0, "isco_08"), "9999")),
    ),
    (
        "ISCO-08 code with a letter",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "243a"),
            f"{OCCUPATION}.isco_08: {ISCO}",
        ),
        None,
    ),
    (
        "ISCO-08 code in Arabic-Indic digits",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "٢٤٣٢"),
            f"{OCCUPATION}.isco_08: {ISCO}",
        ),
        None,
    ),
    (
        "URI of 501 characters",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), URI_500 + "a"),
            f"{OCCUPATION}.uri: {longer(500)}",
        ),
        valid(put(("careers", 0, "occupations", 0, "uri"), URI_500)),
    ),
    (
        "URI with nothing after the scheme",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), "https://"), f"{OCCUPATION}.uri: {URI}"
        ),
        valid(put(("careers", 0, "occupations", 0, "uri"), "http://a")),
    ),
    (
        "URI of another scheme",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), "ftp://example.org/x"),
            f"{OCCUPATION}.uri: {URI}",
        ),
        None,
    ),
    (
        "URI with a space",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), "https://example.org/a b"),
            f"{OCCUPATION}.uri: {URI}",
        ),
        None,
    ),
    (
        "match that is not one of the three",
        refused(
            put(("careers", 0, "occupations", 0, "match"), "partial"),
            f"{OCCUPATION}.match: Input should be 'exact', 'close' or 'approximate'",
        ),
        valid(put(("careers", 0, "occupations", 0, "match"), "approximate")),
    ),
    (
        "match in capitals",
        refused(
            put(("careers", 0, "occupations", 0, "match"), "Exact"),
            f"{OCCUPATION}.match: Input should be 'exact', 'close' or 'approximate'",
        ),
        valid(put(("careers", 0, "occupations", 0, "match"), "exact")),
    ),
    (
        "scheme other than ESCO",
        refused(
            put(("careers", 0, "occupations", 0, "scheme"), "ISCO"),
            f"{OCCUPATION}.scheme: Input should be 'ESCO'",
        ),
        valid(remove(("careers", 0, "occupations", 0, "scheme"))),
    ),
    # --- a platform's kind ----------------------------------------------------------------
    (
        "kind that is neither platform nor tool",
        refused(
            put(("platforms", 0, "kind"), "app"),
            f"{FACEBOOK}.kind: Input should be 'platform' or 'tool'",
        ),
        valid(put(("platforms", 0, "kind"), "tool")),
    ),
    # --- schema_version: the JSON integer 1 or 2 ------------------------------------------
    (
        "schema_version 3",
        refused(put(("schema_version",), 3), f"schema_version: {VERSIONS}"),
        valid(put(("schema_version",), 2)),
    ),
    (
        "schema_version 0",
        refused(put(("schema_version",), 0), f"schema_version: {VERSIONS}"),
        None,
    ),
    (
        "schema_version as a string",
        refused(put(("schema_version",), "2"), f"schema_version: {VERSIONS}"),
        None,
    ),
    (
        "schema_version 2.0",
        refused(put(("schema_version",), 2.0), f"schema_version: {VERSIONS}"),
        None,
    ),
    (
        "schema_version true",
        refused(put(("schema_version",), True), f"schema_version: {VERSIONS}"),
        None,
    ),
    # --- languages: en, ar or both, each once; every text in one of them -------------------
    (
        "no languages",
        refused(remove(("languages",)), f"languages: {REQUIRED}"),
        valid(put(("languages",), ["ar", "en"])),
    ),
    (
        "an empty list of languages",
        refused(put(("languages",), []), f"languages: {too_few()}"),
        None,
    ),
    (
        "a language not in the format",
        refused(put(("languages",), ["en", "fr"]), "languages[1]: Input should be 'en' or 'ar'"),
        None,
    ),
    (
        "a language twice",
        refused(put(("languages",), ["en", "en"]), "languages: a language is listed twice"),
        None,
    ),
    (
        "Arabic text in an English catalogue",
        refused(
            both(put(("languages",), ["en"]), lambda data: _english_only(data, but_one=True)),
            f"{MANAGER}.title.ar: text in 'ar', which is not one of the catalogue's languages",
        ),
        valid(both(put(("languages",), ["en"]), _english_only)),
    ),
    (
        "a title in no language",
        refused(
            put(("careers", 0, "title"), {}),
            f"{MANAGER}.title: text needs at least one language: en or ar",
        ),
        valid(remove(("careers", 0, "title", "en"))),
    ),
    (
        "a description in no language",
        refused(
            put(("careers", 0, "description"), {"en": None, "ar": None}),
            f"{MANAGER}.description: text needs at least one language: en or ar",
        ),
        valid(put(("careers", 0, "description", "ar"), None)),
    ),
    # --- format 2's new fields --------------------------------------------------------------
    (
        "importance neither essential nor optional",
        refused(
            put(("careers", 0, "required_skills", 0, "importance"), "nice"),
            f"{MANAGER}.required_skills[0].importance: Input should be 'essential' or 'optional'",
        ),
        valid(put(("careers", 0, "required_skills", 0, "importance"), "optional")),
    ),
    (
        "601 alternative titles",
        refused(
            put(("careers", 0, "alt_titles"), {"en": ["community lead"] * 601}),
            f"{MANAGER}.alt_titles.en: {too_many(600)}",
        ),
        valid(put(("careers", 0, "alt_titles"), {"ar": ["مدير"] * 600})),
    ),
    (
        "an Arabic occupation label of 201 characters",
        refused(
            put(("careers", 0, "occupations", 0, "label_ar"), "م" * 201),
            f"{OCCUPATION}.label_ar: {longer(200)}",
        ),
        valid(remove(("careers", 0, "occupations", 0, "isco_08"))),
    ),
    (
        "a required-skill line without text or skills",
        refused(
            put(("careers", 0, "required_skills", 0), {"importance": "essential"}),
            f"{MANAGER}.required_skills[0].skills: {REQUIRED}",
        ),
        valid(remove(("careers", 0, "required_skills", 0, "text"))),
    ),
    (
        "no schema_version",
        refused(remove(("schema_version",)), f"schema_version: {REQUIRED}"),
        None,
    ),
    # --- no field beyond the format's -----------------------------------------------------
    ("unknown top-level field", refused(put(("version",), 1), f"version: {EXTRA}"), None),
    (
        "unknown career field",
        refused(put(("careers", 0, "salary"), "high"), f"{MANAGER}.salary: {EXTRA}"),
        None,
    ),
    (
        "a third language",
        refused(put(("careers", 0, "title", "fr"), "Gestionnaire"), f"{MANAGER}.title.fr: {EXTRA}"),
        None,
    ),
    (
        "unknown occupation field",
        refused(
            put(("careers", 0, "occupations", 0, "notes"), "x"), f"{OCCUPATION}.notes: {EXTRA}"
        ),
        None,
    ),
    (
        "aliases in a third language",
        refused(put(("skills", 0, "aliases", "fr"), []), f"{ANALYTICS}.aliases.fr: {EXTRA}"),
        None,
    ),
    # --- required fields ------------------------------------------------------------------
    ("no catalogue title", refused(remove(("title",)), f"title: {REQUIRED}"), None),
    (
        "no description",
        refused(remove(("careers", 0, "description")), f"{MANAGER}.description: {REQUIRED}"),
        None,
    ),
    (
        "no skill label",
        refused(remove(("skills", 0, "label")), f"{ANALYTICS}.label: {REQUIRED}"),
        None,
    ),
    (
        "no occupation basis",
        refused(
            remove(("careers", 0, "occupations", 0, "basis")), f"{OCCUPATION}.basis: {REQUIRED}"
        ),
        None,
    ),
    # --- ids unique within their collection -----------------------------------------------
    (
        "a career id twice",
        refused(
            append_copy("careers"),
            f"careers[7] (id 'social-media-manager').id: {used_earlier('social-media-manager')}",
        ),
        # Unique within a collection: a platform may share a skill's id.
        valid(both(append_copy("platforms"), put(("platforms", 7, "id"), "analytics"))),
    ),
    (
        "a skill id twice",
        refused(
            append_copy("skills"), f"skills[25] (id 'analytics').id: {used_earlier('analytics')}"
        ),
        None,
    ),
    (
        "a platform id twice",
        refused(
            append_copy("platforms"), f"platforms[7] (id 'facebook').id: {used_earlier('facebook')}"
        ),
        None,
    ),
    (
        "a trend id twice",
        refused(
            append_copy("trends"),
            f"trends[5] (id 'ai-and-data-analysis').id: {used_earlier('ai-and-data-analysis')}",
        ),
        None,
    ),
    (
        "a tip id twice",
        refused(
            append_copy("tips"),
            "tips[5] (id 'learn-analytics-and-tools').id: "
            + used_earlier("learn-analytics-and-tools"),
        ),
        None,
    ),
    (
        "a section id twice",
        refused(
            append_copy("sections"),
            f"sections[7] (id 'introduction').id: {used_earlier('introduction')}",
        ),
        None,
    ),
    # --- references to records that exist, of the kind named ------------------------------
    (
        "a required skill that is not in the vocabulary",
        refused(
            put(("careers", 0, "required_skills", 0, "skills", 0), "telepathy"),
            f"{MANAGER}.required_skills[0].skills[0]: {unknown('skill', 'telepathy')}",
        ),
        None,
    ),
    (
        "a career's id where a skill belongs",
        refused(
            put(("careers", 0, "required_skills", 0, "skills", 0), "influencer"),
            f"{MANAGER}.required_skills[0].skills[0]: {unknown('skill', 'influencer')}",
        ),
        None,
    ),
    (
        "a career's platform that is not listed",
        refused(
            put(("careers", 0, "platforms", 0), "myspace"),
            f"{MANAGER}.platforms[0]: {unknown('platform', 'myspace')}",
        ),
        None,
    ),
    (
        "a trend's career that does not exist",
        refused(
            put(("trends", 0, "careers", 0), "astronaut"),
            f"{FIRST_TREND}.careers[0]: {unknown('career', 'astronaut')}",
        ),
        None,
    ),
    (
        "a trend's skill that does not exist",
        refused(
            put(("trends", 0, "skills", 1), "telepathy"),
            f"{FIRST_TREND}.skills[1]: {unknown('skill', 'telepathy')}",
        ),
        None,
    ),
    (
        "a tip's platform that does not exist",
        refused(
            put(("tips", 0, "platforms", 1), "myspace"),
            f"{FIRST_TIP}.platforms[1]: {unknown('platform', 'myspace')}",
        ),
        None,
    ),
]


REFUSED = [pytest.param(case, id=name) for name, case, _ in CASES]


def validate(tmp_path: Path, change: Change) -> tuple[Path, Run]:
    data = raw_catalogue()
    change(data)
    path = write_catalogue(tmp_path / "careers.json", data)
    return path, invoke(["validate", str(path), "--limit", "all"])


@pytest.mark.parametrize("case", REFUSED)
def test_one_past_the_edge_is_refused_with_its_problem(tmp_path: Path, case: Case) -> None:
    path, run = validate(tmp_path, case.change)
    assert run.exit_code == INVALID_CATALOGUE, (run.stdout, run.stderr)
    assert run.stdout == ""
    heading, *lines = run.stderr.splitlines()
    count = len(lines)
    assert heading == f"{path}: {count} problem{'' if count == 1 else 's'}"
    assert all(line.startswith("  ") for line in lines), run.stderr
    problems = [line[2:] for line in lines]
    if not case.then:
        assert problems == list(case.problems)
    else:
        assert problems[: len(case.problems)] == list(case.problems)
        rest = problems[len(case.problems) :]
        assert rest, "the change should leave references dangling"
        assert all(case.then in problem for problem in rest), rest


AT_THE_EDGE = [pytest.param(edge, id=name) for name, _, edge in CASES if edge is not None]


@pytest.mark.parametrize("case", AT_THE_EDGE)
def test_at_the_edge_is_valid(tmp_path: Path, case: Case) -> None:
    path, run = validate(tmp_path, case.change)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(f"{path}: valid: ")
    assert run.stderr == ""


FORMAT_1 = TEST_DATA / "careers-format-1.json"


FORMAT_1_CASES = [
    pytest.param(
        put(("careers", 0, "title", "ar"), None),
        f"{MANAGER}.title.ar: {REQUIRED}",
        id="no Arabic title",
    ),
    pytest.param(
        remove(("careers", 0, "responsibilities", 0, "en")),
        f"{MANAGER}.responsibilities[0].en: {REQUIRED}",
        id="a responsibility without English",
    ),
    pytest.param(
        put(("careers", 0, "responsibilities"), []),
        f"{MANAGER}.responsibilities: {too_few()}",
        id="no responsibilities",
    ),
    pytest.param(
        remove(("careers", 0, "required_skills")),
        f"{MANAGER}.required_skills: {REQUIRED}",
        id="no required skills",
    ),
    pytest.param(
        remove(("careers", 0, "required_skills", 1, "text")),
        f"{MANAGER}.required_skills[1].text: {REQUIRED}",
        id="a line without text",
    ),
    pytest.param(
        remove(("careers", 0, "occupations", 0, "isco_08")),
        f"{OCCUPATION}.isco_08: {REQUIRED}",
        id="an occupation without ISCO-08",
    ),
    pytest.param(
        put(("languages",), ["en", "ar"]),
        "languages: 'languages' is a field of format 2: set schema_version to 2 to use it",
        id="languages",
    ),
    pytest.param(
        put(("careers", 0, "alt_titles"), {"en": ["community lead"]}),
        f"{MANAGER}.alt_titles: 'alt_titles' is a field of format 2: set schema_version to 2 "
        "to use it",
        id="alternative titles",
    ),
    pytest.param(
        put(("careers", 0, "required_skills", 0, "importance"), "essential"),
        f"{MANAGER}.required_skills[0].importance: 'importance' is a field of format 2: set "
        "schema_version to 2 to use it",
        id="importance",
    ),
    pytest.param(
        put(("careers", 0, "occupations", 0, "label_ar"), "مدير"),
        f"{OCCUPATION}.label_ar: 'label_ar' is a field of format 2: set schema_version to 2 "
        "to use it",
        id="an Arabic occupation label",
    ),
    pytest.param(
        put(("sections", 1, "part"), {"en": "More information", "ar": "المزيد من المعلومات"}),
        "sections[1] (id 'conclusion').part: 'part' is a field of format 2: set schema_version "
        "to 2 to use it",
        id="a part heading",
    ),
    pytest.param(
        put(("sections", 1, "lists"), "tips"),
        "sections[1] (id 'conclusion').lists: 'lists' is a field of format 2: set schema_version "
        "to 2 to use it",
        id="a section listing notes",
    ),
]


@pytest.mark.parametrize(("change", "problem"), FORMAT_1_CASES)
def test_format_1_keeps_its_rules(tmp_path: Path, change: Change, problem: str) -> None:
    """A format-1 file is held to format 1: both languages everywhere, ... (tests/data has the
    built-in catalogue as it was in format 1)."""
    data = json.loads(FORMAT_1.read_text(encoding="utf-8"))
    path = write_catalogue(tmp_path / "careers.json", data)
    assert invoke(["validate", str(path)]).exit_code == 0
    change(data)
    write_catalogue(path, data)
    run = invoke(["validate", str(path)])
    assert run.exit_code == INVALID_CATALOGUE, run.stdout
    assert run.stderr.splitlines() == [f"{path}: 1 problem", f"  {problem}"]


class TestFormatOne:
    def test_a_format_1_file_lists_like_the_built_in_catalogue(self) -> None:
        for language in ("en", "ar"):
            old = invoke(["list", "--data", str(FORMAT_1_CATALOGUE), "--lang", language], WIDE)
            new = invoke(["list", "--data", str(DATA), "--lang", language], WIDE)
            assert old.exit_code == 0, old.stderr
            assert old.stdout == new.stdout

    def test_without_arabic_occupation_titles_the_english_label_is_marked(self) -> None:
        """Format 1 has no `label_ar`: in Arabic the crosswalk shows ESCO's English label,
        marked; the built-in catalogue (format 2) shows ESCO's Arabic title."""
        old = invoke(
            ["show", "influencer", "--lang", "ar", "--data", str(FORMAT_1_CATALOGUE)], WIDE
        )
        assert "• vlogger [en] · ISCO-08 2642" in old.stdout
        new = invoke(["show", "influencer", "--lang", "ar"], WIDE)
        assert "• مدون فيديو / مدونة فيديو · ISCO-08 2642" in new.stdout

    def test_the_schema_is_format_2(self) -> None:
        schema = json.loads(invoke(["schema"]).stdout)
        assert "languages" in schema["required"]
        assert schema["properties"]["schema_version"]["enum"] == [1, 2]


# --- the catalogue file, as every command reads it -------------------------------------------


Loader = Callable[[Path], Run]


LOADERS: dict[str, Loader] = {
    "data-after-command": lambda path: invoke(["list", "--data", str(path)]),
    "data-before-command": lambda path: invoke(["--data", str(path), "list"]),
    "env-var": lambda path: invoke(["list"], env={"CAREERS_DATA": str(path)}),
}


@pytest.fixture(params=sorted(LOADERS))
def load(request: pytest.FixtureRequest) -> Loader:
    """`careers list` with the catalogue given by --data (after or before `list`) or the env."""
    loader: Loader = LOADERS[request.param]
    return loader


def listed_ids(run: Run) -> list[str]:
    """The career ids of `careers list`, in order (first word of each row after the header)."""
    words = [line.split()[0] for line in run.stdout.splitlines() if line[:1].isalpha()]
    return words[1:]


class TestWhereTheCatalogueComesFrom:
    """--data, then $CAREERS_DATA, then the built-in catalogue."""

    @staticmethod
    def _renamed(tmp_path: Path) -> Path:
        data = raw_catalogue()
        data["careers"][5]["title"]["en"] = "Zeta Test Influencer"
        return write_catalogue(tmp_path / "renamed.json", data)

    def test_env_var_is_used(self, tmp_path: Path) -> None:
        """$CAREERS_DATA names the catalogue when --data is absent."""
        path = self._renamed(tmp_path)
        run = invoke(["list"], env={"CAREERS_DATA": str(path)})
        assert run.exit_code == 0, run.stderr
        assert "Zeta Test Influencer" in run.stdout
        assert listed_ids(run) == SEVEN_IDS

    @pytest.mark.parametrize("where", ["after", "before"])
    def test_data_option_wins_over_env_var(self, tmp_path: Path, where: str) -> None:
        """--data, before or after the command, wins over $CAREERS_DATA."""
        path = self._renamed(tmp_path)
        env = {"CAREERS_DATA": str(tmp_path / "missing.json")}
        args = ["list", "--data", str(path)] if where == "after" else ["--data", str(path), "list"]
        run = invoke(args, env=env)
        assert run.exit_code == 0, run.stderr
        assert "Zeta Test Influencer" in run.stdout
        assert run.stderr == ""

    def test_data_after_the_command_wins_over_data_before(self, tmp_path: Path) -> None:
        """Given twice, the --data after the command is the one used."""
        good = self._renamed(tmp_path)
        missing = tmp_path / "missing.json"
        run = invoke(["--data", str(missing), "list", "--data", str(good)])
        assert run.exit_code == 0, run.stderr
        assert "Zeta Test Influencer" in run.stdout
        run = invoke(["--data", str(good), "list", "--data", str(missing)])
        assert refusal(run) == f"error: {missing}: no such file"

    def test_empty_env_var_means_built_in(self) -> None:
        """An empty $CAREERS_DATA is treated as unset."""
        run = invoke(["list"], env={"CAREERS_DATA": ""})
        assert run.exit_code == 0, run.stderr
        assert listed_ids(run) == SEVEN_IDS
        assert "Social Media Influencer" in run.stdout

    def test_utf8_bom_loads(self, tmp_path: Path, load: Loader) -> None:
        """A UTF-8 file with a BOM (as some Windows editors save it) loads normally."""
        path = tmp_path / "careers.json"
        path.write_bytes(b"\xef\xbb\xbf" + DATA.read_bytes())
        run = load(path)
        assert run.exit_code == 0, run.stderr
        assert listed_ids(run) == SEVEN_IDS
        assert run.stderr == ""


class TestFileProblems:
    """Files that cannot be read as a catalogue at all."""

    def test_missing_file(self, tmp_path: Path, load: Loader) -> None:
        """A path that does not exist is named, with 'no such file'."""
        path = tmp_path / "nowhere.json"
        assert refusal(load(path)) == f"error: {path}: no such file"

    def test_directory(self, tmp_path: Path, load: Loader) -> None:
        """A directory is refused as a directory."""
        assert refusal(load(tmp_path)) == (
            f"error: {tmp_path}: is a directory, not a catalogue file"
        )

    def test_relative_path_is_named_as_given(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The message names the path the user typed, not a resolved one."""
        monkeypatch.chdir(tmp_path)
        run = invoke(["list", "--data", "careers.json"])
        assert refusal(run) == "error: careers.json: no such file"

    @pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
    def test_empty_file(self, tmp_path: Path, load: Loader, content: bytes) -> None:
        """An empty or blank file is called empty."""
        path = tmp_path / "careers.json"
        path.write_bytes(content)
        assert refusal(load(path)) == (f"error: {path}: is empty; a catalogue is a JSON object")

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
    def test_utf16_with_bom(self, tmp_path: Path, load: Loader, encoding: str) -> None:
        """UTF-16 (either byte order, with its BOM) is refused with how to fix it."""
        path = tmp_path / "careers.json"
        path.write_bytes("\ufeff".encode(encoding) if encoding != "utf-16" else b"")
        with path.open("ab") as stream:
            stream.write(catalogue_json(BASE).encode(encoding))
        assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
        assert refusal(load(path)) == (f"error: {path}: is UTF-16; save the catalogue as UTF-8")

    def test_utf16_without_bom(self, tmp_path: Path, load: Loader) -> None:
        """UTF-16 without a BOM is still refused cleanly, naming the file."""
        path = tmp_path / "careers.json"
        path.write_bytes(catalogue_json(BASE).encode("utf-16-le"))
        assert refusal(load(path)).startswith(f"error: {path}:")

    def test_invalid_utf8_names_the_byte(self, tmp_path: Path, load: Loader) -> None:
        """A byte that is not UTF-8 is named by its offset in the file (from 0)."""
        raw = catalogue_json(BASE).encode("utf-8")
        offset = raw.index(b"Social Media Influencer")
        path = tmp_path / "careers.json"
        path.write_bytes(raw[:offset] + b"\xff" + raw[offset + 1 :])
        assert refusal(load(path)) == f"error: {path}: is not valid UTF-8 (byte {offset})"

    def test_invalid_utf8_after_a_bom_counts_the_bom(self, tmp_path: Path) -> None:
        """With a UTF-8 BOM, the offset is still the byte's offset in the file."""
        raw = b"\xef\xbb\xbf" + catalogue_json(BASE).encode("utf-8")
        offset = raw.index(b"Social Media Influencer")
        path = tmp_path / "careers.json"
        path.write_bytes(raw[:offset] + b"\xff" + raw[offset + 1 :])
        run = invoke(["list", "--data", str(path)])
        assert refusal(run) == f"error: {path}: is not valid UTF-8 (byte {offset})"

    def test_truncated_arabic_letter(self, tmp_path: Path, load: Loader) -> None:
        """A file cut in the middle of a two-byte Arabic letter is not valid UTF-8."""
        raw = catalogue_json(BASE).encode("utf-8")
        start = raw.index("مؤثر".encode())
        path = tmp_path / "careers.json"
        path.write_bytes(raw[: start + 1])
        assert refusal(load(path)) == f"error: {path}: is not valid UTF-8 (byte {start})"


class TestJsonSyntax:
    """Files that are not strict JSON: the error gives path:LINE:COLUMN."""

    def test_missing_comma(self, tmp_path: Path, load: Loader) -> None:
        """A missing comma is reported at the line and column where the comma was expected."""
        lines = catalogue_json(BASE).splitlines(keepends=True)
        broken_at = next(i for i, line in enumerate(lines) if '"id": "influencer",' in line)
        lines[broken_at] = lines[broken_at].replace('"influencer",', '"influencer"')
        next_line = lines[broken_at + 1]
        assert next_line.lstrip().startswith('"title"')
        line, column = broken_at + 2, len(next_line) - len(next_line.lstrip()) + 1
        path = tmp_path / "careers.json"
        path.write_text("".join(lines), encoding="utf-8")
        error = refusal(load(path))
        assert error.startswith(f"error: {path}:{line}:{column}: invalid JSON: ")
        assert "Expecting ',' delimiter" in error

    def test_column_counts_arabic_letters_as_characters(self, tmp_path: Path) -> None:
        """After Arabic text on the same line, the column counts characters, not bytes."""
        text = catalogue_json(BASE).replace(
            '"ar": "مؤثر وسائل التواصل الاجتماعي"', '"ar": "مؤثر وسائل التواصل الاجتماعي" @', 1
        )
        line, column = line_and_column(text, " @")
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}:{line}:{column + 1}: invalid JSON: ")

    def test_bom_does_not_shift_the_column(self, tmp_path: Path) -> None:
        """A UTF-8 BOM is not counted as a column of line 1."""
        path = tmp_path / "careers.json"
        path.write_bytes(b"\xef\xbb\xbf{,}")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}:1:2: invalid JSON: ")

    @staticmethod
    def _with_constant(tmp_path: Path, constant: str) -> tuple[Path, int, int]:
        text = catalogue_json(BASE)
        anchor = '"id": "influencer",'
        text = text.replace(anchor, f'"id": "influencer", "score": {constant},', 1)
        line, column = line_and_column(text, constant)
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        return path, line, column

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_nan_and_infinity_are_refused(
        self, tmp_path: Path, load: Loader, constant: str
    ) -> None:
        """NaN and Infinity are not JSON numbers: refused, and named."""
        path, _, _ = self._with_constant(tmp_path, constant)
        error = refusal(load(path))
        assert error.startswith(f"error: {path}:")
        assert error.endswith(f"{constant} is not a JSON number")

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_nan_and_infinity_are_placed(self, tmp_path: Path, constant: str) -> None:
        """NaN is a JSON syntax error, so it gets path:LINE:COLUMN like any other."""
        path, line, column = self._with_constant(tmp_path, constant)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}:{line}:{column}: "), error
        assert constant in error

    def test_duplicate_key_in_a_record(self, tmp_path: Path, load: Loader) -> None:
        """A key given twice in a record is named with the record's id."""
        text = catalogue_json(BASE).replace(
            '"id": "influencer",', '"id": "influencer", "title": {"en": "X", "ar": "س"},', 1
        )
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        assert refusal(load(path)) == (
            f"error: {path}: key 'title' appears twice in the record with id 'influencer'"
        )

    def test_duplicate_top_level_key(self, tmp_path: Path) -> None:
        """A key given twice at the top level is named."""
        text = catalogue_json(BASE).replace("{", '{\n  "schema_version": 2,', 1)
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: key 'schema_version' appears twice in one object"

    def test_duplicate_key_in_a_nested_object_names_its_place(self, tmp_path: Path) -> None:
        """A key twice in an object without an id still says where: its line or its record."""
        marker = '"en": "Social Media Influencer",'
        text = catalogue_json(BASE).replace(marker, marker + ' "en": "Influencer",', 1)
        line, _ = line_and_column(text, marker)
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}")
        assert "'en'" in error
        assert f"{path}:{line}:" in error or "'influencer'" in error, error

    @pytest.mark.parametrize(
        ("document", "found"),
        [("[]", "array"), ('"careers"', "string"), ("42", "number"), ("null", "null")],
    )
    def test_top_level_must_be_an_object(
        self, tmp_path: Path, load: Loader, document: str, found: str
    ) -> None:
        """Valid JSON that is not an object is refused, saying what it is."""
        path = tmp_path / "careers.json"
        path.write_text(document, encoding="utf-8")
        assert refusal(load(path)) == (
            f"error: {path}: the top level must be a JSON object, not {found}"
        )

    def test_catalogue_wrapped_in_an_array(self, tmp_path: Path) -> None:
        """The whole catalogue inside an array is still not an object."""
        path = write_catalogue(tmp_path / "careers.json", [BASE])
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: the top level must be a JSON object, not array"

    @pytest.mark.parametrize(
        "document",
        [
            "[" * 100_000 + "]" * 100_000,
            '{"schema_version": ' + "[" * 100_000 + "]" * 100_000 + "}",
            '{"a": ' * 100_000 + "1" + "}" * 100_000,
        ],
        ids=["array", "array-in-object", "objects"],
    )
    def test_deep_nesting(self, tmp_path: Path, load: Loader, document: str) -> None:
        """100,000 levels of nesting are refused, not a crash."""
        path = tmp_path / "careers.json"
        path.write_text(document, encoding="utf-8")
        assert refusal(load(path)) == f"error: {path}: JSON is nested too deeply"


class TestContentProblems:
    """Well-formed JSON that is not a valid catalogue: the error names the record and field."""

    def test_empty_title(self, tmp_path: Path, load: Loader) -> None:
        """An empty English title names careers[5] by its id and the field."""
        data = raw_catalogue()
        data["careers"][5]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(load(path))
        assert error.startswith(f"error: {path}: careers[5] (id 'influencer').title.en: ")
        assert error.endswith("text must not be empty or only white space")

    def test_blank_arabic_description(self, tmp_path: Path) -> None:
        """White space alone is not text, in Arabic either."""
        data = raw_catalogue()
        data["careers"][1]["description"]["ar"] = " \u00a0\t "
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        prefix = f"error: {path}: careers[1] (id 'social-media-marketing-specialist')"
        assert error.startswith(f"{prefix}.description.ar: ")

    def test_unknown_field_in_a_record(self, tmp_path: Path, load: Loader) -> None:
        """A key the format does not have is refused, by its path."""
        data = raw_catalogue()
        data["careers"][0]["salary"] = "high"
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[0] (id 'social-media-manager').salary: "
            "Extra inputs are not permitted"
        )

    def test_unknown_top_level_field(self, tmp_path: Path) -> None:
        """An unknown top-level key is refused too."""
        data = raw_catalogue()
        data["version"] = 2
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: version: Extra inputs are not permitted"

    def test_unknown_skill_reference(self, tmp_path: Path, load: Loader) -> None:
        """A required skill tagged with a skill that does not exist names the id and the field."""
        data = raw_catalogue()
        data["careers"][2]["required_skills"][0]["skills"][0] = "video-production"
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[2] (id 'digital-content-creator')"
            ".required_skills[0].skills[0]: unknown skill 'video-production': "
            "no skill has this id"
        )

    def test_unknown_career_in_a_trend(self, tmp_path: Path, load: Loader) -> None:
        """A trend linked to a career that does not exist names the trend and the id."""
        data = raw_catalogue()
        data["trends"][3]["careers"][1] = "ecommerce-manager"
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: trends[3] (id 'social-commerce').careers[1]: "
            "unknown career 'ecommerce-manager': no career has this id"
        )

    def test_unknown_platform_in_a_tip(self, tmp_path: Path) -> None:
        """A tip linked to a platform that does not exist is refused."""
        data = raw_catalogue()
        data["tips"][0]["platforms"].append("tiktok")
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == (
            f"error: {path}: tips[0] (id 'learn-analytics-and-tools').platforms[2]: "
            "unknown platform 'tiktok': no platform has this id"
        )

    def test_duplicate_career_id(self, tmp_path: Path, load: Loader) -> None:
        """A second career with an existing id is refused at the second one."""
        data = raw_catalogue()
        data["careers"].append(copy.deepcopy(data["careers"][5]))
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[7] (id 'influencer').id: "
            "id 'influencer' is used by an earlier record"
        )

    @pytest.mark.parametrize("bad_id", ["Influencer", "social_influencer", "influencer-", "a b"])
    def test_id_that_is_not_a_slug(self, tmp_path: Path, load: Loader, bad_id: str) -> None:
        """Ids are lowercase slugs; anything else is refused at that id, reported first."""
        data = raw_catalogue()
        data["careers"][5]["id"] = bad_id
        path = write_catalogue(tmp_path / "careers.json", data)
        # The trends and tips that link to 'influencer' now dangle: each is one more problem.
        notes = [*data["trends"], *data["tips"]]
        dangling = sum(note["careers"].count("influencer") for note in notes)
        assert dangling > 0
        run = load(path)
        error = refusal(run, lines=2)
        assert f"... plus {dangling} problems not shown" in run.stderr
        assert error == (
            f"error: {path}: careers[5] (id '{bad_id}').id: "
            "not an id: use lowercase letters a-z, digits and single hyphens"
        )

    def test_missing_arabic_title(self, tmp_path: Path, load: Loader) -> None:
        """In format 1, a title without `ar` is refused: both languages are required."""
        data = format_1_catalogue()
        del data["careers"][5]["title"]["ar"]
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[5] (id 'influencer').title.ar: Field required"
        )

    def test_missing_arabic_required_skill(self, tmp_path: Path) -> None:
        """In format 1, a required-skill line without `ar` is refused, named down to the line."""
        data = format_1_catalogue()
        del data["careers"][1]["required_skills"][3]["text"]["ar"]
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == (
            f"error: {path}: careers[1] (id 'social-media-marketing-specialist')"
            ".required_skills[3].text.ar: Field required"
        )

    def test_wrong_schema_version(self, tmp_path: Path) -> None:
        """A catalogue of another format version is refused at schema_version."""
        data = raw_catalogue()
        data["schema_version"] = 3
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: schema_version: Input should be 1 or 2"

    def test_format_2_needs_one_language_per_text(self, tmp_path: Path, load: Loader) -> None:
        """In format 2 a title without `ar` loads, and one in no language is refused."""
        data = raw_catalogue()
        del data["careers"][5]["title"]["ar"]
        path = write_catalogue(tmp_path / "careers.json", data)
        assert load(path).exit_code == 0
        del data["careers"][5]["title"]["en"]
        write_catalogue(path, data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[5] (id 'influencer').title: "
            "text needs at least one language: en or ar"
        )

    def test_several_problems_suggest_validate(self, tmp_path: Path, load: Loader) -> None:
        """With three problems, the first is shown and a second line points to validate."""
        data = raw_catalogue()
        for index in (0, 1, 2):
            data["careers"][index]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "careers.json", data)
        run = load(path)
        first = refusal(run, lines=2)
        assert first.startswith(f"error: {path}: careers[0] (id 'social-media-manager').title.en")
        assert run.stderr.splitlines()[1] == (
            f"... plus 2 problems not shown; run 'careers validate {path}' to see them all"
        )

    @pytest.mark.parametrize(
        ("broken", "english", "arabic"),
        [
            (2, "plus 1 problem not shown", "عدد المشكلات الأخرى غير المعروضة: 1"),
            (4, "plus 3 problems not shown", "عدد المشكلات الأخرى غير المعروضة: 3"),
        ],
    )
    def test_the_problems_not_shown_are_counted_in_each_language(
        self, tmp_path: Path, broken: int, english: str, arabic: str
    ) -> None:
        data = raw_catalogue()
        for index in range(broken):
            data["careers"][index]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "careers.json", data)
        in_english = invoke(["list", "--data", str(path)])
        assert refusal(in_english, lines=2)
        assert in_english.stderr.splitlines()[1] == (
            f"... {english}; run 'careers validate {path}' to see them all"
        )
        in_arabic = invoke(["list", "--data", str(path), "--lang", "ar"])
        assert in_arabic.exit_code == INVALID_CATALOGUE
        assert in_arabic.stderr.splitlines()[1] == (
            f"... {arabic}؛ شغّل 'careers validate {path}' لعرضها كلها"
        )


class TestUntrustedPathText:
    """A path is echoed safely: one line, no terminal control codes."""

    def test_escape_sequence_in_path(self, tmp_path: Path) -> None:
        """ESC in a file name is not sent to the terminal."""
        path = tmp_path / "red\x1b[31m.json"
        run = invoke(["list", "--data", str(path)])
        error = refusal(run)
        assert "\x1b" not in run.stderr
        assert error.endswith(": no such file")

    def test_newline_in_path(self, tmp_path: Path) -> None:
        """A newline in a file name does not split the error over two lines."""
        path = tmp_path / "two\nlines.json"
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.endswith(": no such file")


def _valid(path: Path) -> None:
    path.write_bytes(DATA.read_bytes())


def _with_bom(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + DATA.read_bytes())


def _invalid_content(path: Path) -> None:
    data = raw_catalogue()
    data["careers"][0]["title"]["en"] = ""
    data["careers"][1]["title"]["en"] = ""
    write_catalogue(path, data)


def _bad_json(path: Path) -> None:
    path.write_text(catalogue_json(BASE)[:-3], encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "status"),
    [(_valid, 0), (_with_bom, 0), (_invalid_content, 3), (_bad_json, 3)],
    ids=["valid", "bom", "invalid-content", "bad-json"],
)
def test_loading_never_writes(
    tmp_path: Path, load: Loader, make: Callable[[Path], None], status: int
) -> None:
    """Loading leaves the file's bytes and mtime alone and creates nothing beside it."""
    path = catalogue_alone_in_a_folder(tmp_path, make)
    folder = path.parent
    before = folder_snapshot(folder)
    run = load(path)
    assert run.exit_code == status, run.stderr
    assert "Traceback" not in run.stderr
    assert folder_snapshot(folder) == before
    assert sorted(os.listdir(tmp_path)) == ["catalogues"]


class TestMoreMalformedFiles:
    """Cases tests/test_loader.py does not have (it has empty, blank, number at the top, ...)."""

    def test_file_over_the_size_limit(self, tmp_path: Path) -> None:
        """The limit and one byte: refused before it is read as JSON, quickly."""
        limit = catalogue_module.MAX_CATALOGUE_BYTES
        path = tmp_path / "huge.json"
        with path.open("wb") as stream:
            stream.truncate(limit + 1)  # sparse: costs no disk space
        started = time.perf_counter()
        run = invoke(["list", "--data", str(path)])
        elapsed = time.perf_counter() - started
        assert run.exit_code == 3, run.stderr
        message = f"larger than the {limit // MIB} MiB a catalogue may have"
        assert run.stderr == f"error: {path}: {message}\n"
        assert elapsed < 5.0, elapsed

    def test_file_over_the_size_limit_in_validate(self, tmp_path: Path) -> None:
        limit = catalogue_module.MAX_CATALOGUE_BYTES
        path = tmp_path / "huge.json"
        with path.open("wb") as stream:
            stream.truncate(limit + 1)
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        assert run.stderr.splitlines() == [
            f"{path}: 1 problem",
            f"  {path}: larger than the {limit // MIB} MiB a catalogue may have",
        ]

    def test_file_of_exactly_the_limit_is_read(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The limit itself is allowed: a file of exactly the limit (2 MiB here) of spaces is
        read (and is then blank), one more byte is refused."""
        monkeypatch.setattr(catalogue_module, "MAX_CATALOGUE_BYTES", 2 * MIB)
        path = tmp_path / "limit.json"
        path.write_bytes(b" " * (2 * MIB))
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert run.stderr == f"error: {path}: is empty; a catalogue is a JSON object\n"
        path.write_bytes(b" " * (2 * MIB + 1))
        run = invoke(["list", "--data", str(path)])
        assert run.stderr == f"error: {path}: larger than the 2 MiB a catalogue may have\n"

    def test_path_through_a_file(self, tmp_path: Path) -> None:
        """A path that treats a file as a folder cannot be read; said so, even as root."""
        (tmp_path / "file").write_text("{}", encoding="utf-8")
        path = tmp_path / "file" / "careers.json"
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert run.stderr == f"error: {path}: cannot be read (Not a directory)\n"

    def test_boolean_at_the_top(self, tmp_path: Path) -> None:
        path = tmp_path / "careers.json"
        path.write_text("true\n", encoding="utf-8")
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert run.stderr == f"error: {path}: the top level must be a JSON object, not boolean\n"

    def test_integer_too_long_to_convert(self, tmp_path: Path) -> None:
        """A 5,000-digit number (over Python's int conversion limit) is a bad file, not a crash."""
        path = tmp_path / "careers.json"
        path.write_text('{"schema_version": ' + "1" * 5_000 + "}", encoding="utf-8")
        for args in (["list", "--data", str(path)], ["validate", str(path)]):
            run = invoke(args)
            assert run.exit_code == 3, run.stderr
            assert "Traceback" not in run.stderr
            assert "unexpected error" not in run.stderr
            assert str(path) in run.stderr

    def test_control_characters_in_the_file_name(self, tmp_path: Path) -> None:
        """validate of a missing file with ESC in its name: the name is neutralised."""
        path = tmp_path / "a\x1b]0;x\x07b.json"
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        shown = str(tmp_path) + "/a␛]0;x␇b.json"
        assert run.stderr.splitlines() == [f"{shown}: 1 problem", f"  {shown}: no such file"]

    def test_newline_in_the_file_name(self, tmp_path: Path) -> None:
        """validate keeps its shape, heading then one line per problem, for a name with a
        newline (as the one-line error of the other commands does, with ␤)."""
        path = tmp_path / "two\nlines.json"
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        lines = run.stderr.splitlines()
        assert len(lines) == 2, lines
        assert lines[0].endswith(": 1 problem")
        assert lines[1].startswith("  ") and lines[1].endswith(": no such file")


class TestEchoedQueries:
    """A user's words quoted in an error are neutralised and kept short."""

    def test_data_path_with_escape_and_several_problems(self, tmp_path: Path) -> None:
        """The '... plus N problems not shown' hint repeats the path: neutralised like the error."""
        data = raw_catalogue()
        data["careers"][0]["title"]["en"] = ""
        data["careers"][1]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "red\x1b[31m.json", data)
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert len(run.stderr.splitlines()) == 2
        assert "red␛[31m.json" in run.stderr.splitlines()[1]
        assert "\x1b" not in run.stderr


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_missing_catalogue_error_is_arabic(before: bool) -> None:
    args = ["--data", "missing.json", "list"] if before else ["list", "--data", "missing.json"]
    run = invoke([*args, "--lang", "ar"])
    assert run.exit_code == 3
    assert "الملف غير موجود" in run.stderr
    assert message("catalogue.missing", "ar", path="missing.json") in run.stderr
    assert "no such file" not in run.stderr


# --- import esco -----------------------------------------------------------------------------


COMMUNITY_MANAGER_URI = "http://data.europa.eu/esco/occupation/137b1d11-c4bc-4016-89ba-45345d4c71f0"


class TestTheSample:
    """The real excerpt imports whole, with the figures its files hold."""

    def test_the_summary_line_says_what_was_imported(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = import_to(SAMPLE, output)
        assert run.exit_code == 0
        assert run.stdout == (
            f"Imported 61 careers, 1905 skills and 2874 skill links (1563 essential, 1311 "
            f"optional) from ESCO into {output}; Arabic titles for 58 of 61 careers.\n"
        )
        assert run.stderr == ""

    def test_output_dash_is_standard_output(self, tmp_path: Path) -> None:
        # The catalogue on stdout, the same bytes as the file; what was done on stderr.
        output = tmp_path / "esco.json"
        assert import_to(SAMPLE, output).exit_code == 0
        run = invoke(["import", "esco", str(SAMPLE), "-o", "-"])
        assert run.exit_code == 0
        assert run.stdout == output.read_text(encoding="utf-8")
        assert run.stderr == (
            "Imported 61 careers, 1905 skills and 2874 skill links (1563 essential, 1311 "
            "optional) from ESCO into standard output; Arabic titles for 58 of 61 careers.\n"
        )
        assert not (tmp_path / "-").exists() and not Path("-").exists()

    def test_the_catalogue_heading(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        assert data["schema_version"] == 2
        assert data["languages"] == ["en", "ar"]
        assert data["title"] == {
            "en": "ESCO occupations and skills",
            "ar": "المهن والمهارات في تصنيف ESCO",
        }
        assert data["source"] == "ESCO, © European Union, https://esco.ec.europa.eu"
        assert [c["id"] for c in data["careers"]] == sorted(c["id"] for c in data["careers"])
        assert [s["id"] for s in data["skills"]] == sorted(s["id"] for s in data["skills"])

    def test_the_online_community_manager_whole(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        found = career(data, "online-community-manager")
        row = next(r for r in sample_rows(OCCUPATIONS) if r["conceptUri"] == COMMUNITY_MANAGER_URI)
        arabic = "مدير المجتمع عبر الإنترنت / مديرة المجتمع عبر الإنترنت"
        label_of = {s["id"]: s["label"]["en"] for s in data["skills"]}
        skill_label = {r["conceptUri"]: r["preferredLabel"] for r in sample_rows(SKILLS)}
        expected_lines = [
            {
                "importance": kind,
                "skills": [
                    skill_label[s]
                    for o, s in links_of_the_sample(kind)
                    if o == COMMUNITY_MANAGER_URI
                ],
            }
            for kind in ("essential", "optional")
        ]
        lines = [
            {"importance": line["importance"], "skills": [label_of[i] for i in line["skills"]]}
            for line in found.pop("required_skills")
        ]
        assert lines == expected_lines
        assert len(lines[0]["skills"]) > 40
        assert found == {
            "id": "online-community-manager",
            "title": {"en": "online community manager", "ar": arabic},
            "alt_titles": {
                "en": [
                    "interactive media specialist",
                    "online community specialist",
                    "social media manager",
                    "social media strategist",
                    "social media reachout manager",
                    "online reachout manager",
                    "online content and community manager",
                    "digital community manager",
                    "social media specialist",
                    "online community managers",
                ],
                "ar": ["مدير المجتمع عبر الإنترنت", "مديرة المجتمع عبر الإنترنت"],
            },
            "description": {"en": row["description"]},
            "occupations": [
                {
                    "scheme": "ESCO",
                    "label": "online community manager",
                    "label_ar": arabic,
                    "isco_08": "2432",
                    "uri": COMMUNITY_MANAGER_URI,
                    "match": "exact",
                    "basis": "imported from ESCO",
                }
            ],
        }

    def test_arabic_titles_keep_their_forms(self, tmp_path: Path) -> None:
        """A title of two forms is also each form; a title of one form has no Arabic
        alternative title, and one of the same form twice has that form as one."""
        data = imported(SAMPLE, tmp_path / "esco.json")
        vlogger = career(data, "vlogger")
        assert vlogger["title"]["ar"] == "مدون فيديو / مدونة فيديو"
        assert vlogger["alt_titles"]["ar"] == ["مدون فيديو", "مدونة فيديو"]
        conductor = career(data, "musical-conductor")
        assert conductor["title"]["ar"] == "مايسترو"
        assert "ar" not in conductor["alt_titles"]
        blogger = career(data, "blogger")
        assert blogger["title"]["ar"] == "مدونة / مدونة"
        assert blogger["alt_titles"]["ar"] == ["مدونة"]

    def test_careers_without_an_arabic_row_have_no_arabic(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        with_arabic = set(arabic_titles_of_the_sample())
        without = [c for c in data["careers"] if c["occupations"][0]["uri"] not in with_arabic]
        assert sorted(c["id"] for c in without) == [
            "medical-physics-expert",
            "medical-writer",
            "procurement-department-manager",
        ]
        for found in without:
            assert "ar" not in found["title"]
            assert "label_ar" not in found["occupations"][0]

    def test_skills_carry_their_alternative_labels(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        skill = next(s for s in data["skills"] if s["id"] == "develop-energy-saving-concepts")
        assert skill["label"] == {"en": "develop energy saving concepts"}
        assert skill["aliases"]["en"][:2] == [
            "create concepts for energy saving",
            "energy saving concepts developing",
        ]
        assert len(skill["aliases"]["en"]) == 7
        plain = next(s for s in data["skills"] if s["id"] == "analyse-goal-progress")
        assert plain == {"id": "analyse-goal-progress", "label": {"en": "analyse goal progress"}}


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def career_ids_by_uri(data: dict[str, Any]) -> dict[str, str]:
    return {c["occupations"][0]["uri"]: c["id"] for c in data["careers"]}


def skill_ids_by_label(data: dict[str, Any]) -> dict[str, str]:
    return {s["label"]["en"]: s["id"] for s in data["skills"]}


def copy_of_the_sample(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in (OCCUPATIONS, SKILLS, RELATIONS, ARABIC):
        shutil.copyfile(SAMPLE / name, folder / name)
    return folder


def rewrite_rows(path: Path, change: Any) -> None:
    """Rewrite a CSV file through `change(header, rows) -> (header, rows)`."""
    with path.open(encoding="utf-8", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    header, rows = change(header, rows)
    write_csv(path, header, rows)


class TestIds:
    """Ids are readable, valid, unique, and the same for the same release."""

    def test_ids_are_valid_unique_slugs(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        for collection in ("careers", "skills"):
            ids = [record["id"] for record in data[collection]]
            assert len(ids) == len(set(ids)), collection
            assert all(SLUG.match(i) and len(i) <= 80 for i in ids), collection

    def test_two_runs_write_the_same_bytes(self, tmp_path: Path) -> None:
        first, second = tmp_path / "first.json", tmp_path / "second.json"
        imported(SAMPLE, first)
        imported(SAMPLE, second)
        assert first.read_bytes() == second.read_bytes()

    def test_the_file_is_compact_utf8_json_with_a_newline(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        imported(SAMPLE, output)
        raw = output.read_bytes()
        assert raw.endswith(b"}\n")
        assert raw.count(b"\n") == 1
        assert "مدير المجتمع".encode() in raw  # not \u escapes

    def test_shuffled_rows_give_the_same_catalogue(self, tmp_path: Path) -> None:
        """Ids do not depend on row order; with the relations in their order, nor do bytes."""
        shuffled = copy_of_the_sample(tmp_path / "shuffled")
        shuffler = random.Random(7)

        def shuffle(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
            shuffler.shuffle(rows)
            return header, rows

        for name in (OCCUPATIONS, SKILLS, ARABIC):
            rewrite_rows(shuffled / name, shuffle)
        original, reordered = tmp_path / "original.json", tmp_path / "reordered.json"
        imported(SAMPLE, original)
        imported(shuffled, reordered)
        assert original.read_bytes() == reordered.read_bytes()
        rewrite_rows(shuffled / RELATIONS, shuffle)
        relinked = imported(shuffled, tmp_path / "relinked.json")
        expected = json.loads(original.read_text(encoding="utf-8"))
        assert career_ids_by_uri(relinked) == career_ids_by_uri(expected)
        assert skill_ids_by_label(relinked) == skill_ids_by_label(expected)
        links = {
            c["id"]: {line["importance"]: set(line["skills"]) for line in c["required_skills"]}
            for c in relinked["careers"]
        }
        assert links == {
            c["id"]: {line["importance"]: set(line["skills"]) for line in c["required_skills"]}
            for c in expected["careers"]
        }

    def test_labels_that_make_the_same_slug_are_told_apart_by_uri(self, tmp_path: Path) -> None:
        occupations = [
            (0xB0, "Data Analyst", ""),
            (0xA0, "data-analyst", ""),
            (0xC0, "data analyst!", ""),
            (0xD0, "مايسترو", ""),
        ]
        forwards = imported(small_download(tmp_path / "a", occupations), tmp_path / "a.json")
        backwards = small_download(tmp_path / "b", occupations[::-1])
        assert career_ids_by_uri(imported(backwards, tmp_path / "b.json")) == career_ids_by_uri(
            forwards
        )
        assert career_ids_by_uri(forwards) == {
            occupation_uri(0xA0): "data-analyst",  # the first URI in order keeps the slug
            occupation_uri(0xB0): "data-analyst-000000b0",
            occupation_uri(0xC0): "data-analyst-000000c0",
            occupation_uri(0xD0): "occupation-000000d0",  # nothing ASCII to make a slug of
        }


def keys_anywhere(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from keys_anywhere(item)
    elif isinstance(value, list):
        for item in value:
            yield from keys_anywhere(item)


class TestInputs:
    """A folder or a zip, in any column order, in one language or two."""

    def test_the_zip_as_downloaded_gives_the_same_catalogue(self, tmp_path: Path) -> None:
        download = tmp_path / "ESCO_dataset_v1.2.0_classification_en_csv.zip"
        with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(SAMPLE.iterdir()):
                name = path.name.upper() if path.name == SKILLS else path.name  # any case
                archive.write(path, f"ESCO dataset - v1.2.0 - classification - en - csv/{name}")
        from_folder, from_zip = tmp_path / "folder.json", tmp_path / "zip.json"
        imported(SAMPLE, from_folder)
        imported(download, from_zip)
        assert from_zip.read_bytes() == from_folder.read_bytes()

    def test_a_folder_inside_the_folder_is_searched(self, tmp_path: Path) -> None:
        inner = copy_of_the_sample(tmp_path / "download" / "ESCO dataset - v1.2.0")
        assert inner.exists()
        data = imported(tmp_path / "download", tmp_path / "esco.json")
        assert len(data["careers"]) == 61

    def test_english_only(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = import_to(SAMPLE, output, "--lang", "en")
        assert run.exit_code == 0, run.stderr
        assert "Arabic" not in run.stdout
        assert run.stdout.startswith("Imported 61 careers, 1905 skills and 2874 skill links")
        data = json.loads(output.read_text(encoding="utf-8"))
        assert data["languages"] == ["en"]
        assert data["title"] == {"en": "ESCO occupations and skills"}
        keys = set(keys_anywhere(data))
        assert "ar" not in keys
        assert "label_ar" not in keys
        assert not re.search("[\u0600-\u06ff]", output.read_text(encoding="utf-8"))

    def test_a_download_in_english_alone_has_no_arabic(self, tmp_path: Path) -> None:
        folder = copy_of_the_sample(tmp_path / "en")
        (folder / ARABIC).unlink()
        data = imported(folder, tmp_path / "esco.json")
        assert data["languages"] == ["en"]
        assert "ar" not in set(keys_anywhere(data))

    def test_arabic_asked_for_is_the_default(self, tmp_path: Path) -> None:
        asked, default = tmp_path / "asked.json", tmp_path / "default.json"
        imported(SAMPLE, asked, "--lang", "ar", "--lang", "en")
        imported(SAMPLE, default)
        assert asked.read_bytes() == default.read_bytes()

    def test_arabic_asked_for_but_missing_is_an_error(self, tmp_path: Path) -> None:
        folder = copy_of_the_sample(tmp_path / "en")
        (folder / ARABIC).unlink()
        run = import_to(folder, tmp_path / "esco.json", "--lang", "ar")
        assert run.exit_code == 3
        assert run.stderr == (
            f"error: {folder}: has no occupations_ar.csv, so it has no Arabic titles; "
            "download ESCO in Arabic too\n"
        )

    def test_an_unknown_language_is_a_usage_error(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = import_to(SAMPLE, output, "--lang", "fr")
        assert run.exit_code == 2
        assert run.stderr.splitlines() == [
            "error: cannot import language 'fr': ESCO is imported in 'en' or 'ar'",
            "try 'careers import esco -h' for help",
        ]
        assert not output.exists()

    def test_columns_in_another_order_with_one_more(self, tmp_path: Path) -> None:
        folder = copy_of_the_sample(tmp_path / "reordered")

        def reorder(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
            order = list(reversed(range(len(header))))
            return (
                ["releaseNote", *(header[i] for i in order)],
                [["new in this release", *(row[i] for i in order)] for row in rows],
            )

        for name in (OCCUPATIONS, SKILLS, RELATIONS, ARABIC):
            rewrite_rows(folder / name, reorder)
        original, reordered = tmp_path / "original.json", tmp_path / "reordered.json"
        imported(SAMPLE, original)
        imported(folder, reordered)
        assert reordered.read_bytes() == original.read_bytes()

    def test_either_separator_of_alternative_labels_in_either_file(self, tmp_path: Path) -> None:
        folder = small_download(
            tmp_path / "download",
            occupations=[
                (1, "data analyst", "analyst | number cruncher\nDATA ANALYST\n\n analyst ")
            ],
            skills=[(1, "analyse data", "data analysis\ninterpret data | Analyse Data")],
            relations=[(1, "essential", 1)],
        )
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["alt_titles"] == {"en": ["analyst", "number cruncher"]}
        assert data["skills"][0]["aliases"] == {"en": ["data analysis", "interpret data"]}

    def test_a_skill_linked_twice_keeps_its_first_place_and_essential_wins(
        self, tmp_path: Path
    ) -> None:
        folder = small_download(
            tmp_path / "download",
            skills=[(n, f"skill {n}", "") for n in range(1, 5)],
            relations=[
                (1, "optional", 1),
                (1, "essential", 2),
                (1, "optional", 3),
                (1, "essential", 1),  # also optional above: essential wins
                (1, "essential", 2),  # twice: keeps its first place
                (1, "optional", 2),  # essential already
            ],
        )
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["required_skills"] == [
            {"importance": "essential", "skills": ["skill-2", "skill-1"]},
            {"importance": "optional", "skills": ["skill-3"]},
        ]
        # every skill of the file is in the vocabulary, also one no career links to
        assert [s["id"] for s in data["skills"]] == ["skill-1", "skill-2", "skill-3", "skill-4"]

    def test_empty_lines_are_left_out(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download", relations=[(1, "optional", 1)])
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["required_skills"] == [
            {"importance": "optional", "skills": ["analyse-data"]}
        ]
        lonely = small_download(tmp_path / "lonely", relations=[])
        assert "required_skills" not in imported(lonely, tmp_path / "lonely.json")["careers"][0]

    def test_isco_group_only_when_it_is_four_digits(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / OCCUPATIONS, lambda h, rows: (h, [[*r[:2], "25", *r[3:]] for r in rows])
        )
        occupation = imported(folder, tmp_path / "esco.json")["careers"][0]["occupations"][0]
        assert "isco_08" not in occupation
        assert occupation["uri"] == occupation_uri(1)

    def test_the_definition_stands_in_for_a_missing_description(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / OCCUPATIONS,
            lambda h, rows: (h, [[*r[:5], "Looks at data.", ""] for r in rows]),
        )
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["description"] == {"en": "Looks at data."}

    def test_what_exceeds_the_format_is_left_out_and_counted(self, tmp_path: Path) -> None:
        too_long = "x" * 201
        many = "\n".join(f"name {n}" for n in range(603))
        folder = small_download(
            tmp_path / "download",
            occupations=[(1, "data analyst", f"analyst\n{too_long}"), (2, too_long, "")],
            skills=[(1, "analyse data", many)],
            relations=[(1, "essential", 1), (2, "essential", 1)],
        )
        output = tmp_path / "esco.json"
        run = import_to(folder, output)
        assert run.exit_code == 0
        assert run.stderr == (
            "warning: skipped 1 relation naming an occupation or skill that is not imported; "
            "2 texts longer than the catalogue format allows; 3 items past the format's limits "
            "(other names of a record, skills of a line)\n"
        )
        data = json.loads(output.read_text(encoding="utf-8"))
        assert [c["id"] for c in data["careers"]] == ["data-analyst"]
        assert data["careers"][0]["alt_titles"] == {"en": ["analyst"]}
        assert len(data["skills"][0]["aliases"]["en"]) == 600

    def test_dangling_relations_are_a_warning(self, tmp_path: Path) -> None:
        folder = small_download(
            tmp_path / "download",
            relations=[(1, "essential", 1), (9, "essential", 1), (1, "optional", 9)],
        )
        output = tmp_path / "esco.json"
        run = import_to(folder, output)
        assert run.exit_code == 0
        assert run.stdout == (
            "Imported 1 career, 2 skills and 1 skill link (1 essential, 0 optional) from ESCO "
            f"into {output}.\n"
        )
        assert run.stderr == (
            "warning: skipped 2 relations naming an occupation or skill that is not imported\n"
        )
        assert json.loads(output.read_text(encoding="utf-8"))["careers"][0]["required_skills"] == [
            {"importance": "essential", "skills": ["analyse-data"]}
        ]


def files_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


class TestBadInput:
    """Every download an import cannot read is exit 3 and one line naming the file (and the
    line); nothing is written, and no temporary file is left."""

    @pytest.fixture
    def out_dir(self, tmp_path: Path) -> Path:
        folder = tmp_path / "out"
        folder.mkdir()
        return folder

    def refused(self, source: Path, out_dir: Path) -> str:
        run = import_to(source, out_dir / "esco.json")
        assert run.exit_code == 3, run.stdout + run.stderr
        assert run.stdout == ""
        assert files_in(out_dir) == []
        lines = run.stderr.splitlines()
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith("error: ")
        return lines[0].removeprefix("error: ")

    def test_a_missing_path(self, tmp_path: Path, out_dir: Path) -> None:
        missing = tmp_path / "nowhere"
        assert self.refused(missing, out_dir) == f"{missing}: no such file or folder"

    def test_a_folder_without_occupations(self, tmp_path: Path, out_dir: Path) -> None:
        folder = tmp_path / "photos"
        folder.mkdir()
        (folder / "skills_en.csv").write_text("conceptUri,preferredLabel\n", encoding="utf-8")
        assert self.refused(folder, out_dir) == (
            f"{folder}: is not an ESCO CSV download: it has no occupations_en.csv"
        )

    @pytest.mark.parametrize("name", [SKILLS, RELATIONS])
    def test_a_folder_without_another_english_file(
        self, tmp_path: Path, out_dir: Path, name: str
    ) -> None:
        folder = small_download(tmp_path / "download")
        (folder / name).unlink()
        assert self.refused(folder, out_dir) == (
            f"{folder}: is not an ESCO CSV download: it has no {name}"
        )

    def test_a_zip_without_occupations(self, tmp_path: Path, out_dir: Path) -> None:
        download = tmp_path / "other.zip"
        with zipfile.ZipFile(download, "w") as archive:
            archive.writestr("readme.txt", "not ESCO")
        assert self.refused(download, out_dir) == (
            f"{download}: is not an ESCO CSV download: it has no occupations_en.csv"
        )

    def test_a_file_that_is_neither_a_folder_nor_a_zip(self, tmp_path: Path, out_dir: Path) -> None:
        single = shutil.copyfile(SAMPLE / OCCUPATIONS, tmp_path / OCCUPATIONS)
        assert self.refused(single, out_dir).startswith(
            f"{single}: is neither a folder nor a zip file;"
        )

    def test_a_broken_zip(self, tmp_path: Path, out_dir: Path) -> None:
        download = tmp_path / "esco.zip"
        download.write_bytes(b"PK\x03\x04 this is not really a zip")
        assert self.refused(download, out_dir).startswith(
            f"{download}: is not a readable zip file ("
        )

    def test_a_zip_member_past_the_size_limit(
        self, tmp_path: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        download = tmp_path / "esco.zip"
        with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in (OCCUPATIONS, SKILLS, RELATIONS):
                archive.write(SAMPLE / name, f"esco/{name}")
        monkeypatch.setattr("careers_cli.catalogue.esco.download.MAX_FILE_BYTES", 100_000)
        # the first member past the limit: occupations_en.csv is 58 kB, skills_en.csv 439 kB
        assert self.refused(download, out_dir).startswith(f"{download}/esco/{SKILLS}: larger than")

    def test_a_line_past_the_limit_is_refused_as_it_is_read(
        self, tmp_path: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        folder = small_download(
            tmp_path / "download", skills=[(n, f"skill {n}", "") for n in range(5)]
        )
        path = folder / SKILLS
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[3] = lines[3].replace("skill 2", "skill 2" + " two" * 400)
        path.write_text("".join(lines), encoding="utf-8")
        monkeypatch.setattr("careers_cli.catalogue.esco.tables.MAX_LINE_BYTES", 1000)
        assert self.refused(folder, out_dir) == (
            f"{path}:4: broken CSV in the row that starts on this line: "
            "a line longer than 1,000 bytes"
        )

    def test_a_zip_bomb_is_read_a_line_at_a_time(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A member that unpacks to 32 MiB of one cell is refused at its first long line, having
        held at most a line of it: not the member, nor its text."""
        import tracemalloc

        from careers_cli.catalogue.esco import import_esco

        download = tmp_path / "bomb.zip"
        header = (SAMPLE / OCCUPATIONS).read_bytes().split(b"\n", 1)[0] + b"\n"
        with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open(OCCUPATIONS, "w") as member:
                member.write(header + b'"')
                for _ in range(32):
                    member.write(b"a" * (1 << 20))
            for name in (SKILLS, RELATIONS):
                archive.write(SAMPLE / name, name)
        monkeypatch.setattr("careers_cli.catalogue.esco.tables.MAX_LINE_BYTES", 1 << 20)
        tracemalloc.start()
        try:
            with pytest.raises(CatalogueError) as raised:
                import_esco(download)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert (raised.value.key, raised.value.params["line"]) == ("import.bad_csv", 2)
        assert peak < 8 * (1 << 20)  # the whole member would be 32 MiB, its text as much again

    def test_a_missing_column(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / OCCUPATIONS,
            lambda h, rows: ([("label" if c == "preferredLabel" else c) for c in h], rows),
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / OCCUPATIONS}:1: no column 'preferredLabel' in the header"
        )

    def test_a_missing_relation_column(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / RELATIONS, lambda h, rows: (h[:1] + h[2:], [r[:1] + r[2:] for r in rows])
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / RELATIONS}:1: no column 'relationType' in the header"
        )

    def test_a_broken_quote(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", skills=[(n, f"skill {n}", "") for n in range(5)]
        )
        path = folder / SKILLS
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[3] = lines[3].replace("skill 2", '"skill" 2')
        path.write_text("".join(lines), encoding="utf-8")
        assert self.refused(folder, out_dir) == (
            f"{path}:4: broken CSV in the row that starts on this line: ',' expected after '\"'"
        )

    def test_an_unclosed_quote_names_the_row_it_opens(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", skills=[(n, f"skill {n}", "") for n in range(5)]
        )
        path = folder / SKILLS
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[2] = lines[2].replace("skill 1", '"skill 1')
        path.write_text("".join(lines), encoding="utf-8")
        assert self.refused(folder, out_dir).startswith(f"{path}:3: broken CSV")

    def test_a_byte_that_is_not_utf8(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        path = folder / OCCUPATIONS
        raw = path.read_bytes()
        line_two = raw.index(b"\n") + 1
        path.write_bytes(
            b"\xef\xbb\xbf" + raw[:line_two] + raw[line_two:].replace(b"data", b"d\xe9ta", 1)
        )
        offset = 3 + line_two + raw[line_two:].index(b"data") + 1
        assert self.refused(folder, out_dir) == (
            f"{path}:2: is not valid UTF-8 (byte {offset}); ESCO's files are UTF-8"
        )

    def test_a_byte_order_mark_is_fine(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download")
        for name in (OCCUPATIONS, SKILLS, RELATIONS):
            path = folder / name
            path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
        assert imported(folder, tmp_path / "esco.json")["careers"][0]["id"] == "data-analyst"

    def test_an_unknown_relation_type(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", relations=[(1, "essential", 1), (1, "nice", 2)]
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / RELATIONS}:3: relationType 'nice' is neither 'essential' nor 'optional'"
        )

    def test_no_occupations(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download", occupations=[], relations=[])
        assert self.refused(folder, out_dir) == f"{folder / OCCUPATIONS}: has no occupations"

    def test_an_empty_file(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        (folder / RELATIONS).write_bytes(b"")
        assert self.refused(folder, out_dir) == (
            f"{folder / RELATIONS}: is empty; an ESCO file starts with a line of column names"
        )

    def test_a_uri_given_twice(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", skills=[(1, "analyse data", ""), (1, "again", "")]
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / SKILLS}:3: {skill_uri(1)} appears twice (first on line 2)"
        )

    def test_an_empty_label(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download", occupations=[(1, "  ", "")])
        assert self.refused(folder, out_dir) == (
            f"{folder / OCCUPATIONS}:2: the preferredLabel cell is empty"
        )

    def test_a_result_the_format_refuses_names_its_place(
        self, tmp_path: Path, out_dir: Path
    ) -> None:
        """A career needs a description: an occupation with neither description nor
        definition is outside ESCO's shape."""
        folder = small_download(tmp_path / "download")
        rewrite_rows(folder / OCCUPATIONS, lambda h, rows: (h, [[*r[:5], "", ""] for r in rows]))
        message = self.refused(folder, out_dir)
        assert message.startswith(f"{folder}: does not make a valid catalogue (")
        assert "careers[0] (id 'data-analyst').description" in message


class TestWriting:
    """The output is written whole or not at all, and never over a file unasked."""

    def test_an_existing_output_needs_force(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        output.write_text("mine\n", encoding="utf-8")
        run = import_to(SAMPLE, output)
        assert run.exit_code == 2
        assert run.stderr == f"error: {output}: already exists; add --force to replace it\n"
        assert output.read_text(encoding="utf-8") == "mine\n"
        assert files_in(tmp_path) == ["esco.json"]

    def test_force_replaces_it(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        output.write_text("mine\n", encoding="utf-8")
        run = import_to(SAMPLE, output, "--force")
        assert run.exit_code == 0, run.stderr
        assert json.loads(output.read_text(encoding="utf-8"))["schema_version"] == 2
        assert files_in(tmp_path) == ["esco.json"]

    def test_a_directory_is_not_an_output(self, tmp_path: Path) -> None:
        run = import_to(SAMPLE, tmp_path, "--force")
        assert run.exit_code == 2
        assert run.stderr == (
            f"error: {tmp_path}: is a directory; give the name of the catalogue file to write\n"
        )

    @pytest.mark.parametrize("parent", ["missing-folder", "a-file"])
    def test_an_output_that_cannot_be_written(self, tmp_path: Path, parent: str) -> None:
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        output = tmp_path / parent / "esco.json"
        run = import_to(SAMPLE, output)
        assert run.exit_code == 74
        reason = "No such file or directory" if parent == "missing-folder" else "Not a directory"
        assert run.stderr == f"error: {output}: cannot be written ({reason})\n"
        assert run.stdout == ""

    def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        output = tmp_path / "esco.json"
        output.write_text("mine\n", encoding="utf-8")

        def full_disk(source: Any, target: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("careers_cli.userfiles.atomic.os.replace", full_disk)
        run = import_to(SAMPLE, output, "--force")
        assert run.exit_code == 74
        assert run.stderr == f"error: {output}: cannot be written (No space left on device)\n"
        assert output.read_text(encoding="utf-8") == "mine\n"
        assert files_in(tmp_path) == ["esco.json"]

    def test_the_written_file_is_readable_by_others(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        imported(SAMPLE, output)
        umask = os.umask(0)
        os.umask(umask)
        assert output.stat().st_mode & 0o777 == 0o666 & ~umask


class TestCommandLine:
    """What a counsellor sees: the installed command, its streams and its language."""

    def test_messages_follow_the_language_before_the_command(self, tmp_path: Path) -> None:
        missing = tmp_path / "nowhere"
        run = invoke(["--lang", "ar", "import", "esco", str(missing), "-o", str(tmp_path / "x")])
        assert run.exit_code == 3
        assert run.stderr == f"خطأ: {missing}: لا يوجد ملف أو مجلد بهذا الاسم\n"

    def test_messages_follow_careers_lang(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = invoke(["import", "esco", str(SAMPLE), "-o", str(output)], {"CAREERS_LANG": "ar"})
        assert run.exit_code == 0
        assert run.stdout == (
            f"استُورد من ESCO إلى {output}: 61 مهنة، و1905 مهارات، و2874 رابط مهارة "
            "(منها 1563 أساسية و1311 اختيارية)؛ وعدد المهن التي لها عنوان عربي: 58 من 61.\n"
        )

    def test_the_language_to_import_is_not_the_language_of_messages(self, tmp_path: Path) -> None:
        missing = tmp_path / "nowhere"
        run = invoke(["import", "esco", str(missing), "-o", str(tmp_path / "x"), "--lang", "ar"])
        assert run.exit_code == 3
        assert run.stderr == f"error: {missing}: no such file or folder\n"

    def test_the_output_is_required(self) -> None:
        run = invoke(["import", "esco", str(SAMPLE)])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == "error: missing --output / -o"

    def test_help_has_examples(self) -> None:
        for args in (["import", "--help"], ["import", "esco", "--help"]):
            run = invoke(args)
            assert run.exit_code == 0
            assert "Example" in run.stdout
            assert "careers import esco" in run.stdout


def test_white_space_inside_labels_is_one_plain_space(tmp_path: Path) -> None:
    """ESCO writes some alternative labels with no-break spaces ("chemical metallurgy\\xa0expert");
    they are imported with plain spaces, as a person would type them."""
    source = SAMPLE / "occupations_en.csv"
    assert "chemical metallurgy\xa0expert" in source.read_text(encoding="utf-8")
    output = tmp_path / "esco.json"
    assert invoke(["import", "esco", str(SAMPLE), "--output", str(output)]).exit_code == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    names = [
        name
        for career in data["careers"]
        for name in [career["title"]["en"], *career.get("alt_titles", {}).get("en", [])]
    ]
    assert "chemical metallurgy expert" in names
    assert not [name for name in names if "\xa0" in name or "  " in name]


@pytest.fixture(scope="module")
def arabic_pack(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The catalogue imported from tests/data/esco-arabic-v1.2.1."""
    return imported(ARABIC_PACK, tmp_path_factory.mktemp("pack") / "esco.json")


class TestArabicLanguagePack:
    """ESCO v1.2.1's Arabic files, whole: the titles, descriptions and alternative labels of
    occupations, and the labels, alternative labels and descriptions of skills, where the files
    have them (tests/data/esco-arabic-v1.2.1; the expected values are read from its files)."""

    @staticmethod
    def arabic_rows(name: str) -> dict[str, dict[str, str]]:
        return {row["conceptUri"]: row for row in sample_rows(name, ARABIC_PACK)}

    def test_the_files_are_in_the_layout_of_esco_v1_2_1(self) -> None:
        def header(name: str) -> list[str]:
            with (ARABIC_PACK / name).open(encoding="utf-8", newline="") as stream:
                return next(csv.reader(stream))

        occupations = header("occupations_en.csv")
        assert header("occupations_ar.csv") == occupations
        assert occupations[-2:] == ["code", "naceCode"]
        assert (
            header("skills_ar.csv")
            == header("skills_en.csv")
            == [
                *("conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel"),
                *("altLabels", "hiddenLabels", "status", "modifiedDate", "scopeNote", "definition"),
                *("inScheme", "description"),
            ]
        )

    def test_occupations_take_their_arabic_description(self, arabic_pack: dict[str, Any]) -> None:
        rows = self.arabic_rows("occupations_ar.csv")
        with_description = 0
        for found in arabic_pack["careers"]:
            row = rows[found["occupations"][0]["uri"]]
            if row["description"]:
                assert found["description"]["ar"] == row["description"]
                with_description += 1
            else:  # brewmaster: the English description, with no Arabic beside it
                assert "ar" not in found["description"]
                assert found["description"]["en"]
        assert with_description == 2

    def test_arabic_alternative_labels_and_their_forms(self, arabic_pack: dict[str, Any]) -> None:
        vlogger = career(arabic_pack, "vlogger")
        assert vlogger["alt_titles"]["ar"] == [
            "مدون فيديو",
            "مدونة فيديو",
            "يوتيوبر",
            "مدون فيديو عن الموضة / مدونة فيديو عن الموضة",
            "مدون فيديو عن الموضة",
            "مدونة فيديو عن الموضة",
        ]

    def test_a_title_of_the_same_form_twice_still_gives_that_form(
        self, arabic_pack: dict[str, Any]
    ) -> None:
        tiler = career(arabic_pack, "tile-fitter")
        assert tiler["title"]["ar"] == "عامل تركيب البلاط / عامل تركيب البلاط"
        assert tiler["alt_titles"]["ar"] == ["عامل تركيب البلاط"]

    def test_forms_with_a_space_on_one_side_of_the_slash(self, arabic_pack: dict[str, Any]) -> None:
        brewer = career(arabic_pack, "brewmaster")
        assert brewer["title"]["ar"] == "أخصائي تخمير/ أخصائية تخمير"
        assert brewer["alt_titles"]["ar"][:2] == ["أخصائي تخمير", "أخصائية تخمير"]

    def test_skills_take_their_arabic_labels_names_and_descriptions(
        self, arabic_pack: dict[str, Any]
    ) -> None:
        rows = self.arabic_rows("skills_ar.csv")
        english = {row["conceptUri"]: row for row in sample_rows("skills_en.csv", ARABIC_PACK)}
        by_label = {s["label"]["en"]: s for s in arabic_pack["skills"]}
        for uri, row in english.items():
            skill = by_label[row["preferredLabel"]]
            assert skill["description"]["en"] == row["description"]
            arabic = rows.get(uri)
            if arabic is None:  # no Arabic row: English only
                assert set(skill["label"]) == set(skill["description"]) == {"en"}
                continue
            assert skill["label"]["ar"] == arabic["preferredLabel"]
            names = [n for n in arabic["altLabels"].splitlines() if n]
            assert skill.get("aliases", {}).get("ar", []) == names
            assert skill["description"].get("ar", "") == arabic["description"]
        described = [s for s in arabic_pack["skills"] if "ar" in s["description"]]
        assert len(described) == 3

    def test_show_and_skills_read_them_in_arabic(self, tmp_path: Path) -> None:
        path = tmp_path / "esco.json"
        imported(ARABIC_PACK, path)
        shown = invoke(["show", "vlogger", "--data", str(path), "--lang", "ar"], WIDE).stdout
        assert "يصنع مدونو الفيديو مقاطع فيديو على الإنترنت" in shown
        assert "تُعرف أيضاً باسم: مدون فيديو، مدونة فيديو، يوتيوبر" in shown
        args = ["skills", "تحرير", "--data", str(path), "--lang", "ar"]
        listed = invoke(args, WIDE).stdout
        assert "perform-video-editing  تحرير الفيديو" in listed
        assert "إعادة ترتيب لقطات الفيديو وتحريرها" in listed
        assert "مونتاج الفيديو، استخدام تقنيات تحرير الفيديو" in listed

    def test_the_catalogue_validates_and_counts_its_arabic(self, tmp_path: Path) -> None:
        path = tmp_path / "esco.json"
        imported(ARABIC_PACK, path)
        run = invoke(["validate", str(path)])
        assert run.exit_code == 0, run.stderr
        assert "ar: 3 of 3 titles, 2 of 3 descriptions, 4 of 5 skill labels" in run.stdout
