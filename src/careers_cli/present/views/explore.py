"""The views of reading a catalogue: `list`, `show`, `compare`, `skills`, `trends`, `tips` and
`read`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, cast

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
from careers_cli.i18n.messages import label, message
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.bounds import DEFAULT_LIMITS, ProfileLimits
from careers_cli.present.layout.fitting import (
    STACK_INDENT,
    ChunkedTable,
    FirstThatFits,
    MinimumWidthTable,
    StreamedBlocks,
)
from careers_cli.present.views.parts import (
    DIM,
    HEADING_STYLE,
    ID_STYLE,
    LABEL_MIN_WIDTH,
    TEXT_MIN_WIDTH,
    aligned,
    all_fallback,
    as_text,
    between,
    bullet,
    fallback_note,
    first_names,
    joined,
    labelled_grid,
    local_text,
    new_table,
    section_heading,
    skill_labels,
    skill_text,
    some,
    some_skills,
)
from careers_cli.rules.search import (
    CareerProfile,
    Comparison,
    RelatedCareer,
)
from careers_cli.text.language import Language
from careers_cli.text.terminal import printable


def career_list(careers: Iterable[Career], language: Language) -> ChunkedTable:
    """A table (id, title and summary, skill count); where its columns do not fit whole, one
    block per career: the id on a line of its own, then title, summary and count indented."""
    table = new_table(
        language,
        ("id", {"style": ID_STYLE, "no_wrap": True}),
        ("career", {"text": True, "ratio": 1}),
        ("skills", {"justify": "right", "no_wrap": True}),
    )
    listed = list(careers)
    once = all_fallback((career.summary() for career in listed), language)  # one note above
    rows: list[tuple[Career, Text, Text, str]] = []
    for career in listed:
        title, summary = (
            local_text(career.title, language, HEADING_STYLE),
            local_text(career.summary(), language, DIM, marked=not once),
        )
        count = str(len(career.skill_ids))
        table.add_row(as_text(career.id), Text.assemble(title, "\n", summary), Text(count))
        rows.append((career, title, summary, count))

    def blocks() -> list[RenderableType]:
        stacked: list[RenderableType] = []
        for career, title, summary, count in rows:
            skills = Text(f"{label('skills', language)}: {count}", style=DIM)
            details = Group(title, summary, aligned(skills, language))
            stacked += [
                aligned(as_text(career.id, ID_STYLE), language),
                Padding(details, (0, 0, 1, STACK_INDENT)),
            ]
        return stacked

    note = fallback_note(language, "fallback.summaries") if once else None
    return ChunkedTable(table, [0, TEXT_MIN_WIDTH, 0], narrow=blocks, above=note)


def career_profile(
    index: CatalogueIndex,
    profile: CareerProfile,
    language: Language,
    limits: ProfileLimits = DEFAULT_LIMITS,
) -> RenderableType:
    lang = language
    career = profile.career
    everything = f"careers show {career.id} --limit all"
    parts = career_summary(career, lang, limits.other_titles)
    for importance, key, most in (
        ("essential", "required_skills", limits.essential),
        ("optional", "optional_skills", limits.optional),
    ):
        lines = [line for line in career.required_skills if line.importance == importance]
        if lines:
            table = _required_skills_table(index, lines, lang, most, everything)
            parts += ["", section_heading(key, lang), *table]
    if profile.platforms:
        platforms = [platform_name(p, lang) for p in profile.platforms]
        parts += [
            "",
            section_heading("platforms", lang),
            Padding(joined(platforms, lang), (0, 0, 0, 2)),
        ]
    for key, notes in (("trends", profile.trends), ("tips", profile.tips)):
        if notes:
            parts += ["", section_heading(key, lang), *(_note_line(n, lang) for n in notes)]
    if career.occupations:
        parts += ["", section_heading("occupations", lang), _occupations(career, lang)]
    if profile.related:
        parts += [
            "",
            section_heading("related", lang),
            _related_table(index, profile.related, lang, limits.shared_skills),
        ]
    return Group(*parts)


def career_summary(
    career: Career, language: Language, most_titles: int | None
) -> list[RenderableType]:
    """What a career's page opens with: its title and id, its other titles (the first
    `most_titles`; those of the other language, marked so, when it has none in this one), its
    description and its responsibilities."""
    lang = language
    parts: list[RenderableType] = [
        aligned(
            Text.assemble(
                local_text(career.title, lang, "bold underline"), "  ", as_text(career.id, ID_STYLE)
            ),
            lang,
        )
    ]
    other_titles = career.alt_titles.in_language(lang)
    elsewhere = not other_titles  # only in the other language: marked as other text is
    if elsewhere:
        other_titles = career.alt_titles.in_language("en" if lang == "ar" else "ar")
    if other_titles:
        names = first_names(other_titles, lang, most_titles)
        also = Text.assemble((label("alt_titles", lang) + ": ", DIM), names)
        if elsewhere:
            also.append(" " + label("fallback", lang), style=DIM)
        parts.append(aligned(also, lang))
    parts += [
        "",
        section_heading("description", lang),
        Padding(local_text(career.description, lang), (0, 0, 0, 2)),
    ]
    if career.responsibilities:
        parts += [
            "",
            section_heading("responsibilities", lang),
            *(bullet(item, lang) for item in career.responsibilities),
        ]
    return parts


def platform_name(platform: Platform, language: Language) -> str:
    return f"{platform.name.in_language(language)} ({label('kind.' + platform.kind, language)})"


def _note_line(note: LinkedNote, language: Language) -> Padding:
    return Padding(
        aligned(
            Text.assemble("• ", local_text(note.title, language), "  ", as_text(note.id, ID_STYLE)),
            language,
        ),
        (0, 0, 0, 2),
    )


def _required_skills_table(
    index: CatalogueIndex,
    lines: Sequence[SkillRequirement],
    language: Language,
    most: int | None,
    everything: str,
) -> list[RenderableType]:
    """A line with words of its own is a row with the skills it is tagged with; a line that is
    only skills (format 2) gives a row per skill: its label and id. Where the two columns do
    not fit whole, each row's ids go under its text, indented. The first `most` rows, then
    how many more and the command (`everything`) that shows them all."""
    table = new_table(
        language,
        ("skill", {"text": True, "ratio": 3}),
        ("tagged_as", {"style": ID_STYLE, "ratio": 2}),
    )
    texts = [
        text
        for line in lines
        for text in (
            [line.text]
            if line.text is not None
            else [index.skills_by_id[s].label for s in line.skills]
        )
    ]
    once = all_fallback(texts, language)  # one note above the table, not a mark on each row
    rows: list[tuple[Text, Text]] = []
    for line in lines:
        if line.text is not None:
            text = local_text(line.text, language, marked=not once)
            rows.append((text, joined(line.skills, language, ID_STYLE)))
        else:
            rows += [
                (skill_text(index, s, language, marked=not once), as_text(s, ID_STYLE))
                for s in line.skills
            ]
        if most is not None and len(rows) > most:
            break
    stacked: list[RenderableType] = []
    for text, skill_ids in rows[:most]:
        table.add_row(text, skill_ids)
        stacked += [text, Padding(aligned(skill_ids.copy(), language), (0, 0, 0, STACK_INDENT))]
    fitted = MinimumWidthTable(table, [SKILL_LABEL_MIN_WIDTH, 0], narrow=Group(*stacked))
    first = Group(fallback_note(language), fitted) if once else fitted
    shown: list[RenderableType] = [Padding(first, (0, 0, 0, 2))]
    more = _row_count(index, lines) - len(table.rows)
    if more > 0:
        words = message("more.listed_by", language, count=more, command=everything)
        shown.append(Padding(aligned(Text(words, style=DIM), language), (0, 0, 0, 2)))
    return shown


SKILL_LABEL_MIN_WIDTH = 24
"""The narrowest the column of required-skill lines may be beside their ids: an ESCO label of
eight words or so then takes two or three lines; narrower (beside a 58-character id), one took
five, and a line with its id under it reads better."""


def _row_count(index: CatalogueIndex, lines: Sequence[SkillRequirement]) -> int:
    """How many rows the required-skill `lines` make: one for a line with words of its own,
    one per skill for a line without."""
    return sum(1 if line.text is not None else len(line.skills) for line in lines)


def _occupations(career: Career, language: Language) -> Group:
    """Each standard occupation: label, ISCO-08 code and match, then its URI on a line of its
    own, so that at 80 columns the URI is whole (copyable, and clickable where the terminal
    finds links in text)."""
    blocks: list[RenderableType] = []
    for occupation in career.occupations:
        isco = f" · {label('isco', language)} {occupation.isco_08}" if occupation.isco_08 else ""
        facts = Text.assemble(
            "• ",
            local_text(occupation.label, language, HEADING_STYLE),
            f"{isco} · {label('occupation_match', language)}: ",
            label("match." + occupation.match, language),
        )
        # A URI reads left to right in either language, also when it folds at narrow widths.
        uri = Text(printable(occupation.uri), style=DIM, overflow="fold", justify="left")
        blocks += [
            Padding(aligned(facts, language), (0, 0, 0, 2)),
            Padding(uri, (0, 0, 0, 4)),
        ]
    return Group(*blocks)


def _related_table(
    index: CatalogueIndex,
    related: Sequence[RelatedCareer],
    language: Language,
    most_shared: int | None,
) -> Padding:
    """Id, title and shared skills (the first `most_shared`, then how many more); where they
    do not fit whole, a block per career: the id, then its title and shared skills, labelled."""
    table = new_table(
        language,
        ("id", {"style": ID_STYLE, "no_wrap": True}),
        ("title", {"text": True, "ratio": 2}),
        ("shared_skills", {"text": True, "ratio": 3}),
    )
    stacked: list[RenderableType] = []
    for item in related:
        shared = some_skills(index, item.shared_skills, language, None, most_shared)
        title = local_text(item.career.title, language)
        table.add_row(as_text(item.career.id), title, shared)
        details = labelled_grid(language)
        details.add_row(label("title", language), title)
        details.add_row(label("shared_skills", language), shared)
        stacked += [
            aligned(as_text(item.career.id, ID_STYLE), language),
            Padding(details, (0, 0, 0, STACK_INDENT)),
        ]
    minimums = [0, TEXT_MIN_WIDTH, TEXT_MIN_WIDTH]
    return Padding(MinimumWidthTable(table, minimums, narrow=Group(*stacked)), (0, 0, 0, 2))


def comparison(index: CatalogueIndex, result: Comparison, language: Language) -> RenderableType:
    """Careers side by side, a column each headed by its id.

    Ids are never cut. Where the terminal is too narrow for every id in full (and each column's
    longest word), the columns are numbered instead and a legend above the table gives each
    number's id and title; where even the numbered columns do not fit, one block per career
    lists its title, summary, skills and platforms, and the skills all of them share follow.
    """
    careers = result.careers
    by_id = _comparison_table(index, result, language, [as_text(c.id, ID_STYLE) for c in careers])
    numbers = [Text(str(n), style=ID_STYLE) for n in range(1, len(careers) + 1)]
    legend = Table.grid(padding=(0, 2))
    legend.add_column(no_wrap=True)
    legend.add_column(overflow="fold")
    for number, career in zip(numbers, careers, strict=True):
        legend.add_row(number, as_text(career.id, ID_STYLE))
        legend.add_row("", local_text(career.title, language))
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
                name = skill_text(index, skill_id, language)
                if career.is_optional(skill_id):
                    name.append(f" ({label('optional', language)})", style="yellow")
                skills.append(name)
        platforms = [platform_name(index.platforms_by_id[p], language) for p in career.platforms]
        details = labelled_grid(language)
        details.add_row(label("title", language), local_text(career.title, language, "bold"))
        details.add_row(label("summary", language), local_text(career.summary(), language))
        details.add_row(label("skills", language), joined(skills, language))
        details.add_row(
            label("platforms", language),
            joined(platforms, language) if platforms else Text(label("absent", language), DIM),
        )
        heading = Text.assemble((f"{position + 1}. ", HEADING_STYLE), as_text(career.id, ID_STYLE))
        blocks += [aligned(heading, language), Padding(details, (0, 0, 1, 3))]
    shared = result.shared_by_all
    in_common = Text.assemble(
        (label("shared_skills", language) + ": ", DIM),
        skill_labels(index, shared, language) if shared else Text(label("none", language), DIM),
    )
    return Group(*blocks, aligned(in_common, language))


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
        *(local_text(c.title, language, "bold") for c in result.careers),
    )
    table.add_row(
        label("summary", language),
        *(local_text(c.summary(), language) for c in result.careers),
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
        table.add_row(skill_text(index, skill_id, language), *marks)
    table.add_section()
    platforms = [
        joined((platform_name(index.platforms_by_id[p], language) for p in c.platforms), language)
        if c.platforms
        else Text(no, DIM)
        for c in result.careers
    ]
    table.add_row(label("platforms", language), *platforms)
    return table


ALIASES = 10
"""How many of a skill's other names `skills` shows (an ESCO skill has up to 78); the rest are
counted, and the data formats give them all."""


def skill_list(
    index: CatalogueIndex, skills: Sequence[Skill], language: Language
) -> RenderableType:
    """One block per skill: its id and label, then what it is (where the catalogue says), its
    other names (the first `ALIASES`; none without any) and who needs it; built as they are
    printed (`StreamedBlocks`)."""

    def blocks(batch: Sequence[object]) -> list[RenderableType]:
        return _skill_blocks(index, cast("Sequence[Skill]", batch), language)

    return StreamedBlocks(skills, blocks)


def _skill_blocks(
    index: CatalogueIndex, skills: Sequence[Skill], language: Language
) -> list[RenderableType]:
    blocks: list[RenderableType] = []
    needing = index.career_ids_by_skill({s.id for s in skills})
    for skill in skills:
        needed_by = needing.get(skill.id, [])
        details = labelled_grid(language)
        if skill.description is not None:
            details.add_row(label("about", language), local_text(skill.description, language))
        aliases = skill.aliases.in_language(language)
        if aliases:  # no label without a value
            details.add_row(label("aliases", language), first_names(aliases, language, ALIASES))
        needing_careers = (
            some(
                needed_by,
                lambda career_id: as_text(career_id, ID_STYLE),
                language,
                f"careers list --skill {skill.id} -n all",
            )
            if needed_by
            else Text(label("none", language))
        )
        details.add_row(label("needed_by", language), needing_careers)
        heading = Text.assemble(
            as_text(skill.id, f"{ID_STYLE} bold"), "  ", local_text(skill.label, language)
        )
        blocks.append(Group(aligned(heading, language), Padding(details, (0, 0, 1, 3))))
    return blocks


def section_list(
    sections: Sequence[Section], language: Language, listed: Mapping[str, Sequence[LinkedNote]]
) -> RenderableType:
    """Each section: the heading of the part it begins, if any; its heading (or id), then its
    paragraphs, in full; then the trends or tips it introduces (`listed`, by kind), each its
    title and text."""
    blocks: list[RenderableType] = []
    for section in sections:
        if section.part is not None:
            part = local_text(section.part, language, f"{HEADING_STYLE} underline")
            blocks += [aligned(part, language), Text("")]
        heading = as_text(section.id, f"{ID_STYLE} {HEADING_STYLE}")
        if section.heading is not None:  # else the id is its name
            heading = Text.assemble(
                local_text(section.heading, language, HEADING_STYLE),
                "  ",
                as_text(section.id, ID_STYLE),
            )
        body: list[RenderableType] = [
            aligned(local_text(p, language), language) for p in section.paragraphs
        ]
        notes = listed.get(section.lists, ()) if section.lists else ()
        body += [_listed_note(note, language) for note in notes]
        blocks += [
            aligned(heading, language),
            Padding(Group(*between(body, Text(""))), (0, 0, 1, 2)),
        ]
    return Group(*blocks)


def _listed_note(note: LinkedNote, language: Language) -> RenderableType:
    """A trend or tip as the text introducing it lists it: `• Title: text`."""
    return aligned(
        Text.assemble(
            "• ",
            local_text(note.title, language, "bold"),
            ": ",
            local_text(note.text, language),
        ),
        language,
    )


def note_list(
    index: CatalogueIndex, notes: Sequence[LinkedNote], language: Language
) -> RenderableType:
    """One block per trend or tip: its id, then title, text, careers and skills."""
    blocks: list[RenderableType] = []
    for note in notes:
        details = labelled_grid(language)
        if note.careers:  # no label without a value
            details.add_row(label("careers", language), joined(note.careers, language, ID_STYLE))
        if note.skills:
            details.add_row(label("skills", language), skill_labels(index, note.skills, language))
        body = Group(
            aligned(local_text(note.title, language, HEADING_STYLE), language),
            aligned(local_text(note.text, language), language),
            details,
        )
        blocks += [
            aligned(as_text(note.id, f"{ID_STYLE} bold"), language),
            Padding(body, (0, 0, 1, 3)),
        ]
    return Group(*blocks)
