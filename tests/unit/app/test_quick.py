"""The quick paths' lists of commands and options agree with the Typer app's commands.

An option added to a command (or to every command) and not to these lists is left to Typer
(`read_command_line` and `catalogue_position` answer None), but one read from an environment
variable would be missed there when not given: these tests fail until the lists say it.
"""

from __future__ import annotations

from typing import Any

import pytest
import typer

from careers_cli.app import quick, quick_completion
from careers_cli.app.main import app

COMMAND = typer.main.get_command(app)
# The environment variables the quick path reads (values) or leaves to Typer when set (flags).
READ_FROM_ENVIRONMENT = {"CAREERS_LANG", "CAREERS_RTL", "CAREERS_NO_CACHE", "CAREERS_DEBUG"}


def _command(name: str) -> Any:
    return COMMAND.commands[name]  # type: ignore[attr-defined]


def _options(name: str) -> tuple[set[str], set[str], set[str]]:
    """A command's option names taking a value, its flags, and the options it repeats."""
    values: set[str] = set()
    flags: set[str] = set()
    repeated: set[str] = set()
    for param in _command(name).params:
        if param.param_type_name != "option":
            continue
        (flags if param.is_flag else values).update(param.opts)
        if param.multiple:
            repeated.update(param.opts)
    return values, flags, repeated


def _arguments(name: str) -> list[int]:
    return [p.nargs for p in _command(name).params if p.param_type_name == "argument"]


@pytest.mark.parametrize("name", sorted(quick.COMMANDS))
def test_the_quick_path_knows_every_option_of_its_commands(name: str) -> None:
    spec = quick.COMMANDS[name]
    values, flags, repeated = _options(name)
    common_values = {o for o, p in quick.COMMON_VALUES.items() if p not in spec.common_left_out}
    common_flags = {o for o, p in quick.COMMON_FLAGS.items() if p not in spec.common_left_out}
    assert set(spec.values) | common_values == values
    assert set(spec.flags) | common_flags == flags
    assert {o for o, p in spec.values.items() if p in spec.repeated} == repeated


@pytest.mark.parametrize("name", sorted(quick.COMMANDS))
def test_the_quick_path_takes_as_many_arguments_as_the_command(name: str) -> None:
    least, most = quick.COMMANDS[name].arguments
    arguments = _argument_params(name)
    required = sum(p.nargs if p.nargs > 0 else 1 for p in arguments if p.required)
    assert least == required
    if any(p.nargs == -1 for p in arguments):
        assert most > 1_000
    else:
        assert most == sum(p.nargs for p in arguments)


def _argument_params(name: str) -> list[Any]:
    return [p for p in _command(name).params if p.param_type_name == "argument"]


@pytest.mark.parametrize("name", sorted(quick_completion.COMMANDS))
def test_completion_knows_every_option_and_argument_of_its_commands(name: str) -> None:
    spec = quick_completion.COMMANDS[name]
    values, flags, _ = _options(name)
    assert set(spec.values) | set(quick_completion.COMMON_VALUES) == values
    assert set(spec.flags) | quick_completion.COMMON_FLAGS == flags
    assert [count for count, _ in spec.arguments] == _arguments(name)
    completed = [p._custom_shell_complete is not None for p in _argument_params(name)]
    assert [kind is not None for _, kind in spec.arguments] == completed


@pytest.mark.parametrize("name", sorted(set(quick.COMMANDS) | set(quick_completion.COMMANDS)))
def test_only_known_environment_variables_are_read(name: str) -> None:
    envvars = {p.envvar for p in _command(name).params if p.envvar}
    assert envvars <= READ_FROM_ENVIRONMENT
