"""Output that is safe where it goes."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.helpers import (
    BASE_ENV,
    CAREERS_SCRIPT,
    Run,
    raw_catalogue,
    run_installed,
    write_catalogue,
)
from tests.support.output_safety import TOO_LONG, strictly_unicode


def installed_with_bytes(
    args: Sequence[str | bytes], **env: str
) -> subprocess.CompletedProcess[bytes]:
    """The installed script with arguments that may not be UTF-8, its output as bytes."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
    full_env.update(BASE_ENV)
    full_env.update(env)
    return subprocess.run(
        [str(CAREERS_SCRIPT), *args], capture_output=True, env=full_env, timeout=60, check=False
    )


class TestJsonHasNoLoneSurrogates:
    """An argument's undecodable byte reaches JSON as U+FFFD, never as a \\udcXX escape.

    A catalogue cannot bring one in: validation refuses a lone surrogate in its text (see
    tests/test_validate.py), so arguments are the only way in.
    """

    def test_an_undecodable_byte_in_a_skill_query(self) -> None:
        completed = installed_with_bytes(["match", "-s", b"analytics\xff", "-f", "json"])
        assert completed.returncode == 0, completed.stderr
        assert b"\\ud" not in completed.stdout
        document = json.loads(completed.stdout.decode("utf-8", errors="strict"))
        strictly_unicode(document)
        # The query is echoed as typed, the byte replaced; the rest is analytics as it is
        # for 3 of the 7 careers: ln(1 + 7/3) = 1.2040.
        assert document[0]["matched"] == [
            {
                "skill": "analytics",
                "kind": "skill",
                "label": {"en": "Data analysis", "ar": "تحليل البيانات"},
                "query": "analytics\ufffd",
                "family_of": None,
                "by_words": False,
                "importance": "essential",
                "careers": 3,
                "specificity": 1.204,
                "weight": 1.204,
            }
        ]
        assert {m["matched"][0]["query"] for m in document} == {"analytics\ufffd"}

    def test_an_undecodable_byte_on_an_ascii_stream(self) -> None:
        """Escaped as ASCII, the replacement character is still a character."""
        completed = installed_with_bytes(
            ["match", "-s", b"analytics\xff", "-f", "json"], PYTHONIOENCODING="ascii"
        )
        assert completed.returncode == 0, completed.stderr
        assert b'"query": "analytics\\ufffd"' in completed.stdout
        document = json.loads(completed.stdout.decode("ascii"))
        strictly_unicode(document)
        assert document[0]["title"]["ar"] == "محلل بيانات وسائل التواصل الاجتماعي"


def stderr_lines(run: Run) -> list[str]:
    return run.stderr.split("\n")[:-1] if run.stderr.endswith("\n") else [run.stderr]


class TestEchoedTextStaysOnOneLine:
    """A path or a query with a newline is echoed with U+2424 (␤) or a space in its place."""

    def test_validate_summary_of_a_file_named_with_a_newline(self, tmp_path: Path) -> None:
        path = write_catalogue(tmp_path / "a\nb.json", raw_catalogue())
        run = run_installed(["validate", str(path)])
        assert run.exit_code == 0, run.stderr
        assert (
            run.stdout.splitlines()[0]
            == f"{tmp_path}/a␤b.json: valid: 7 careers, 25 skills, 5 trends, 5 tips"
        )

    def test_validate_problems_of_a_file_named_with_a_newline(self, tmp_path: Path) -> None:
        path = tmp_path / "x\ny.json"
        path.write_text("{}\n", encoding="utf-8")
        run = run_installed(["validate", str(path)])
        assert run.exit_code == 3
        assert run.stdout == ""
        assert stderr_lines(run) == [
            f"{tmp_path}/x␤y.json: 5 problems",
            "  schema_version: Field required",
            "  languages: Field required",
            "  title: Field required",
            "  careers: Field required",
            "  skills: Field required",
        ]

    def test_load_error_and_its_hint_of_a_file_named_with_a_newline(self, tmp_path: Path) -> None:
        path = tmp_path / "x\ny.json"
        path.write_text("{}\n", encoding="utf-8")
        run = run_installed(["list", "--data", str(path)])
        assert run.exit_code == 3
        shown = f"{tmp_path}/x␤y.json"
        assert stderr_lines(run) == [
            f"error: {shown}: schema_version: Field required",
            f"... plus 4 problems not shown; run 'careers validate {shown}' to see them all",
        ]

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (["show", "x\ny"], ["error: no career matches 'x y'"]),
            (["compare", "influencer", "x\ny"], ["error: no career matches 'x y'"]),
            (
                ["match", "-s", "x\ny"],
                ["error: no skill matches 'x y'", "'careers skills' lists every skill"],
            ),
        ],
        ids=["show", "compare", "match"],
    )
    def test_a_query_with_a_newline(self, args: list[str], expected: list[str]) -> None:
        run = run_installed(args)
        assert run.exit_code == 1
        assert stderr_lines(run) == expected


class TestQueryLength:
    """A career name or skill query longer than 200 characters, as typed, is a usage error."""

    def test_a_query_that_grows_under_nfkc_is_refused_at_once(self, tmp_path: Path) -> None:
        """U+FDFA is one character that NFKC makes eighteen: 40,000 of them took over a minute
        to normalise and match against 1,000 careers, which this catalogue has."""
        from benchmarks.generate_catalogue import generate

        path = write_catalogue(tmp_path / "careers-1000.json", generate(1_000))
        query = ("\ufdfa" * 40_000).encode()
        completed = installed_with_bytes(["show", query, "--data", str(path)])
        assert completed.returncode == 2
        assert completed.stderr.decode() == TOO_LONG.format(40_000)
