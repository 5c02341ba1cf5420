"""The options every command shares, and the decorator that adds them to a command.

Typer reads a command's options from its signature. Rather than repeat `--format`, `--rtl`,
`--data`, `--lang`, `--no-color` and `--debug` in every command, `with_common_options` adds them
to the signature once and hands the command one `CommonOptions`.
"""

import functools
import inspect
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from careers_cli import names, search
from careers_cli.catalogue import find_catalogue, load_catalogue
from careers_cli.session import CommonOptions
from careers_cli.text import one_line, printable_line


class LanguageChoice(str, Enum):
    en = "en"
    ar = "ar"


class RtlChoice(str, Enum):
    logical = "logical"
    visual = "visual"


class FormatChoice(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


COMMON = "Common options"
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="PATH",
        help="Catalogue file to use instead of the built-in one (also $CAREERS_DATA).",
        show_default=False,
        rich_help_panel=COMMON,
    ),
]
LangOption = Annotated[
    LanguageChoice | None,
    typer.Option(
        "--lang",
        envvar="CAREERS_LANG",
        help="Language of the output: en (English, the default) or ar (Arabic).",
        case_sensitive=False,
        show_default=False,
        rich_help_panel=COMMON,
    ),
]
NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help="No colour, even on a terminal.", rich_help_panel=COMMON),
]
FormatOption = Annotated[
    FormatChoice,
    typer.Option(
        "--format",
        "-f",
        help="table for people; json, csv or markdown for scripts and documents.",
        case_sensitive=False,
        rich_help_panel=COMMON,
    ),
]
RtlOption = Annotated[
    RtlChoice | None,
    typer.Option(
        "--rtl",
        envvar="CAREERS_RTL",
        help="visual: shape and reorder Arabic for terminals without bidi support "
        "(xterm, kitty, Alacritty, Windows Terminal); logical (default) for the others.",
        case_sensitive=False,
        show_default=False,
        rich_help_panel=COMMON,
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug",
        envvar="CAREERS_DEBUG",
        help="Show the traceback of an unexpected error.",
        rich_help_panel=COMMON,
    ),
]


def _completions(
    complete: Callable[[search.CatalogueIndex, str], list[tuple[str, str]]], incomplete: str
) -> list[tuple[str, str]]:
    """Candidates from the catalogue ($CAREERS_DATA or the built-in one), each with its help
    text made safe for the terminal.

    Completion must stay silent: a catalogue that cannot be loaded, or any other failure,
    completes nothing rather than printing into the shell.
    """
    try:
        index = search.CatalogueIndex(load_catalogue(find_catalogue(None)))
        return [
            (value, one_line(help_text))
            for value, help_text in complete(index, incomplete)
            if value == printable_line(value)  # a label with control characters is not offered
        ]
    except Exception:  # a broken catalogue, or anything else: nothing may reach the shell
        return []


def complete_career(incomplete: str) -> list[tuple[str, str]]:
    return _completions(names.complete_career_ids, incomplete)


def complete_skill(incomplete: str) -> list[tuple[str, str]]:
    return _completions(names.complete_skill_names, incomplete)


def merge_options(
    ctx: typer.Context,
    data: Path | None = None,
    lang: LanguageChoice | None = None,
    no_color: bool = False,
    debug: bool = False,
    output_format: FormatChoice = FormatChoice.table,
    rtl: RtlChoice | None = None,
) -> CommonOptions:
    outer = ctx.obj if isinstance(ctx.obj, CommonOptions) else CommonOptions()
    given = CommonOptions(
        data=data,
        language=lang.value if lang else None,
        no_color=no_color,
        debug=debug,
        output_format=output_format.value,
        rtl=rtl.value if rtl else None,
    )
    return given.merged_over(outer)


# Every data command takes these options after its name, in this order in its help.
_COMMON_PARAMETERS: dict[str, tuple[object, object]] = {
    "output_format": (FormatOption, FormatChoice.table),
    "rtl": (RtlOption, None),
    "data": (DataOption, None),
    "lang": (LangOption, None),
    "no_color": (NoColorOption, False),
    "debug": (DebugOption, False),
}
ALL_COMMON = tuple(_COMMON_PARAMETERS)


def with_common_options(
    common: tuple[str, ...] = ALL_COMMON,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Turn a function taking `options: CommonOptions` into a command taking the options.

    The command's own parameters come first; the common ones (`--format`, `--rtl`, `--data`,
    `--lang`, `--no-color`, `--debug`) are added to its signature once, here, and merged with
    those given before the command name.
    """

    def register(function: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(function).parameters.values() if p.name != "options"]
        added = [
            inspect.Parameter(
                key,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=_COMMON_PARAMETERS[key][0],
                default=_COMMON_PARAMETERS[key][1],
            )
            for key in common
        ]
        context = inspect.Parameter(
            "ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context
        )

        @functools.wraps(function)
        def run(ctx: typer.Context, **arguments: Any) -> None:
            given = {key: arguments.pop(key) for key in common}
            function(**arguments, options=merge_options(ctx, **given))

        parameters = [context, *own, *added]
        run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        return run

    return register
