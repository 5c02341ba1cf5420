"""The `careers` command line: commands, options and help text with examples.

Each command parses its options, opens a session (which loads the catalogue and owns the error
boundary), calls the search and view layers, and prints. No rule about careers lives here.
"""

import inspect
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from rich.text import Text
from typer.core import TyperCommand, TyperGroup

from careers_cli import __version__
from careers_cli.app import completion
from careers_cli.app.options import (
    CommonOptions,
    DataOption,
    DebugOption,
    FormatOption,
    LangOption,
    NoCacheOption,
    NoColorOption,
    RtlOption,
    forget_options,
    merge_options,
    parse_limit,
    with_common_options,
)
from careers_cli.app.session import (
    Session,
    build_store,
    exit_status_of,
    language_from_arguments,
    open_session,
)
from careers_cli.catalogue.domain import LinkedNote, Section, translation_coverage
from careers_cli.catalogue.reading import (
    CatalogueSource,
    catalogue_json_schema,
    find_catalogue,
    load_catalogue,
)
from careers_cli.errors import CatalogueError, ExitStatus, OutputError, UsageError
from careers_cli.i18n.messages import Alternatives, label, message
from careers_cli.index.query import NoteKind
from careers_cli.present import records, views
from careers_cli.present.consoles import make_console, write_json
from careers_cli.rules import moves, names, search
from careers_cli.rules.search import Wanted
from careers_cli.text.terminal import printable_line


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
        reason = error.strerror or type(error).__name__
        raise OutputError("output.failed", reason=f"{error.filename}: {reason}") from None
    out = make_console(sys.stdout)
    out.print(
        Text(message("completion.installed", language, shell=chosen, path=str(installed.script))),
        soft_wrap=True,
    )
    if installed.startup is not None:
        out.print(
            Text(message("completion.startup", language, path=str(installed.startup))),
            soft_wrap=True,
        )
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


@app.command("list", cls=CareersCommand)
@with_common_options()
def list_careers(
    skill: Annotated[
        list[str] | None,
        typer.Option(
            "--skill",
            "-s",
            metavar="SKILL",
            help="Only careers that need this skill (or list this platform or tool), named as "
            "for 'match'; repeat for careers that need all of them.",
            show_default=False,
            autocompletion=completion.complete_skill,
        ),
    ] = None,
    limit: Annotated[
        str | None,
        limit_option(
            f"Show at most N careers (by default {search.LIST_LIMIT}); 'all' for every one."
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """List the careers: id, title, summary and number of skills.

    [bold]Examples[/bold]

    careers list

    careers list --lang ar --limit all

    careers list --skill analytics --skill instagram
    """
    command = "careers list"
    most = parse_limit(limit, option="--limit", command=command, default=search.LIST_LIMIT)
    with open_session(options) as session:
        index, language = session.index, session.language
        if skill:
            found, errors = names.resolve_each(index, skill)
            for error in errors:  # a filter with a word that named nothing would mislead
                session.report(error)
            if errors:
                raise typer.Exit(ExitStatus.NOT_FOUND)
            having = search.careers_having(index, [session.take(f) for f in found])
            page = search.first(having, most)
        else:
            page = search.career_page(index, most)
        session.present(
            lambda: views.career_list(page.items, language),
            lambda: records.career_list(page.items, language),
        )
        session.left_out(page, "more.careers")


@app.command(cls=CareersCommand)
@with_common_options()
def show(
    career: Annotated[
        str,
        career_argument(
            "CAREER",
            "Career id, title or other name (English or Arabic), words of one, or a misspelling.",
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
        profile = search.career_profile(index, session.take(names.resolve_career(index, career)))
        session.present(
            lambda: views.career_profile(index, profile, language),
            lambda: records.career_profile(index, profile, language),
        )


@app.command(cls=CareersCommand)
@with_common_options()
def compare(
    careers: Annotated[
        list[str],
        career_argument("CAREER...", f"2 to {search.COMPARE_LIMIT} careers, named as for 'show'."),
    ],
    limit: Annotated[
        str | None,
        limit_option(
            f"Show at most N skills (by default {search.COMPARE_SKILL_LIMIT}), those more of "
            "the careers share first; 'all' for every one."
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """Compare careers side by side: skills each has (shared first), tools, similarity.

    [bold]Examples[/bold]

    careers compare influencer digital-content-creator

    careers compare analyst "community manager" social-media-manager
    """
    search.check_comparison_size(len(careers))  # a usage error, before the catalogue is read
    most = parse_limit(
        limit, option="--limit", command="careers compare", default=search.COMPARE_SKILL_LIMIT
    )
    with open_session(options) as session:
        index, language = session.index, session.language
        found = names.resolve_careers(index, careers)
        result = search.compare_careers([session.take(f) for f in found], most)
        session.present(
            lambda: views.comparison(index, result, language),
            lambda: records.comparison(index, result, language),
        )
        session.left_out(result.skill_page(), "more.skills")


@app.command(cls=CareersCommand)
@with_common_options()
def match(
    skill: Annotated[
        list[str] | None,
        typer.Option(
            "--skill",
            "-s",
            metavar="SKILL",
            help="A skill you have: id, name or alias, English or Arabic; repeat for more. "
            "Without any, the skills of your profile ('careers profile').",
            show_default=False,
            autocompletion=completion.complete_skill,
        ),
    ] = None,
    require_all: Annotated[
        bool, typer.Option("--all", help="Only careers that have every skill asked for.")
    ] = False,
    limit: Annotated[
        str | None,
        limit_option(
            f"Show at most N careers (by default {search.MATCH_LIMIT}; 'all' for every "
            f"one; with --next-skills: N skills, by default {moves.NEXT_SKILLS_LIMIT})."
        ),
    ] = None,
    next_skills: Annotated[
        bool,
        typer.Option(
            "--next-skills",
            help=f"Instead of the careers, the skills you do not have that would most raise "
            f"the scores of your best {moves.BEST_MATCHES} matches.",
        ),
    ] = False,
    *,
    options: CommonOptions,
) -> None:
    """Rank careers by the skills you have, and show what each would still need.

    Score: each of your skills a career needs adds ln(1 + careers / careers needing it), so a
    skill few careers need counts for more than one most careers need; a skill the career
    needs only optionally adds half. Platforms and tools (--skill instagram) count as skills
    for the careers that list them. Equal scores share a rank; among them, the career where
    your skills are more central (they name a larger share of its requirements) comes first.
    [bold]score 3.02 · 2/2 · 50%[/bold]: two of your two skills, covering half of the career's
    requirements. A skill that names nothing is reported and the others are matched; the exit
    status is then 1. Without --skill, the skills kept in your profile are matched.

    --next-skills: what to learn next. For each skill your best 10 matches need and you do
    not have, what it would add to their scores in all; the largest first, then the skill
    that opens more careers (that match none of your skills yet), then the rarer, then by id.

    [bold]Examples[/bold]

    careers match --skill analytics

    careers match -s analytics -s "content creation"

    careers match -s "تحليل البيانات" --all --limit 3

    careers match -s analytics --next-skills
    """
    command = "careers match"
    default = moves.NEXT_SKILLS_LIMIT if next_skills else search.MATCH_LIMIT
    most = parse_limit(limit, option="--limit", command=command, default=default)
    kept = None if skill else _kept_profile(options, command)
    with open_session(options) as session:
        index, language = session.index, session.language
        errors: Sequence[Exception] = ()
        if skill:
            found, errors = names.resolve_each(index, skill)
            for error in errors:
                session.report(error)
            if not found:
                raise typer.Exit(ExitStatus.NOT_FOUND)
            wanted = [session.take(f) for f in found]
        else:
            assert kept is not None
            wanted = _profile_wanted(session, kept, command)
            session.notice(message("profile.using", language, count=len(wanted)))
        if next_skills:
            _present_skills_to_learn(session, wanted, require_all, most)
        else:
            _present_matches(session, wanted, require_all, most)
        if errors:  # the skills found were matched; the status says some were not
            raise typer.Exit(ExitStatus.NOT_FOUND)


def _present_matches(
    session: Session, wanted: Sequence[Wanted], require_all: bool, most: int | None
) -> None:
    index, language = session.index, session.language
    page = search.match_page(index, wanted, require_all=require_all, limit=most)
    matches = page.items
    if not matches:
        session.notice(message("match.none", language))
    if matches or session.output_format == "json":
        session.present(
            lambda: views.match_list(index, matches, language),
            lambda: records.match_results(matches, language),
        )
        session.left_out(page, "more.careers")


def _present_skills_to_learn(
    session: Session, wanted: Sequence[Wanted], require_all: bool, most: int | None
) -> None:
    index, language = session.index, session.language
    found = moves.skills_to_learn(index, wanted, require_all=require_all, limit=most)
    if not found:
        session.notice(message("next_skills.none", language))
    if found or session.output_format == "json":
        session.present(
            lambda: views.skills_to_learn(index, found, language),
            lambda: records.skills_to_learn(index, found, language),
        )


@app.command("next", cls=CareersCommand)
@with_common_options()
def next_careers(
    career: Annotated[
        str,
        career_argument("CAREER", "The career you are in, named as for 'show'."),
    ],
    limit: Annotated[
        str | None,
        limit_option(
            f"Show at most N careers (by default {moves.NEXT_LIMIT}; 'all' for every one)."
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """The careers nearest to CAREER: how much of each it already covers, the skills that
    carry over, and the skills still missing.

    Coverage of a career: the weight of its skills that CAREER has, over the weight of all
    its skills; a skill weighs what it adds in 'match', ln(1 + careers / careers needing it),
    halved where the career needs it only optionally. Nearest first: by coverage (equal
    percentages share a rank), then by the weight shared, then by id. Careers sharing no
    skill with CAREER are not listed. Missing skills come essential first, then the rarer.

    [bold]Examples[/bold]

    careers next influencer

    careers next "community manager" -n 3

    careers next analyst --format json
    """
    most = parse_limit(limit, option="--limit", command="careers next", default=moves.NEXT_LIMIT)
    with open_session(options) as session:
        index, language = session.index, session.language
        source = session.take(names.resolve_career(index, career))
        page = moves.nearest_page(index, source, most)
        neighbours = page.items
        if not neighbours:
            session.notice(message("next.none", language, career=source.id))
        if neighbours or options.chosen_format == "json":
            session.present(
                lambda: views.next_list(index, source, neighbours, language),
                lambda: records.next_careers(index, neighbours, language),
            )
            session.left_out(page, "more.careers")


@app.command(cls=CareersCommand)
@with_common_options()
def gap(
    source: Annotated[
        str,
        career_argument("FROM", "The career you are in, named as for 'show'."),
    ],
    target: Annotated[
        str,
        career_argument("TO", "The career you want, named as for 'show'."),
    ],
    *,
    options: CommonOptions,
) -> None:
    """What carries over from FROM to TO, and what to learn, in an order you can follow.

    The skills to learn: essential before optional; then those that also open more of the 10
    careers nearest to TO (as 'careers next TO' ranks them); then the more specific (fewer
    careers need it, so it weighs more in TO); then by id. Each comes with TO's coverage once
    it is learnt, and the trends and tips that concern it follow. --format markdown gives a
    checklist to keep.

    [bold]Examples[/bold]

    careers gap digital-content-creator social-media-data-analyst

    careers gap influencer "community manager" --lang ar

    careers gap influencer analyst --format markdown > plan.md
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        found = [session.take(names.resolve_career(index, name)) for name in (source, target)]
        result = moves.career_gap(index, found[0], found[1])
        if session.output_format == "markdown":  # a checklist, not a table
            session.out.file.write(records.gap_checklist(index, result, language))
            return
        session.present(
            lambda: views.career_gap(index, result, language),
            lambda: records.career_gap(index, result, language),
        )


@app.command(cls=CareersCommand)
@with_common_options()
def skills(
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="[TEXT]",
            help="Only the skills whose names fit TEXT, best first (as 'match' finds them).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        str | None,
        limit_option(
            f"Show at most N skills (by default {search.SKILL_LIST_LIMIT}); 'all' for every one."
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """List the skill vocabulary: each skill, its names, and the careers that need it.

    Without TEXT, every skill by id; with TEXT, the skills whose id, label or other names fit
    it, the best first; if none does, the most similar.

    [bold]Examples[/bold]

    careers skills

    careers skills analysis

    careers skills --lang ar
    """
    most = parse_limit(
        limit, option="--limit", command="careers skills", default=search.SKILL_LIST_LIMIT
    )
    with open_session(options) as session:
        index, language = session.index, session.language
        if text is None:
            page = search.skill_page(index, most)
        else:
            page = search.first(names.search_skills(index, text), most)
        session.present(
            lambda: views.skill_list(index, page.items, language),
            lambda: records.skill_list(index, page.items, language),
        )
        session.left_out(page, "more.skills")


@app.command(cls=CareersCommand)
@with_common_options()
def trends(
    trend: Annotated[
        str | None,
        typer.Argument(
            metavar="[TREND]",
            help="One trend to read in full: its id (as 'show' lists it) or words of its title.",
            show_default=False,
            autocompletion=completion.complete_trend,
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """List the future trends of the field, with the careers and skills each concerns.

    [bold]Examples[/bold]

    careers trends

    careers trends ai-and-data-analysis
    """
    _present_notes(options, "trends", trend)


@app.command(cls=CareersCommand)
@with_common_options()
def tips(
    tip: Annotated[
        str | None,
        typer.Argument(
            metavar="[TIP]",
            help="One tip to read in full: its id (as 'show' lists it) or words of its title.",
            show_default=False,
            autocompletion=completion.complete_tip,
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """List the tips for success, with the careers and skills each concerns.

    [bold]Examples[/bold]

    careers tips --lang ar

    careers tips networking
    """
    _present_notes(options, "tips", tip)


def _present_notes(options: CommonOptions, kind: NoteKind, name: str | None) -> None:
    with open_session(options) as session:
        index, language = session.index, session.language
        if name is None:
            notes: Sequence[LinkedNote] = index.notes(kind)
            if not notes:
                session.notice(message(f"note.{kind}.none", language))
        else:
            notes = [session.take(names.resolve_note(index, kind, name))]
        if notes or options.chosen_format == "json":
            session.present(
                lambda: views.note_list(index, notes, language),
                lambda: records.note_list(notes, language),
            )


@app.command(cls=CareersCommand)
@with_common_options()
def read(
    section: Annotated[
        str | None,
        typer.Argument(
            metavar="[SECTION]",
            help="One section: its id or words of its heading (English or Arabic).",
            show_default=False,
            autocompletion=completion.complete_section,
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """Read the catalogue's prose: for the built-in catalogue, the article's introduction,
    outlook, continuous learning and conclusion, in full.

    [bold]Examples[/bold]

    careers read

    careers read career-outlook --lang ar
    """
    with open_session(options) as session:
        index, language = session.index, session.language
        if section is None:
            sections: Sequence[Section] = index.sections()
            if not sections:
                session.notice(message("read.none", language))
        else:
            sections = [session.take(names.resolve_section(index, section))]
        if sections or options.chosen_format == "json":
            session.present(
                lambda: views.section_list(sections, language),
                lambda: records.section_list(sections, language),
            )


@app.command(cls=CareersCommand)
@with_common_options(common=("lang", "no_color", "debug"))
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
        err = make_console(sys.stderr, no_color=options.no_color)
        err.print(views.validation_problems(error, language, most), soft_wrap=True)
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
    out.print(Text(printable_line(summary)), soft_wrap=True)
    for coverage in translation_coverage(catalogue):
        named = label("language.ar" if coverage.language == "ar" else "language.en", language)
        line = message("validate.coverage", language, **{**coverage._asdict(), "language": named})
        out.print(Text("  " + line, style="dim"), soft_wrap=True)


@app.command(cls=CareersCommand)
def schema() -> None:
    """Print the catalogue format as JSON Schema, for editors that check files as you type.

    [bold]Example[/bold]

    careers schema > careers.schema.json
    """
    write_json(sys.stdout, catalogue_json_schema())


# --- careers profile ---------------------------------------------------------------------------

profile_app = command_group(no_args_is_help=True)
app.add_typer(
    profile_app,
    name="profile",
    help="""Keep the skills you have, so that 'careers match' needs no --skill.

    One profile per catalogue (the built-in one, or each --data file), kept in your
    configuration folder ($CAREERS_CONFIG_DIR, else ~/.config/careers on Linux), never next to
    a catalogue. Skills are named as for 'match --skill'.

    [bold]Examples[/bold]

    careers profile add analytics "content creation"

    careers profile list

    careers match --next-skills
    """,
)

ProfileSkills = Annotated[
    list[str],
    typer.Argument(
        metavar="SKILL...",
        help="Skills, platforms or tools, named as for 'match --skill'.",
        show_default=False,
        autocompletion=completion.complete_skill,
    ),
]


class KeptProfile(NamedTuple):
    """A catalogue's profile file, what it holds, and how the file names the catalogue."""

    path: Path
    profile: Any  # profile.Profile: that module is imported only by the commands using it
    catalogue: str


def _profile_file(options: CommonOptions) -> tuple[Path, str]:
    from careers_cli.userfiles import profile

    source = find_catalogue(options.data)
    name = profile.BUILT_IN if source.bundled else str(source.path.resolve())
    return profile.profile_path(source.path, bundled=source.bundled), name


def _read_kept(options: CommonOptions) -> KeptProfile:
    """The profile of the catalogue the options name; `ProfileError` (exit 3) for a file that
    cannot be read or is not a profile."""
    from careers_cli.userfiles import profile

    path, catalogue = _profile_file(options)
    return KeptProfile(path, profile.read_profile(path), catalogue)


def _kept_profile(options: CommonOptions, command: str) -> KeptProfile:
    """The profile, for a command given no skill: with none kept, a usage error as before
    profiles (the skills are missing)."""
    kept = _read_kept(options)
    if not kept.profile:
        raise UsageError("usage.missing", option="--skill / -s", command=command)
    return kept


def _profile_wanted(session: Session, kept: KeptProfile, command: str) -> list[Wanted]:
    """The profile's skills as `match` looks for them; those the catalogue lacks are named on
    stderr and left out."""
    wanted, unknown = moves.profile_wanted(
        session.index, kept.profile.skills, kept.profile.platforms
    )
    if unknown:
        ids = " ".join(unknown)
        session.notice(message("profile.unknown", session.language, count=len(unknown), ids=ids))
    if not wanted:
        raise UsageError("usage.missing", option="--skill / -s", command=command)
    return wanted


def _say(session: Session, text: str) -> None:
    session.out.print(Text(printable_line(text)), soft_wrap=True)


@profile_app.command("add", cls=CareersCommand)
@with_common_options(common=("data", "lang", "no_color", "no_cache", "debug"))
def profile_add(skills: ProfileSkills, *, options: CommonOptions) -> None:
    """Add skills to your profile. A skill that names nothing (or several things) is reported,
    and then nothing is added.

    [bold]Examples[/bold]

    careers profile add analytics "content creation"

    careers profile add "تحليل البيانات" instagram
    """
    from careers_cli.userfiles import profile

    kept = _read_kept(options)  # a file that is not a profile is never written over
    with open_session(options) as session:
        found, errors = names.resolve_each(session.index, skills)
        for error in errors:
            session.report(error)
        if errors:
            raise typer.Exit(ExitStatus.NOT_FOUND)
        wanted = [session.take(f) for f in found]
        skill_ids, platform_ids = moves.split_wanted(wanted)
        updated = kept.profile.with_added(skill_ids, platform_ids)
        profile.write_profile(kept.path, updated, kept.catalogue)
        added = len(updated.ids) - len(kept.profile.ids)
        _say(
            session, message("profile.added", session.language, count=added, total=len(updated.ids))
        )


@profile_app.command("remove", cls=CareersCommand)
@with_common_options(common=("data", "lang", "no_color", "no_cache", "debug"))
def profile_remove(skills: ProfileSkills, *, options: CommonOptions) -> None:
    """Remove skills from your profile: named as for 'match --skill', or by the id the profile
    keeps (also of a skill the catalogue no longer has).

    [bold]Examples[/bold]

    careers profile remove analytics

    careers profile remove "content creation" instagram
    """
    from careers_cli.userfiles import profile

    kept = _read_kept(options)
    with open_session(options) as session:
        kept_ids = set(kept.profile.ids)
        by_id = [q for q in skills if q in kept_ids]
        found, errors = names.resolve_each(session.index, [q for q in skills if q not in kept_ids])
        for error in errors:
            session.report(error)
        if errors:
            raise typer.Exit(ExitStatus.NOT_FOUND)
        for f in found:
            if f.record_id not in kept_ids:
                query = printable_line(f.query)
                session.notice(
                    message("profile.not_in", session.language, query=query, id=f.record_id)
                )
        gone = {*by_id, *(session.take(f).id for f in found)} & kept_ids
        updated = kept.profile.without(gone)
        if gone:
            profile.write_profile(kept.path, updated, kept.catalogue)
        _say(
            session,
            message("profile.removed", session.language, count=len(gone), total=len(updated.ids)),
        )


@profile_app.command("list", cls=CareersCommand)
@with_common_options()
def profile_list(*, options: CommonOptions) -> None:
    """List the skills of your profile, and where it is kept.

    [bold]Examples[/bold]

    careers profile list

    careers profile list --format json
    """
    kept = _read_kept(options)
    with open_session(options) as session:
        index, language = session.index, session.language
        wanted, unknown = moves.profile_wanted(index, kept.profile.skills, kept.profile.platforms)
        if unknown:
            ids = " ".join(unknown)
            session.notice(message("profile.unknown", language, count=len(unknown), ids=ids))
        if session.output_format == "table":  # a path on one line, to copy
            _say(session, message("profile.where", language, path=str(kept.path)))
        session.present(
            lambda: views.profile_skills(index, wanted, language),
            lambda: records.profile_skills(wanted, language),
        )


@profile_app.command("clear", cls=CareersCommand)
@with_common_options(common=("data", "lang", "no_color", "debug"))
def profile_clear(
    force: Annotated[
        bool,
        typer.Option("--force", help="Remove the profile file even if it is not a valid profile."),
    ] = False,
    *,
    options: CommonOptions,
) -> None:
    """Empty your profile (its file is removed). A file that is not a valid profile is left
    as it is, unless --force.

    [bold]Examples[/bold]

    careers profile clear

    careers profile clear --force
    """
    from careers_cli.userfiles import profile

    path, _ = _profile_file(options)
    if not force:
        profile.read_profile(path)  # ProfileError (exit 3) for a file that is not a profile
    removed = profile.remove_profile(path)
    language = options.output_language
    line = (
        message("profile.cleared", language, path=str(path))
        if removed
        else message("profile.already_empty", language)
    )
    out = make_console(sys.stdout, no_color=options.no_color)
    out.print(Text(printable_line(line)), soft_wrap=True)


# --- careers import ---------------------------------------------------------------------------

import_app = command_group(no_args_is_help=True)
app.add_typer(
    import_app,
    name="import",
    help="""Import a catalogue from a standard taxonomy of occupations and skills (ESCO).

    [bold]Example[/bold]

    careers import esco ESCO_dataset_v1.2.0_classification_en_csv.zip --output esco.json
    """,
)


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
            help="The catalogue file to write.",
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
    group; each skill becomes a skill of the vocabulary; each link an essential or optional
    required skill. Arabic titles come from the download's occupations_ar.csv, when it has one.

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
    output_path = _path_argument(output, "--output", ctx.command_path)
    esco.check_output(output_path, force=force)  # before the work, not after it
    with progress_bar(no_color=options.no_color) as progress:
        result = esco.import_esco(source_path, languages=lang or None, progress=progress)
        esco.write_catalogue(result.data, output_path, force=force)
    language = options.output_language
    out = make_console(sys.stdout, no_color=options.no_color)
    out.print(Text(printable_line(result.summary(output, language))), soft_wrap=True)
    if result.skipped:
        err = make_console(sys.stderr, no_color=options.no_color)
        err.print(Text(printable_line(result.skipped_warning(language))), soft_wrap=True)


def _path_argument(value: str, name: str, command: str) -> Path:
    if not value.strip():
        raise UsageError("usage.empty_path", option=name, command=command)
    return Path(value)


# --- careers cache ----------------------------------------------------------------------------

cache_app = command_group()
app.add_typer(cache_app, name="cache")


@cache_app.callback(invoke_without_command=True)
def cache_stores(
    ctx: typer.Context,
    output_format: FormatOption = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Show the compiled catalogues (stores): their folder, and each one's size, whether it is
    fresh, and the catalogue it was compiled from.

    A catalogue of your own (--data, $CAREERS_DATA) is compiled into a store in your cache
    folder the first time it is used, so later commands need not read the whole file again.
    $CAREERS_CACHE_DIR names another folder; CAREERS_NO_CACHE=1 reads catalogues from their
    files only. A stale store is rebuilt when its catalogue is next used.

    [bold]Examples[/bold]

    careers cache

    careers cache --format json

    careers cache clear

    careers cache build --data my-catalogue.json
    """
    options = merge_options(
        ctx, lang=lang, no_color=no_color, debug=debug, output_format=output_format
    )
    if ctx.invoked_subcommand is not None:
        ctx.obj = options  # what the subcommand is given is merged over these
        return
    from careers_cli.index import cache

    stores = cache.list_stores()
    if options.chosen_format != "table":
        _write_stores(stores, options)
        return
    language = options.output_language
    lines = [
        message("cache.directory", language, path=str(cache.cache_directory())),
        *_store_lines(stores, options),
    ]
    total = sum(store.size for store in stores)
    if stores:
        lines.append(message("cache.total", language, count=len(stores), size=human_size(total)))
    else:
        lines.append(message("cache.none", language))
    out = make_console(sys.stdout, no_color=options.no_color)
    for line in lines:
        out.print(Text(printable_line(line)), soft_wrap=True)


@cache_app.command("clear", cls=CareersCommand)
@with_common_options(common=("lang", "no_color", "debug"))
def clear_cache(*, options: CommonOptions) -> None:
    """Remove every compiled catalogue (store); each is compiled again when its catalogue is
    next used. Nothing else in the cache folder is touched.

    [bold]Example[/bold]

    careers cache clear
    """
    from careers_cli.index import cache

    removed, freed = cache.clear_stores()
    line = message("cache.removed", options.output_language, count=removed, size=human_size(freed))
    out = make_console(sys.stdout, no_color=options.no_color)
    out.print(Text(printable_line(line)), soft_wrap=True)


@cache_app.command("build", cls=CareersCommand)
@with_common_options(common=("data", "lang", "no_color", "debug"))
def build_cache(*, options: CommonOptions) -> None:
    """Compile the store of a catalogue now, and say where it is. Commands compile it on their
    own, in the background, after the first one to use the catalogue has answered; this is for
    a script that wants it there before its next command. An up-to-date store is kept.

    [bold]Example[/bold]

    careers cache build --data my-catalogue.json
    """
    line = build_store(options)
    out = make_console(sys.stdout, no_color=options.no_color)
    out.print(Text(printable_line(line)), soft_wrap=True)


def human_size(size: int) -> str:
    """A number of bytes as people read it: 512 B, 2.0 kB, 12.3 MB (powers of 1,000, as file
    managers count)."""
    units = ("B", "kB", "MB", "GB", "TB")
    value, unit = float(size), 0
    while value >= 999.95 and unit < len(units) - 1:
        value, unit = value / 1000, unit + 1
    return f"{size} B" if unit == 0 else f"{value:.1f} {units[unit]}"


# `stores` below are `cache.StoreInfo`s, typed Any: the cache module is imported only by the
# commands that use it, so that the others start without it.


def _store_lines(stores: Sequence[Any], options: CommonOptions) -> list[str]:
    """One line per store, in aligned columns: size, fresh or stale, its catalogue."""
    language = options.output_language
    sizes = [human_size(store.size) for store in stores]
    states = [message("cache.fresh" if s.fresh else "cache.stale", language) for s in stores]
    size_width, state_width = max(map(len, sizes), default=0), max(map(len, states), default=0)
    return [
        f"  {size:>{size_width}}  {state:<{state_width}}  {_origin(store, options)}"
        for size, state, store in zip(sizes, states, stores, strict=True)
    ]


def _origin(store: Any, options: CommonOptions) -> str:
    if store.catalogue is None:
        return message("cache.not_a_store", options.output_language, store=str(store.store))
    return str(store.catalogue)


def _write_stores(stores: Sequence[Any], options: CommonOptions) -> None:
    """The stores as data: JSON keeps types (`bytes` a number, `fresh` a boolean, `catalogue`
    and `version` null when unknown); CSV and Markdown have text cells."""
    records = [
        {
            "store": str(store.store),
            "bytes": store.size,
            "catalogue": None if store.catalogue is None else str(store.catalogue),
            "fresh": store.fresh,
            "version": store.version,
        }
        for store in stores
    ]
    if options.chosen_format == "json":
        write_json(sys.stdout, records)
        return
    from careers_cli.present.consoles import write_csv, write_markdown_table

    rows = [{key: _cell(value) for key, value in record.items()} for record in records]
    if options.chosen_format == "csv":
        write_csv(sys.stdout, rows)
    else:
        write_markdown_table(sys.stdout, rows)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
