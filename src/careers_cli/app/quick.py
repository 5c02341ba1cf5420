"""The quick path: the usual command lines of the commands that read the catalogue (`list`,
`show`, `compare`, `match`, `next`, `gap`, `skills`, `trends`, `tips`, `read`, and `browse`,
whose first screen is shown sooner) answered without the option parser (Typer and Click, which
take longer to import than the answer takes).

Only what is on the lists below is read here: one of those commands first, then its
arguments and its options, and the common options, as `--name value`, `--name=value` or
`-s value`, each once (`--skill` as often as wanted), with values that cannot be read as an
option, and choices among those listed. Anything else (help, a word before the command name,
an option not listed, such as one added later, a value not among the choices, a missing
value, a boolean environment variable, whose reading is Click's) returns None: the full
command line (`careers_cli.app.main`) reads it, and says what is wrong where something is. For
what both read, both print the same, byte for byte, with the same exit status: the commands
run `app.answering` (`browse`, `app.browse.start`), inside the same error boundary.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from careers_cli.app.common import CommonOptions, forget_options, put_in_effect
from careers_cli.text.language import LANGUAGES

# The common options, after the command name: those that take a value, with their parameter.
COMMON_VALUES = {
    "--format": "format",
    "-f": "format",
    "--rtl": "rtl",
    "--data": "data",
    "--lang": "lang",
}
COMMON_FLAGS = {"--no-color": "no_color", "--no-cache": "no_cache", "--debug": "debug"}
# The values read here, lower-cased as the options read them; any other is left to them.
_CHOICES = {
    "format": ("table", "json", "csv", "markdown"),
    "rtl": ("logical", "visual"),
    "lang": LANGUAGES,
}
# Where an option not given takes its value from (the empty string is no value, as in Click).
_ENVIRONMENT = {"lang": "CAREERS_LANG", "rtl": "CAREERS_RTL"}
# Flags read from the environment too: when one is set, the full command line reads it.
_FLAG_ENVIRONMENT = ("CAREERS_NO_CACHE", "CAREERS_DEBUG")


class QuickCommand(NamedTuple):
    """What the quick path reads of one command."""

    values: dict[str, str]
    """Its own options that take a value, with their parameter."""
    flags: dict[str, str]
    """Its own flags, with their parameter."""
    repeated: frozenset[str]
    """The parameters that may be given more than once."""
    arguments: tuple[int, int]
    """How many arguments it takes: at least, at most."""
    common_left_out: frozenset[str] = frozenset()
    """The common options' parameters it does not take (given, the full command line reads
    them, and says so)."""


_SKILL = {"--skill": "skill", "-s": "skill"}
_LIMIT = {"--limit": "limit", "-n": "limit"}
COMMANDS = {
    "list": QuickCommand(_SKILL | _LIMIT, {}, frozenset({"skill"}), (0, 0)),
    "show": QuickCommand(_LIMIT, {}, frozenset(), (1, 1)),
    "skills": QuickCommand(_LIMIT, {}, frozenset(), (0, 1)),
    "match": QuickCommand(
        _SKILL | _LIMIT,
        {"--all": "require_all", "--next-skills": "next_skills"},
        frozenset({"skill"}),
        (0, 0),
    ),
    "compare": QuickCommand(_LIMIT, {}, frozenset(), (1, sys.maxsize)),
    "next": QuickCommand(_LIMIT, {}, frozenset(), (1, 1)),
    "gap": QuickCommand(_LIMIT, {}, frozenset(), (2, 2)),
    "trends": QuickCommand({}, {}, frozenset(), (0, 1)),
    "tips": QuickCommand({}, {}, frozenset(), (0, 1)),
    "read": QuickCommand({}, {}, frozenset(), (0, 1)),
    "browse": QuickCommand({}, {}, frozenset(), (0, 0), frozenset({"format"})),
}


class QuickCommandLine(NamedTuple):
    """A command line the quick path answers."""

    command: str
    arguments: list[str]
    values: dict[str, list[str]]
    flags: frozenset[str]


def read_command_line(argv: Sequence[str]) -> QuickCommandLine | None:
    """`argv` (without the program's name) read as the quick path reads it; None when it is
    not one it answers."""
    if not argv or argv[0] not in COMMANDS or any(os.environ.get(n) for n in _FLAG_ENVIRONMENT):
        return None
    spec = COMMANDS[argv[0]]
    value_options = spec.values | _common(COMMON_VALUES, spec)
    flag_options = spec.flags | _common(COMMON_FLAGS, spec)
    arguments: list[str] = []
    values: dict[str, list[str]] = {}
    flags: set[str] = set()
    words = list(argv[1:])
    while words:
        word = words.pop(0)
        if not word.startswith("-"):
            arguments.append(word)
            continue
        name, equals, value = word.partition("=")
        if name in flag_options and not equals:
            flags.add(flag_options[name])
            continue
        parameter = value_options.get(name)
        if parameter is None or (equals and not name.startswith("--")):
            return None
        if not equals:
            if not words:
                return None
            value = words.pop(0)
        if value.startswith("-") or (parameter in values and parameter not in spec.repeated):
            return None
        values.setdefault(parameter, []).append(value)
    least, most = spec.arguments
    if not least <= len(arguments) <= most or not _plain_values(values):
        return None
    return QuickCommandLine(argv[0], arguments, values, frozenset(flags))


def _common(options: dict[str, str], spec: QuickCommand) -> dict[str, str]:
    """The common options among `options` that the command takes."""
    return {name: p for name, p in options.items() if p not in spec.common_left_out}


def _plain_values(values: dict[str, list[str]]) -> bool:
    """Whether the common options' values are among the choices (a path that is not blank)."""
    for parameter, choices in _CHOICES.items():
        given = _chosen(values, parameter)
        if given is not None and given.lower() not in choices:
            return False
    return all(value.strip() for value in values.get("data", []))


def _chosen(values: dict[str, list[str]], parameter: str) -> str | None:
    """The value of a common option: given on the command line (even empty), else in its
    environment variable (not empty), else None."""
    if parameter in values:
        return values[parameter][0]
    return os.environ.get(_ENVIRONMENT.get(parameter, "")) or None


def run_quickly(argv: Sequence[str]) -> int | None:
    """Answer `argv` on the quick path: its exit status; None (nothing done) when the full
    command line must read it."""
    command_line = read_command_line(argv)
    if command_line is None:
        return None
    from careers_cli.app.session import exit_status_of

    forget_options()
    options = put_in_effect(_common_options(command_line))
    values, flags, arguments = command_line.values, command_line.flags, command_line.arguments

    def one(parameter: str) -> str | None:
        return values[parameter][0] if parameter in values else None

    def answer() -> None:
        command = command_line.command
        if command == "browse":  # without the other commands' views and data (`answering`)
            from careers_cli.app.browse.start import browse

            browse(options)
            return
        from careers_cli.app import answering

        first = arguments[0] if arguments else None
        if command == "list":
            answering.list_careers(values.get("skill"), one("limit"), options)
        elif command == "show":
            answering.show(arguments[0], one("limit"), options)
        elif command == "skills":
            answering.skills(first, one("limit"), options)
        elif command == "match":
            skill = values.get("skill")
            limit = one("limit")
            answering.match(skill, "require_all" in flags, limit, "next_skills" in flags, options)
        elif command == "compare":
            answering.compare(arguments, one("limit"), options)
        elif command == "next":
            answering.next_careers(arguments[0], one("limit"), options)
        elif command == "gap":
            answering.gap(arguments[0], arguments[1], one("limit"), options)
        elif command == "trends":
            answering.notes("trends", first, options)
        elif command == "tips":
            answering.notes("tips", first, options)
        else:
            answering.read(first, options)

    return exit_status_of(answer, list(argv))


def _common_options(command_line: QuickCommandLine) -> CommonOptions:
    values = command_line.values

    def chosen(parameter: str) -> str | None:
        given = _chosen(values, parameter)
        return None if given is None else given.lower()

    data = values.get("data")
    return CommonOptions(
        data=Path(data[0]) if data else None,
        language=chosen("lang"),  # type: ignore[arg-type]
        no_color="no_color" in command_line.flags,
        debug="debug" in command_line.flags,
        output_format=chosen("format"),  # type: ignore[arg-type]
        rtl=chosen("rtl"),  # type: ignore[arg-type]
        no_cache="no_cache" in command_line.flags,
    )
