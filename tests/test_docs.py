"""The README tells the truth: its quick start, commands, exit codes and JSON keys."""

from __future__ import annotations

import json
import re

import pytest
import typer

from careers_cli.app.main import app
from careers_cli.errors import ExitStatus
from tests.helpers import DATA_COMMANDS, REPO, invoke

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    match = re.search(rf"^## {heading}\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
    assert match, f"README has no '## {heading}' section"
    return match.group(1)


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", _section("Quick start"), re.DOTALL)
    assert len(blocks) == 1
    commands = blocks[0].strip().splitlines()
    assert len(commands) == 2
    assert commands[0].endswith("careers list")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"{commands[1]} || status=$?" in ci


@pytest.mark.parametrize("command", _command_names())
def test_every_command_is_in_the_readme_and_has_help_with_an_example(command: str) -> None:
    assert f"careers {command}" in _section("Using it")
    run = invoke([command, "--help"])
    assert run.exit_code == 0
    assert "Example" in run.stdout


def test_exit_code_table_lists_every_exit_status() -> None:
    table = re.findall(r"^\| (\d+) \|", _section("Using it"), re.MULTILINE)
    assert sorted(int(code) for code in table) == sorted(status.value for status in ExitStatus)


@pytest.mark.parametrize("command", ["list", "match", "show", "compare", "skills"])
def test_json_keys_in_the_readme_are_the_output_keys(command: str) -> None:
    """The README names each command's top-level keys (nested ones in parentheses)."""
    bullet = re.search(
        rf"^- `{command}`: (.*?)(?=^- |\n\n)", _section("Using it"), re.MULTILINE | re.DOTALL
    )
    assert bullet, f"README lists no JSON keys for {command}"
    top_level = re.sub(r"\([^)]*\)", "", bullet.group(1).split(";")[0])
    document = json.loads(invoke([*DATA_COMMANDS[command], "-f", "json"]).stdout)
    first = document[0] if isinstance(document, list) else document
    assert set(re.findall(r"`(\w+)`", top_level)) == set(first)
