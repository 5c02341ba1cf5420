"""Errors put into words in the user's language: the error's line, and the lines that help.

An error carries a message key and its parameters (`careers_cli.errors`); this is the one place
that turns them into sentences, for the boundary that reports them and for `careers validate`.
"""

from __future__ import annotations

from careers_cli.errors import (
    AmbiguousNameError,
    CareersError,
    CatalogueError,
    NotFoundError,
    UsageError,
)
from careers_cli.i18n.messages import message
from careers_cli.text.language import Language
from careers_cli.text.terminal import one_line


def error_line(error: CareersError, language: Language = "en") -> str:
    """The error's own sentence; for an invalid catalogue, its file and first problem."""
    if isinstance(error, CatalogueError) and error.problems:
        first_key, first_params = error.problems[0]
        first = message(first_key, language, **first_params)
        return message("catalogue.invalid", language, path=error.path, first=first)
    return message(error.key, language, **error.params)


def hint_lines(error: CareersError, language: Language = "en") -> list[str]:
    """The lines that help after the error's own: candidates, a suggestion, where to look, how
    many more problems there are."""
    if isinstance(error, AmbiguousNameError):
        return _candidate_lines(error, language)
    if isinstance(error, NotFoundError) and error.candidates:
        ids = ", ".join(c.id for c in error.candidates)
        return [message(error.suggestion_key, language, candidates=ids)]
    if isinstance(error, UsageError):
        return [message("usage.hint", language, command=error.command)] if error.command else []
    if isinstance(error, CatalogueError):
        return _more_problems(error, language)
    return [message(error.hint_key, language, **error.params)] if error.hint_key else []


def problem_lines(error: CatalogueError, language: Language = "en") -> list[str]:
    """Every problem of a catalogue, in `language`; a file-level error is its own single
    problem."""
    if not error.problems:
        return [error_line(error, language)]
    return [message(key, language, **params) for key, params in error.problems]


def _candidate_lines(error: AmbiguousNameError, language: Language) -> list[str]:
    """One line per candidate: its id, then its name in `language`; then how many more."""
    if not error.candidates:
        return []
    width = max(len(one_line(c.id)) for c in error.candidates)
    lines = [
        f"  {one_line(c.id):<{width}}  {one_line(c.name.in_language(language), limit=100)}"
        for c in error.candidates
    ]
    more = error.count - len(error.candidates)
    if more > 0:
        lines.append(message(error.more_key, language, **{**error.params, "count": more}))
    return lines


def _more_problems(error: CatalogueError, language: Language) -> list[str]:
    """How many more problems there are, and how to see them all."""
    if not error.problems:
        return []
    found = error.params.get("found")  # past the bound on problems, those not kept count too
    count = max(len(error.problems), found if isinstance(found, int) else 0) - 1
    if count <= 0:
        return []
    return [message("catalogue.more_problems", language, count=count, path=error.path)]
