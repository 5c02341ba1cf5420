"""The options every command shares, as the command sees them once parsed, without the
option parser: what both the Typer commands (`app.options` declares them) and the quick path
(`app.quick`) hand a command."""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal, NamedTuple

from careers_cli.errors import UsageError
from careers_cli.text.language import Language

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


def put_in_effect(options: CommonOptions) -> CommonOptions:
    """Make `options` those errors are reported in (`options_in_effect`); `options`."""
    _IN_EFFECT.set(options)
    return options


def forget_options() -> None:
    """Start a command line afresh (a process, or a test, may run several)."""
    _IN_EFFECT.set(None)


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
