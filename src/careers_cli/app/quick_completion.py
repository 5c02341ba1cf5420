"""The quick path of completion: a word that names a career, a skill, a trend, a tip or a
section completed from the catalogue (its store where there is one), without importing Typer,
Click, Rich or Pydantic.

Only the positions listed here are answered: a command's argument or option value that the
catalogue completes, after the command name and the words listed for it. Anything else (a
command name, an option name, a choice, a word before the command name, an option not listed,
such as one added later, `--`, `$CAREERS_NO_CACHE`) returns None, and Click's parser answers
(`completion.click_candidates`). Where both answer, the candidates are the same, byte for
byte: the same functions give them, filtered as Typer filters them (the value starts with
what was typed); a test compares the two over every position.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from careers_cli.app.completion import (
    SHELLS,
    CatalogueKind,
    ShellCandidate,
    answer_request,
    catalogue_candidates,
    split_command_line,
)


class CompletedCommand(NamedTuple):
    """What the quick path of completion knows of a command."""

    values: dict[str, CatalogueKind | None]
    """Its options that take a value (the common ones added below), with what completes it."""
    flags: frozenset[str]
    """Its flags."""
    arguments: tuple[tuple[int, CatalogueKind | None], ...]
    """Its arguments in order: how many words each takes (-1: any number), what completes it."""


COMMON_VALUES: dict[str, CatalogueKind | None] = dict.fromkeys(
    ("--format", "-f", "--rtl", "--data", "--lang")
)
COMMON_FLAGS = frozenset({"--no-color", "--no-cache", "--debug"})
_LIMIT: dict[str, CatalogueKind | None] = {"--limit": None, "-n": None}
_SKILL: dict[str, CatalogueKind | None] = {"--skill": "skill", "-s": "skill"}
_NONE = frozenset[str]()
COMMANDS = {
    "list": CompletedCommand(_SKILL | _LIMIT, _NONE, ()),
    "show": CompletedCommand(_LIMIT, _NONE, ((1, "career"),)),
    "compare": CompletedCommand(_LIMIT, _NONE, ((-1, "career"),)),
    "match": CompletedCommand(_SKILL | _LIMIT, frozenset({"--all", "--next-skills"}), ()),
    "next": CompletedCommand(_LIMIT, _NONE, ((1, "career"),)),
    "gap": CompletedCommand(_LIMIT, _NONE, ((1, "career"), (1, "career"))),
    "skills": CompletedCommand(_LIMIT, _NONE, ((1, None),)),
    "trends": CompletedCommand({}, _NONE, ((1, "trend"),)),
    "tips": CompletedCommand({}, _NONE, ((1, "tip"),)),
    "read": CompletedCommand({}, _NONE, ((1, "section"),)),
}


class CataloguePosition(NamedTuple):
    """A word the catalogue completes: what it names, and the catalogue the line names."""

    kind: CatalogueKind
    data: Path | None
    no_cache: bool

    def candidates(self, incomplete: str) -> list[ShellCandidate]:
        """What the shell is offered, as Typer offers a command's completion: the values that
        start with `incomplete`, in the order given."""
        found = catalogue_candidates(self.kind, self.data, self.no_cache, incomplete)
        return [ShellCandidate(v, h or "") for v, h in found if v.startswith(incomplete)]


def catalogue_position(words: Sequence[str], incomplete: str) -> CataloguePosition | None:
    """Where `incomplete` is, after `words` (the words after the program's name), when it is
    a word the catalogue completes on the quick path; else None."""
    if not words or words[0] not in COMMANDS or os.environ.get("CAREERS_NO_CACHE"):
        return None
    if incomplete[:1] == "-" or incomplete == "=" or "--" in words:
        return None
    command = COMMANDS[words[0]]
    values = command.values | COMMON_VALUES
    flags = command.flags | COMMON_FLAGS
    data: str | None = None
    no_cache = False
    given = 0
    waiting: CatalogueKind | bool | None = False  # an option's value is next: what completes it
    rest = list(words[1:])
    while rest:
        word = rest.pop(0)
        if not word.startswith("-"):
            given += 1
            continue
        name, equals, value = word.partition("=")
        if name in flags and not equals:
            no_cache = no_cache or name == "--no-cache"
            continue
        if name not in values or (equals and not name.startswith("--")):
            return None
        if not equals:
            if not rest:
                waiting = values[name]
                break
            value = rest.pop(0)
            if value.startswith("-"):
                return None
        if name == "--data":
            data = value
    if waiting is False:
        waiting = _argument_at(command.arguments, given)
    if not isinstance(waiting, str):
        return None
    folder = Path(os.path.expanduser(data)) if data else None
    return CataloguePosition(waiting, folder, no_cache)


def _argument_at(
    arguments: tuple[tuple[int, CatalogueKind | None], ...], given: int
) -> CatalogueKind | None:
    """What completes the argument the next word is, after `given` words of arguments."""
    for count, kind in arguments:
        if count == -1 or given < count:
            return kind
        given -= count
    return None


def quick_answer(request: str, line: str) -> str | None:
    """The answer to a completion request on the quick path; None when Click's parser must
    answer it."""
    if request not in SHELLS:
        return None
    command_line = split_command_line(line)
    position = catalogue_position(command_line.words[1:], command_line.incomplete)
    if position is None:
        return None
    return answer_request(request, line, lambda words, incomplete: position.candidates(incomplete))
