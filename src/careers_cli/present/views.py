"""One function per command that turns results into Rich renderables.

Every piece of catalogue text enters a `rich.text.Text` through `_plain`, never a markup string,
so `[bold]` in a title shows literally and control codes are neutralised. Careers are always
shown with their id, so a reader can copy it into the next command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal, TypeVar

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careers_cli.catalogue.domain import (
    Career,
    LinkedNote,
    Platform,
    Section,
    Skill,
    SkillRequirement,
)
from careers_cli.errors import CatalogueError
from careers_cli.i18n.messages import label, message
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.error_text import problem_lines
from careers_cli.present.layout import (
    STACK_INDENT,
    Blocks,
    ChunkedTable,
    FirstThatFits,
    LabelledRows,
    MinimumWidthTable,
)
from careers_cli.rules.moves import (
    BEST_MATCHES,
    ConcernedNote,
    Gap,
    Neighbour,
    SkillToLearn,
    SkillWeight,
)
from careers_cli.rules.search import (
    CareerMatch,
    CareerProfile,
    Comparison,
    RelatedCareer,
    ScorePart,
    Wanted,
)
from careers_cli.text.language import Bilingual, Language, is_arabic
from careers_cli.text.terminal import one_line, printable, printable_line

ID_STYLE = "cyan"
HEADING_STYLE = "bold"
DIM = "dim"
LABEL_MIN_WIDTH = 8
TEXT_MIN_WIDTH = 16
"""The narrowest a table's column of prose (a summary, a required-skill line, a title) may be:
narrower, it reads as a strip of single words, and the table is shown as blocks instead."""


def _plain(value: str, style: str = "") -> Text:
    """Catalogue text as plain text (never markup), right-aligned when it is Arabic."""
    return Text(printable(value), style=style, justify="right" if is_arabic(value) else None)


def _local(text: Bilingual, language: Language, style: str = "") -> Text:
    """Catalogue text in `language`; where the catalogue lacks it in that language, the other
    language's text, followed by a dim mark that says so (`[ar]` in English, `[en]` in Arabic)."""
    shown = _plain(text.in_language(language), style)
    if text.is_fallback(language):
        shown.append(" " + label("fallback", language), style=DIM)
    return shown


def _skill_name(index: CatalogueIndex, skill_id: str, language: Language, style: str = "") -> Text:
    return _local(index.skills_by_id[skill_id].label, language, style)


_ARROW_ON: dict[Language, str] = {"en": "→", "ar": "←"}
"""An arrow pointing the way a line reads: to what follows from what stands before it."""
_ARROW_BACK: dict[Language, str] = {"en": "←", "ar": "→"}
"""An arrow pointing against the way a line reads: to what stands before it."""


def _aligned(text: Text, language: Language) -> Text:
    """`text` (assembled from parts) right-aligned in Arabic."""
    if language == "ar":
        text.justify = "right"
    return text


def _table(language: Language, *columns: tuple[str, dict[str, object]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for key, options in columns:
        options = dict(options)
        holds_text = bool(options.pop("text", False))
        options.setdefault("justify", "right" if language == "ar" and holds_text else "left")
        # A word only folds in a layout of last resort, narrower than the word: never "…".
        options.setdefault("overflow", "fold")
        table.add_column(label(key, language), **options)  # type: ignore[arg-type]
    return table


T = TypeVar("T")

SUBLIST_LIMIT = 8
"""How many skills a list inside a block (a match's "to learn", a neighbour's "missing") shows;
the rest are counted, and `show` or the data formats give them all."""
OPTIONAL_SUBLIST_LIMIT = 3
"""How many optional skills a match's "also helps" shows: an ESCO career has dozens, and with
eight of them a block of ten matches would fill four screens instead of two."""


def _some(
    values: Sequence[T],
    name_of: Callable[[T], Text],
    language: Language,
    command: str,
    limit: int = SUBLIST_LIMIT,
) -> Text:
    """The names of the first `limit` values joined (only those are looked up), then how many
    more and the `command` that lists them all."""
    shown = _joined([name_of(value) for value in values[:limit]], language)
    more = len(values) - limit
    if more > 0:
        shown.append(" " + message("more.listed_by", language, count=more, command=command), DIM)
    return shown


def _joined(values: Iterable[str | Text], language: Language, style: str = "") -> Text:
    """Values in a comma-separated list, with the Arabic comma in Arabic."""
    separator = "، " if language == "ar" else ", "
    return Text(separator).join(_plain(v, style) if isinstance(v, str) else v for v in values)


# --- list ----------------------------------------------------------------------------------


def career_list(careers: Iterable[Career], language: Language) -> ChunkedTable:
    """A table (id, title and summary, skill count); where its columns do not fit whole, one
    block per career: the id on a line of its own, then title, summary and count indented."""
    table = _table(
        language,
        ("id", {"style": ID_STYLE, "no_wrap": True}),
        ("career", {"text": True, "ratio": 1}),
        ("skills", {"justify": "right", "no_wrap": True}),
    )
    rows: list[tuple[Career, Text, Text, str]] = []
    for career in careers:
        title, summary = (
            _local(career.title, language, HEADING_STYLE),
            _local(career.summary(), language, DIM),
        )
        count = str(len(career.skill_ids))
        table.add_row(_plain(career.id), Text.assemble(title, "\n", summary), Text(count))
        rows.append((career, title, summary, count))

    def blocks() -> list[RenderableType]:
        stacked: list[RenderableType] = []
        for career, title, summary, count in rows:
            skills = Text(f"{label('skills', language)}: {count}", style=DIM)
            details = Group(title, summary, _aligned(skills, language))
            stacked += [
                _aligned(_plain(career.id, ID_STYLE), language),
                Padding(details, (0, 0, 1, STACK_INDENT)),
            ]
        return stacked

    return ChunkedTable(table, [0, TEXT_MIN_WIDTH, 0], narrow=blocks)


# --- show ----------------------------------------------------------------------------------


def career_profile(
    index: CatalogueIndex, profile: CareerProfile, language: Language
) -> RenderableType:
    lang = language
    career = profile.career
    parts: list[RenderableType] = [
        _aligned(
            Text.assemble(
                _local(career.title, lang, "bold underline"), "  ", _plain(career.id, ID_STYLE)
            ),
            lang,
        )
    ]
    other_titles = career.alt_titles.in_language(lang) or career.alt_titles.in_language(
        "en" if lang == "ar" else "ar"
    )
    if other_titles:
        also = Text.assemble((label("alt_titles", lang) + ": ", DIM), _joined(other_titles, lang))
        parts.append(_aligned(also, lang))
    parts += [
        "",
        _heading("description", lang),
        Padding(_local(career.description, lang), (0, 0, 0, 2)),
    ]
    if career.responsibilities:
        parts += [
            "",
            _heading("responsibilities", lang),
            *(_bullet(item, lang) for item in career.responsibilities),
        ]
    for importance, key in (("essential", "required_skills"), ("optional", "optional_skills")):
        lines = [line for line in career.required_skills if line.importance == importance]
        if lines:
            parts += ["", _heading(key, lang), _required_skills_table(index, lines, lang)]
    if profile.platforms:
        platforms = [platform_name(p, lang) for p in profile.platforms]
        parts += ["", _heading("platforms", lang), Padding(_joined(platforms, lang), (0, 0, 0, 2))]
    for key, notes in (("trends", profile.trends), ("tips", profile.tips)):
        if notes:
            parts += ["", _heading(key, lang), *(_note_line(n, lang) for n in notes)]
    if career.occupations:
        parts += ["", _heading("occupations", lang), _occupations(career, lang)]
    if profile.related:
        parts += ["", _heading("related", lang), _related_table(index, profile.related, lang)]
    return Group(*parts)


def platform_name(platform: Platform, language: Language) -> str:
    return f"{platform.name.in_language(language)} ({label('kind.' + platform.kind, language)})"


def _heading(key: str, language: Language) -> Text:
    return _aligned(Text(label(key, language), style=HEADING_STYLE), language)


def _bullet(value: Bilingual, language: Language) -> Padding:
    return Padding(_aligned(Text.assemble("• ", _local(value, language)), language), (0, 0, 0, 2))


def _note_line(note: LinkedNote, language: Language) -> Padding:
    return Padding(
        _aligned(
            Text.assemble("• ", _local(note.title, language), "  ", _plain(note.id, ID_STYLE)),
            language,
        ),
        (0, 0, 0, 2),
    )


def _required_skills_table(
    index: CatalogueIndex, lines: Sequence[SkillRequirement], language: Language
) -> Padding:
    """A line with words of its own is a row with the skills it is tagged with; a line that is
    only skills (format 2) gives a row per skill: its label and id. Where the two columns do
    not fit whole, each row's ids go under its text, indented."""
    table = _table(
        language,
        ("skill", {"text": True, "ratio": 3}),
        ("tagged_as", {"style": ID_STYLE, "ratio": 2}),
    )
    rows: list[tuple[Text, Text]] = []
    for line in lines:
        if line.text is not None:
            rows.append((_local(line.text, language), _joined(line.skills, language, ID_STYLE)))
        else:
            rows += [(_skill_name(index, s, language), _plain(s, ID_STYLE)) for s in line.skills]
    stacked: list[RenderableType] = []
    for text, skill_ids in rows:
        table.add_row(text, skill_ids)
        stacked += [text, Padding(_aligned(skill_ids.copy(), language), (0, 0, 0, STACK_INDENT))]
    fitted = MinimumWidthTable(table, [TEXT_MIN_WIDTH, 0], narrow=Group(*stacked))
    return Padding(fitted, (0, 0, 0, 2))


def _occupations(career: Career, language: Language) -> Group:
    """Each standard occupation: label, ISCO-08 code and match, then its URI on a line of its
    own, so that at 80 columns the URI is whole (copyable, and clickable where the terminal
    finds links in text)."""
    blocks: list[RenderableType] = []
    for occupation in career.occupations:
        isco = f" · {label('isco', language)} {occupation.isco_08}" if occupation.isco_08 else ""
        facts = Text.assemble(
            "• ",
            _local(occupation.label, language, HEADING_STYLE),
            f"{isco} · {label('occupation_match', language)}: ",
            label("match." + occupation.match, language),
        )
        # A URI reads left to right in either language, also when it folds at narrow widths.
        uri = Text(printable(occupation.uri), style=DIM, overflow="fold", justify="left")
        blocks += [
            Padding(_aligned(facts, language), (0, 0, 0, 2)),
            Padding(uri, (0, 0, 0, 4)),
        ]
    return Group(*blocks)


def _related_table(
    index: CatalogueIndex, related: Sequence[RelatedCareer], language: Language
) -> Padding:
    """Id, title and shared skills; where they do not fit whole, a block per career: the id,
    then its title and shared skills, labelled."""
    table = _table(
        language,
        ("id", {"style": ID_STYLE, "no_wrap": True}),
        ("title", {"text": True, "ratio": 2}),
        ("shared_skills", {"text": True, "ratio": 3}),
    )
    stacked: list[RenderableType] = []
    for item in related:
        shared = _joined((_skill_name(index, s, language) for s in item.shared_skills), language)
        title = _local(item.career.title, language)
        table.add_row(_plain(item.career.id), title, shared)
        details = _labelled_grid(language)
        details.add_row(label("title", language), title)
        details.add_row(label("shared_skills", language), shared)
        stacked += [
            _aligned(_plain(item.career.id, ID_STYLE), language),
            Padding(details, (0, 0, 0, STACK_INDENT)),
        ]
    minimums = [0, TEXT_MIN_WIDTH, TEXT_MIN_WIDTH]
    return Padding(MinimumWidthTable(table, minimums, narrow=Group(*stacked)), (0, 0, 0, 2))


# --- compare -------------------------------------------------------------------------------


def comparison(index: CatalogueIndex, result: Comparison, language: Language) -> RenderableType:
    """Careers side by side, a column each headed by its id.

    Ids are never cut. Where the terminal is too narrow for every id in full (and each column's
    longest word), the columns are numbered instead and a legend above the table gives each
    number's id and title; where even the numbered columns do not fit, one block per career
    lists its title, summary, skills and platforms, and the skills all of them share follow.
    """
    careers = result.careers
    by_id = _comparison_table(index, result, language, [_plain(c.id, ID_STYLE) for c in careers])
    numbers = [Text(str(n), style=ID_STYLE) for n in range(1, len(careers) + 1)]
    legend = Table.grid(padding=(0, 2))
    legend.add_column(no_wrap=True)
    legend.add_column(overflow="fold")
    for number, career in zip(numbers, careers, strict=True):
        legend.add_row(number, _plain(career.id, ID_STYLE))
        legend.add_row("", _local(career.title, language))
    numbered_table = _comparison_table(index, result, language, numbers)
    numbered = Group(legend, "", MinimumWidthTable(numbered_table))
    narrow = FirstThatFits(numbered, _comparison_blocks(index, result, language))
    id_widths = [cell_len(printable(c.id)) for c in careers]
    minimums = [LABEL_MIN_WIDTH, *id_widths]
    fitted = MinimumWidthTable(by_id, minimums, narrow=narrow, share_evenly=True)
    shared, total = len(result.shared_by_all), result.skill_count
    caption = f"{label('similarity', language)}: {shared}/{total} ({result.similarity:.0%})"
    return Group(fitted, "", Text(caption, style=HEADING_STYLE))


def _comparison_blocks(
    index: CatalogueIndex, result: Comparison, language: Language
) -> RenderableType:
    """One block per career (its id, then title, summary, skills and platforms), then the
    skills they all share: `compare` where not even numbered columns fit."""
    blocks: list[RenderableType] = []
    for position, career in enumerate(result.careers):
        skills: list[Text] = []
        for skill_id, present in result.skill_rows:
            if present[position]:
                name = _skill_name(index, skill_id, language)
                if career.is_optional(skill_id):
                    name.append(f" ({label('optional', language)})", style="yellow")
                skills.append(name)
        platforms = [platform_name(index.platforms_by_id[p], language) for p in career.platforms]
        details = _labelled_grid(language)
        details.add_row(label("title", language), _local(career.title, language, "bold"))
        details.add_row(label("summary", language), _local(career.summary(), language))
        details.add_row(label("skills", language), _joined(skills, language))
        details.add_row(
            label("platforms", language),
            _joined(platforms, language) if platforms else Text(label("absent", language), DIM),
        )
        heading = Text.assemble((f"{position + 1}. ", HEADING_STYLE), _plain(career.id, ID_STYLE))
        blocks += [_aligned(heading, language), Padding(details, (0, 0, 1, 3))]
    shared = [_skill_name(index, s, language) for s in result.shared_by_all]
    in_common = Text.assemble(
        (label("shared_skills", language) + ": ", DIM),
        _joined(shared, language) if shared else Text(label("none", language), DIM),
    )
    return Group(*blocks, _aligned(in_common, language))


def _comparison_table(
    index: CatalogueIndex, result: Comparison, language: Language, headers: Sequence[Text]
) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_lines=False)
    justify: Literal["left", "right"] = "right" if language == "ar" else "left"
    table.add_column("", style=HEADING_STYLE, justify=justify, overflow="fold")
    for header in headers:
        table.add_column(header, justify=justify, overflow="fold")
    table.add_row(
        label("title", language),
        *(_local(c.title, language, "bold") for c in result.careers),
    )
    table.add_row(
        label("summary", language),
        *(_local(c.summary(), language) for c in result.careers),
    )
    table.add_section()
    yes, optional = label("present", language), label("present_optional", language)
    no = label("absent", language)
    for skill_id, present in result.skill_rows:
        marks = [
            Text(no, style=DIM)
            if not has
            else Text(optional, style="yellow")
            if career.is_optional(skill_id)
            else Text(yes, style="green")
            for career, has in zip(result.careers, present, strict=True)
        ]
        table.add_row(_skill_name(index, skill_id, language), *marks)
    table.add_section()
    platforms = [
        _joined((platform_name(index.platforms_by_id[p], language) for p in c.platforms), language)
        if c.platforms
        else Text(no, DIM)
        for c in result.careers
    ]
    table.add_row(label("platforms", language), *platforms)
    return table


# --- match ---------------------------------------------------------------------------------


def match_list(
    index: CatalogueIndex, matches: Sequence[CareerMatch], language: Language
) -> RenderableType:
    """One block per career, best first: rank, id and score; title; skills found; to learn.

    Blocks rather than a wide table keep ids whole (copyable) and lists readable at any width.
    """
    blocks: list[RenderableType] = []

    def name_of(skill_id: str) -> Text:
        return _skill_name(index, skill_id, language)

    for match in matches:
        details = _labelled_grid(language)
        details.add_row(label("title", language), _local(match.career.title, language))
        details.add_row(
            label("has", language),
            Text("\n").join(_found_skill(index, part, language) for part in match.matched),
        )
        details.add_row(
            label("to_learn", language),
            _some(match.to_learn, name_of, language, f"careers show {match.career.id}")
            if match.to_learn
            else Text(label("none", language), DIM),
        )
        if match.to_learn_optional:
            optional = _some(
                match.to_learn_optional,
                name_of,
                language,
                f"careers show {match.career.id}",
                OPTIONAL_SUBLIST_LIMIT,
            )
            details.add_row(label("also_helps", language), optional)
        heading = Text.assemble(
            (f"{match.rank}. ", HEADING_STYLE),
            _plain(match.career.id, f"{ID_STYLE} bold"),
            "  ",
            (match_score(match, language), "yellow"),
        )
        blocks += [heading, Padding(details, (0, 0, 1, 3))]
    blocks.append(Text(message("match.legend", language), style=DIM))
    return Group(*blocks)


def _found_skill(index: CatalogueIndex, part: ScorePart, language: Language) -> Text:
    """The skill's label (marked when the career needs it only optionally, or as a platform or
    tool), what it adds to the score, and the user's word that found it."""
    wanted = part.wanted
    cell = _local(wanted.label, language, "green")
    if wanted.platform is not None:
        cell.append(f" ({label('kind.' + wanted.platform.kind, language)})", style="cyan")
    elif part.importance == "optional":
        cell.append(f" ({label('optional', language)})", style="yellow")
    cell.append(f" +{part.weight:.2f}", style="yellow")
    cell.append(f" {_ARROW_BACK[language]} {one_line(wanted.query)}", style=DIM)
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


# --- skills, trends, tips ------------------------------------------------------------------


def skill_list(
    index: CatalogueIndex, skills: Sequence[Skill], language: Language
) -> RenderableType:
    """One block per skill: its id and label, then its other names and who needs it."""
    blocks: list[RenderableType] = []
    needing = index.career_ids_by_skill({s.id for s in skills})
    for skill in skills:
        needed_by = needing.get(skill.id, [])
        details = _labelled_grid(language)
        details.add_row(
            label("aliases", language), _joined(skill.aliases.in_language(language), language)
        )
        needing_careers = (
            _some(
                needed_by,
                lambda career_id: _plain(career_id, ID_STYLE),
                language,
                f"careers list --skill {skill.id} -n all",
            )
            if needed_by
            else Text(label("none", language))
        )
        details.add_row(label("needed_by", language), needing_careers)
        heading = Text.assemble(
            _plain(skill.id, f"{ID_STYLE} bold"), "  ", _local(skill.label, language)
        )
        blocks.append(Group(_aligned(heading, language), Padding(details, (0, 0, 1, 3))))
    return Blocks(blocks)


def section_list(sections: Sequence[Section], language: Language) -> RenderableType:
    """Each section: its heading (or id), then its paragraphs, in full."""
    blocks: list[RenderableType] = []
    for section in sections:
        heading = _plain(section.id, f"{ID_STYLE} {HEADING_STYLE}")
        if section.heading is not None:  # else the id is its name
            heading = Text.assemble(
                _local(section.heading, language, HEADING_STYLE), "  ", _plain(section.id, ID_STYLE)
            )
        paragraphs = [_aligned(_local(p, language), language) for p in section.paragraphs]
        blocks += [
            _aligned(heading, language),
            Padding(Group(*_between(paragraphs, Text(""))), (0, 0, 1, 2)),
        ]
    return Group(*blocks)


def _between(items: Sequence[RenderableType], gap: RenderableType) -> list[RenderableType]:
    """`items` with `gap` between each two."""
    spaced: list[RenderableType] = []
    for item in items:
        if spaced:
            spaced.append(gap)
        spaced.append(item)
    return spaced


def note_list(
    index: CatalogueIndex, notes: Sequence[LinkedNote], language: Language
) -> RenderableType:
    """One block per trend or tip: its id, then title, text, careers and skills."""
    blocks: list[RenderableType] = []
    for note in notes:
        details = _labelled_grid(language)
        details.add_row(label("careers", language), _joined(note.careers, language, ID_STYLE))
        skills = (_skill_name(index, s, language) for s in note.skills)
        details.add_row(label("skills", language), _joined(skills, language))
        body = Group(
            _aligned(_local(note.title, language, HEADING_STYLE), language),
            _aligned(_local(note.text, language), language),
            details,
        )
        blocks += [
            _aligned(_plain(note.id, f"{ID_STYLE} bold"), language),
            Padding(body, (0, 0, 1, 3)),
        ]
    return Group(*blocks)


def _labelled_grid(language: Language) -> LabelledRows:
    """Two columns: a dim label, and its value (right-aligned in Arabic); each label above its
    value where the values' column would be narrower than their longest word or id."""
    return LabelledRows(_justify(language), label_style=DIM)


def _justify(language: Language) -> Literal["left", "right"]:
    return "right" if language == "ar" else "left"


# --- validate ------------------------------------------------------------------------------


PROBLEM_LIMIT = 50
"""How many problems `validate` prints unless told: the rest are counted."""


def validation_problems(
    error: CatalogueError, language: Language, limit: int | None = None
) -> RenderableType:
    """The problems of an invalid catalogue (the first `limit`), one per line, under a count.

    Past the bound on problems, a last line says how many more were found, or that validation
    stopped with records left unchecked (the count above is then a lower bound).
    """
    problems = problem_lines(error, language)
    found, unchecked = (error.params.get(name) for name in ("found", "unchecked"))
    found = max(found, len(problems)) if isinstance(found, int) else len(problems)
    unchecked = unchecked if isinstance(unchecked, int) else 0
    key = "validate.problems_at_least" if unchecked else "validate.problems"
    heading = message(key, language, path=error.path, count=found)
    lines = [Text(printable_line(heading), style="bold red")]
    lines += [Text("  " + printable_line(problem)) for problem in problems[:limit]]
    if limit is not None and len(problems) > limit:
        left = message("validate.more", language, count=len(problems) - limit, path=error.path)
        lines.append(Text("  " + printable_line(left)))
    if unchecked:
        more = message("validate.stopped", language, shown=len(problems), unchecked=unchecked)
        lines.append(Text("  " + printable_line(more)))
    elif found > len(problems):
        more = message("validate.not_shown", language, count=found - len(problems))
        lines.append(Text("  " + printable_line(more)))
    return Group(*lines)


# --- career moves: next, gap, match --next-skills, profile -------------------------------------


def _percent(value: float) -> str:
    return f"{value:.0%}"


def _skill_names(
    index: CatalogueIndex,
    skills: Iterable[SkillWeight],
    language: Language,
    style: str = "",
    *,
    career_id: str | None = None,
) -> Text:
    """Skills by label, an optional one marked so; with `career_id`, the first few and how many
    more (`_some`)."""

    def name_of(skill: SkillWeight) -> Text:
        name = _skill_name(index, skill.skill_id, language, style)
        if skill.importance == "optional":
            name.append(f" ({label('optional', language)})", style="yellow")
        return name

    listed = list(skills)
    if not listed:
        return Text(label("none", language), DIM)
    if career_id is None:
        return _joined([name_of(skill) for skill in listed], language)
    return _some(listed, name_of, language, f"careers show {career_id}")


def next_list(
    index: CatalogueIndex, career: Career, neighbours: Sequence[Neighbour], language: Language
) -> RenderableType:
    """One block per career near `career`, nearest first: rank, id and coverage; title; the
    skills that carry over and those missing, each counted."""
    blocks: list[RenderableType] = []
    for near in neighbours:
        total = len(near.transfer) + len(near.missing)
        details = _labelled_grid(language)
        details.add_row(label("title", language), _local(near.career.title, language))
        for key, skills in (("carries_over", near.transfer), ("missing", near.missing)):
            count = message("next.count", language, count=len(skills), total=total)
            names = _skill_names(index, skills, language, career_id=near.career.id)
            cell = Text.assemble((count + ": ", DIM), names)
            details.add_row(label(key, language), cell)
        heading = Text.assemble(
            (f"{near.rank}. ", HEADING_STYLE),
            _plain(near.career.id, f"{ID_STYLE} bold"),
            "  ",
            (f"{label('coverage', language)} {_percent(near.coverage.value)}", "yellow"),
        )
        blocks += [heading, Padding(details, (0, 0, 1, 3))]
    legend = message("next.legend", language, career=career.id)
    blocks.append(Text(printable_line(legend), style=DIM))
    return Group(*blocks)


def career_gap(index: CatalogueIndex, gap: Gap, language: Language) -> RenderableType:
    """What carries over, then the skills to learn as numbered steps (each with the careers
    near the target it also opens and the coverage once learnt), then the trends and tips
    that concern them."""
    lang = language
    source, target = gap.source.id, gap.target.id
    title = message("gap.title", lang, source=source, target=target)
    parts: list[RenderableType] = [_aligned(Text(printable_line(title), "bold underline"), lang)]
    if gap.same:
        parts.append(_aligned(Text(message("gap.same", lang, career=source)), lang))
        return Group(*parts)
    total = len(gap.transfer) + len(gap.steps)
    summary = message(
        "gap.summary",
        lang,
        source=source,
        target=target,
        coverage=_percent(gap.coverage.value),
        transfer=len(gap.transfer),
        total=total,
        missing=len(gap.steps),
    )
    parts += [_aligned(Text(printable_line(summary)), lang), ""]
    parts += [
        _heading("transfers", lang),
        Padding(_aligned(_skill_names(index, gap.transfer, lang), lang), (0, 0, 0, 2)),
    ]
    if not gap.steps:
        nothing = message("gap.nothing", lang, source=source, target=target)
        return Group(*parts, "", _aligned(Text(nothing), lang))
    steps = _labelled_grid(lang)
    for number, step in enumerate(gap.steps, start=1):
        skill_name = _skill_names(index, [step.skill], lang, HEADING_STYLE)
        skill_id = _plain(step.skill.skill_id, ID_STYLE)
        coverage = Text(f"{_ARROW_ON[lang]} {_percent(step.coverage_after)}", style="yellow")
        # In Arabic the arrow follows the name it points from: after a Latin id, the bidi
        # algorithm would take the arrow and the figure into the id's left-to-right run.
        shown = (
            (skill_name, coverage, skill_id) if lang == "ar" else (skill_name, skill_id, coverage)
        )
        name = Text("  ").join(shown)
        steps.add_row(f"{number}.", name)
        if step.opens:
            opens = Text.assemble(
                (label("opens", lang) + ": ", DIM), _joined(step.opens, lang, ID_STYLE)
            )
            steps.add_row("", opens)
    parts += ["", _heading("learn_order", lang), Padding(steps, (0, 0, 0, 2))]
    for key, notes in (("trends", gap.trends), ("tips", gap.tips)):
        if notes:
            lines = [_concerned_line(index, n, lang) for n in notes]
            parts += ["", _heading(key, lang), *lines]
    parts += ["", Text(printable_line(message("gap.legend", lang, target=target)), style=DIM)]
    return Group(*parts)


def _concerned_line(index: CatalogueIndex, concerned: ConcernedNote, language: Language) -> Padding:
    note = concerned.note
    skills = [_skill_name(index, s, language) for s in concerned.skills]
    line = Text.assemble(
        "• ",
        _local(note.title, language),
        "  ",
        _plain(note.id, ID_STYLE),
        ("  (", DIM),
        _joined(skills, language),
        (")", DIM),
    )
    return Padding(_aligned(line, language), (0, 0, 0, 2))


def skills_to_learn(
    index: CatalogueIndex, found: Sequence[SkillToLearn], language: Language
) -> RenderableType:
    """One block per skill, best first: rank, id and gain; label; the careers it raises and
    those it opens."""
    blocks: list[RenderableType] = []
    for skill in found:
        details = _labelled_grid(language)
        details.add_row(label("skill", language), _skill_name(index, skill.skill_id, language))
        raised = [
            Text.assemble(_plain(career_id, ID_STYLE), (f" +{weight:.2f}", "yellow"))
            for career_id, weight in skill.raises
        ]
        details.add_row(label("raises", language), _joined(raised, language))
        if skill.opens:
            shown = _joined(skill.opens[:OPENS_SHOWN], language, ID_STYLE)
            if len(skill.opens) > OPENS_SHOWN:
                more = message(
                    "name.more_candidates", language, count=len(skill.opens) - OPENS_SHOWN
                )
                shown.append(" " + more.strip(), style=DIM)
            details.add_row(label("new_careers", language), shown)
        heading = Text.assemble(
            (f"{skill.rank}. ", HEADING_STYLE),
            _plain(skill.skill_id, f"{ID_STYLE} bold"),
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
    table = _table(
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
        name = _local(w.label, language)
        if w.platform is not None:
            name.append(f" ({label('kind.' + w.platform.kind, language)})", style="cyan")
            count = sum(1 for found in using.values() if w.id in found)
        else:
            count = counts[w.id]
        careers = message("profile.career_count", language, count=count)
        table.add_row(_plain(w.id), name, careers)
        details = Group(name, _aligned(Text(careers, style=DIM), language))
        stacked += [
            _aligned(_plain(w.id, ID_STYLE), language),
            Padding(details, (0, 0, 0, STACK_INDENT)),
        ]
    return MinimumWidthTable(table, [0, TEXT_MIN_WIDTH, 0], narrow=Group(*stacked))
