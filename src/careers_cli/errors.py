"""Exit statuses and the one error hierarchy the command line catches.

An error is data: a message key, its parameters and what the user may have meant. It is put into
words at the boundary (`present.error_text`), which knows the user's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

from careers_cli.text.language import Bilingual


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
    language (`present.error_text`); `str()` gives the key and the parameters, for logs.
    """

    exit_status: ExitStatus = ExitStatus.NOT_FOUND

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    hint_key: str | None = None
    """A line that helps after the error's own, written with the error's parameters."""

    def __str__(self) -> str:
        params = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"{self.key} ({params})" if params else self.key


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


class AmbiguousNameError(UnresolvedNameError):
    """A name that fits several records by the same kind of match; nothing is guessed.

    `candidates` are the best few, best first; `count` is how many there are in all, and
    `more_key` the line that says how many were left out. `fitting` are the ids of all of them,
    best first, of the first collection searched (skills, not platforms).
    """

    def __init__(
        self,
        key: str,
        /,
        *,
        candidates: Sequence[Candidate],
        count: int,
        more_key: str = "name.more_candidates",
        fitting: Sequence[str] = (),
        **params: object,
    ) -> None:
        super().__init__(key, candidates=candidates, count=count, **params)
        self.count = count
        self.more_key = more_key
        self.fitting = tuple(fitting)


class UsageError(CareersError):
    """Arguments that cannot work together, or a value that is not one of an option's choices.

    `command` ("careers list") is where `-h` would help; when given, a hint says so.
    """

    exit_status = ExitStatus.USAGE

    def __init__(self, key: str, /, *, command: str | None = None, **params: object) -> None:
        super().__init__(key, **params)
        self.command = command


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


class OsReason(str):
    """Why an operating-system call failed, in the system's English words ("Permission
    denied"), with the error's number, by which a message says it in Arabic, and the file it
    names, if the sentence should say which (`at`)."""

    errno: int | None = None
    place: str | None = None
    words: str = ""

    def at(self, place: object) -> OsReason:
        """The same reason, said of the file `place`: "FILE: Permission denied"."""
        return _os_reason(self.words, self.errno, str(place))


def _os_reason(words: str, number: int | None, place: str | None = None) -> OsReason:
    reason = OsReason(f"{place}: {words}" if place else words)
    reason.words, reason.errno, reason.place = words, number, place
    return reason


def os_error_reason(error: OSError) -> OsReason:
    """Why an operating-system call failed, in a few words ("Permission denied"), for the
    sentence that reports it (in Arabic, by its number: `i18n.messages`)."""
    return _os_reason(error.strerror or type(error).__name__, error.errno)
