"""The README tells the truth: its quick start, commands, exit codes and JSON keys."""

from __future__ import annotations

import re

from careers_cli.errors import ExitStatus
from tests.helpers import REPO
from tests.support.docs import readme_section


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", readme_section("Quick start"), re.DOTALL)
    assert len(blocks) == 1
    commands = blocks[0].strip().splitlines()
    assert len(commands) == 2
    assert commands[0].endswith("careers list")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"{commands[1]} || status=$?" in ci


def test_exit_code_table_lists_every_exit_status() -> None:
    table = re.findall(r"^\| (\d+) \|", readme_section("Using it"), re.MULTILINE)
    assert sorted(int(code) for code in table) == sorted(status.value for status in ExitStatus)
