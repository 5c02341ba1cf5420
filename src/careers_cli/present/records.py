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
from careers_cli.present.consoles import MarkdownSection, markdown_text
from careers_cli.rules.moves import ConcernedNote, Gap, Neighbour, SkillToLearn, SkillWeight
from careers_cli.rules.search import CareerMatch, CareerProfile, Comparison, Wanted
from careers_cli.text.language import Bilingual, Language

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


def section_list(sections: Sequence[Section], language: Language) -> Records:
    """Prose sections: JSON with both languages; a row per paragraph for CSV; a Markdown
    document with a heading per section."""

    def document() -> Json:
        return [
            {
                "id": s.id,
                "heading": _both(s.heading) if s.heading else None,
                "paragraphs": [_both(p) for p in s.paragraphs],
            }
            for s in sections
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "id": s.id,
                "heading": _text(s.name, language, marked),
                "text": _text(p, language, marked),
            }
            for s in sections
            for p in s.paragraphs
        ]

    markdown = tuple(
        MarkdownSection(
            _text(s.name, language, marked=True),
            [_text(p, language, marked=True) for p in s.paragraphs],
            bulleted=False,
        )
        for s in sections
    )
    return Records(
        document,
        rows,
        markdown_title=message("read.title", language),
        markdown_sections=markdown,
    )


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


# --- career moves: next, gap, match --next-skills, profile ---------------------------------


def _weighed(index: CatalogueIndex, skill: SkillWeight) -> dict[str, Any]:
    return {
        "skill": skill.skill_id,
        "label": _both(index.skills_by_id[skill.skill_id].label),
        "importance": skill.importance,
        "careers": skill.careers,
        "specificity": round(skill.specificity, 4),
        "weight": round(skill.weight, 4),
    }


def _coverage(shared: float, total: float, value: float) -> dict[str, float]:
    return {"value": value, "shared": round(shared, 4), "total": round(total, 4)}


def next_careers(
    index: CatalogueIndex, neighbours: Sequence[Neighbour], language: Language
) -> Records:
    def document() -> Json:
        return [
            {
                "rank": n.rank,
                **_career_ref(n.career),
                "coverage": _coverage(n.coverage.shared, n.coverage.total, n.coverage.value),
                "transfer": [_weighed(index, w) for w in n.transfer],
                "missing": [_weighed(index, w) for w in n.missing],
            }
            for n in neighbours
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "rank": str(n.rank),
                "id": n.career.id,
                "title": _text(n.career.title, language, marked),
                "coverage": f"{n.coverage.value:.2f}",
                "transfer_count": str(len(n.transfer)),
                "transfer": _joined([w.skill_id for w in n.transfer]),
                "missing_count": str(len(n.missing)),
                "missing": _joined([w.skill_id for w in n.missing]),
            }
            for n in neighbours
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def career_gap(index: CatalogueIndex, gap: Gap, language: Language) -> Records:
    def notes(found: Sequence[ConcernedNote]) -> Json:
        return [
            {"id": c.note.id, "title": _both(c.note.title), "skills": list(c.skills)} for c in found
        ]

    def document() -> Json:
        return {
            "from": _career_ref(gap.source),
            "to": _career_ref(gap.target),
            "coverage": _coverage(gap.coverage.shared, gap.coverage.total, gap.coverage.value),
            "transfer": [_weighed(index, w) for w in gap.transfer],
            "to_learn": [
                {
                    "step": number,
                    **_weighed(index, step.skill),
                    "opens": list(step.opens),
                    "coverage_after": step.coverage_after,
                }
                for number, step in enumerate(gap.steps, start=1)
            ],
            "trends": notes(gap.trends),
            "tips": notes(gap.tips),
        }

    def rows(marked: bool = False) -> list[dict[str, str]]:
        concerning = {
            kind: {s: [c.note.id for c in found if s in c.skills] for s in _learnt(gap)}
            for kind, found in (("trends", gap.trends), ("tips", gap.tips))
        }
        had = [
            _gap_row(index, w, "", "has", language, marked, coverage=gap.coverage.value)
            for w in gap.transfer
        ]
        learn = [
            {
                **_gap_row(
                    index,
                    step.skill,
                    str(number),
                    "to_learn",
                    language,
                    marked,
                    coverage=step.coverage_after,
                ),
                "opens": _joined(list(step.opens)),
                "trends": _joined(concerning["trends"][step.skill.skill_id]),
                "tips": _joined(concerning["tips"][step.skill.skill_id]),
            }
            for number, step in enumerate(gap.steps, start=1)
        ]
        return had + learn

    return Records(document, rows)


def _learnt(gap: Gap) -> list[str]:
    return [step.skill.skill_id for step in gap.steps]


def _gap_row(
    index: CatalogueIndex,
    skill: SkillWeight,
    step: str,
    status: str,
    language: Language,
    marked: bool,
    *,
    coverage: float,
) -> dict[str, str]:
    return {
        "step": step,
        "skill": skill.skill_id,
        "label": _text(index.skills_by_id[skill.skill_id].label, language, marked),
        "status": status,
        "importance": skill.importance,
        "weight": f"{skill.weight:.2f}",
        "coverage_after": f"{coverage:.2f}",
        "opens": "",
        "trends": "",
        "tips": "",
    }


def gap_checklist(index: CatalogueIndex, gap: Gap, language: Language) -> str:
    """`gap` as a Markdown document to keep: a heading, a summary line, what carries over, the
    skills to learn as a checklist (`- [ ] Label (id)`), and the trends and tips."""
    lang = language
    source, target = gap.source.id, gap.target.id
    lines = [f"# {markdown_text(message('gap.title', lang, source=source, target=target))}", ""]
    if gap.same:
        return "\n".join([*lines, markdown_text(message("gap.same", lang, career=source))]) + "\n"
    summary = message(
        "gap.summary",
        lang,
        source=source,
        target=target,
        coverage=f"{gap.coverage.value:.0%}",
        transfer=len(gap.transfer),
        total=len(gap.transfer) + len(gap.steps),
        missing=len(gap.steps),
    )
    lines += [markdown_text(summary), "", f"## {markdown_text(label('transfers', lang))}", ""]
    lines += [f"- {_skill_item(index, w.skill_id, lang)}" for w in gap.transfer] or [
        f"- {markdown_text(label('none', lang))}"
    ]
    lines += ["", f"## {markdown_text(label('learn_order', lang))}", ""]
    if not gap.steps:
        lines.append(markdown_text(message("gap.nothing", lang, source=source, target=target)))
    lines += [f"- [ ] {_skill_item(index, step.skill.skill_id, lang)}" for step in gap.steps]
    for key, found in (("trends", gap.trends), ("tips", gap.tips)):
        if found:
            lines += ["", f"## {markdown_text(label(key, lang))}", ""]
            lines += [
                "- "
                + markdown_text(
                    f"{_text(c.note.title, lang, True)} ({c.note.id}): {', '.join(c.skills)}"
                )
                for c in found
            ]
    return "\n".join(lines) + "\n"


def _skill_item(index: CatalogueIndex, skill_id: str, language: Language) -> str:
    label_text = _text(index.skills_by_id[skill_id].label, language, True)
    return markdown_text(f"{label_text} ({skill_id})")


def skills_to_learn(
    index: CatalogueIndex, found: Sequence[SkillToLearn], language: Language
) -> Records:
    def document() -> Json:
        return [
            {
                "rank": s.rank,
                "skill": s.skill_id,
                "label": _both(index.skills_by_id[s.skill_id].label),
                "gain": s.gain,
                "careers": s.careers,
                "specificity": round(s.specificity, 4),
                "raises": [{"id": c, "weight": round(w, 4)} for c, w in s.raises],
                "opens": list(s.opens),
            }
            for s in found
        ]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {
                "rank": str(s.rank),
                "skill": s.skill_id,
                "label": _text(index.skills_by_id[s.skill_id].label, language, marked),
                "gain": f"{s.gain:.2f}",
                "raises": _joined([c for c, _ in s.raises]),
                "opens_count": str(len(s.opens)),
                "opens": _joined(list(s.opens)),
            }
            for s in found
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def profile_skills(wanted: Sequence[Wanted], language: Language) -> Records:
    def document() -> Json:
        return [{"id": w.id, "kind": w.kind, "label": _both(w.label)} for w in wanted]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {"id": w.id, "kind": w.kind, "label": _text(w.label, language, marked)} for w in wanted
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))
