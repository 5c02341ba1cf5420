"""The README tells the truth: its quick start, commands, exit codes and JSON keys."""

from __future__ import annotations

import json
import re

import pytest
import typer

from careers_cli.app.main import app
from tests.helpers import DATA_COMMANDS, invoke
from tests.support.docs import readme_section


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


@pytest.mark.parametrize("command", _command_names())
def test_every_command_is_in_the_readme_and_has_help_with_an_example(command: str) -> None:
    assert f"careers {command}" in readme_section("Using it")
    run = invoke([command, "--help"])
    assert run.exit_code == 0
    assert "Example" in run.stdout


@pytest.mark.parametrize("command", ["list", "match", "show", "compare", "skills"])
def test_json_keys_in_the_readme_are_the_output_keys(command: str) -> None:
    """The README names each command's top-level keys (nested ones in parentheses)."""
    bullet = re.search(
        rf"^- `{command}`: (.*?)(?=^- |\n\n)", readme_section("Using it"), re.MULTILINE | re.DOTALL
    )
    assert bullet, f"README lists no JSON keys for {command}"
    top_level = re.sub(r"\([^)]*\)", "", bullet.group(1).split(";")[0])
    document = json.loads(invoke([*DATA_COMMANDS[command], "-f", "json"]).stdout)
    first = document[0] if isinstance(document, list) else document
    assert set(re.findall(r"`(\w+)`", top_level)) == set(first)
