"""Matching skills to careers and moving between careers: `careers match`, `next` and `gap`."""

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
from careers_cli.rules import moves, search


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
    for the careers that list them. Words that fit several skills ("driving") stand for all
    of them. Equal scores share a rank; among them, the career with the larger share of its
    essential skills asked for comes first, then the one whose other skills go with yours.
    [bold]score 3.02 · 2/2 · 50%[/bold]: two of your two skills, covering half of the career's
    requirements. A skill that names nothing is reported and the others are matched; the exit
    status is then 1. Without --skill, the skills kept in your profile are matched.

    --next-skills: what to learn next. For each skill your best 10 matches need and you do
    not have, what it would add to their scores in all; the largest first, then the rarer,
    then the skill that opens more careers (that match none of your skills yet), then by id.

    [bold]Examples[/bold]

    careers match --skill analytics

    careers match -s analytics -s "content creation"

    careers match -s "تحليل البيانات" --all --limit 3

    careers match -s analytics --next-skills
    """
    answering.match(skill, require_all, limit, next_skills, options)


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
    """The careers nearest to CAREER: how many of each one's essential skills it has, the
    skills that carry over, and the skills still missing.

    Closeness: how alike the two careers' skills are (the cosine, an essential skill weighing
    1 and an optional one 1/2), plus 0.1 for each level of the ISCO-08 group they share when
    CAREER has one of the other's essential skills.
    Nearest first (equal closeness shares a rank); a step down and a career sharing only
    common skills are marked, the latter listed last. Careers sharing no skill with CAREER are
    not listed. Missing skills come essential first, then the rarer.

    [bold]Examples[/bold]

    careers next influencer

    careers next "community manager" -n 3

    careers next analyst --format json
    """
    answering.next_careers(career, limit, options)


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
    limit: Annotated[
        str | None,
        limit_option(
            f"Show at most N skills to learn (by default {moves.GAP_LIMIT}; 'all' for every one)."
        ),
    ] = None,
    *,
    options: CommonOptions,
) -> None:
    """What carries over from FROM to TO, and what to learn, in an order you can follow.

    The skills to learn, in the learning order: essential before optional, then the more
    telling (fewer careers need it, so it says more about TO), then by id. Each comes with
    TO's coverage once it is learnt and, the first time, the careers nearest to TO that it
    also opens; the trends and tips that concern them follow. --format markdown gives a
    checklist to keep.

    [bold]Examples[/bold]

    careers gap digital-content-creator social-media-data-analyst

    careers gap influencer "community manager" --lang ar

    careers gap influencer analyst --format markdown > plan.md
    """
    answering.gap(source, target, limit, options)
