"""How commands are declared and how their help reads: the command and group classes, and the
options and arguments several commands share."""

import inspect
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import get_close_matches
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from careers_cli.app import completion
from careers_cli.app.options import (
    COMMON,
    CommonOptions,
    forget_options,
)
from careers_cli.app.session import (
    console_for,
    exit_status_of,
    language_from_arguments,
    rtl_from_arguments,
    visual_for,
)
from careers_cli.errors import UsageError
from careers_cli.i18n.help_text import arabic_command_help, arabic_metavar, arabic_parameter_help
from careers_cli.i18n.messages import Alternatives, label
from careers_cli.present.views.help import HelpPage, HelpPanel, HelpRow, help_page
from careers_cli.text.language import Language


def _reflowed(help_text: str) -> str:
    """Join the lines of each prose paragraph, so Rich wraps it to the terminal's width.

    Typer keeps a docstring's line breaks after the first paragraph; kept, they break a
    paragraph a second time wherever the terminal is narrower than the source.
    """
    paragraphs = inspect.cleandoc(help_text).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _without_flag_types(params: list[Any]) -> list[Any]:
    """Help in words a person reads: `--all`, not `--all <bool>` (a flag takes no value, and a
    type suggests it does); `careers show CAREER`, not `{CAREER}` with a `<str>` beside it."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        if param.param_type_name == "argument" and param.metavar:
            param.get_usage_pieces = lambda ctx, named=param: [named.metavar]
            param.display_type_rich = lambda ctx: None
    return params


_HELP_LANGUAGE: ContextVar[Language] = ContextVar("careers_help_language", default="en")
"""The language help is written in: that of the command line being run."""
_HELP_ARGV: ContextVar[list[str]] = ContextVar("careers_help_argv", default=[])  # noqa: B039
"""The words of the command line being run, for how its help is laid out (`--rtl`)."""

# Typer's words around the help, by their names in `typer.rich_utils`, and their labels.
_HELP_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help.arguments",
    "OPTIONS_PANEL_TITLE": "help.options",
    "COMMANDS_PANEL_TITLE": "help.commands",
    "REQUIRED_LONG_STRING": "help.required",
    "ENVVAR_STRING": "help.envvar",
    "DEFAULT_STRING": "help.default",
}


@contextmanager
def _in_arabic(command: Any, ctx: Any) -> Iterator[None]:
    """The help of `command` in Arabic while it is written: its text, its parameters' text
    and placeholders, its subcommands' first lines and Typer's headings; as it was after."""
    from typer import rich_utils

    path = " ".join(ctx.command_path.split()[1:])
    saved: list[tuple[Any, str, Any]] = []

    def put(owner: Any, name: str, value: Any) -> None:
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    put(command, "help", _reflowed(arabic_command_help(path) or command.help or ""))
    put(command, "options_metavar", label("help.options_metavar", "ar"))
    if isinstance(command, TyperGroup):
        put(command, "subcommand_metavar", label("help.subcommand_metavar", "ar"))
        for name, sub in command.commands.items():
            text = arabic_command_help(f"{path} {name}".strip())
            put(sub, "help", _reflowed(text or sub.help or ""))
    for param in command.get_params(ctx):
        put(param, "help", arabic_parameter_help(path, param.name) or param.help)
        if param.metavar:
            put(param, "metavar", arabic_metavar(param.metavar))
        if getattr(param, "rich_help_panel", None) == COMMON:
            put(param, "rich_help_panel", label("help.common_options", "ar"))
    for name, key in _HELP_WORDS.items():
        put(rich_utils, name, label(key, "ar"))
    try:
        yield
    finally:
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)


def _arabic_page(command: Any, ctx: Any) -> HelpPage:
    """The help of `command` in Arabic, as `_in_arabic` puts it in place, as a view's data:
    the usage line, the help's paragraphs, and a panel each for the arguments, the command's
    own options, the options every command shares and the subcommands."""
    pieces = " ".join(command.collect_usage_pieces(ctx))
    usage = f"{label('help.usage', 'ar')} {ctx.command_path} {pieces}"
    headings = ("help.arguments", "help.options", "help.common_options")
    panels: dict[str, list[HelpRow]] = {label(key, "ar"): [] for key in headings}
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        is_argument = param.param_type_name == "argument"
        opts = sorted(param.opts, key=lambda name: not name.startswith("--"))  # --help -h
        names = [] if is_argument else [*opts, *param.secondary_opts]
        names += [param.metavar] if param.metavar else []
        notes = [label("help.required", "ar")] if param.required else []
        envvar = getattr(param, "envvar", None)
        if isinstance(envvar, str) and getattr(param, "show_envvar", False):
            notes.append(label("help.envvar", "ar").format(envvar))
        heading = label("help.arguments" if is_argument else "help.options", "ar")
        heading = getattr(param, "rich_help_panel", None) or heading
        panels[heading].append(HelpRow(" ".join(names), param.help or "", tuple(notes)))
    if isinstance(command, TyperGroup):
        commands = panels[label("help.commands", "ar")] = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                commands.append(HelpRow(name, (sub.help or "").split("\n\n")[0]))
    paragraphs = tuple(p for p in (command.help or "").split("\n\n") if p.strip())
    rows = tuple(HelpPanel(heading, tuple(rows)) for heading, rows in panels.items())
    return HelpPage(usage, paragraphs, rows)


class _ArabicHelp:
    """Help and usage lines in the language of the command line (`_HELP_LANGUAGE`): in
    Arabic, the help as a view (`views.help`), laid out as the other views are (in visual
    order where the terminal needs it)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if _HELP_LANGUAGE.get() != "ar":
            super().format_help(ctx, formatter)  # type: ignore[misc]
            return
        with _in_arabic(self, ctx):
            page = _arabic_page(self, ctx)
        argv = _HELP_ARGV.get()
        options = CommonOptions(
            language="ar", rtl=rtl_from_arguments(argv), no_color="--no-color" in argv
        )
        console = console_for(options)
        console.print(visual_for(options, console, help_page(page, "ar")))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        prefix = f"{label('help.usage', _HELP_LANGUAGE.get())} "
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)


class CareersCommand(_ArabicHelp, TyperCommand):
    """A command whose help wraps to the terminal, shows no value type for its flags, and is
    written in Arabic for a command line in Arabic."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _reflowed(self.help or "")

    def get_params(self, ctx: Any) -> Any:
        return _without_flag_types(super().get_params(ctx))


class CareersGroup(_ArabicHelp, TyperGroup):
    """The command group, with usage errors as one line in the user's language (exit code 2),
    and help in the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _reflowed(self.help or "")

    def get_params(self, ctx: Any) -> Any:
        return _without_flag_types(super().get_params(ctx))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command `args` start with; a word that names none is a usage error in the
        user's language, with the commands it may have been meant for."""
        name = args[0] if args else ""
        if not name or name.startswith("-") or self.get_command(ctx, name) is not None:
            return super().resolve_command(ctx, args)
        close = get_close_matches(name, list(self.list_commands(ctx)))
        command = ctx.command_path
        if not close:
            raise UsageError("usage.no_such_command", name=name, command=command)
        commands = Alternatives([f"'{match}'" for match in close])
        raise UsageError("usage.no_such_command_try", name=name, commands=commands, command=command)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line inside the one error boundary (`session.exit_status_of`), then
        exit with its status."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        forget_options()
        _HELP_LANGUAGE.set(language_from_arguments(argv))
        _HELP_ARGV.set(argv)
        status = exit_status_of(
            lambda: super(CareersGroup, self).main(
                argv, prog_name, complete_var, False, windows_expand_args, **extra
            ),
            argv,
        )
        sys.exit(status)


HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}


def limit_option(help_text: str) -> Any:
    """`--limit N` / `-n N`, where N may also be `all` (see `options.parse_limit`)."""
    return typer.Option("--limit", "-n", metavar="N", help=help_text, show_default=False)


def career_argument(metavar: str, help_text: str) -> Any:
    """An argument that names a career (or several), completed from the catalogue."""
    return typer.Argument(
        metavar=metavar,
        help=help_text,
        show_default=False,
        autocompletion=completion.complete_career,
    )


def command_group(**settings: Any) -> typer.Typer:
    """A group of commands under `careers` (`careers import`, `careers cache`), with the
    same help options and error boundary as the program's own."""
    return typer.Typer(
        cls=CareersGroup, context_settings=HELP_OPTIONS, rich_markup_mode="rich", **settings
    )
