"""The `careers` command line: commands, options and help text with examples.

Each command parses its options, opens a session (which loads the catalogue and owns the error
boundary), calls the search and view layers, and prints. No rule about careers lives here.
"""

import functools
import inspect
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.text import Text
from typer.core import TyperGroup

from careers_cli import __version__, records, search, views
from careers_cli.catalogue import CatalogueSource, catalogue_json_schema, load_catalogue
from careers_cli.domain import Language
from careers_cli.errors import CatalogueError, ExitStatus, UsageError
from careers_cli.messages import message
from careers_cli.output import make_console, write_json
from careers_cli.session import CommonOptions, error_boundary, open_session, report_usage_error
from careers_cli.text import printable

COMPARE_LIMIT = 7


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
    Optional[Path],  # noqa: UP045 - Typer reads the annotation at run time, on Python 3.10 too
    typer.Option(
        "--data",
        metavar="PATH",
        help="Catalogue file to use instead of the built-in one (also $CAREERS_DATA).",
        show_default=False,
        rich_help_panel=COMMON,
    ),
]
LangOption = Annotated[
    Optional[LanguageChoice],  # noqa: UP045
    typer.Option(
        "--lang",
        envvar="CAREERS_LANG",
        help="Language of the output (also $CAREERS_LANG).",
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
    Optional[RtlChoice],  # noqa: UP045
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


def _completion_index() -> search.CatalogueIndex | None:
    """The catalogue for shell completion ($CAREERS_DATA or the built-in one); None if broken.

    Completion must stay silent: a broken catalogue completes nothing rather than printing.
    """
    from careers_cli.catalogue import find_catalogue, load_catalogue
    from careers_cli.errors import CareersError

    try:
        return search.CatalogueIndex(load_catalogue(find_catalogue(None)))
    except (CareersError, OSError, ValueError):
        return None


def _complete_career(incomplete: str) -> list[tuple[str, str]]:
    index = _completion_index()
    return search.complete_career_ids(index, incomplete) if index else []


def _complete_skill(incomplete: str) -> list[tuple[str, str]]:
    index = _completion_index()
    return search.complete_skill_names(index, incomplete) if index else []


class CareersGroup(TyperGroup):
    """The command group, with usage errors as one line in the user's language (exit code 2)."""

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            status = super().main(argv, prog_name, complete_var, False, **extra)
        except (KeyboardInterrupt, typer.Abort):
            sys.exit(ExitStatus.INTERRUPTED)
        except typer.TyperException as error:  # Click's usage errors derive from it
            report_usage_error(error, argv)
            sys.exit(getattr(error, "exit_code", ExitStatus.USAGE))
        sys.exit(status if isinstance(status, int) else ExitStatus.OK)


app = typer.Typer(
    name="careers",
    cls=CareersGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)


def _print_version(value: bool) -> None:
    if value:
        print(f"careers {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: DataOption = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Explore careers from the terminal: list, read, compare, and match them to your skills.

    Common options work before or after the command name:
    [bold]careers show influencer --lang ar[/bold]
    """
    ctx.obj = _common(data, lang, no_color, debug)


def _common(
    data: Path | None, lang: LanguageChoice | None, no_color: bool, debug: bool
) -> CommonOptions:
    language: Language | None = None
    if lang is not None:
        language = "ar" if lang is LanguageChoice.ar else "en"
    return CommonOptions(data=data, language=language, no_color=no_color, debug=debug)


def _options(
    ctx: typer.Context,
    data: Path | None = None,
    lang: LanguageChoice | None = None,
    no_color: bool = False,
    debug: bool = False,
    output_format: FormatChoice = FormatChoice.table,
    rtl: RtlChoice | None = None,
) -> CommonOptions:
    outer = ctx.obj if isinstance(ctx.obj, CommonOptions) else CommonOptions()
    given = _common(data, lang, no_color, debug)._replace(
        output_format=output_format.value,
        rtl="visual" if rtl is RtlChoice.visual else "logical" if rtl else None,
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


def command(
    name: str | None = None, *, common: tuple[str, ...] = ALL_COMMON
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command that receives the common options as one `options: CommonOptions`.

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
            function(**arguments, options=_options(ctx, **given))

        parameters = [context, *own, *added]
        run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        app.command(name)(run)
        return function

    return register


@command("list")
def list_careers(
    *,
    options: CommonOptions,
) -> None:
    """List every career: id, title, summary and number of skills.

    [bold]Examples[/bold]

      careers list

      careers list --lang ar
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        session.present(
            lambda: views.career_list(index, language),
            lambda: records.career_list(index, language),
        )


@command()
def show(
    career: Annotated[
        str,
        typer.Argument(
            help="Career id, id prefix, words of its title (English or Arabic), or a misspelling.",
            show_default=False,
            autocompletion=_complete_career,
        ),
    ],
    *,
    options: CommonOptions,
) -> None:
    """Show one career in full: duties, skills, tools, trends, tips and related careers.

    [bold]Examples[/bold]

      careers show influencer

      careers show "community manager"

      careers show analyst --lang ar
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        profile = search.career_profile(index, search.resolve_career(index, career))
        session.present(
            lambda: views.career_profile(index, profile, language),
            lambda: records.career_profile(profile, language),
        )


@command()
def compare(
    careers: Annotated[
        list[str],
        typer.Argument(
            help=f"2 to {COMPARE_LIMIT} careers, named as for 'show'.",
            show_default=False,
            autocompletion=_complete_career,
        ),
    ],
    *,
    options: CommonOptions,
) -> None:
    """Compare careers side by side: skills each has (shared first), tools, similarity.

    [bold]Examples[/bold]

      careers compare influencer digital-content-creator

      careers compare analyst "community manager" social-media-manager
    """
    with open_session(options) as session:
        if len(careers) < 2:
            raise UsageError("compare.too_few")
        if len(careers) > COMPARE_LIMIT:
            raise UsageError("compare.too_many", limit=COMPARE_LIMIT)
        index, language = session.index, session.language
        result = search.compare_careers(search.resolve_careers(index, careers))
        session.present(
            lambda: views.comparison(index, result, language),
            lambda: records.comparison(index, result, language),
        )


@command()
def match(
    skill: Annotated[
        list[str],
        typer.Option(
            "--skill",
            "-s",
            help="A skill you have: id, name or alias, English or Arabic; repeat for more.",
            show_default=False,
            autocompletion=_complete_skill,
        ),
    ],
    require_all: Annotated[
        bool, typer.Option("--all", help="Only careers that have every skill asked for.")
    ] = False,
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--limit", "-n", min=1, help="Show at most N careers.", show_default=False),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """Rank careers by the skills you have, and show what each would still need.

    Ranking: careers with more of your skills come first; among equals, the career where
    your skills are more central (a larger share of its required-skill lines is tagged with
    them) comes first; then by id. The score reads [bold]2/2 · 50%[/bold]: two of your two
    skills, covering half of the career's requirements.

    [bold]Examples[/bold]

      careers match --skill analytics

      careers match -s analytics -s "content creation"

      careers match -s "تحليل البيانات" --all --limit 3
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        wanted = search.resolve_skills(index, skill)
        matches = search.rank_by_skills(index, wanted, require_all=require_all, limit=limit)
        if not matches:
            session.notice(message("match.none", language))
            if options.output_format != "json":
                return
        session.present(
            lambda: views.match_table(index, matches, language),
            lambda: records.match_results(index, matches, language),
        )


@command()
def skills(
    *,
    options: CommonOptions,
) -> None:
    """List the skill vocabulary: each skill, its names, and the careers that need it.

    [bold]Examples[/bold]

      careers skills

      careers skills --lang ar
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        session.present(
            lambda: views.skill_table(index, language),
            lambda: records.skill_list(index, language),
        )


@command()
def trends(
    *,
    options: CommonOptions,
) -> None:
    """List the future trends of the field, with the careers and skills each concerns.

    [bold]Example[/bold]

      careers trends
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        notes = index.catalogue.trends
        session.present(
            lambda: views.note_table(index, notes, language),
            lambda: records.note_list(notes, language),
        )


@command()
def tips(
    *,
    options: CommonOptions,
) -> None:
    """List the tips for success, with the careers and skills each concerns.

    [bold]Example[/bold]

      careers tips --lang ar
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        notes = index.catalogue.tips
        session.present(
            lambda: views.note_table(index, notes, language),
            lambda: records.note_list(notes, language),
        )


@command(common=("lang", "no_color", "debug"))
def validate(
    path: Annotated[Path, typer.Argument(help="The catalogue file to check.", show_default=False)],
    *,
    options: CommonOptions,
) -> None:
    """Check a catalogue file and report every problem, each with its place.

    Exit 0 when valid (with a one-line summary), 3 when not.

    [bold]Examples[/bold]

      careers validate my-careers.json

      careers validate examples/small-catalogue.json
    """
    with error_boundary(options) as boundary:
        language = options.language or "en"
        try:
            catalogue = load_catalogue(CatalogueSource(path, bundled=False))
        except CatalogueError as error:
            boundary.err.print(views.validation_problems(error, language), soft_wrap=True)
            raise typer.Exit(ExitStatus.INVALID_CATALOGUE) from None
        summary = message(
            "validate.ok",
            language,
            path=str(path),
            careers=len(catalogue.careers),
            skills=len(catalogue.skills),
            trends=len(catalogue.trends),
            tips=len(catalogue.tips),
        )
        out = make_console(sys.stdout, no_color=options.no_color)
        out.print(Text(printable(summary)), soft_wrap=True)


@app.command()
def schema() -> None:
    """Print the catalogue format as JSON Schema, for editors that check files as you type.

    [bold]Example[/bold]

      careers schema > careers.schema.json
    """
    write_json(sys.stdout, catalogue_json_schema())


def main() -> None:
    """Entry point of the `careers` script."""
    app()
