"""Checking and making catalogues: `careers validate`, `schema` and `import esco`."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from careers_cli.app.help import (
    CareersCommand,
    command_group,
    limit_option,
)
from careers_cli.app.options import (
    CommonOptions,
    DebugOption,
    NoColorOption,
    merge_options,
    parse_limit,
    with_common_options,
)
from careers_cli.app.session import compile_written, console_for, say_for, visual_for
from careers_cli.catalogue.domain import translation_coverage
from careers_cli.catalogue.reading import (
    CatalogueSource,
    catalogue_json_schema,
    load_catalogue,
)
from careers_cli.errors import CatalogueError, ExitStatus, UsageError
from careers_cli.i18n.messages import label, message
from careers_cli.present.consoles import write_json
from careers_cli.present.views import catalogue as views


@with_common_options(common=("rtl", "lang", "no_color", "debug"))
def validate(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH",
            help="The catalogue file to check.",
            show_default=False,
            readable=False,  # the loader checks: an unreadable file is exit 3, as documented
        ),
    ],
    limit: Annotated[
        str | None,
        limit_option(
            f"Print at most N problems (by default {views.PROBLEM_LIMIT}); 'all' for every "
            "one found."
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """Check a catalogue file and report its problems, each with its place.

    Exit 0 when valid (with a one-line summary), 3 when not.

    [bold]Examples[/bold]

    careers validate my-careers.json

    careers validate examples/small-catalogue.json
    """
    most = parse_limit(
        limit, option="--limit", command="careers validate", default=views.PROBLEM_LIMIT
    )
    language = options.output_language
    try:
        catalogue = load_catalogue(CatalogueSource(path, bundled=False))
    except CatalogueError as error:  # not a failure of validate: its report of the problems
        err = console_for(options, stderr=True)
        problems = views.validation_problems(error, language, most)
        err.print(visual_for(options, err, problems), soft_wrap=True)
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
    say_for(options, summary)
    for coverage in translation_coverage(catalogue):
        named = label("language.ar" if coverage.language == "ar" else "language.en", language)
        line = message("validate.coverage", language, **{**coverage._asdict(), "language": named})
        say_for(options, "  " + line, style="dim")


def schema() -> None:
    """Print the catalogue format as JSON Schema, for editors that check files as you type.

    [bold]Example[/bold]

    careers schema > careers.schema.json
    """
    write_json(sys.stdout, catalogue_json_schema())


# --- careers import ---------------------------------------------------------------------------

import_app = command_group(no_args_is_help=True)
IMPORT_HELP = """Import a catalogue from a standard taxonomy of occupations and skills (ESCO).

    [bold]Example[/bold]

    careers import esco ESCO_dataset_v1.2.0_classification_en_csv.zip --output esco.json
    """


@import_app.command("esco", cls=CareersCommand)
def import_esco(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            metavar="PATH",
            help="ESCO's CSV download: the .zip as downloaded, or the folder it unpacks to.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The catalogue file to write; - for standard output.",
            show_default=False,
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    lang: Annotated[
        list[str] | None,
        typer.Option(
            "--lang",
            metavar="[en|ar]",
            help="A language to import, en or ar; repeat for both. By default every language "
            "the download has. English is always imported: the ids are made from it.",
            show_default=False,
        ),
    ] = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Import ESCO's occupations and skills into a catalogue file.

    Each ESCO occupation becomes a career, with its alternative titles, description and ISCO-08
    group; each skill becomes a skill of the vocabulary, with its other names and description;
    each link an essential or optional required skill. The Arabic (titles, descriptions and
    other names of occupations and skills) comes from the download's occupations_ar.csv and
    skills_ar.csv, when it has them.

    Here --lang chooses the languages to import; the messages follow --lang given before
    the command name, or $CAREERS_LANG.

    [bold]Examples[/bold]

    careers import esco ESCO_dataset_v1.2.0_classification_en_csv.zip --output esco.json

    careers import esco ./esco-csv -o esco-en.json --lang en

    careers list --data esco.json
    """
    from careers_cli.catalogue import esco
    from careers_cli.present.progress import progress_bar

    # The message language is the one given before the command name (or $CAREERS_LANG), never
    # this command's --lang: made explicit, so errors are not reported in a language to import.
    outer = ctx.obj if isinstance(ctx.obj, CommonOptions) else CommonOptions()
    options = merge_options(ctx, lang=outer.output_language, no_color=no_color, debug=debug)
    esco.check_languages(lang, command=ctx.command_path)
    source_path = _path_argument(source, "PATH", ctx.command_path)
    to_stdout = output == "-"
    output_path = None if to_stdout else _path_argument(output, "--output", ctx.command_path)
    if output_path is not None:
        esco.check_output(output_path, force=force)  # before the work, not after it
    with progress_bar(no_color=options.no_color) as progress:
        result = esco.import_esco(source_path, languages=lang or None, progress=progress)
        if output_path is not None:
            written = esco.write_catalogue(result.data, output_path, force=force)
            compile_written(output_path, written)  # the first run on it finds its store
    language = options.output_language
    if to_stdout:  # the catalogue is the output; what was done goes to stderr
        sys.stdout.write(esco.catalogue_json(result.data))
        say_for(options, stderr=True, lines=result.summary(label("stdout", language), language))
    else:
        say_for(options, result.summary(output, language))
    if result.skipped:
        say_for(options, stderr=True, lines=result.skipped_warning(language))


def _path_argument(value: str, name: str, command: str) -> Path:
    if not value.strip():
        raise UsageError("usage.empty_path", option=name, command=command)
    return Path(value)
