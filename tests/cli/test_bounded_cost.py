"""An invalid catalogue costs no more to refuse than a valid one of its size costs to load."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from careers_cli.catalogue import format as models
from careers_cli.catalogue import reading as catalogue_module
from tests.helpers import invoke, write_catalogue
from tests.support.bounded_cost import (
    INVALID_CATALOGUE,
    example,
    write_compact,
)


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
