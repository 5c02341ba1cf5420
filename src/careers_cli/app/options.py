"""The options every command shares, and the decorator that adds them to a command.

Typer reads a command's options from its signature. Rather than repeat `--format`, `--rtl`,
`--data`, `--lang`, `--no-color` and `--debug` in every command, `with_common_options` adds them
to the signature once and hands the command one `CommonOptions`.
"""

from __future__ import annotations

__all__ = [
    "ALL",
    "CommonOptions",
    "OutputFormat",
    "RtlMode",
    "click_module",
    "forget_options",
    "options_in_effect",
    "parse_limit",
]

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from careers_cli.app.common import (
    ALL,
    CommonOptions,
    OutputFormat,
    RtlMode,
    click_module,
    forget_options,
    options_in_effect,
    parse_limit,
    put_in_effect,
)
from careers_cli.errors import UsageError
from careers_cli.i18n.messages import Alternatives
from careers_cli.text.language import LANGUAGES

FORMATS = ("table", "json", "csv", "csv-bom", "markdown", "html", "svg")
RTL_MODES = ("logical", "visual")


def _completing(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        return [choice for choice in choices if choice.startswith(incomplete.lower())]

    return complete


COMMON = "Common options"
# The choices are checked by `merge_options`, not by the option parser, so that a wrong value
# is reported by this program in the user's language, naming where it came from.
DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar="PATH",
        help="Catalogue file to use instead of the built-in one (also $CAREERS_DATA).",
        show_default=False,
        rich_help_panel=COMMON,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="CAREERS_LANG",
        metavar="[en|ar]",
        help="Language of the output: en (English, the default) or ar (Arabic).",
        show_default=False,
        autocompletion=_completing(LANGUAGES),
        rich_help_panel=COMMON,
    ),
]
NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help="No colour, even on a terminal.", rich_help_panel=COMMON),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="[table|json|csv|csv-bom|markdown|html|svg]",
        help="table for people (the default); json, csv or markdown for scripts and documents; "
        "html for a page to print or send, svg for a picture of the table; csv-bom is csv "
        "that Excel on Windows opens as UTF-8.",
        show_default=False,
        autocompletion=_completing(FORMATS),
        rich_help_panel=COMMON,
    ),
]
RtlOption = Annotated[
    str | None,
    typer.Option(
        "--rtl",
        envvar="CAREERS_RTL",
        metavar="[logical|visual]",
        help="visual: the program shapes and orders Arabic itself (the default on a terminal, "
        "which is told so); logical: as written (the default in pipes and files, Konsole, mlterm).",
        show_default=False,
        autocompletion=_completing(RTL_MODES),
        rich_help_panel=COMMON,
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="CAREERS_NO_CACHE",
        help="Read the catalogue file itself, not its compiled store (see 'careers cache').",
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


def merge_options(
    ctx: typer.Context,
    data: str | None = None,
    lang: str | None = None,
    no_color: bool = False,
    debug: bool = False,
    output_format: str | None = None,
    rtl: str | None = None,
    no_cache: bool = False,
) -> CommonOptions:
    """The options given here, checked, over those given before the command name.

    Raises `UsageError` (exit 2) for a value that is not one of its option's choices, naming
    the environment variable when the value came from there, and for an empty `--data`.
    """
    outer = ctx.obj if isinstance(ctx.obj, CommonOptions) else CommonOptions()
    if data is not None and not data.strip():
        raise UsageError("usage.empty_path", option="--data", command=ctx.command_path)
    given = CommonOptions(
        data=Path(data) if data is not None else None,
        language=_choice(ctx, "lang", lang, LANGUAGES),  # type: ignore[arg-type]
        no_color=no_color,
        debug=debug,
        output_format=_choice(ctx, "output_format", output_format, FORMATS),  # type: ignore[arg-type]
        rtl=_choice(ctx, "rtl", rtl, RTL_MODES),  # type: ignore[arg-type]
        no_cache=no_cache,
    )
    return put_in_effect(given.merged_over(outer))


def _choice(
    ctx: typer.Context, name: str, value: str | None, choices: tuple[str, ...]
) -> str | None:
    if value is None or value.lower() in choices:
        return None if value is None else value.lower()
    param = next(p for p in ctx.command.params if p.name == name)
    source = ctx.get_parameter_source(name)
    from_environment = source is not None and source.name == "ENVIRONMENT"
    where = f"${param.envvar}" if from_environment else " / ".join(param.opts)
    raise UsageError(
        "option.bad_value",
        option=where,
        choices=Alternatives([f"'{choice}'" for choice in choices]),
        value=value,
        command=ctx.command_path,
    )


# Every data command takes these options after its name, in this order in its help.
_COMMON_PARAMETERS: dict[str, tuple[object, object]] = {
    "output_format": (FormatOption, None),
    "rtl": (RtlOption, None),
    "data": (DataOption, None),
    "lang": (LangOption, None),
    "no_color": (NoColorOption, False),
    "no_cache": (NoCacheOption, False),
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
