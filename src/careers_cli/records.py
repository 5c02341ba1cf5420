"""One function per command that turns results into plain data for the machine formats.

`document` is the JSON shape: stable keys, both languages' text (documented in the README and
pinned by tests/test_formats.py). `rows` are flat records in the chosen language, for CSV
and Markdown tables; list values are joined with "; ".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from careers_cli.domain import Bilingual, Career, LinkedNote
from careers_cli.messages import label
from careers_cli.output import MarkdownSection
from careers_cli.search import (
    CareerMatch,
    CareerProfile,
    CatalogueIndex,
    Comparison,
    careers_needing,
)
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


def _both(text: Bilingual) -> dict[str, str]:
    return {"en": text.en, "ar": text.ar}


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _career_ref(career: Career) -> dict[str, Any]:
    return {"id": career.id, "title": _both(career.title)}


# --- list ----------------------------------------------------------------------------------


def career_list(index: CatalogueIndex, language: Language) -> Records:
    careers = index.catalogue.careers

    def document() -> Json:
        return [
            {**_career_ref(c), "summary": _both(c.summary()), "skills": c.skill_ids}
            for c in careers
        ]

    def rows() -> list[dict[str, str]]:
        return [
            {
                "id": c.id,
                "title": c.title.in_language(language),
                "summary": c.summary().in_language(language),
                "skills": _joined(c.skill_ids),
            }
            for c in careers
        ]

    return Records(document, rows)


# --- show ----------------------------------------------------------------------------------


def career_profile(profile: CareerProfile, language: Language) -> Records:
    title = f"{profile.career.title.in_language(language)} ({profile.career.id})"
    sections = tuple(s for s in _profile_sections(profile, language) if s.items)
    return Records(
        lambda: _profile_document(profile),
        lambda: [_profile_row(profile, language)],
        title,
        sections,
    )


def _profile_document(profile: CareerProfile) -> Json:
    career = profile.career
    return {
        **_career_ref(career),
        "summary": _both(career.summary()),
        "description": _both(career.description),
        "responsibilities": [_both(r) for r in career.responsibilities],
        "required_skills": [
            {"text": _both(line.text), "skills": line.skills} for line in career.required_skills
        ],
        "skills": career.skill_ids,
        "platforms": [
            {"id": p.id, "name": _both(p.name), "kind": p.kind} for p in profile.platforms
        ],
        "trends": [{"id": n.id, "title": _both(n.title)} for n in profile.trends],
        "tips": [{"id": n.id, "title": _both(n.title)} for n in profile.tips],
        "occupations": [o._asdict() for o in career.occupations],
        "related": [
            {**_career_ref(r.career), "shared_skills": r.shared_skills, "similarity": r.similarity}
            for r in profile.related
        ],
    }


def _profile_row(profile: CareerProfile, lang: Language) -> dict[str, str]:
    career = profile.career
    return {
        "id": career.id,
        "title": career.title.in_language(lang),
        "description": career.description.in_language(lang),
        "responsibilities": _joined([r.in_language(lang) for r in career.responsibilities]),
        "required_skills": _joined([s.text.in_language(lang) for s in career.required_skills]),
        "skills": _joined(career.skill_ids),
        "platforms": _joined([p.name.in_language(lang) for p in profile.platforms]),
        "trends": _joined([n.id for n in profile.trends]),
        "tips": _joined([n.id for n in profile.tips]),
        "occupations": _joined([o.uri for o in career.occupations]),
        "related": _joined([r.career.id for r in profile.related]),
    }


def _profile_sections(profile: CareerProfile, lang: Language) -> list[MarkdownSection]:
    career = profile.career
    skill_lines = [
        f"{line.text.in_language(lang)} ({', '.join(line.skills)})"
        for line in career.required_skills
    ]
    occupations = [
        f"{o.label} (ISCO-08 {o.isco_08}, {o.match}): {o.uri}" for o in career.occupations
    ]
    related = [
        f"{r.career.id}: {r.career.title.in_language(lang)} ({', '.join(r.shared_skills)})"
        for r in profile.related
    ]
    return [
        MarkdownSection(label("description", lang), [career.description.in_language(lang)], False),
        MarkdownSection(
            label("responsibilities", lang), [r.in_language(lang) for r in career.responsibilities]
        ),
        MarkdownSection(label("required_skills", lang), skill_lines),
        MarkdownSection(
            label("platforms", lang), [p.name.in_language(lang) for p in profile.platforms]
        ),
        MarkdownSection(label("trends", lang), [_note_item(n, lang) for n in profile.trends]),
        MarkdownSection(label("tips", lang), [_note_item(n, lang) for n in profile.tips]),
        MarkdownSection(label("occupations", lang), occupations),
        MarkdownSection(label("related", lang), related),
    ]


def _note_item(note: LinkedNote, language: Language) -> str:
    return f"{note.title.in_language(language)} ({note.id})"


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
                }
                for skill_id, present in result.skill_rows
            ],
            "shared_skills": list(result.shared_by_all),
            "similarity": result.similarity,
        }

    def rows(yes: str = "yes", no: str = "no") -> list[dict[str, str]]:
        return [
            {
                "skill": skill_id,
                "label": index.skill_label(skill_id, language),
                **{
                    career_id: yes if has else no
                    for career_id, has in zip(ids, present, strict=True)
                },
            }
            for skill_id, present in result.skill_rows
        ]

    def markdown_rows() -> list[dict[str, str]]:
        return rows(label("yes", language), label("no", language))

    return Records(document, rows, markdown_rows=markdown_rows)


# --- match ---------------------------------------------------------------------------------


def match_results(matches: Sequence[CareerMatch], language: Language) -> Records:
    def document() -> Json:
        return [
            {
                "rank": rank,
                **_career_ref(m.career),
                "score": {"matched": m.matched_count, "asked": m.asked, "centrality": m.centrality},
                "has_all": m.has_all,
                "matched": [
                    {"skill": s.skill.id, "label": _both(s.skill.label), "query": s.query}
                    for s in m.matched
                ],
                "missing": list(m.to_learn),
            }
            for rank, m in enumerate(matches, start=1)
        ]

    def rows() -> list[dict[str, str]]:
        return [
            {
                "rank": str(rank),
                "id": m.career.id,
                "title": m.career.title.in_language(language),
                "matched": str(m.matched_count),
                "asked": str(m.asked),
                "centrality": f"{m.centrality:.2f}",
                "has": _joined([s.skill.id for s in m.matched]),
                "found_by": _joined([s.query for s in m.matched]),
                "to_learn": _joined(list(m.to_learn)),
            }
            for rank, m in enumerate(matches, start=1)
        ]

    return Records(document, rows)


# --- skills, trends, tips ------------------------------------------------------------------


def skill_list(index: CatalogueIndex, language: Language) -> Records:
    skills = sorted(index.catalogue.skills, key=lambda s: s.id)
    needed_by = {s.id: [c.id for c in careers_needing(index, s.id)] for s in skills}

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

    def rows() -> list[dict[str, str]]:
        return [
            {
                "id": s.id,
                "label": s.label.in_language(language),
                "aliases": _joined(s.aliases.in_language(language)),
                "careers": _joined(needed_by[s.id]),
            }
            for s in skills
        ]

    return Records(document, rows)


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

    def rows() -> list[dict[str, str]]:
        return [
            {
                "id": n.id,
                "title": n.title.in_language(language),
                "text": n.text.in_language(language),
                "careers": _joined(n.careers),
                "skills": _joined(n.skills),
                "platforms": _joined(n.platforms),
            }
            for n in notes
        ]

    return Records(document, rows)
