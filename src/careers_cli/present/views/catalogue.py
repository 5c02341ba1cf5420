"""The view of `validate`: a catalogue's problems."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from careers_cli.errors import CatalogueError
from careers_cli.i18n.messages import message
from careers_cli.present.error_text import problem_lines
from careers_cli.text.language import Language
from careers_cli.text.terminal import printable_line

PROBLEM_LIMIT = 50
"""How many problems `validate` prints unless told: the rest are counted."""


def validation_problems(
    error: CatalogueError, language: Language, limit: int | None = None
) -> RenderableType:
    """The problems of an invalid catalogue (the first `limit`), one per line, under a count.

    Past the bound on problems, a last line says how many more were found, or that validation
    stopped with records left unchecked (the count above is then a lower bound).
    """
    problems = problem_lines(error, language)
    found, unchecked = (error.params.get(name) for name in ("found", "unchecked"))
    found = max(found, len(problems)) if isinstance(found, int) else len(problems)
    unchecked = unchecked if isinstance(unchecked, int) else 0
    key = "validate.problems_at_least" if unchecked else "validate.problems"
    heading = message(key, language, path=error.path, count=found)
    lines = [Text(printable_line(heading), style="bold red")]
    lines += [Text("  " + printable_line(problem)) for problem in problems[:limit]]
    if limit is not None and len(problems) > limit:
        left = message("validate.more", language, count=len(problems) - limit, path=error.path)
        lines.append(Text("  " + printable_line(left)))
    if unchecked:
        more = message("validate.stopped", language, shown=len(problems), unchecked=unchecked)
        lines.append(Text("  " + printable_line(more)))
    elif found > len(problems):
        more = message("validate.not_shown", language, count=found - len(problems))
        lines.append(Text("  " + printable_line(more)))
    return Group(*lines)
