"""The catalogue's search structures, and what is computed from careers and skills: ranking
by skills, related careers, comparisons and profiles. Nothing here prints.

Resolving what a person types to a career or skill is in `names`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import NamedTuple

from careers_cli.domain import Career, Catalogue, LinkedNote, Platform, Skill
from careers_cli.errors import UsageError
from careers_cli.text import Language, normalise


class SkillMatch(NamedTuple):
    """A vocabulary skill found for one of the user's words."""

    skill: Skill
    query: str


class CareerMatch(NamedTuple):
    """How one career fits the skills asked for; `centrality` breaks ties between equal counts."""

    career: Career
    matched: tuple[SkillMatch, ...]
    to_learn: tuple[str, ...]
    asked: int
    centrality: float

    @property
    def matched_count(self) -> int:
        return len(self.matched)

    @property
    def has_all(self) -> bool:
        return self.matched_count == self.asked


class RelatedCareer(NamedTuple):
    career: Career
    shared_skills: tuple[str, ...]
    similarity: float


class CareerProfile(NamedTuple):
    """Everything `show` tells about one career."""

    career: Career
    platforms: tuple[Platform, ...]
    trends: tuple[LinkedNote, ...]
    tips: tuple[LinkedNote, ...]
    related: tuple[RelatedCareer, ...]


class Comparison(NamedTuple):
    """Careers side by side: every skill of any of them, shared-by-all first."""

    careers: tuple[Career, ...]
    skill_rows: tuple[tuple[str, tuple[bool, ...]], ...]
    shared_by_all: tuple[str, ...]
    similarity: float


class CatalogueIndex:
    """Search structures for one catalogue, built once per process from normalised text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.careers_by_id = {c.id: c for c in catalogue.careers}
        self.skills_by_id = {s.id: s for s in catalogue.skills}
        self.platforms_by_id = {p.id: p for p in catalogue.platforms}

    def skill_label(self, skill_id: str, language: Language) -> str:
        return self.skills_by_id[skill_id].label.in_language(language)

    @cached_property
    def career_names(self) -> dict[str, list[tuple[str, ...]]]:
        """Career id -> the word lists it can be called by (id, English and Arabic titles)."""
        return {
            c.id: [tuple(normalise(n).split()) for n in (c.id, c.title.en, c.title.ar)]
            for c in self.catalogue.careers
        }

    @cached_property
    def careers_by_skill(self) -> dict[str, list[Career]]:
        """Skill id -> the careers tagged with it, built in one pass over the careers."""
        needing: dict[str, list[Career]] = {}
        for career in self.catalogue.careers:
            for skill_id in career.skill_ids:
                needing.setdefault(skill_id, []).append(career)
        return needing

    @cached_property
    def skill_names(self) -> dict[str, set[str]]:
        """Normalised id or label (English or Arabic) -> ids of the skills it names."""
        return _terms((s.id, (s.id, s.label.en, s.label.ar)) for s in self.catalogue.skills)

    @cached_property
    def skill_terms(self) -> dict[str, set[str]]:
        """Normalised id, label or alias -> ids of the skills it names."""
        return _terms(
            (s.id, (s.id, s.label.en, s.label.ar, *s.aliases.en, *s.aliases.ar))
            for s in self.catalogue.skills
        )


def _terms(named: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    terms: dict[str, set[str]] = {}
    for record_id, names in named:
        for name in names:
            key = normalise(name)
            if key:
                terms.setdefault(key, set()).add(record_id)
    return terms


def careers_needing(index: CatalogueIndex, skill_id: str) -> list[Career]:
    """The careers tagged with a skill, in catalogue order."""
    return index.careers_by_skill.get(skill_id, [])


# --- ranking -------------------------------------------------------------------------------


def rank_by_skills(
    index: CatalogueIndex,
    wanted: Sequence[SkillMatch],
    *,
    require_all: bool = False,
    limit: int | None = None,
) -> list[CareerMatch]:
    """Careers that have any of the wanted skills, best first.

    Order: more of the wanted skills first; then the career where they are more central (a
    larger share of its required-skill lines is tagged with one of them); then by id.
    """
    wanted_ids = {m.skill.id for m in wanted}
    results: list[CareerMatch] = []
    for career in index.catalogue.careers:
        own = career.skill_ids
        matched = tuple(m for m in wanted if m.skill.id in own)
        if not matched or (require_all and len(matched) < len(wanted)):
            continue
        tagged_lines = sum(1 for line in career.required_skills if wanted_ids & set(line.skills))
        results.append(
            CareerMatch(
                career=career,
                matched=matched,
                to_learn=tuple(s for s in own if s not in wanted_ids),
                asked=len(wanted),
                centrality=tagged_lines / len(career.required_skills),
            )
        )
    results.sort(key=lambda m: (-m.matched_count, -m.centrality, m.career.id))
    return results[:limit] if limit is not None else results


def career_profile(index: CatalogueIndex, career: Career) -> CareerProfile:
    """The career with its platforms, the trends and tips that concern it, and related careers."""
    catalogue = index.catalogue
    return CareerProfile(
        career=career,
        platforms=tuple(index.platforms_by_id[p] for p in career.platforms),
        trends=tuple(n for n in catalogue.trends if career.id in n.careers),
        tips=tuple(n for n in catalogue.tips if career.id in n.careers),
        related=tuple(related_careers(index, career)),
    )


def related_careers(index: CatalogueIndex, career: Career, count: int = 3) -> list[RelatedCareer]:
    """The careers sharing most skills with `career` (then higher Jaccard similarity, then id)."""
    own = set(career.skill_ids)
    related = []
    for other in index.catalogue.careers:
        if other.id == career.id:
            continue
        shared = tuple(s for s in other.skill_ids if s in own)
        if shared:
            union = own | set(other.skill_ids)
            related.append(RelatedCareer(other, shared, len(shared) / len(union)))
    related.sort(key=lambda r: (-len(r.shared_skills), -r.similarity, r.career.id))
    return related[:count]


COMPARE_LIMIT = 7


def check_comparison_size(count: int) -> None:
    """A comparison takes 2 to `COMPARE_LIMIT` careers; raise `UsageError` otherwise."""
    if count < 2:
        raise UsageError("compare.too_few")
    if count > COMPARE_LIMIT:
        raise UsageError("compare.too_many", limit=COMPARE_LIMIT)


def compare_careers(careers: Sequence[Career]) -> Comparison:
    """Every skill of any career, marked per career; skills all of them share come first."""
    skill_sets = [set(c.skill_ids) for c in careers]
    ordered = list(dict.fromkeys(s for c in careers for s in c.skill_ids))
    rows = [(s, tuple(s in owned for owned in skill_sets)) for s in ordered]
    rows.sort(key=lambda row: -sum(row[1]))  # stable: keeps first-mention order among equals
    shared = set.intersection(*skill_sets)
    union = set.union(*skill_sets)
    return Comparison(
        careers=tuple(careers),
        skill_rows=tuple(rows),
        shared_by_all=tuple(s for s in ordered if s in shared),
        similarity=len(shared) / len(union) if union else 0.0,
    )
