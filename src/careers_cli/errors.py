"""Exit statuses and the one error hierarchy the command line catches."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

from careers_cli.domain import Bilingual
from careers_cli.messages import message
from careers_cli.text import Language, one_line


class ExitStatus(IntEnum):
    """What `careers` exits with; documented in the README."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    INVALID_CATALOGUE = 3
    INTERNAL_ERROR = 70
    OUTPUT_ERROR = 74
    INTERRUPTED = 130


class Candidate(NamedTuple):
    """A career or skill offered to the user: its id, and its title or label."""

    id: str
    name: Bilingual


class CareersError(Exception):
    """An error a user can act on: one line on stderr, never a traceback.

    The text is a message key and its parameters, so the boundary can print it in the user's
    language; `str()` gives the English text.
    """

    exit_status: ExitStatus = ExitStatus.NOT_FOUND

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, language: Language = "en") -> str:
        return message(self.key, language, **self.params)

    def hints(self, language: Language = "en") -> list[str]:
        """The lines that help after the error's own (candidates, a suggestion, where to look);
        none by default."""
        return []

    def __str__(self) -> str:
        return self.render("en")


class UnresolvedNameError(CareersError):
    """A career or skill name that does not name exactly one record."""

    exit_status = ExitStatus.NOT_FOUND

    def __init__(self, key: str, /, *, candidates: Sequence[Candidate], **params: object) -> None:
        super().__init__(key, **params)
        self.candidates = tuple(candidates)
        """The records the name could mean (ambiguous) or may have been meant (not found)."""


class NotFoundError(UnresolvedNameError):
    """A name that matches nothing in the catalogue; `candidates` are suggestions.

    `suggestion_key` is the sentence that offers them; `hint_key`, where there are none, says
    where to look instead.
    """

    def __init__(
        self,
        key: str,
        /,
        *,
        candidates: Sequence[Candidate],
        suggestion_key: str,
        hint_key: str | None = None,
        **params: object,
    ) -> None:
        super().__init__(key, candidates=candidates, **params)
        self.suggestion_key = suggestion_key
        self.hint_key = hint_key

    def hints(self, language: Language = "en") -> list[str]:
        if self.candidates:
            ids = ", ".join(c.id for c in self.candidates)
            return [message(self.suggestion_key, language, candidates=ids)]
        return [message(self.hint_key, language)] if self.hint_key else []


class AmbiguousNameError(UnresolvedNameError):
    """A name that fits several records by the same kind of match; nothing is guessed.

    `candidates` are the best few, best first; `count` is how many there are in all, and
    `more_key` the line that says how many were left out.
    """

    def __init__(
        self,
        key: str,
        /,
        *,
        candidates: Sequence[Candidate],
        count: int,
        more_key: str = "name.more_candidates",
        **params: object,
    ) -> None:
        super().__init__(key, candidates=candidates, count=count, **params)
        self.count = count
        self.more_key = more_key

    def hints(self, language: Language = "en") -> list[str]:
        """One line per candidate: its id, then its name in `language`; then how many more."""
        if not self.candidates:
            return []
        width = max(len(one_line(c.id)) for c in self.candidates)
        lines = [
            f"  {one_line(c.id):<{width}}  {one_line(c.name.in_language(language), limit=100)}"
            for c in self.candidates
        ]
        more = self.count - len(self.candidates)
        if more > 0:
            lines.append(message(self.more_key, language, **{**self.params, "count": more}))
        return lines


class UsageError(CareersError):
    """Arguments that cannot work together, or a value that is not one of an option's choices.

    `command` ("careers list") is where `-h` would help; when given, a hint says so.
    """

    exit_status = ExitStatus.USAGE

    def __init__(self, key: str, /, *, command: str | None = None, **params: object) -> None:
        super().__init__(key, **params)
        self.command = command

    def hints(self, language: Language = "en") -> list[str]:
        return [message("usage.hint", language, command=self.command)] if self.command else []


class OutputError(CareersError):
    """The output could not be written: a full disk, a closed stream, an I/O error."""

    exit_status = ExitStatus.OUTPUT_ERROR


class StoreError(CareersError):
    """A compiled store that was damaged after it was trusted (it is removed: the next command
    compiles a new one)."""

    exit_status = ExitStatus.INTERNAL_ERROR


Problem = tuple[str, dict[str, object]]
"""One problem in a catalogue file: a message key and its parameters."""


class CatalogueError(CareersError):
    """A catalogue file that is missing, unreadable or invalid.

    A file with content problems carries all of them in `problems`; its message is the first,
    and `careers validate` prints every one.
    """

    exit_status = ExitStatus.INVALID_CATALOGUE

    def __init__(
        self, key: str, /, *, path: str, problems: tuple[Problem, ...] = (), **params: object
    ) -> None:
        super().__init__(key, path=path, **params)
        self.path = path
        self.problems = problems

    def problem_lines(self, language: Language = "en") -> list[str]:
        """Every problem, in `language`; a file-level error is its own single problem."""
        if not self.problems:
            return [self.render(language)]
        return [message(key, language, **params) for key, params in self.problems]

    def hints(self, language: Language = "en") -> list[str]:
        """How many more problems there are, and how to see them all."""
        if not self.problems:
            return []
        found = self.params.get("found")  # past the bound on problems, those not kept count too
        count = max(len(self.problems), found if isinstance(found, int) else 0) - 1
        if count <= 0:
            return []
        return [message("catalogue.more_problems", language, count=count, path=self.path)]

    def render(self, language: Language = "en") -> str:
        if self.problems:
            first_key, first_params = self.problems[0]
            first = message(first_key, language, **first_params)
            return message("catalogue.invalid", language, path=self.path, first=first)
        return super().render(language)
