"""What a command runs inside: the catalogue, the language, the consoles, and the error boundary.

`open_session` is the one place where errors become output and exit codes: a `CareersError`
prints one line on stderr (in the user's language) and exits with its status; an unexpected
error prints one line and how to see the traceback, unless debugging is on.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import sys
import time
from collections.abc import Callable, Iterator, Sequence, Sized
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

from rich.console import Console, Group, RenderableType
from rich.text import Text

from careers_cli.app.common import (
    CommonOptions,
    OutputFormat,
    RtlMode,
    click_module,
    options_in_effect,
)
from careers_cli.app.streams import (
    ReaderGone,
    explicit_bidi,
    implicit_bidi_again,
    silence_stdout,
)
from careers_cli.catalogue.progress import Progress
from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.errors import CareersError, ExitStatus, OutputError
from careers_cli.i18n.help_text import arabic_metavar
from careers_cli.i18n.messages import Alternatives, Phrase, column_label, label, message
from careers_cli.index.memory import MemoryIndex
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.consoles import (
    encodes_unicode,
    is_terminal,
    lays_out_bidi_regardless,
    make_console,
    say,
    write_csv,
    write_json,
    write_markdown_document,
    write_markdown_table,
)
from careers_cli.present.data.parts import Records
from careers_cli.present.error_text import error_line, hint_lines
from careers_cli.rules import search
from careers_cli.rules.names import Found
from careers_cli.rules.search import Page, Wanted
from careers_cli.text.language import LANGUAGES, Language
from careers_cli.text.terminal import one_line, printable_line

T = TypeVar("T")


_TRAILING = " \u00a0"
"""What a plain line never ends in: the spaces Rich pads it with, and a no-break space a
catalogue's text may hold (Rich wraps at one as at a space), invisible on a terminal but
still there for whoever reads the output as data."""


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
        stderr_rtl: RtlMode = "logical",
    ) -> None:
        self.index = index
        self.language = language
        self.out = out
        self.err = err
        self.output_format = output_format
        self.rtl = rtl
        """How stdout lays out Arabic (`visual_wanted`)."""
        self.stderr_rtl = stderr_rtl
        """How stderr does: a terminal may be one and a pipe the other."""

    def present(self, view: Callable[[], RenderableType], records: Callable[[], Records]) -> None:
        """Print a result: as a Rich view for `table`, else as data in the chosen format."""
        if self.output_format == "table":
            renderable = self._laid_out(view())
            self._print(renderable)
            return
        stream = self.out.file
        if self.output_format == "svg":  # the table view, as a terminal shows it in colour
            from careers_cli.present.pages import write_svg

            # A picture places each run of text itself: Arabic is laid out as in visual mode
            # (shaped, in the order it is drawn) and drawn in that order, cell by cell.
            visual = self.language == "ar" or self.rtl == "visual"
            renderable = self._laid_out(view(), visual=visual)
            draw = lambda console: console.print(renderable)  # noqa: E731
            write_svg(stream, draw, self.out.width, _title(), drawn_in_order=visual)
            return
        data = records()
        if self.output_format == "json":
            write_json(stream, data.document())
        elif self.output_format in ("csv", "csv-bom"):
            write_csv(stream, data.rows(), bom=self.output_format == "csv-bom")
        elif self.output_format == "html":
            from careers_cli.present.pages import write_page

            header = functools.partial(column_label, language=self.language)
            write_page(stream, data.page_titled(_title(), self.language, header))
        elif data.markdown_sections:
            write_markdown_document(stream, data.markdown_title, data.markdown_sections)
        else:
            rows = data.markdown_rows() if data.markdown_rows else data.rows()
            write_markdown_table(stream, rows, lambda key: column_label(key, self.language))

    def _laid_out(self, renderable: RenderableType, *, visual: bool = False) -> RenderableType:
        """A view laid out for the language and the terminal (`rtl.layout_for`); in visual
        mode where `--rtl visual` or `visual` says so."""
        visual = visual or self.rtl == "visual"
        if self.language == "en" and not visual:
            return renderable
        from careers_cli.present.layout.rtl import laid_out, layout_for

        layout = layout_for(self.language, visual=visual)
        if layout is None:
            return renderable
        return laid_out(renderable, layout)

    def _print(self, renderable: RenderableType) -> None:
        """Print a view (one printed in parts, a part at a time, each flushed: the first rows
        reach a pipe at once); without colour (a pipe, a file, NO_COLOR), each line without
        the spaces Rich pads it with to the width of the terminal."""
        from careers_cli.present.layout.fitting import InParts  # Rich's tables: a view's

        if not isinstance(renderable, InParts):
            self._print_part(renderable)
            return
        for part in renderable.parts(self.out, self.out.options):
            self._print_part(Group(part))  # in a group, as in one view: a Text keeps its justify
            self.out.file.flush()

    def _print_part(self, renderable: RenderableType) -> None:
        if self.out.color_system is not None:
            self.out.print(renderable)
            return
        from careers_cli.present.layout.plain import plain_lines

        lines = plain_lines(renderable, self.out, self.out.options)
        if lines is not None:  # laid out without Rich rendering it
            self.out.file.write("".join(line.rstrip(_TRAILING) + "\n" for line in lines))
            return
        with self.out.capture() as captured:
            self.out.print(renderable)
        lines = captured.get().split("\n")
        self.out.file.write("\n".join(line.rstrip(_TRAILING) for line in lines))

    def present_found(
        self,
        found: Sized,
        none: str,
        view: Callable[[], RenderableType],
        records: Callable[[], Records],
    ) -> bool:
        """Present what was found; when nothing was, say `none` on stderr and print only an
        empty JSON document (a table or CSV of nothing is no answer). Whether anything was
        printed."""
        if not found:
            self.notice(none)
        if not found and self.output_format != "json":
            return False
        self.present(view, records)
        return True

    def say(self, text: str) -> None:
        """A line the program says on stdout (not a view)."""
        say_lines(self.out, text, self.language, visual=self.rtl == "visual")

    def notice(self, text: str) -> None:
        self._stderr().line(text)

    def take(self, found: Found[T]) -> T:
        """The record a name was resolved to; when it was a guess (a partial or fuzzy match),
        one line on stderr says which record was taken for which name."""
        if found.guessed:
            query = one_line(found.query)
            self.notice(message("name.guessed", self.language, id=found.record_id, query=query))
        return found.record

    def say_word_families(self, wanted: Sequence[Wanted]) -> None:
        """One line on stderr for each word that stands for several skills."""
        for family in search.word_families(wanted):
            query = one_line(family.query)
            count = 1 + len(family.family)
            self.notice(message("match.word_family", self.language, query=query, count=count))

    def say_needed_by_none(self, wanted: Sequence[Wanted]) -> None:
        """One line on stderr for each skill asked for that no career needs."""
        for skill in search.needed_by_none(self.index, wanted):
            label = one_line(skill.label.in_language(self.language))
            self.notice(message("skill.needed_by_none", self.language, label=label, id=skill.id))

    def left_out(self, page: Page[Any], key: str) -> None:
        """After a list cut at its limit, the sentence `key` saying how many it shows of how
        many: below a table (dim), on stderr for data formats (which stay valid data)."""
        if not page.more:
            return
        text = message(key, self.language, shown=len(page.items), total=page.total)
        if self.output_format == "table" and self.rtl == "visual":  # as the view above it
            self._print(visual_message(text, self.language, style="dim"))
        elif self.output_format == "table":
            self._print(self._laid_out(Text(text, style="dim")))
        else:
            self.notice(text)

    def report(self, error: CareersError) -> None:
        """An error that does not stop the command (its status is the command's to give)."""
        report_error(self._stderr(), error)

    def report_all(self, errors: Sequence[CareersError], *, stop: bool = True) -> None:
        """Every error, one after another; then, when there were any and `stop`, the end of
        the command with `NOT_FOUND` (a word that named nothing would mislead what follows)."""
        for error in errors:
            self.report(error)
        if errors and stop:
            raise CommandExit(ExitStatus.NOT_FOUND)

    def _stderr(self) -> StderrLines:
        return StderrLines(self.err, self.language, visual=self.stderr_rtl == "visual")


def _title() -> str:
    """What a page or picture is titled when its result has no title of its own: the command
    and the names it was given (`careers match analytics`)."""
    context = click_module("globals").get_current_context(silent=True)
    if context is None:
        return "careers"
    words = [context.command_path]
    for name in ("career", "careers", "source", "target", "skill", "text", "trend", "tip"):
        value = context.params.get(name)
        words += [value] if isinstance(value, str) else list(value or [])
    return " ".join(one_line(word) for word in words)


class CommandExit(Exception):
    """The end of a command with `status`, its output already given (no error to report):
    what a command raises, whichever parser ran it, without importing Typer."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class StderrLines:
    """Lines for stderr: one line each, printable; in visual mode laid out as every line the
    program says (`visual_message`)."""

    def __init__(self, err: Console, language: Language, *, visual: bool = False) -> None:
        self.err = err
        self.language = language
        self.visual = visual

    def error(self, text: str) -> None:
        prefix = message("error.prefix", self.language) + ": "
        line = printable_line(text)  # one line, even for a path with a newline
        if self.visual:
            # Soft wrap: a command longer than the width is left whole for the terminal to wrap.
            self.err.print(
                visual_message(prefix + line, self.language, style="red"), soft_wrap=True
            )
        else:
            self.err.print(Text.assemble((prefix, "bold red"), line), soft_wrap=True)

    def line(self, text: str) -> None:
        say_lines(self.err, text, self.language, visual=self.visual)


def say_lines(
    console: Console,
    lines: str | Sequence[str],
    language: Language,
    *,
    visual: bool,
    style: str = "",
) -> None:
    """Lines the program says (not a view), each printable: in logical order, left for the
    terminal to wrap; in visual mode each laid out by `visual_message`."""
    if not visual:
        say(console, lines, style=style)
        return
    for line in [lines] if isinstance(lines, str) else lines:
        console.print(visual_message(printable_line(line), language, style=style), soft_wrap=True)


def visual_message(text: str, language: Language, *, style: str = "") -> RenderableType:
    """A line the program says, in visual order: wrapped to the width and reordered, its
    commands on lines of their own (`rtl.VisualMessage`), against the right edge in Arabic."""
    from careers_cli.present.layout.rtl import VisualMessage

    return VisualMessage(text, style, mirrored=language == "ar")


def visual_wanted(stream: IO[str], options: CommonOptions) -> bool:
    """Whether `stream` gets Arabic in visual order: as `--rtl` (or `$CAREERS_RTL`) says; by
    default, output in Arabic to a terminal, unless the terminal lays out bidirectional text
    regardless of the program (`lays_out_bidi_regardless`). A terminal that gets visual order
    is told so (`streams.explicit_bidi`), and told to lay out text itself again at the end."""
    if options.rtl is not None:
        visual = options.rtl == "visual"
    else:
        arabic = options.output_language == "ar"
        visual = arabic and is_terminal(stream) and not lays_out_bidi_regardless()
    if visual and is_terminal(stream) and os.environ.get("TERM") != "dumb":
        explicit_bidi(stream)  # a dumb terminal would print it
    return visual


def visual_for(
    options: CommonOptions, console: Console, renderable: RenderableType
) -> RenderableType:
    """`renderable` (a view printed outside a session) laid out in visual order where the
    options and the console's stream ask for it (`visual_wanted`), else as it is."""
    if not visual_wanted(console.file, options):
        return renderable
    from careers_cli.present.layout.rtl import laid_out, layout_for

    layout = layout_for(options.output_language, visual=True)
    return renderable if layout is None else laid_out(renderable, layout)


def say_for(
    options: CommonOptions, lines: str | Sequence[str], *, stderr: bool = False, style: str = ""
) -> None:
    """Lines the program says, outside a session, on stdout or stderr, laid out as the
    options and the stream ask (`visual_wanted`)."""
    console = console_for(options, stderr=stderr)
    visual = visual_wanted(console.file, options)
    say_lines(console, lines, options.output_language, visual=visual, style=style)


class CompilingProgress:
    """Progress of compiling a store, on stderr: a bar once it has taken a second, on a
    terminal (the progress module, and Rich's, imported only then)."""

    def __init__(self, language: Language, *, no_color: bool) -> None:
        self.stages = {
            "careers": label("compiling_careers", language),
            "skills": label("compiling_skills", language),
        }
        self.no_color = no_color
        self.started = time.monotonic()
        self.bar: ExitStack | None = None
        self.report: Progress | None = None

    def __enter__(self) -> CompilingProgress:
        return self

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.report is None:
            if time.monotonic() - self.started < 1.0:
                return
            from careers_cli.present.progress import progress_bar

            self.bar = ExitStack()
            self.report = self.bar.enter_context(progress_bar(no_color=self.no_color))
        self.report(self.stages[stage], done, total)

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.close()


def console_for(options: CommonOptions, *, stderr: bool = False) -> Console:
    """The console of a command that reads no catalogue: stdout's, or stderr's."""
    return make_console(sys.stderr if stderr else sys.stdout, no_color=options.no_color)


@contextmanager
def open_session(options: CommonOptions) -> Iterator[Session]:
    """Open the catalogue (its compiled store where there is one) and the consoles."""
    out, err = console_for(options), console_for(options, stderr=True)
    report = _debug_lines(options, err)
    language = options.output_language
    source = find_catalogue(options.data)
    if source.bundled:  # small, and read without validating: it needs no store
        index: CatalogueIndex = MemoryIndex(load_catalogue(source))
    else:
        from careers_cli.index.opening import open_index

        with CompilingProgress(language, no_color=options.no_color) as progress:
            index = open_index(
                source,
                use_store=not options.no_cache,
                progress=progress,
                report=report,
                later=_after_the_command,
            )
    if language == "ar" and options.chosen_format != "json" and not encodes_unicode(out.file):
        encoding = getattr(out.file, "encoding", "?")
        StderrLines(err, language).line(message("output.narrow", language, encoding=encoding))
    # Data on a terminal stays in logical order, and its terminal is not told otherwise by
    # default: stderr is most often the same terminal.
    table = options.chosen_format == "table"
    out_visual = table and visual_wanted(out.file, options)
    err_visual = (table or options.rtl is not None) and visual_wanted(err.file, options)
    yield Session(
        index,
        language,
        out,
        err,
        options.chosen_format,
        "visual" if out_visual else "logical",
        "visual" if err_visual else "logical",
    )


_after_the_command: list[Callable[[], None]] = []
"""What `exit_status_of` runs once the command has answered and let go of its catalogue: the
start of a store's compiling in the background."""


def compile_written(path: Path, raw: bytes) -> None:
    """Have the store of a catalogue this program has just written (`raw`, to `path`)
    compiled, in the background once the command has answered where stores are built so:
    the first run on it is then answered from its store."""
    from careers_cli.index.opening import compile_written as compile_from_bytes

    compile_from_bytes(path, raw, later=_after_the_command)


def build_store(options: CommonOptions) -> str:
    """Compile the store of the catalogue the options name, now, with progress on a terminal
    (`careers cache build`); the sentence that says where it is."""
    language = options.output_language
    source = find_catalogue(options.data)
    if source.bundled:
        return message("cache.not_needed", language)
    from careers_cli.index.compiler import compile_catalogue

    with CompilingProgress(language, no_color=options.no_color) as progress:
        compiled = compile_catalogue(source, progress=progress)
    key = "cache.built" if compiled.compiled else "cache.up_to_date"
    return message(key, language, catalogue=str(source.path), store=str(compiled.store))


def _debug_lines(options: CommonOptions, err: Console) -> Callable[[str], None]:
    """Reasons the user sees with --debug only: why a store was or was not used, in English."""

    def report(reason: str) -> None:
        if options.debug:
            StderrLines(err, "en").line(f"debug: {reason}")

    return report


def exit_status_of(run: Callable[[], object], argv: list[str]) -> int:
    """Run the command line; the one place where every error becomes its output and status.

    A `CareersError` prints its line and its hints, in the user's language, and gives its own
    exit status; a usage error of the option parser is written from its data; a reader that
    went away ends quietly; anything else is a bug: one line and 70, or with --debug (or
    CAREERS_DEBUG) the exception itself. Then, unless the user interrupted it, what the
    command left to do after it (`_after_the_command`).
    """
    status = _status_of(run, argv)
    implicit_bidi_again()  # the terminal's own bidi layout back, before anything else runs
    actions = list(_after_the_command)
    _after_the_command.clear()
    if status != ExitStatus.INTERRUPTED:
        for action in actions:
            action()
    return status


def _status_of(run: Callable[[], object], argv: list[str]) -> int:
    try:
        result = run()
        sys.stdout.flush()  # a write that fails fails here, inside the boundary
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    except CommandExit as end:
        return end.status
    except (ReaderGone, BrokenPipeError):
        silence_stdout()
        return ExitStatus.OK
    except CareersError as error:
        if isinstance(error, OutputError):
            silence_stdout()
        report_error(_stderr_lines(argv), error)
        return error.exit_status
    except Exception as error:
        parser = _parser_errors()  # the option parser's, when it was imported (and ran)
        if parser is not None and isinstance(error, parser.Abort):
            return ExitStatus.INTERRUPTED
        if parser is not None and isinstance(error, parser.TyperException):
            report_usage_error(error, argv)  # Click's usage errors derive from it
            return int(getattr(error, "exit_code", ExitStatus.USAGE))
        if _debugging(argv):
            raise
        detail = f"{type(error).__name__}: {error}"
        lines = _stderr_lines(argv)
        lines.error(message("error.unexpected", lines.language, detail=detail))
        return ExitStatus.INTERNAL_ERROR
    return result if isinstance(result, int) else ExitStatus.OK


def _parser_errors() -> Any:
    """Typer, where a command line was given to it; None where none was (the quick path
    answers without it, and nothing it runs can raise Typer's errors)."""
    return sys.modules.get("typer")


def _stderr_lines(argv: list[str]) -> StderrLines:
    """Error lines as the command line asked: its options where they were parsed, else what
    the words of the command line say."""
    options = options_in_effect() or CommonOptions()
    # The options in effect may be those before the command name only, when the ones after it
    # are what failed: the words of the command line fill in what they leave unsaid.
    language = options.language or language_from_arguments(argv)
    err = make_console(sys.stderr, no_color=options.no_color or "--no-color" in argv)
    read = options._replace(language=language, rtl=options.rtl or rtl_from_arguments(argv))
    return StderrLines(err, language, visual=visual_wanted(err.file, read))


def _debugging(argv: list[str]) -> bool:
    options = options_in_effect()
    if options is not None:
        return options.debug
    flag = os.environ.get("CAREERS_DEBUG", "").strip().lower()
    return "--debug" in argv or flag in ("1", "true", "yes", "on")


def report_error(lines: StderrLines, error: CareersError) -> None:
    """The error's line, then the lines that help, which the error itself knows."""
    lines.error(error_line(error, lines.language))
    for hint in hint_lines(error, lines.language):
        lines.line(hint)


def report_usage_error(error: Exception, argv: list[str]) -> None:
    """A usage error from the option parser as one line and a hint, in the user's language,
    written from the error's data (its class, parameter and option name), not its English."""
    language = language_from_arguments(argv)
    err = make_console(sys.stderr, no_color="--no-color" in argv)
    click_errors = click_module("exceptions")
    if isinstance(error, click_errors.NoArgsIsHelpError):
        err.print(Text(str(error.format_message())), soft_wrap=True)
        return
    read = CommonOptions(language=language, rtl=rtl_from_arguments(argv))
    lines = StderrLines(err, language, visual=visual_wanted(err.file, read))
    lines.error(_usage_sentence(error, language, click_errors, argv))
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", None) or "careers"
    lines.line(message("usage.hint", language, command=command))


def _usage_sentence(
    error: Exception, language: Language, click_errors: Any, argv: list[str]
) -> str:
    param = getattr(error, "param", None)
    if isinstance(error, click_errors.MissingParameter) and param is not None:
        if param.param_type_name == "argument":
            name = (param.metavar or param.name or "").upper()
            name = arabic_metavar(name) if language == "ar" else name
            return message("usage.missing_argument", language, argument=name)
        return message("usage.missing", language, option=" / ".join(param.opts))
    if isinstance(error, click_errors.NoSuchOption):
        return _no_such_option_sentence(error, language)
    if isinstance(error, click_errors.BadOptionUsage):
        # Given as `--flag=value`, an option that takes none; else one that needs a value.
        inline = any(word.startswith(f"{error.option_name}=") for word in argv)
        key = "usage.takes_no_value" if inline else "usage.needs_value"
        return message(key, language, option=error.option_name)
    context = getattr(error, "ctx", None)
    if isinstance(error, click_errors.BadParameter) and param is not None:
        return _bad_value_sentence(param, language)
    detail = str(getattr(error, "format_message", error.__str__)())
    if detail == _MISSING_COMMAND:
        return message("usage.missing_command", language)
    extra = _EXTRA_ARGUMENTS.fullmatch(detail)
    if extra and context is not None:
        return _extra_words_sentence(context, argv, extra.group(1), language)
    if extra:
        return message("usage.extra_names", language, words=extra.group(1))
    return message("usage.other", language, detail=Phrase(detail, "سطر الأوامر غير صحيح"))


def _no_such_option_sentence(error: Any, language: Language) -> str:
    """An unknown option, with the options it may have been meant for."""
    possibilities = sorted(getattr(error, "possibilities", None) or ())
    if not possibilities:
        return message("usage.no_such_option", language, option=error.option_name)
    quoted = Alternatives(possibilities)
    return message("usage.no_such_option_try", language, option=error.option_name, options=quoted)


def _bad_value_sentence(param: Any, language: Language) -> str:
    """A value the option parser could not take: for a flag, the yes or no of its
    environment variable (`CAREERS_DEBUG=maybe`)."""
    option = " / ".join(getattr(param, "opts", ())) or str(param.name)
    envvar = getattr(param, "envvar", None)
    if getattr(param, "is_flag", False) and isinstance(envvar, str) and envvar in os.environ:
        value = os.environ[envvar]
        return message("usage.bad_flag_variable", language, variable=envvar, value=value)
    return message("usage.bad_value", language, option=option)


# Click's message for a group given options but no command (Typer's `TyperGroup.invoke`).
_MISSING_COMMAND = "Missing command."
# Click's message for words after the arguments a command takes (not translated by Click).
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)")


def _extra_positions(argv: list[str], joined: str) -> list[int]:
    """Where in `argv` the words are that Click joined with spaces into `joined`, as typed
    (`content creation` one word, if it was quoted), options after them passed over; none
    when they cannot be told apart."""
    rest, found = joined, []
    for at in range(len(argv) - 1, -1, -1):
        word = argv[at]
        if rest == word or rest.endswith(f" {word}"):
            found.append(at)
            rest = rest[: len(rest) - len(word)].rstrip(" ")
            if not rest:
                return found[::-1]
    return []


def _extra_words_sentence(context: Any, argv: list[str], joined: str, language: Language) -> str:
    """What words after a command's arguments most likely meant: skills without `--skill`
    (`careers match analytics`), or a name of several words without quotes (`careers show
    social media manager`). The command line suggested is the one typed, options and all,
    with only those words changed."""
    positions = _extra_positions(argv, joined)
    extra = [argv[at] for at in positions] or joined.split(" ")
    typed = [word for at, word in enumerate(argv) if at not in positions]
    words = " ".join(shlex.quote(word) for word in extra)
    command = context.command
    if positions and any(getattr(param, "name", None) == "skill" for param in command.params):
        skills = [part for word in extra for part in ("--skill", word)]
        suggestion = shlex.join(
            ["careers", *typed[: positions[0]], *skills, *typed[positions[0] :]]
        )
        return message("usage.extra_skill", language, words=words, suggestion=suggestion)
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    value = context.params.get(arguments[0].name) if len(arguments) == 1 else None
    before = argv[: positions[0]] if positions else []
    if isinstance(value, str) and value in before:
        at = len(before) - 1 - before[::-1].index(value)
        named = [*typed[:at], " ".join([value, *extra]), *typed[at + 1 :]]
        suggestion = shlex.join(["careers", *named])
        return message("usage.extra_words", language, words=words, suggestion=suggestion)
    return message("usage.extra_names", language, words=words)


def rtl_from_arguments(argv: list[str]) -> RtlMode | None:
    """The `--rtl` mode asked for on a command line that could not be parsed (or
    $CAREERS_RTL); None when neither says."""
    value = _chosen_in_arguments(argv, "--rtl", ("logical", "visual"), "CAREERS_RTL")
    return "visual" if value == "visual" else "logical" if value == "logical" else None


def language_from_arguments(argv: list[str]) -> Language:
    """The language asked for on a command line that could not be parsed (or $CAREERS_LANG)."""
    chosen = _chosen_in_arguments(argv, "--lang", LANGUAGES, "CAREERS_LANG")
    return "ar" if chosen == "ar" else "en"


def _chosen_in_arguments(
    argv: list[str], option: str, choices: tuple[str, ...], variable: str
) -> str | None:
    """The first of `choices` given to `option` (`--option value` or `--option=value`, in any
    case) on a command line that could not be parsed, else the one the environment variable
    `variable` holds, else None."""
    for index, argument in enumerate(argv):
        value = argv[index + 1] if argument == option and index + 1 < len(argv) else None
        if argument.startswith(option + "="):
            value = argument.split("=", 1)[1]
        if value is not None and value.lower() in choices:
            return value.lower()
    value = os.environ.get(variable, "").strip().lower()
    return value if value in choices else None
