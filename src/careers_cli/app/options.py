"""The options every command shares, and the decorator that adds them to a command.

Typer reads a command's options from its signature. Rather than repeat `--format`, `--rtl`,
`--data`, `--lang`, `--no-color` and `--debug` in every command, `with_common_options` adds them
to the signature once and hands the command one `CommonOptions`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

import typer

from careers_cli.errors import UsageError
from careers_cli.i18n.messages import Alternatives
from careers_cli.text.language import LANGUAGES, Language

OutputFormat = Literal["table", "json", "csv", "csv-bom", "markdown", "html", "svg"]
RtlMode = Literal["logical", "visual"]


class CommonOptions(NamedTuple):
    """Options every command takes, before or after its name."""

    data: Path | None = None
    language: Language | None = None
    no_color: bool = False
    debug: bool = False
    output_format: OutputFormat | None = None
    rtl: RtlMode | None = None
    no_cache: bool = False

    @property
    def chosen_format(self) -> OutputFormat:
        """The output format: a table unless another was asked for."""
        return self.output_format or "table"

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
            output_format=self.output_format or outer.output_format,
            rtl=self.rtl or outer.rtl,
            no_cache=self.no_cache or outer.no_cache,
        )


def click_module(name: str) -> Any:
    """Click's module `name` ("exceptions", "shell_completion"): recent Typer vendors Click as
    `typer._click`; older versions depend on Click itself."""
    import importlib

    try:
        return importlib.import_module(f"typer._click.{name}")
    except ImportError:  # pragma: no cover - an older Typer, on Click itself
        return importlib.import_module(f"click.{name}")


# The options of the command line being run, once parsed: what errors are reported in.
_IN_EFFECT: ContextVar[CommonOptions | None] = ContextVar("careers_options", default=None)


def options_in_effect() -> CommonOptions | None:
    """The options merged last on this command line (None before any was parsed)."""
    return _IN_EFFECT.get()


def forget_options() -> None:
    """Start a command line afresh (a process, or a test, may run several)."""
    _IN_EFFECT.set(None)


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
    merged = given.merged_over(outer)
    _IN_EFFECT.set(merged)
    return merged


ALL = "all"
"""What `--limit` takes for no limit at all."""


def parse_limit(
    value: str | None, *, option: str, command: str, default: int | None = None
) -> int | None:
    """`--limit N`: a whole number of at least 1, or `all` (None: no limit); `default` when
    not given."""
    if value is None:
        return default
    text = value.strip()
    if text.casefold() == ALL:
        return None
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise UsageError("usage.limit", option=option, value=value, command=command)
    return int(text)


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
