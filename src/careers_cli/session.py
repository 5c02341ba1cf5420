"""What a command runs inside: the catalogue, the language, the consoles, and the error boundary.

`open_session` is the one place where errors become output and exit codes: a `CareersError`
prints one line on stderr (in the user's language) and exits with its status; an unexpected
error prints one line and how to see the traceback, unless debugging is on.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, NamedTuple

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from careers_cli.catalogue import find_catalogue, load_catalogue
from careers_cli.domain import Language
from careers_cli.errors import (
    AmbiguousNameError,
    CareersError,
    CatalogueError,
    ExitStatus,
    UnresolvedNameError,
)
from careers_cli.messages import message
from careers_cli.output import (
    encodes_unicode,
    make_console,
    write_csv,
    write_json,
    write_markdown_document,
    write_markdown_table,
)
from careers_cli.records import Records
from careers_cli.search import CatalogueIndex
from careers_cli.text import one_line, printable_line, visual_order

OutputFormat = Literal["table", "json", "csv", "markdown"]
RtlMode = Literal["logical", "visual"]


class CommonOptions(NamedTuple):
    """Options every command takes, before or after its name."""

    data: Path | None = None
    language: Language | None = None
    no_color: bool = False
    debug: bool = False
    output_format: OutputFormat = "table"
    rtl: RtlMode | None = None

    @property
    def output_language(self) -> Language:
        """The language to print in: English unless Arabic was asked for."""
        return self.language or "en"

    @property
    def rtl_mode(self) -> RtlMode:
        return self.rtl or "logical"

    def merged_over(self, outer: CommonOptions) -> CommonOptions:
        """Options given after the command name win over those given before it."""
        return CommonOptions(
            data=self.data if self.data is not None else outer.data,
            language=self.language or outer.language,
            no_color=self.no_color or outer.no_color,
            debug=self.debug or outer.debug,
            output_format=self.output_format,
            rtl=self.rtl or outer.rtl,
        )


class Session:
    """What a command works with: the catalogue's index, the language and the consoles."""

    def __init__(
        self,
        index: CatalogueIndex,
        language: Language,
        out: Console,
        err: Console,
        output_format: OutputFormat = "table",
        rtl: RtlMode = "logical",
    ) -> None:
        self.index = index
        self.language = language
        self.out = out
        self.err = err
        self.output_format = output_format
        self.rtl = rtl

    def present(self, view: Callable[[], RenderableType], records: Callable[[], Records]) -> None:
        """Print a result: as a Rich view for `table`, else as data in the chosen format."""
        if self.output_format == "table":
            renderable = view()
            if self.rtl == "visual":
                from careers_cli.rtl import for_visual_terminal

                renderable = for_visual_terminal(renderable)
            self.out.print(renderable)
            return
        data = records()
        stream = self.out.file
        if self.output_format == "json":
            write_json(stream, data.document())
        elif self.output_format == "csv":
            write_csv(stream, data.rows())
        elif data.markdown_sections:
            write_markdown_document(stream, data.markdown_title, data.markdown_sections)
        else:
            write_markdown_table(stream, data.rows())

    def notice(self, text: str) -> None:
        StderrLines(self.err, self.language, visual=self.rtl == "visual").line(text)


class StderrLines:
    """Lines for stderr: one line each, printable, shaped for the terminal in visual mode."""

    def __init__(self, err: Console, language: Language, *, visual: bool = False) -> None:
        self.err = err
        self.language = language
        self.visual = visual

    def error(self, text: str) -> None:
        prefix = message("error.prefix", self.language) + ": "
        line = printable_line(text)  # one line, even for a path with a newline
        if self.visual:
            self.err.print(Text(visual_order(prefix + line), style="red"), soft_wrap=True)
        else:
            self.err.print(Text.assemble((prefix, "bold red"), line), soft_wrap=True)

    def line(self, text: str) -> None:
        line = printable_line(text)
        self.err.print(Text(visual_order(line) if self.visual else line), soft_wrap=True)


@contextmanager
def error_boundary(options: CommonOptions) -> Iterator[Console]:
    """Yield the stderr console; turn every error inside into one line and an exit code."""
    language = options.output_language
    err = make_console(sys.stderr, no_color=options.no_color)
    lines = StderrLines(err, language, visual=options.rtl_mode == "visual")
    try:
        yield err
    except CareersError as error:
        report_error(lines, error)
        raise typer.Exit(error.exit_status) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitStatus.OK) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:
        if options.debug:  # --debug, or CAREERS_DEBUG read by the option parser
            raise
        detail = f"{type(error).__name__}: {error}"
        lines.error(message("error.unexpected", language, detail=detail))
        raise typer.Exit(ExitStatus.INTERNAL_ERROR) from None


@contextmanager
def open_session(options: CommonOptions) -> Iterator[Session]:
    """Load the catalogue and open the consoles, inside the error boundary."""
    with error_boundary(options) as err:
        index = CatalogueIndex(load_catalogue(find_catalogue(options.data)))
        out = make_console(sys.stdout, no_color=options.no_color)
        language = options.output_language
        if language == "ar" and options.output_format != "json" and not encodes_unicode(out.file):
            encoding = getattr(out.file, "encoding", "?")
            StderrLines(err, language).line(message("output.narrow", language, encoding=encoding))
        yield Session(
            index,
            language,
            out,
            err,
            options.output_format,
            options.rtl_mode,
        )


def report_error(lines: StderrLines, error: CareersError) -> None:
    """The error's line, then what helps: the candidates, a suggestion, or how to see more."""
    language = lines.language
    lines.error(error.render(language))
    candidates = error.candidates if isinstance(error, UnresolvedNameError) else ()
    if isinstance(error, AmbiguousNameError) and candidates:
        width = max(len(one_line(c.id)) for c in candidates)
        for candidate in candidates:
            name = one_line(candidate.name.in_language(language), limit=100)
            lines.line(f"  {one_line(candidate.id):<{width}}  {name}")
    elif candidates:
        key = "skill.did_you_mean" if error.key.startswith("skill.") else "career.did_you_mean"
        lines.line(message(key, language, candidates=", ".join(c.id for c in candidates)))
    elif error.key == "skill.not_found":
        lines.line(message("skill.list_hint", language))
    if isinstance(error, CatalogueError) and len(error.problems) > 1:
        count = len(error.problems) - 1
        lines.line(message("catalogue.more_problems", language, count=count, path=error.path))


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the interpreter's last flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


_NOT_ONE_OF = re.compile(r"'(?P<value>[^']*)' is not one of (?P<choices>.+?)\.?$")


def report_usage_error(error: Exception, argv: list[str]) -> None:
    """A usage error from the option parser as one line (and a hint), in the user's language."""
    language = language_from_arguments(argv)
    err = make_console(sys.stderr, no_color="--no-color" in argv)
    if type(error).__name__ == "NoArgsIsHelpError":
        err.print(Text(str(error.format_message())), soft_wrap=True)  # type: ignore[attr-defined]
        return
    lines = StderrLines(err, language)
    detail = str(error.format_message()) if hasattr(error, "format_message") else str(error)
    detail = detail.replace("Value error, ", "")
    text = detail if language == "en" else _arabic_usage_message(error, detail)
    lines.error(text)
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", None) or "careers"
    lines.line(message("usage.hint", language, command=command))


def _arabic_usage_message(error: Exception, detail: str) -> str:
    """The Arabic sentence for the usage errors people make; others keep the parser's text."""
    param = getattr(error, "param", None)
    option = " / ".join(getattr(param, "opts", ()) or ()) or getattr(param, "name", "") or ""
    kind = type(error).__name__
    if kind == "MissingParameter":
        return message("usage.missing", "ar", option=option or detail)
    not_one_of = _NOT_ONE_OF.search(detail)
    if kind == "BadParameter" and not_one_of:
        choices = not_one_of["choices"].replace("'", "")
        return message(
            "option.bad_value", "ar", option=option, choices=choices, value=not_one_of["value"]
        )
    if kind == "NoSuchOption":
        return message("usage.no_such_option", "ar", option=getattr(error, "option_name", detail))
    return message("usage.other", "ar", detail=detail)


def language_from_arguments(argv: list[str]) -> Language:
    """The language asked for on a command line that could not be parsed (or $CAREERS_LANG)."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            return "ar" if argv[index + 1].lower() == "ar" else "en"
        if argument.startswith("--lang="):
            return "ar" if argument.split("=", 1)[1].lower() == "ar" else "en"
    return "ar" if os.environ.get("CAREERS_LANG", "").strip().lower() == "ar" else "en"
