"""An invalid catalogue costs no more to refuse than a valid one of its size costs to load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from careers_cli.catalogue import entries
from tests.helpers import BASE_ENV, CAREERS_SCRIPT, Run
from tests.support.bounded_cost import INVALID_CATALOGUE, TEXT, career, write_compact

PEAK_RSS_LIMIT_MB = 200
"""Each file below stays under this: the four hostile ones took 1.4 to 7.5 GB before the bound
(`careers validate` on a valid file of the same size takes about 50 MB)."""


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


def catalogue_with(careers: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": TEXT,
        "careers": careers,
        "skills": [{"id": "s", "label": TEXT}],
        **fields,
    }


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
