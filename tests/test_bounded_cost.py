"""An invalid catalogue costs no more to refuse than a valid one of its size costs to load.

What this protects: before problem reporting was bounded, a 1.8 MB file of 600,000 empty career
objects took 33 s and 7.6 GB before `careers validate` refused it, because every one of its
3 million problems was built, converted and printed. Now validation lists at most
`MAX_PROBLEMS` problems in pydantic's order, then one line says how many more were found,
or that it stopped with records left unchecked; one record cannot pile up problems either (lists
have a maximum length, and an object with more than `MAX_OBJECT_KEYS` keys is refused as it is
parsed). The files here are the smallest that show the amplification; the installed `careers`
runs them in a subprocess whose peak memory is read with `getrusage` after it exits.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careers_cli.catalogue import entries
from careers_cli.catalogue import format as catalogue_format
from careers_cli.catalogue import format as models
from careers_cli.catalogue import reading as catalogue_module
from tests.helpers import BASE_ENV, CAREERS_SCRIPT, REPO, Run, invoke, write_catalogue

EXAMPLE = REPO / "examples" / "small-catalogue.json"
INVALID_CATALOGUE = 3
PEAK_RSS_LIMIT_MB = 200
"""Each file below stays under this: the four hostile ones took 1.4 to 7.5 GB before the bound
(`careers validate` on a valid file of the same size takes about 50 MB)."""
TEXT = {"en": "A", "ar": "أ"}

# Runs a command and reports, as JSON, what it printed and its peak resident memory: a process's
# RUSAGE_CHILDREN covers only the children it waited for, so this wrapper's covers only `careers`.
_MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, timeout=120)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
json.dump({
    "status": done.returncode,
    "stdout": done.stdout.decode("utf-8"),
    "stderr": done.stderr.decode("utf-8"),
    "peak_bytes": peak if sys.platform == "darwin" else peak * 1024,
}, sys.stdout)
"""


def run_measured(args: list[str]) -> tuple[Run, float]:
    """The installed `careers ARGS`, and its peak resident memory in MB."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
    env.update(BASE_ENV)
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(CAREERS_SCRIPT), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=180,
        check=True,
    )
    report = json.loads(completed.stdout)
    run = Run(report["status"], report["stdout"], report["stderr"])
    return run, report["peak_bytes"] / 1_000_000


def career(career_id: str, **fields: Any) -> dict[str, Any]:
    """A valid career that needs the skill `s`, with `fields` replacing its own."""
    return {
        "id": career_id,
        "title": TEXT,
        "description": TEXT,
        "responsibilities": [TEXT],
        "required_skills": [{"text": TEXT, "skills": ["s"]}],
        **fields,
    }


def catalogue_with(careers: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": TEXT,
        "careers": careers,
        "skills": [{"id": "s", "label": TEXT}],
        **fields,
    }


def write_compact(path: Path, data: dict[str, Any]) -> Path:
    """Without indentation, as a program writes: the size is the data's, not the spaces'."""
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def refused(run: Run, peak_mb: float) -> list[str]:
    assert run.exit_code == INVALID_CATALOGUE, (run.exit_code, run.stderr[-500:])
    assert run.stdout == ""
    assert peak_mb < PEAK_RSS_LIMIT_MB, peak_mb
    return run.stderr.splitlines()


class TestHostileFilesCostLittle:
    """Files whose problems once numbered in the hundreds of thousands."""

    def test_six_hundred_thousand_empty_careers(self, tmp_path: Path) -> None:
        """The issue's 1.8 MB file: validation stops after the bound and says how much of the
        file it left; the title, missing at the top, comes first as pydantic orders it."""
        path = tmp_path / "empty.json"
        path.write_text(
            '{"schema_version":2,"languages":["en"],"careers":['
            + ",".join(["{}"] * 600_000)
            + '],"skills":[]}',
            encoding="utf-8",
        )
        assert path.stat().st_size == 1_800_063
        lines = refused(*run_measured(["validate", str(path), "--limit", "all"]))
        fields = ["id", "title", "description"]
        listed = [f"  careers[{i}].{field}: Field required" for i in range(333) for field in fields]
        # 1,000 listed: the title and 333 careers' three fields; then `skills: []` is counted.
        assert lines == [
            f"{path}: at least 1001 problems",
            "  title: Field required",
            *listed,
            "  ... validation stopped after 1000 problems; 599667 records left unchecked",
        ]

    def test_half_a_million_responsibilities_in_one_career(self, tmp_path: Path) -> None:
        """A list longer than the format allows is one problem: pydantic stops reading it."""
        data = catalogue_with([career("a", responsibilities=[1] * 500_000)])
        path = write_compact(tmp_path / "long-list.json", data)
        lines = refused(*run_measured(["validate", str(path), "--limit", "all"]))
        assert lines == [
            f"{path}: 1 problem",
            "  careers[0] (id 'a').responsibilities: List should have at most 500 items, "
            "not 500000",
        ]

    def test_lists_within_their_limits_inside_one_career(self, tmp_path: Path) -> None:
        """1,500 required-skill lines of 300 bad skills each: 450,000 problems in one record,
        every list of an allowed length. Its lines are validated one at a time, and validation
        stops within the record."""
        lines_of_bad_skills = [{"text": TEXT, "skills": [1] * 300}] * 1_500
        data = catalogue_with([career("a", required_skills=lines_of_bad_skills)])
        path = write_compact(tmp_path / "nested.json", data)
        lines = refused(*run_measured(["validate", str(path), "--limit", "all"]))
        bad_skills = [
            f"  careers[0] (id 'a').required_skills[{line}].skills[{i}]: "
            "Input should be a valid string"
            for line in range(4)
            for i in range(300)
        ]
        assert (
            lines
            == [
                f"{path}: at least 1200 problems",  # the fourth line's 300 were all found
                *bad_skills[: entries.MAX_PROBLEMS],
                "  ... validation stopped after 1000 problems; 2 records left unchecked",
            ]
        )

    def test_four_hundred_fifty_thousand_unknown_skills(self, tmp_path: Path) -> None:
        """Cross-record problems are counted exactly, without building each one."""
        dangling = [{"text": TEXT, "skills": ["nobody"] * 1_500}]
        careers = [career(f"c{i}", required_skills=dangling) for i in range(300)]
        path = write_compact(tmp_path / "dangling.json", catalogue_with(careers))
        lines = refused(*run_measured(["validate", str(path), "--limit", "all"]))
        assert lines == [
            f"{path}: 450000 problems",
            *(
                f"  careers[0] (id 'c0').required_skills[0].skills[{i}]: "
                "unknown skill 'nobody': no skill has this id"
                for i in range(entries.MAX_PROBLEMS)
            ),
            "  ... plus 449000 problems not shown",
        ]


def _example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


class TestTheLineAfterTheBound:
    """With the bound at 3, a file with 8 problems, in English and Arabic."""

    @pytest.fixture(autouse=True)
    def _bound_of_three(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(models, "MAX_PROBLEMS", 3)

    @pytest.fixture
    def dangling(self, tmp_path: Path) -> Path:
        """Eight careers a tip names and no record has: all found, three listed."""
        data = _example()
        data["tips"][0]["careers"] = [f"nobody-{i}" for i in range(8)]
        return write_catalogue(tmp_path / "dangling.json", data)

    @pytest.fixture
    def blank_titles(self, tmp_path: Path) -> Path:
        """Four careers with both titles blank: the second reaches the bound, so validation
        stops there, with four careers, two skills, a platform and a tip unchecked."""
        data = _example()
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
        data = _example()
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
        data = _example()
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
        data = _example()
        keys = len(data) + 200
        data.update({f"extra-{i}": 1 for i in range(200)})
        path = write_catalogue(tmp_path / "keys.json", data)
        run = invoke(["list", "--data", str(path)])
        assert run.stderr == (
            f"error: {path}: {keys} keys in one object; an object may have at most 100\n"
        )

    def test_up_to_the_limit_each_unknown_key_is_a_problem(self, tmp_path: Path) -> None:
        limit = catalogue_module.MAX_OBJECT_KEYS
        data = _example()
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


def test_the_readme_states_the_bounds_the_code_applies() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert f"stops after {entries.MAX_PROBLEMS:,} problems" in readme
    assert f"an object with more than {catalogue_module.MAX_OBJECT_KEYS} keys" in readme
    assert "`python benchmarks/memory.py`" in readme
    assert (REPO / "benchmarks" / "memory.py").is_file()


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

    def test_long_lists_of_records_build_the_same_model(self) -> None:
        """Lists longer than the split point are validated item by item, then put back."""
        data = _example()
        analyst = data["careers"][0]
        analyst["responsibilities"] *= 40
        analyst["required_skills"] *= 30
        built = catalogue_format.CatalogueFile.model_validate(data)
        assert built.model_dump(exclude_unset=True) == data
        assert len(built.careers[0].responsibilities) == len(analyst["responsibilities"]) == 80
        assert isinstance(built.careers[0].required_skills[59], entries.SkillRequirementEntry)
        catalogue_format.check_catalogue(data)  # raises nothing
