"""The views of matching and moving: `match`, `next`, `gap` and the profile's skills."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from careers_cli.catalogue.domain import (
    Career,
)
from careers_cli.i18n.messages import label, message
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.layout.fitting import STACK_INDENT, MinimumWidthTable
from careers_cli.present.views.parts import (
    ARROW_BACK,
    ARROW_ON,
    DIM,
    HEADING_STYLE,
    ID_STYLE,
    OPTIONAL_SUBLIST_LIMIT,
    TEXT_MIN_WIDTH,
    aligned,
    as_text,
    joined,
    labelled_grid,
    local_text,
    new_table,
    percent,
    section_heading,
    skill_names,
    skill_text,
    some_skills,
)
from careers_cli.rules.moves import (
    BEST_MATCHES,
    ConcernedNote,
    Gap,
    Neighbour,
    SkillToLearn,
)
from careers_cli.rules.search import (
    CareerMatch,
    ScorePart,
    Wanted,
)
from careers_cli.text.language import Language
from careers_cli.text.terminal import one_line, printable_line


def match_list(
    index: CatalogueIndex, matches: Sequence[CareerMatch], language: Language
) -> RenderableType:
    """One block per career, best first: rank, id and score; title; skills found; to learn.

    Blocks rather than a wide table keep ids whole (copyable) and lists readable at any width.
    """
    blocks: list[RenderableType] = []
    for match in matches:
        details = labelled_grid(language)
        details.add_row(label("title", language), local_text(match.career.title, language))
        details.add_row(
            label("has", language),
            Text("\n").join(_found_skill(index, part, language) for part in match.matched),
        )
        details.add_row(
            label("to_learn", language),
            some_skills(index, match.to_learn, language, f"careers show {match.career.id}")
            if match.to_learn
            else Text(label("none", language), DIM),
        )
        if match.to_learn_optional:
            optional = some_skills(
                index,
                match.to_learn_optional,
                language,
                f"careers show {match.career.id}",
                OPTIONAL_SUBLIST_LIMIT,
            )
            details.add_row(label("also_helps", language), optional)
        heading = Text.assemble(
            (f"{match.rank}. ", HEADING_STYLE),
            as_text(match.career.id, f"{ID_STYLE} bold"),
            "  ",
            (match_score(match, language), "yellow"),
        )
        blocks += [heading, Padding(details, (0, 0, 1, 3))]
    blocks.append(Text(message("match.legend", language), style=DIM))
    return Group(*blocks)


def _found_skill(index: CatalogueIndex, part: ScorePart, language: Language) -> Text:
    """The skill's label (marked when the career needs it only optionally, or as a platform or
    tool), what it adds to the score, and the user's word that found it (marked when the
    skill is of the family of the one named: its label holds the words)."""
    wanted = part.wanted
    cell = local_text(wanted.label, language, "green")
    if wanted.platform is not None:
        cell.append(f" ({label('kind.' + wanted.platform.kind, language)})", style="cyan")
    elif part.importance == "optional":
        cell.append(f" ({label('optional', language)})", style="yellow")
    cell.append(f" +{part.weight:.2f}", style="yellow")
    cell.append(f" {ARROW_BACK[language]} {one_line(wanted.query)}", style=DIM)
    if wanted.by_words:
        cell.append(f" ({label('by_words', language)})", style=DIM)
    elif part.family_of is not None:
        cell.append(f" ({label('family_of', language)})", style=DIM)
    return cell


def match_score(match: CareerMatch, language: Language = "en") -> str:
    """`score 4.16 · 2/2 · 50%`: the score, the asked skills the career has, and the share of
    its requirements they cover; `(1 optional)` after the count when some of them the career
    needs only optionally."""
    optional = match.optional_count
    count = f"{match.matched_count}/{match.asked}"
    if optional:
        count += f" ({message('match.optional_count', language, count=optional)})"
    return f"{label('score', language)} {match.score:.2f} · {count} · {match.centrality:.0%}"


def next_list(
    index: CatalogueIndex, career: Career, neighbours: Sequence[Neighbour], language: Language
) -> RenderableType:
    """One block per career near `career`, nearest first: rank, id, how many of its essential
    skills `career` has and the closeness, marked as a step down or as sharing only common
    skills; title; the skills that carry over and those missing, each counted."""
    blocks: list[RenderableType] = []
    for near in neighbours:
        total = len(near.transfer) + len(near.missing)
        details = labelled_grid(language)
        details.add_row(label("title", language), local_text(near.career.title, language))
        for key, skills in (("carries_over", near.transfer), ("missing", near.missing)):
            count = message("next.count", language, count=len(skills), total=total)
            names = skill_names(index, skills, language, career_id=near.career.id)
            cell = Text.assemble((count + ": ", DIM), names)
            details.add_row(label(key, language), cell)
        had, essential = near.essential
        heading = Text.assemble(
            (f"{near.rank}. ", HEADING_STYLE),
            as_text(near.career.id, f"{ID_STYLE} bold"),
            "  ",
            (message("next.essential", language, count=had, total=essential), "yellow"),
            (f" · {label('closeness', language)} {near.closeness.value:.2f}", DIM),
        )
        for mark, shown in (("step_down", near.step_down), ("common_only", near.common_only)):
            if shown:
                heading.append(f" ({label(mark, language)})", style="magenta")
        blocks += [heading, Padding(details, (0, 0, 1, 3))]
    legend = message("next.legend", language, career=career.title.in_language(language))
    blocks.append(Text(printable_line(legend), style=DIM))
    return Group(*blocks)


def career_gap(index: CatalogueIndex, gap: Gap, language: Language) -> RenderableType:
    """What carries over, then the skills to learn as numbered steps (each with the coverage
    once learnt and the careers near the target it is the first step to open), then the
    trends and tips that concern them."""
    lang = language
    source, target = gap.source.title.in_language(lang), gap.target.title.in_language(lang)
    title = message("gap.title", lang, source=source, target=target)
    parts: list[RenderableType] = [aligned(Text(printable_line(title), "bold underline"), lang)]
    if gap.same:
        parts.append(aligned(Text(message("gap.same", lang, career=source)), lang))
        return Group(*parts)
    total = len(gap.transfer) + gap.to_learn
    summary = message(
        "gap.summary",
        lang,
        source=source,
        target=target,
        coverage=percent(gap.coverage.value),
        transfer=len(gap.transfer),
        total=total,
        missing=gap.to_learn,
    )
    parts += [aligned(Text(printable_line(summary)), lang), ""]
    parts += [
        section_heading("transfers", lang),
        Padding(aligned(skill_names(index, gap.transfer, lang), lang), (0, 0, 0, 2)),
    ]
    if not gap.steps:
        nothing = message("gap.nothing", lang, source=source, target=target)
        return Group(*parts, "", aligned(Text(nothing), lang))
    steps = labelled_grid(lang)
    opened: set[str] = set()  # each near career is named once, at the first step it needs
    for number, step in enumerate(gap.steps, start=1):
        skill_name = skill_names(index, [step.skill], lang, HEADING_STYLE)
        skill_id = as_text(step.skill.skill_id, ID_STYLE)
        coverage = Text(f"{ARROW_ON[lang]} {percent(step.coverage_after)}", style="yellow")
        # In Arabic the arrow follows the name it points from: after a Latin id, the bidi
        # algorithm would take the arrow and the figure into the id's left-to-right run.
        shown = (
            (skill_name, coverage, skill_id) if lang == "ar" else (skill_name, skill_id, coverage)
        )
        name = Text("  ").join(shown)
        steps.add_row(f"{number}.", name)
        first_opened = [c for c in step.opens if c not in opened]
        opened.update(first_opened)
        if first_opened:
            opens = Text.assemble(
                (label("opens", lang) + ": ", DIM), joined(first_opened, lang, ID_STYLE)
            )
            steps.add_row("", opens)
    parts += ["", section_heading("learn_order", lang), Padding(steps, (0, 0, 0, 2))]
    for key, notes in (("trends", gap.trends), ("tips", gap.tips)):
        if notes:
            lines = [_concerned_line(index, n, lang) for n in notes]
            parts += ["", section_heading(key, lang), *lines]
    parts += ["", Text(printable_line(message("gap.legend", lang, target=target)), style=DIM)]
    return Group(*parts)


def _concerned_line(index: CatalogueIndex, concerned: ConcernedNote, language: Language) -> Padding:
    note = concerned.note
    skills = [skill_text(index, s, language) for s in concerned.skills]
    line = Text.assemble(
        "• ",
        local_text(note.title, language),
        "  ",
        as_text(note.id, ID_STYLE),
        ("  (", DIM),
        joined(skills, language),
        (")", DIM),
    )
    return Padding(aligned(line, language), (0, 0, 0, 2))


def skills_to_learn(
    index: CatalogueIndex, found: Sequence[SkillToLearn], language: Language
) -> RenderableType:
    """One block per skill, best first: rank, id and gain; label; the careers it raises and
    those it opens."""
    blocks: list[RenderableType] = []
    for skill in found:
        details = labelled_grid(language)
        details.add_row(label("skill", language), skill_text(index, skill.skill_id, language))
        raised = [
            Text.assemble(as_text(career_id, ID_STYLE), (f" +{weight:.2f}", "yellow"))
            for career_id, weight in skill.raises
        ]
        details.add_row(label("raises", language), joined(raised, language))
        if skill.opens:
            shown = joined(skill.opens[:OPENS_SHOWN], language, ID_STYLE)
            if len(skill.opens) > OPENS_SHOWN:
                more = message(
                    "name.more_candidates", language, count=len(skill.opens) - OPENS_SHOWN
                )
                shown.append(" " + more.strip(), style=DIM)
            details.add_row(label("new_careers", language), shown)
        heading = Text.assemble(
            (f"{skill.rank}. ", HEADING_STYLE),
            as_text(skill.skill_id, f"{ID_STYLE} bold"),
            (f"  +{skill.gain:.2f}", "yellow"),
        )
        blocks += [heading, Padding(details, (0, 0, 1, 3))]
    blocks.append(Text(message("next_skills.legend", language, count=BEST_MATCHES), style=DIM))
    return Group(*blocks)


OPENS_SHOWN = 5
"""How many of the careers a skill would open `match --next-skills` names on screen."""


def profile_skills(
    index: CatalogueIndex, wanted: Sequence[Wanted], language: Language
) -> RenderableType:
    """The profile's skills: id, label, and how many careers need each."""
    if not wanted:
        return Text(message("profile.empty", language))
    table = new_table(
        language,
        ("id", {"style": ID_STYLE, "no_wrap": True}),
        ("skill", {"text": True, "ratio": 1}),
        ("needed_by", {"justify": "right", "no_wrap": True}),
    )
    skill_ids = [w.id for w in wanted if w.platform is None]
    counts = index.skill_career_counts(skill_ids)
    using = index.careers_using([w.id for w in wanted if w.platform is not None])
    stacked: list[RenderableType] = []
    for w in wanted:
        name = local_text(w.label, language)
        if w.platform is not None:
            name.append(f" ({label('kind.' + w.platform.kind, language)})", style="cyan")
            count = sum(1 for found in using.values() if w.id in found)
        else:
            count = counts[w.id]
        careers = message("profile.career_count", language, count=count)
        table.add_row(as_text(w.id), name, careers)
        details = Group(name, aligned(Text(careers, style=DIM), language))
        stacked += [
            aligned(as_text(w.id, ID_STYLE), language),
            Padding(details, (0, 0, 0, STACK_INDENT)),
        ]
    return MinimumWidthTable(table, [0, TEXT_MIN_WIDTH, 0], narrow=Group(*stacked))
