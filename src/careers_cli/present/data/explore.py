"""The data of reading a catalogue, for JSON, CSV and Markdown: `list`, `show`, `compare`,
`skills`, `trends`, `tips` and `read`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from careers_cli.catalogue.domain import (
    Career,
    LinkedNote,
    OccupationMatch,
    Section,
    Skill,
    SkillRequirement,
)
from careers_cli.i18n.messages import label, message
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.bounds import DEFAULT_LIMITS, ProfileLimits
from careers_cli.present.consoles import MarkdownSection
from careers_cli.present.data.parts import (
    Json,
    Records,
    both_languages,
    career_ref,
    list_joined,
    text_in,
)
from careers_cli.present.pages import Page, PageSection, SectionKind
from careers_cli.rules.search import CareerProfile, Comparison
from careers_cli.text.language import Language


def career_list(careers: Iterable[Career], language: Language) -> Records:
    careers = list(careers)

    def document() -> Json:
        return [
            {**career_ref(c), "summary": both_languages(c.summary()), "skills": c.skill_ids}
            for c in careers
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "id": c.id,
                "title": text_in(c.title, language, marked),
                "summary": text_in(c.summary(), language, marked),
                "skills": list_joined(c.skill_ids),
            }
            for c in careers
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def career_profile(
    index: CatalogueIndex,
    profile: CareerProfile,
    language: Language,
    limits: ProfileLimits = DEFAULT_LIMITS,
) -> Records:
    """`show` as data: everything in JSON, CSV and Markdown; on its page, each list cut at
    `limits` as the view cuts it."""
    title = f"{text_in(profile.career.title, language, True)} ({profile.career.id})"
    sections = tuple(s for s in _profile_sections(index, profile, language) if s.items)
    return Records(
        lambda: _profile_document(profile),
        lambda: [_profile_row(index, profile, language)],
        title,
        sections,
        page=lambda: _profile_page(index, profile, language, title, limits),
    )


def _profile_page(
    index: CatalogueIndex,
    profile: CareerProfile,
    language: Language,
    title: str,
    limits: ProfileLimits,
) -> Page:
    """The Markdown sections of `show` as a page, each long list cut as the view cuts it."""
    everything = f"careers show {profile.career.id} --limit all"
    most = {
        label("alt_titles", language): (limits.other_titles, None),
        label("required_skills", language): (limits.essential, everything),
        label("optional_skills", language): (limits.optional, everything),
    }
    related = [
        f"{r.career.id}: {text_in(r.career.title, language, True)} ("
        + _first_of(list(r.shared_skills), limits.shared_skills, language)
        + ")"
        for r in profile.related
    ]
    sections = []
    for section in _profile_sections(index, profile, language):
        items = related if section.heading == label("related", language) else section.items
        if not items:
            continue
        kind: SectionKind = "bullets" if section.bulleted else "paragraphs"
        limit, command = most.get(section.heading, (None, None))
        if limit is None or len(items) <= limit:
            sections.append(PageSection(section.heading, items, kind))
            continue
        count = len(items) - limit
        more = (
            message("more.count", language, count=count)
            if command is None
            else message("more.listed_by", language, count=count, command=command)
        )
        sections.append(PageSection(section.heading, items[:limit], kind, more))
    return Page(title, language, sections=sections)


def _first_of(values: list[str], limit: int | None, language: Language) -> str:
    """The first `limit` of `values` joined, then how many more."""
    shown = ", ".join(values[:limit])
    more = 0 if limit is None else len(values) - limit
    return shown + (" " + message("more.count", language, count=more) if more > 0 else "")


def _occupation_document(career: Career) -> list[dict[str, Any]]:
    return [
        {
            "scheme": o.scheme,
            "label": o.label.en,
            "label_ar": o.label.get("ar"),
            "isco_08": o.isco_08,
            "uri": o.uri,
            "match": o.match,
            "basis": o.basis,
        }
        for o in career.occupations
    ]


def _line_names(
    index: CatalogueIndex, line: SkillRequirement, language: Language, marked: bool
) -> list[str]:
    """A required-skill line in words: its own, or (format 2) its skills' labels."""
    if line.text is not None:
        return [text_in(line.text, language, marked)]
    return [text_in(index.skills_by_id[s].label, language, marked) for s in line.skills]


def _profile_document(profile: CareerProfile) -> Json:
    career = profile.career
    return {
        **career_ref(career),
        "alt_titles": {"en": career.alt_titles.en, "ar": career.alt_titles.ar},
        "summary": both_languages(career.summary()),
        "description": both_languages(career.description),
        "responsibilities": [both_languages(r) for r in career.responsibilities],
        "required_skills": [
            {
                "text": both_languages(line.text) if line.text is not None else None,
                "skills": line.skills,
                "importance": line.importance,
            }
            for line in career.required_skills
        ],
        "skills": career.skill_ids,
        "optional_skills": [s for s in career.skill_ids if career.is_optional(s)],
        "platforms": [
            {"id": p.id, "name": both_languages(p.name), "kind": p.kind} for p in profile.platforms
        ],
        "trends": [{"id": n.id, "title": both_languages(n.title)} for n in profile.trends],
        "tips": [{"id": n.id, "title": both_languages(n.title)} for n in profile.tips],
        "occupations": _occupation_document(career),
        "related": [
            {**career_ref(r.career), "shared_skills": r.shared_skills, "similarity": r.similarity}
            for r in profile.related
        ],
    }


def _profile_row(index: CatalogueIndex, profile: CareerProfile, lang: Language) -> dict[str, str]:
    career = profile.career
    essential = [line for line in career.required_skills if line.importance == "essential"]
    optional = [line for line in career.required_skills if line.importance == "optional"]
    return {
        "id": career.id,
        "title": career.title.in_language(lang),
        "alt_titles": list_joined(career.alt_titles.in_language(lang)),
        "description": career.description.in_language(lang),
        "responsibilities": list_joined([r.in_language(lang) for r in career.responsibilities]),
        "required_skills": list_joined(
            [name for line in essential for name in _line_names(index, line, lang, False)]
        ),
        "optional_skills": list_joined(
            [name for line in optional for name in _line_names(index, line, lang, False)]
        ),
        "skills": list_joined(career.skill_ids),
        "platforms": list_joined([p.name.in_language(lang) for p in profile.platforms]),
        "trends": list_joined([n.id for n in profile.trends]),
        "tips": list_joined([n.id for n in profile.tips]),
        "occupations": list_joined([o.uri for o in career.occupations]),
        "related": list_joined([r.career.id for r in profile.related]),
    }


def _skill_lines(
    index: CatalogueIndex, career: Career, importance: str, lang: Language
) -> list[str]:
    """Each line with words of its own and the ids it is tagged with; each skill of a line
    without (format 2) and its id."""
    items: list[str] = []
    for line in career.required_skills:
        if line.importance != importance:
            continue
        if line.text is not None:
            items.append(f"{text_in(line.text, lang, True)} ({', '.join(line.skills)})")
        else:
            items += [
                f"{text_in(index.skills_by_id[s].label, lang, True)} ({s})" for s in line.skills
            ]
    return items


def _occupation_item(occupation: OccupationMatch, lang: Language) -> str:
    isco = f"ISCO-08 {occupation.isco_08}, " if occupation.isco_08 else ""
    return f"{text_in(occupation.label, lang, True)} ({isco}{occupation.match}): {occupation.uri}"


def _profile_sections(
    index: CatalogueIndex, profile: CareerProfile, lang: Language
) -> list[MarkdownSection]:
    career = profile.career
    related = [
        f"{r.career.id}: {text_in(r.career.title, lang, True)} ({', '.join(r.shared_skills)})"
        for r in profile.related
    ]
    return [
        MarkdownSection(label("alt_titles", lang), list(career.alt_titles.in_language(lang))),
        MarkdownSection(
            label("description", lang), [text_in(career.description, lang, True)], False
        ),
        MarkdownSection(
            label("responsibilities", lang),
            [text_in(r, lang, True) for r in career.responsibilities],
        ),
        MarkdownSection(
            label("required_skills", lang), _skill_lines(index, career, "essential", lang)
        ),
        MarkdownSection(
            label("optional_skills", lang), _skill_lines(index, career, "optional", lang)
        ),
        MarkdownSection(
            label("platforms", lang), [p.name.in_language(lang) for p in profile.platforms]
        ),
        MarkdownSection(label("trends", lang), [_note_item(n, lang) for n in profile.trends]),
        MarkdownSection(label("tips", lang), [_note_item(n, lang) for n in profile.tips]),
        MarkdownSection(
            label("occupations", lang), [_occupation_item(o, lang) for o in career.occupations]
        ),
        MarkdownSection(label("related", lang), related),
    ]


def _note_item(note: LinkedNote, language: Language) -> str:
    return f"{text_in(note.title, language, True)} ({note.id})"


def comparison(index: CatalogueIndex, result: Comparison, language: Language) -> Records:
    ids = [c.id for c in result.careers]

    def document() -> Json:
        return {
            "careers": [
                {
                    **career_ref(c),
                    "summary": both_languages(c.summary()),
                    "skills": c.skill_ids,
                    "platforms": c.platforms,
                }
                for c in result.careers
            ],
            "skills": [
                {
                    "id": skill_id,
                    "label": both_languages(index.skills_by_id[skill_id].label),
                    "present": dict(zip(ids, present, strict=True)),
                    "importance": {
                        c.id: _importance(c, skill_id) if has else None
                        for c, has in zip(result.careers, present, strict=True)
                    },
                }
                for skill_id, present in result.skill_rows
            ],
            "shared_skills": list(result.shared_by_all),
            "similarity": result.similarity,
        }

    def rows(
        yes: str = "yes", optional: str = "optional", no: str = "no", marked: bool = False
    ) -> list[dict[str, str]]:
        return [
            {
                "skill": skill_id,
                "label": text_in(index.skills_by_id[skill_id].label, language, marked),
                **{
                    c.id: (optional if c.is_optional(skill_id) else yes) if has else no
                    for c, has in zip(result.careers, present, strict=True)
                },
            }
            for skill_id, present in result.skill_rows
        ]

    def markdown_rows() -> list[dict[str, str]]:
        yes, no = label("yes", language), label("no", language)
        return rows(yes, label("optional", language), no, marked=True)

    return Records(document, rows, markdown_rows=markdown_rows)


def _importance(career: Career, skill_id: str) -> str:
    return "optional" if career.is_optional(skill_id) else "essential"


def skill_list(index: CatalogueIndex, skills: Sequence[Skill], language: Language) -> Records:
    needing = index.career_ids_by_skill({s.id for s in skills})
    needed_by = {s.id: needing.get(s.id, []) for s in skills}

    def document() -> Json:
        return [
            {
                "id": s.id,
                "label": both_languages(s.label),
                "aliases": {"en": list(s.aliases.en), "ar": list(s.aliases.ar)},
                "description": both_languages(s.description) if s.description else None,
                "careers": needed_by[s.id],
            }
            for s in skills
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "id": s.id,
                "label": text_in(s.label, language, marked),
                "aliases": list_joined(s.aliases.in_language(language)),
                "description": text_in(s.description, language, marked) if s.description else "",
                "careers": list_joined(needed_by[s.id]),
            }
            for s in skills
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def section_list(
    sections: Sequence[Section], language: Language, listed: Mapping[str, Sequence[LinkedNote]]
) -> Records:
    """Prose sections, each with the part it begins and the trends or tips it introduces
    (`listed`, by kind): JSON with both languages; a row per paragraph and listed note for CSV;
    a Markdown document with a heading per part and section."""

    def notes_of(section: Section) -> Sequence[LinkedNote]:
        return listed.get(section.lists, ()) if section.lists else ()

    def document() -> Json:
        return [
            {
                "id": s.id,
                "heading": both_languages(s.heading) if s.heading else None,
                "part": both_languages(s.part) if s.part else None,
                "paragraphs": [both_languages(p) for p in s.paragraphs],
                "notes": [
                    {"id": n.id, "title": both_languages(n.title), "text": both_languages(n.text)}
                    for n in notes_of(s)
                ],
            }
            for s in sections
        ]

    def note_line(note: LinkedNote, marked: bool) -> str:
        title, text = text_in(note.title, language, marked), text_in(note.text, language, marked)
        return f"{title}: {text}"

    def rows(marked: bool = False) -> list[dict[str, str]]:
        found, part = [], ""
        for s in sections:
            part = text_in(s.part, language, marked) if s.part else part  # until the next
            texts = [text_in(p, language, marked) for p in s.paragraphs]
            texts += [note_line(n, marked) for n in notes_of(s)]
            heading = text_in(s.name, language, marked)
            found += [{"id": s.id, "part": part, "heading": heading, "text": t} for t in texts]
        return found

    markdown: list[MarkdownSection] = []
    level = 2
    for s in sections:
        if s.part is not None:  # the sections after it are inside it
            markdown.append(MarkdownSection(text_in(s.part, language, marked=True), []))
            level = 3
        markdown.append(
            MarkdownSection(
                text_in(s.name, language, marked=True),
                [text_in(p, language, marked=True) for p in s.paragraphs],
                bulleted=False,
                level=level,
                listed=tuple(note_line(n, marked=True) for n in notes_of(s)),
            )
        )
    return Records(
        document,
        rows,
        markdown_title=message("read.title", language),
        markdown_sections=tuple(markdown),
    )


def note_list(notes: Sequence[LinkedNote], language: Language) -> Records:
    def document() -> Json:
        return [
            {
                "id": n.id,
                "title": both_languages(n.title),
                "text": both_languages(n.text),
                "careers": n.careers,
                "skills": n.skills,
                "platforms": n.platforms,
            }
            for n in notes
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "id": n.id,
                "title": text_in(n.title, language, marked),
                "text": text_in(n.text, language, marked),
                "careers": list_joined(n.careers),
                "skills": list_joined(n.skills),
                "platforms": list_joined(n.platforms),
            }
            for n in notes
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))
