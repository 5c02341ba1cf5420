"""The data of matching and moving, for JSON, CSV and Markdown: `match`, `next`, `gap` and the
profile's skills."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from careers_cli.i18n.messages import label, message
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.consoles import markdown_text
from careers_cli.present.data.parts import (
    Json,
    Records,
    both_languages,
    career_ref,
    list_joined,
    text_in,
)
from careers_cli.present.pages import Page, PageSection
from careers_cli.rules.moves import ConcernedNote, Gap, Neighbour, SkillToLearn, SkillWeight
from careers_cli.rules.search import CareerMatch, Wanted
from careers_cli.text.language import Language


def match_results(matches: Sequence[CareerMatch], language: Language) -> Records:
    def document() -> Json:
        return [
            {
                "rank": m.rank,
                **career_ref(m.career),
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
                        "label": both_languages(part.wanted.label),
                        "query": part.wanted.query,
                        "family_of": part.family_of,
                        "by_words": part.wanted.by_words,
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
                "title": text_in(m.career.title, language, marked),
                "score": f"{m.score:.2f}",
                "matched": str(m.matched_count),
                "asked": str(m.asked),
                "centrality": f"{m.centrality:.2f}",
                "has": list_joined([part.wanted.id for part in m.matched]),
                "found_by": list_joined([part.wanted.query for part in m.matched]),
                "to_learn": list_joined(list(m.to_learn)),
                "to_learn_optional": list_joined(list(m.to_learn_optional)),
            }
            for m in matches
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def _weighed(index: CatalogueIndex, skill: SkillWeight) -> dict[str, Any]:
    return {
        "skill": skill.skill_id,
        "label": both_languages(index.skills_by_id[skill.skill_id].label),
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
                **career_ref(n.career),
                "essential": {"had": n.essential[0], "total": n.essential[1]},
                "closeness": {
                    "value": n.closeness.value,
                    "skills": round(n.closeness.skills, 4),
                    "isco_levels": n.closeness.isco_levels,
                },
                "step_down": n.step_down,
                "common_only": n.common_only,
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
                "title": text_in(n.career.title, language, marked),
                "essential_had": str(n.essential[0]),
                "essential_total": str(n.essential[1]),
                "closeness": f"{n.closeness.value:.2f}",
                "step_down": "yes" if n.step_down else "no",
                "common_only": "yes" if n.common_only else "no",
                "coverage": f"{n.coverage.value:.2f}",
                "transfer_count": str(len(n.transfer)),
                "transfer": list_joined([w.skill_id for w in n.transfer]),
                "missing_count": str(len(n.missing)),
                "missing": list_joined([w.skill_id for w in n.missing]),
            }
            for n in neighbours
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def career_gap(index: CatalogueIndex, gap: Gap, language: Language) -> Records:
    def notes(found: Sequence[ConcernedNote]) -> Json:
        return [
            {"id": c.note.id, "title": both_languages(c.note.title), "skills": list(c.skills)}
            for c in found
        ]

    def document() -> Json:
        return {
            "from": career_ref(gap.source),
            "to": career_ref(gap.target),
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
                "opens": list_joined(list(step.opens)),
                "trends": list_joined(concerning["trends"][step.skill.skill_id]),
                "tips": list_joined(concerning["tips"][step.skill.skill_id]),
            }
            for number, step in enumerate(gap.steps, start=1)
        ]
        return had + learn

    return Records(document, rows, page=lambda: gap_page(index, gap, language))


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
        "label": text_in(index.skills_by_id[skill.skill_id].label, language, marked),
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
    words = _gap_words(gap, lang)
    lines = [f"# {markdown_text(words.title)}", ""]
    if gap.same:
        return "\n".join([*lines, markdown_text(words.summary)]) + "\n"
    lines += [markdown_text(words.summary), "", f"## {markdown_text(label('transfers', lang))}", ""]
    lines += [f"- {_skill_item(index, w.skill_id, lang)}" for w in gap.transfer] or [
        f"- {markdown_text(label('none', lang))}"
    ]
    lines += ["", f"## {markdown_text(label('learn_order', lang))}", ""]
    if not gap.steps:
        nothing = message("gap.nothing", lang, source=words.source, target=words.target)
        lines.append(markdown_text(nothing))
    lines += [f"- [ ] {_skill_item(index, step.skill.skill_id, lang)}" for step in gap.steps]
    for key, found in (("trends", gap.trends), ("tips", gap.tips)):
        if found:
            lines += ["", f"## {markdown_text(label(key, lang))}", ""]
            lines += [
                "- "
                + markdown_text(
                    f"{text_in(c.note.title, lang, True)} ({c.note.id}): {', '.join(c.skills)}"
                )
                for c in found
            ]
    return "\n".join(lines) + "\n"


def gap_page(index: CatalogueIndex, gap: Gap, language: Language) -> Page:
    """`gap` as a plan to hand over: the title and summary, what carries over, the skills to
    learn in order as boxes to tick (each with the coverage once learnt and the careers near
    the target it first opens), the trends and tips that concern them, and how to read it."""
    lang = language
    words = _gap_words(gap, lang)
    title, summary, source, target = words
    if gap.same:
        return Page(title, lang, lead=[summary])
    transfer = [_skill_words(index, w.skill_id, lang) for w in gap.transfer]
    sections = [PageSection(label("transfers", lang), transfer or [label("none", lang)])]
    if gap.steps:
        sections.append(
            PageSection(label("learn_order", lang), _step_items(index, gap, lang), "checklist")
        )
    else:
        nothing = message("gap.nothing", lang, source=source, target=target)
        sections.append(PageSection(label("learn_order", lang), [nothing], "paragraphs"))
    for key, found in (("trends", gap.trends), ("tips", gap.tips)):
        if found:
            items = [
                f"{text_in(c.note.title, lang, True)} ({c.note.id}): "
                + _comma(lang).join(
                    text_in(index.skills_by_id[s].label, lang, True) for s in c.skills
                )
                for c in found
            ]
            sections.append(PageSection(label(key, lang), items))
    legend = message("gap.legend", lang, target=target) if gap.steps else ""
    return Page(title, lang, lead=[summary], sections=sections, note=legend)


def _step_items(index: CatalogueIndex, gap: Gap, language: Language) -> list[str]:
    """Each step: the skill and its id, the coverage once learnt and, the first time, the
    careers near the target it opens."""
    arrow = "←" if language == "ar" else "→"
    items, opened = [], set()
    for step in gap.steps:
        item = f"{_skill_words(index, step.skill.skill_id, language)} {arrow} "
        item += f"{step.coverage_after:.0%}"
        first_opened = [c for c in step.opens if c not in opened]
        opened.update(first_opened)
        if first_opened:
            item += f" · {label('opens', language)}: {_comma(language).join(first_opened)}"
        items.append(item)
    return items


class _GapWords(NamedTuple):
    title: str
    summary: str
    """The summary line; for the same career twice, the sentence that says so."""
    source: str
    target: str


def _gap_words(gap: Gap, language: Language) -> _GapWords:
    """The title and summary of a gap's documents: careers named by their titles, as the table
    view names them (ids are for commands)."""
    source = gap.source.title.in_language(language)
    target = gap.target.title.in_language(language)
    title = message("gap.title", language, source=source, target=target)
    if gap.same:
        return _GapWords(title, message("gap.same", language, career=source), source, target)
    summary = message(
        "gap.summary",
        language,
        source=source,
        target=target,
        coverage=f"{gap.coverage.value:.0%}",
        transfer=len(gap.transfer),
        total=len(gap.transfer) + gap.to_learn,
        missing=gap.to_learn,
    )
    return _GapWords(title, summary, source, target)


def _comma(language: Language) -> str:
    return "، " if language == "ar" else ", "


def _skill_words(index: CatalogueIndex, skill_id: str, language: Language) -> str:
    return f"{text_in(index.skills_by_id[skill_id].label, language, True)} ({skill_id})"


def _skill_item(index: CatalogueIndex, skill_id: str, language: Language) -> str:
    return markdown_text(_skill_words(index, skill_id, language))


def skills_to_learn(
    index: CatalogueIndex, found: Sequence[SkillToLearn], language: Language
) -> Records:
    def document() -> Json:
        return [
            {
                "rank": s.rank,
                "skill": s.skill_id,
                "label": both_languages(index.skills_by_id[s.skill_id].label),
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
                "label": text_in(index.skills_by_id[s.skill_id].label, language, marked),
                "gain": f"{s.gain:.2f}",
                "raises": list_joined([c for c, _ in s.raises]),
                "opens_count": str(len(s.opens)),
                "opens": list_joined(list(s.opens)),
            }
            for s in found
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))


def profile_skills(wanted: Sequence[Wanted], language: Language) -> Records:
    def document() -> Json:
        return [{"id": w.id, "kind": w.kind, "label": both_languages(w.label)} for w in wanted]

    def rows(marked: bool = False) -> list[dict[str, str]]:
        return [
            {"id": w.id, "kind": w.kind, "label": text_in(w.label, language, marked)}
            for w in wanted
        ]

    return Records(document, rows, markdown_rows=lambda: rows(marked=True))
