"""How commands are declared and how their help reads: the command and group classes, and the
options and arguments several commands share."""

import inspect
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from careers_cli.app import completion
from careers_cli.app.options import (
    forget_options,
)
from careers_cli.app.session import (
    exit_status_of,
)


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
            param.get_usage_pieces = lambda ctx, name=param.metavar: [name]
            param.display_type_rich = lambda ctx: None
    return params


class CareersCommand(TyperCommand):
    """A command whose help wraps to the terminal and shows no value type for its flags."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _reflowed(self.help or "")

    def get_params(self, ctx: Any) -> Any:
        return _without_flag_types(super().get_params(ctx))


class CareersGroup(TyperGroup):
    """The command group, with usage errors as one line in the user's language (exit code 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _reflowed(self.help or "")

    def get_params(self, ctx: Any) -> Any:
        return _without_flag_types(super().get_params(ctx))

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
