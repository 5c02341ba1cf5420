"""One function per command that turns results into plain data for the machine formats.

`document` is the JSON shape: stable keys, both languages' text, null where the catalogue has no
text in a language (documented in the README and pinned by tests/test_formats.py). `rows` are
flat records in the chosen language, for CSV and Markdown tables; list values are joined with
"; ". Where a text is missing in the chosen language, the other language's text stands in: in
Markdown followed by a mark naming that language (`[en]`, `[ar]`), in CSV as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from careers_cli.domain import (
    Bilingual,
    Career,
    LinkedNote,
    OccupationMatch,
    Skill,
    SkillRequirement,
)
from careers_cli.index import CatalogueIndex
from careers_cli.messages import label
from careers_cli.output import MarkdownSection
from careers_cli.search import CareerMatch, CareerProfile, Comparison
from careers_cli.text import Language

LIST_SEPARATOR = "; "

Json = Any


class Records(NamedTuple):
    """A command's result as data: a JSON document and flat rows for CSV and Markdown, each
    built only when its format is asked for."""

    document: Callable[[], Json]
    rows: Callable[[], list[dict[str, str]]]
    # For a single record (`show`), Markdown is a heading and sections instead of a table.
    markdown_title: str = ""
    markdown_sections: tuple[MarkdownSection, ...] = ()
    # Rows for people where they differ from the CSV rows: words in the chosen language.
    markdown_rows: Callable[[], list[dict[str, str]]] | None = None


def _both(text: Bilingual) -> dict[str, str | None]:
    return {"en": text.get("en"), "ar": text.get("ar")}


def _text(text: Bilingual, language: Language, marked: bool) -> str:
    """`text` in `language`; a fallback to the other language followed by its mark if `marked`."""
    shown = text.in_language(language)
    if marked and text.is_fallback(language):
        return f"{shown} {label('fallback', language)}"
    return shown


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _career_ref(career: Career) -> dict[str, Any]:
    return {"id": career.id, "title": _both(career.title)}


# --- list ----------------------------------------------------------------------------------


def career_list(careers: Iterable[Career], language: Language) -> Records:
    careers = list(careers)

    def document() -> Json:
        return [
            {**_career_ref(c), "summary": _both(c.summary()), "skills": c.skill_ids}
            for c in careers
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "id": c.id,
                "title": _text(c.title, language, marked),
                "summary": _text(c.summary(), language, marked),
                "skills": _joined(c.skill_ids),
            }
            for c in careers
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


# --- show ----------------------------------------------------------------------------------


def career_profile(index: CatalogueIndex, profile: CareerProfile, language: Language) -> Records:
    title = f"{_text(profile.career.title, language, True)} ({profile.career.id})"
    sections = tuple(s for s in _profile_sections(index, profile, language) if s.items)
    return Records(
        lambda: _profile_document(profile),
        lambda: [_profile_row(index, profile, language)],
        title,
        sections,
    )


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
        return [_text(line.text, language, marked)]
    return [_text(index.skills_by_id[s].label, language, marked) for s in line.skills]


def _profile_document(profile: CareerProfile) -> Json:
    career = profile.career
    return {
        **_career_ref(career),
        "alt_titles": {"en": career.alt_titles.en, "ar": career.alt_titles.ar},
        "summary": _both(career.summary()),
        "description": _both(career.description),
        "responsibilities": [_both(r) for r in career.responsibilities],
        "required_skills": [
            {
                "text": _both(line.text) if line.text is not None else None,
                "skills": line.skills,
                "importance": line.importance,
            }
            for line in career.required_skills
        ],
        "skills": career.skill_ids,
        "optional_skills": [s for s in career.skill_ids if career.is_optional(s)],
        "platforms": [
            {"id": p.id, "name": _both(p.name), "kind": p.kind} for p in profile.platforms
        ],
        "trends": [{"id": n.id, "title": _both(n.title)} for n in profile.trends],
        "tips": [{"id": n.id, "title": _both(n.title)} for n in profile.tips],
        "occupations": _occupation_document(career),
        "related": [
            {**_career_ref(r.career), "shared_skills": r.shared_skills, "similarity": r.similarity}
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
        "alt_titles": _joined(career.alt_titles.in_language(lang)),
        "description": career.description.in_language(lang),
        "responsibilities": _joined([r.in_language(lang) for r in career.responsibilities]),
        "required_skills": _joined(
            [name for line in essential for name in _line_names(index, line, lang, False)]
        ),
        "optional_skills": _joined(
            [name for line in optional for name in _line_names(index, line, lang, False)]
        ),
        "skills": _joined(career.skill_ids),
        "platforms": _joined([p.name.in_language(lang) for p in profile.platforms]),
        "trends": _joined([n.id for n in profile.trends]),
        "tips": _joined([n.id for n in profile.tips]),
        "occupations": _joined([o.uri for o in career.occupations]),
        "related": _joined([r.career.id for r in profile.related]),
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
            items.append(f"{_text(line.text, lang, True)} ({', '.join(line.skills)})")
        else:
            items += [
                f"{_text(index.skills_by_id[s].label, lang, True)} ({s})" for s in line.skills
            ]
    return items


def _occupation_item(occupation: OccupationMatch, lang: Language) -> str:
    isco = f"ISCO-08 {occupation.isco_08}, " if occupation.isco_08 else ""
    return f"{_text(occupation.label, lang, True)} ({isco}{occupation.match}): {occupation.uri}"


def _profile_sections(
    index: CatalogueIndex, profile: CareerProfile, lang: Language
) -> list[MarkdownSection]:
    career = profile.career
    related = [
        f"{r.career.id}: {_text(r.career.title, lang, True)} ({', '.join(r.shared_skills)})"
        for r in profile.related
    ]
    return [
        MarkdownSection(label("alt_titles", lang), list(career.alt_titles.in_language(lang))),
        MarkdownSection(label("description", lang), [_text(career.description, lang, True)], False),
        MarkdownSection(
            label("responsibilities", lang),
            [_text(r, lang, True) for r in career.responsibilities],
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
    return f"{_text(note.title, language, True)} ({note.id})"


# --- compare -------------------------------------------------------------------------------


def comparison(index: CatalogueIndex, result: Comparison, language: Language) -> Records:
    ids = [c.id for c in result.careers]

    def document() -> Json:
        return {
            "careers": [
                {
                    **_career_ref(c),
                    "summary": _both(c.summary()),
                    "skills": c.skill_ids,
                    "platforms": c.platforms,
                }
                for c in result.careers
            ],
            "skills": [
                {
                    "id": skill_id,
                    "label": _both(index.skills_by_id[skill_id].label),
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
                "label": _text(index.skills_by_id[skill_id].label, language, marked),
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


# --- match ---------------------------------------------------------------------------------


def match_results(matches: Sequence[CareerMatch], language: Language) -> Records:
    def document() -> Json:
        return [
            {
                "rank": m.rank,
                **_career_ref(m.career),
                "score": {
                    "value": m.score,
                    "matched": m.matched_count,
                    "optional": m.optional_count,
                    "asked": m.asked,
                    "centrality": m.centrality,
                },
                "has_all": m.has_all,
                "matched": [
                    {
                        "skill": part.wanted.id,
                        "kind": part.wanted.kind,
                        "label": _both(part.wanted.label),
                        "query": part.wanted.query,
                        "importance": part.importance,
                        "careers": part.careers,
                        "specificity": round(part.specificity, 4),
                        "weight": round(part.weight, 4),
                    }
                    for part in m.matched
                ],
                "missing": list(m.to_learn),
                "missing_optional": list(m.to_learn_optional),
            }
            for m in matches
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "rank": str(m.rank),
                "id": m.career.id,
                "title": _text(m.career.title, language, marked),
                "score": f"{m.score:.2f}",
                "matched": str(m.matched_count),
                "asked": str(m.asked),
                "centrality": f"{m.centrality:.2f}",
                "has": _joined([part.wanted.id for part in m.matched]),
                "found_by": _joined([part.wanted.query for part in m.matched]),
                "to_learn": _joined(list(m.to_learn)),
                "to_learn_optional": _joined(list(m.to_learn_optional)),
            }
            for m in matches
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def _importance(career: Career, skill_id: str) -> str:
    return "optional" if career.is_optional(skill_id) else "essential"


# --- skills, trends, tips ------------------------------------------------------------------


def skill_list(index: CatalogueIndex, skills: Sequence[Skill], language: Language) -> Records:
    needing = index.career_ids_by_skill({s.id for s in skills})
    needed_by = {s.id: needing.get(s.id, []) for s in skills}

    def document() -> Json:
        return [
            {
                "id": s.id,
                "label": _both(s.label),
                "aliases": {"en": list(s.aliases.en), "ar": list(s.aliases.ar)},
                "careers": needed_by[s.id],
            }
            for s in skills
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "id": s.id,
                "label": _text(s.label, language, marked),
                "aliases": _joined(s.aliases.in_language(language)),
                "careers": _joined(needed_by[s.id]),
            }
            for s in skills
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def note_list(notes: Sequence[LinkedNote], language: Language) -> Records:
    def document() -> Json:
        return [
            {
                "id": n.id,
                "title": _both(n.title),
                "text": _both(n.text),
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
                "title": _text(n.title, language, marked),
                "text": _text(n.text, language, marked),
                "careers": _joined(n.careers),
                "skills": _joined(n.skills),
                "platforms": _joined(n.platforms),
            }
            for n in notes
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))
