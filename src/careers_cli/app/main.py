"""The `careers` command line: the program's group, its own options, and its commands in the
order help lists them.

Each command lives in `app.commands`, one module per group (reading, matching and moves, the
profile, catalogues, the cache); this module only registers them. No rule about careers lives
here.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from careers_cli import __version__
from careers_cli.app import completion
from careers_cli.app.commands import browse, cache, catalogue, explore, matching, profile
from careers_cli.app.help import HELP_OPTIONS, CareersCommand, CareersGroup
from careers_cli.app.options import (
    DataOption,
    DebugOption,
    FormatOption,
    LangOption,
    NoCacheOption,
    NoColorOption,
    RtlOption,
    merge_options,
)
from careers_cli.app.session import language_from_arguments
from careers_cli.errors import ExitStatus, OutputError, UsageError, os_error_reason
from careers_cli.i18n.messages import Alternatives, message
from careers_cli.present.consoles import make_console, say

app = typer.Typer(
    name="careers",
    cls=CareersGroup,
    add_completion=False,  # its zsh script evaluates what the program prints: see completion.py
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings=HELP_OPTIONS,
    rich_markup_mode="rich",
)


def _print_version(value: bool) -> None:
    if value:
        print(f"careers {__version__}")
        raise typer.Exit()


def _install_completion(value: str | None) -> None:
    if value is not None:
        raise typer.Exit(run_completion_action("install", value))


def _show_completion(value: str | None) -> None:
    if value is not None:
        raise typer.Exit(run_completion_action("show", value))


def run_completion_action(action: str, shell: str) -> int:
    """Install (or print) the completion script for `shell` ("": the shell $SHELL names)."""
    language = language_from_arguments(sys.argv[1:])
    chosen = shell.strip().lower() or completion.detect_shell()
    if not chosen:
        raise UsageError("completion.unknown_shell")
    if chosen not in completion.SHELLS:
        shells = Alternatives(list(completion.SHELLS))
        raise UsageError("completion.unsupported", shell=chosen, shells=shells)
    if action == "show":
        sys.stdout.write(completion.completion_script(chosen))
        return ExitStatus.OK
    try:
        installed = completion.install_completion(chosen, Path.home())
    except OSError as error:
        reason = os_error_reason(error)
        raise OutputError("completion.failed", path=str(error.filename), reason=reason) from None
    lines = [message("completion.installed", language, shell=chosen, path=str(installed.script))]
    if installed.startup is not None:
        lines.append(message("completion.startup", language, path=str(installed.startup)))
    say(make_console(sys.stdout), lines)
    return ExitStatus.OK


@app.callback()
def root(
    ctx: typer.Context,
    data: DataOption = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
    output_format: FormatOption = None,
    rtl: RtlOption = None,
    no_cache: NoCacheOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="[SHELL]",
            callback=_install_completion,
            is_eager=True,
            show_default=False,
            help="Install completion for bash, zsh or fish (by default the shell $SHELL names).",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=_show_completion,
            is_eager=True,
            show_default=False,
            help="Print the completion script for bash, zsh or fish, to install it yourself.",
        ),
    ] = None,
) -> None:
    """Explore careers from the terminal: list, read, compare, and match them to your skills.

    [bold]Examples[/bold]

    careers list

    careers show influencer --lang ar

    careers match -s analytics -s "content creation"

    Common options work before or after the command name.
    """
    ctx.obj = merge_options(ctx, data, lang, no_color, debug, output_format, rtl, no_cache)


app.command("list", cls=CareersCommand)(explore.list_careers)
app.command(cls=CareersCommand)(explore.show)
app.command(cls=CareersCommand)(explore.compare)
app.command(cls=CareersCommand)(matching.match)
app.command("next", cls=CareersCommand)(matching.next_careers)
app.command(cls=CareersCommand)(matching.gap)
app.command(cls=CareersCommand)(explore.skills)
app.command(cls=CareersCommand)(explore.trends)
app.command(cls=CareersCommand)(explore.tips)
app.command(cls=CareersCommand)(explore.read)
app.command(cls=CareersCommand)(browse.browse)
app.command(cls=CareersCommand)(catalogue.validate)
app.command(cls=CareersCommand)(catalogue.schema)
app.add_typer(profile.profile_app, name="profile", help=profile.PROFILE_HELP)
app.add_typer(catalogue.import_app, name="import", help=catalogue.IMPORT_HELP)
app.add_typer(cache.cache_app, name="cache")
