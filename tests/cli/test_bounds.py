"""Long lists are bounded by default and complete on request: `list` shows 20 careers,
`skills` 25, `compare` 30 skills, `match` 10, each saying how many it shows of how many and
which flag shows them all (below the table; on stderr for data formats, which stay valid
data)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    DATA_COMMANDS,
    imported_esco_sample,
    invoke,
    raw_catalogue,
    same_from_store,
    settled,
    write_catalogue,
)
from tests.support.bounds import COMPARE_DEFAULT, LIMIT, SKILL_LIMIT

CAREERS = 64


SKILLS = 70


def big_catalogue() -> dict[str, Any]:
    """The built-in catalogue with 64 careers (copies of the influencer, each also needing
    analytics) and 70 skills."""
    data = raw_catalogue()
    influencer = next(c for c in data["careers"] if c["id"] == "influencer")
    extra = CAREERS - len(data["careers"])
    for n in range(extra):
        copy = json.loads(json.dumps(influencer))
        copy["id"] = f"influencer-{n:02d}"
        copy["title"] = {"en": f"Influencer {n:02d}", "ar": f"مؤثر {n:02d}"}
        copy.pop("alt_titles", None)
        copy["required_skills"].append(
            {"text": {"en": "Analytics.", "ar": "التحليل."}, "skills": ["analytics"]}
        )
        data["careers"].append(copy)
    have = len(data["skills"])
    data["skills"] += [
        {"id": f"zz-skill-{n:02d}", "label": {"en": f"Skill {n:02d}", "ar": f"مهارة {n:02d}"}}
        for n in range(SKILLS - have)
    ]
    return data


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    path = write_catalogue(folder / "big.json", big_catalogue())
    settled(path)
    run = invoke(["validate", str(path)])
    assert run.exit_code == 0, run.stderr
    return path


def ids_in_order(data: dict[str, Any], key: str) -> list[str]:
    return [record["id"] for record in data[key]]


class TestList:
    def test_a_table_shows_20_and_says_how_many_more(self, catalogue: Path) -> None:
        run = invoke(["list", "--data", str(catalogue)], env={"COLUMNS": "200"})
        assert run.exit_code == 0, run.stderr
        lines = run.stdout.rstrip("\n").splitlines()
        assert lines[-1] == f"showing {LIMIT} of {CAREERS} careers; '--limit all' shows every one"
        listed = [line.split()[0] for line in lines[2:-1] if line and not line.startswith(" ")]
        assert listed == ids_in_order(big_catalogue(), "careers")[:LIMIT]
        assert run.stderr == ""

    def test_json_follows_the_same_limit_and_says_so_on_stderr(self, catalogue: Path) -> None:
        run = invoke(["list", "--data", str(catalogue), "-f", "json"])
        assert run.exit_code == 0, run.stderr
        assert [c["id"] for c in json.loads(run.stdout)] == ids_in_order(
            big_catalogue(), "careers"
        )[:LIMIT]
        assert (
            run.stderr == f"showing {LIMIT} of {CAREERS} careers; '--limit all' shows every one\n"
        )

    @pytest.mark.parametrize("value", ["all", "ALL", " all "])
    def test_limit_all_shows_every_one_and_says_nothing(self, catalogue: Path, value: str) -> None:
        run = invoke(["list", "--data", str(catalogue), "-f", "csv", "--limit", value])
        assert run.exit_code == 0, run.stderr
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        assert [r["id"] for r in rows] == ids_in_order(big_catalogue(), "careers")
        assert run.stderr == ""

    def test_a_smaller_limit(self, catalogue: Path) -> None:
        run = invoke(["list", "--data", str(catalogue), "-f", "json", "-n", "3"])
        assert [c["id"] for c in json.loads(run.stdout)] == ids_in_order(
            big_catalogue(), "careers"
        )[:3]
        assert run.stderr == f"showing 3 of {CAREERS} careers; '--limit all' shows every one\n"

    def test_a_filter_is_counted_after_filtering(self, catalogue: Path) -> None:
        # analytics: the 3 built-in careers that need it and the 57 copies.
        needing = [
            c["id"]
            for c in big_catalogue()["careers"]
            if any("analytics" in line["skills"] for line in c["required_skills"])
        ]
        run = invoke(["list", "--data", str(catalogue), "-s", "analytics", "-f", "json"])
        assert [c["id"] for c in json.loads(run.stdout)] == needing[:LIMIT]
        assert run.stderr == (
            f"showing {LIMIT} of {len(needing)} careers; '--limit all' shows every one\n"
        )

    def test_the_built_in_catalogue_is_whole(self) -> None:
        run = invoke(["list", "-f", "json"])
        assert len(json.loads(run.stdout)) == 7
        assert run.stderr == ""

    @pytest.mark.parametrize("value", ["0", "-1", "some", ""])
    def test_a_bad_limit_is_a_usage_error(self, value: str) -> None:
        run = invoke(["list", "--limit", value])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            f"error: --limit must be a whole number of at least 1, or 'all' (got '{value}')"
        )


class TestSkills:
    def test_twenty_five_by_id_then_how_many_more(self, catalogue: Path) -> None:
        run = invoke(["skills", "--data", str(catalogue), "-f", "json"])
        assert run.exit_code == 0, run.stderr
        every = sorted(ids_in_order(big_catalogue(), "skills"))
        assert [s["id"] for s in json.loads(run.stdout)] == every[:SKILL_LIMIT]
        assert run.stderr == (
            f"showing {SKILL_LIMIT} of {SKILLS} skills; '--limit all' shows every one\n"
        )

    def test_arabic_says_it_in_arabic(self, catalogue: Path) -> None:
        run = invoke(["skills", "--data", str(catalogue), "-f", "csv", "--lang", "ar", "-n", "5"])
        assert run.stderr == f"عرض 5 من {SKILLS} مهارة؛ '--limit all' يعرضها كلها\n"

    def test_skills_text_is_bounded_too(self, catalogue: Path) -> None:
        # "skill" is a word of the 45 "Skill NN" labels: more than 4.
        run = invoke(["skills", "skill", "--data", str(catalogue), "-f", "json", "-n", "4"])
        assert run.exit_code == 0, run.stderr
        assert len(json.loads(run.stdout)) == 4
        assert run.stderr.startswith("showing 4 of ")


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


class TestPlainOutput:
    """Printed to a pipe or a file, no line of a view ends with the spaces Rich pads it with."""

    @pytest.mark.parametrize("language", ["en", "ar"])
    @pytest.mark.parametrize("command", DATA_COMMANDS, ids=list(DATA_COMMANDS))
    def test_no_line_ends_with_a_space(self, command: str, language: str) -> None:
        run = invoke([*DATA_COMMANDS[command], "--lang", language])
        assert run.exit_code == 0, run.stderr
        padded = [line for line in run.stdout.splitlines() if line != line.rstrip()]
        assert padded == []
        assert run.stdout.endswith("\n")


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


@pytest.fixture(scope="module")
def esco_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_esco_sample(tmp_path_factory.mktemp("esco"))


def skills_of(data: dict[str, Any], career_id: str) -> set[str]:
    career = next(c for c in data["careers"] if c["id"] == career_id)
    return {s for line in career["required_skills"] for s in line["skills"]}


class TestCompare:
    PAIR = ("accounting-analyst", "advertising-copywriter")

    def test_json_shows_the_first_skills_and_says_how_many_more(self, esco_sample: Path) -> None:
        data = json.loads(esco_sample.read_text(encoding="utf-8"))
        union = set().union(*(skills_of(data, c) for c in self.PAIR))
        assert len(union) > COMPARE_DEFAULT  # the sample's pair has more than a screenful
        every = invoke(
            ["compare", *self.PAIR, "--data", str(esco_sample), "-f", "json", "-n", "all"]
        )
        assert every.stderr == ""
        everything = json.loads(every.stdout)
        assert {s["id"] for s in everything["skills"]} == union
        shown = invoke(["compare", *self.PAIR, "--data", str(esco_sample), "-f", "json"])
        assert shown.exit_code == 0
        first = json.loads(shown.stdout)
        assert first["skills"] == everything["skills"][:COMPARE_DEFAULT]
        assert first["similarity"] == everything["similarity"]  # counted over them all
        assert shown.stderr == (
            f"showing {COMPARE_DEFAULT} of {len(union)} skills; '--limit all' shows every one\n"
        )

    def test_shared_skills_come_first(self, esco_sample: Path) -> None:
        data = json.loads(esco_sample.read_text(encoding="utf-8"))
        a, b = (skills_of(data, c) for c in self.PAIR)
        run = invoke(["compare", *self.PAIR, "--data", str(esco_sample), "-f", "json", "-n", "all"])
        rows = json.loads(run.stdout)["skills"]
        both = [all(row["present"].values()) for row in rows]
        assert both == sorted(both, reverse=True)
        assert sum(both) == len(a & b)

    def test_the_table_counts_every_skill_below_its_rows(self, esco_sample: Path) -> None:
        data = json.loads(esco_sample.read_text(encoding="utf-8"))
        union = set().union(*(skills_of(data, c) for c in self.PAIR))
        run = invoke(["compare", *self.PAIR, "--data", str(esco_sample)], env={"COLUMNS": "200"})
        assert run.exit_code == 0, run.stderr
        lines = run.stdout.rstrip("\n").splitlines()
        assert lines[-1] == (
            f"showing {COMPARE_DEFAULT} of {len(union)} skills; '--limit all' shows every one"
        )
        assert lines[-2].endswith(f"/{len(union)} (0%)") or f"/{len(union)} (" in lines[-2]
        marks = [line for line in lines if line.rstrip().endswith((" yes", " -", " optional"))]
        platforms = 1  # the platforms row also ends with a mark
        assert len(marks) == COMPARE_DEFAULT + platforms

    def test_a_limit(self, esco_sample: Path) -> None:
        run = invoke(["compare", *self.PAIR, "--data", str(esco_sample), "-f", "csv", "-n", "3"])
        assert len(list(csv.DictReader(io.StringIO(run.stdout)))) == 3
        assert run.stderr.startswith("showing 3 of ")

    def test_the_built_in_pair_is_whole(self) -> None:
        run = invoke(["compare", "influencer", "digital-content-creator", "-f", "json"])
        assert run.stderr == ""
        data = raw_catalogue()
        union = skills_of(data, "influencer") | skills_of(data, "digital-content-creator")
        assert {s["id"] for s in json.loads(run.stdout)["skills"]} == union


class TestNoNotes:
    """A catalogue without trends or tips says so, rather than printing nothing."""

    @pytest.mark.parametrize(
        ("kind", "english", "arabic"),
        [
            ("trends", "this catalogue has no trends", "لا يحتوي هذا الكتالوج على توجهات"),
            ("tips", "this catalogue has no tips", "لا يحتوي هذا الكتالوج على نصائح"),
        ],
    )
    def test_says_there_are_none(
        self, esco_sample: Path, kind: str, english: str, arabic: str
    ) -> None:
        run = invoke([kind, "--data", str(esco_sample)])
        assert (run.exit_code, run.stdout, run.stderr) == (0, "", english + "\n")
        run = invoke([kind, "--data", str(esco_sample), "--lang", "ar"])
        assert run.stderr == arabic + "\n"
        run = invoke([kind, "--data", str(esco_sample), "-f", "json"])
        assert (run.stdout.strip(), run.stderr) == ("[]", english + "\n")


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

    def test_skills_names_8_careers_that_need_a_skill(self, catalogue: Path) -> None:
        needing = [
            c["id"]
            for c in big_catalogue()["careers"]
            if any("analytics" in line["skills"] for line in c["required_skills"])
        ]
        assert len(needing) > 8
        run = invoke(["skills", "analytics", "--data", str(catalogue)], env={"COLUMNS": "1000"})
        line = next(line for line in run.stdout.splitlines() if "needed by" in line)
        assert line.split("needed by", 1)[1].strip() == (
            ", ".join(needing[:8]) + f" ... and {len(needing) - 8} more "
            "('careers list --skill analytics -n all' lists them all)"
        )
        listed = invoke(["list", "--skill", "analytics", "-n", "all", "--data", str(catalogue)])
        assert all(career in listed.stdout for career in needing)
