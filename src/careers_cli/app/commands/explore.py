"""Reading the catalogue: `careers list`, `show`, `compare`, `skills`, `trends`, `tips` and
`read`."""

from typing import Annotated

import typer

from careers_cli.app import answering, completion
from careers_cli.app.help import (
    career_argument,
    limit_option,
)
from careers_cli.app.options import (
    CommonOptions,
    with_common_options,
)
from careers_cli.rules import search


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
    answering.list_careers(skill, limit, options)


@with_common_options()
def show(
    career: Annotated[
        str,
        career_argument(
            "CAREER",
            "Career id, title or other name (English or Arabic), words of one, or a misspelling.",
        ),
    ],
    limit: Annotated[
        str | None,
        limit_option(
            "Show at most N of each list: other names, required and optional skills, and the "
            "skills shared with each related career (by default a screenful or two); 'all' for "
            "every one."
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """Show one career: duties, skills, tools, trends, tips and related careers.

    Long lists show their first few and how many more; --limit all, or --format json, csv
    or markdown, give every one.

    [bold]Examples[/bold]

    careers show influencer

    careers show "mechanical engineer" --limit all

    careers show "community manager"

    careers show analyst --lang ar
    """
    answering.show(career, limit, options)


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
    answering.compare(careers, limit, options)


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
    answering.skills(text, limit, options)


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
    answering.notes("trends", trend, options)


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
    answering.notes("tips", tip, options)


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
    outlook, trends, tips, continuous learning and conclusion, in full.

    [bold]Examples[/bold]

    careers read

    careers read career-outlook --lang ar
    """
    answering.read(section, options)
