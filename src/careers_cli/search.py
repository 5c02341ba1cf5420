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


OPTIONAL_WEIGHT = 0.5
"""What a skill the career needs only optionally counts for in `match`; an essential one, 1."""


class CareerMatch(NamedTuple):
    """How one career fits the skills asked for; `centrality` breaks ties between equal weights."""

    career: Career
    matched: tuple[SkillMatch, ...]
    to_learn: tuple[str, ...]
    """The career's essential skills not asked for."""
    asked: int
    centrality: float
    to_learn_optional: tuple[str, ...] = ()
    """The career's optional skills not asked for (format 2)."""

    @property
    def matched_count(self) -> int:
        return len(self.matched)

    @property
    def optional_count(self) -> int:
        """How many of the matched skills the career needs only optionally."""
        return sum(1 for m in self.matched if self.career.is_optional(m.skill.id))

    @property
    def weight(self) -> float:
        """The matched skills, each essential one counting 1 and each optional one
        `OPTIONAL_WEIGHT`: what `match` ranks by first."""
        return self.matched_count - (1 - OPTIONAL_WEIGHT) * self.optional_count

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
        """Career id -> the word lists it can be called by: id, titles and alternative titles,
        English and Arabic."""
        return {
            c.id: [
                words
                for name in (c.id, c.title.en, c.title.ar, *c.alt_titles.en, *c.alt_titles.ar)
                if (words := tuple(normalise(name).split()))
            ]
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

    Order: the greater weight of wanted skills first (each skill the career needs counts 1, one
    it needs only optionally `OPTIONAL_WEIGHT`); then the career where they are more central (a
    larger share of its requirements names one of them); then by id. A requirement is a
    required-skill line with words of its own, or each skill of a line without (format 2).
    """
    wanted_ids = {m.skill.id for m in wanted}
    results: list[CareerMatch] = []
    for career in index.catalogue.careers:
        own = career.skill_ids
        matched = tuple(m for m in wanted if m.skill.id in own)
        if not matched or (require_all and len(matched) < len(wanted)):
            continue
        covered, requirements = _requirements_covered(career, wanted_ids)
        missing = [s for s in own if s not in wanted_ids]
        results.append(
            CareerMatch(
                career=career,
                matched=matched,
                to_learn=tuple(s for s in missing if not career.is_optional(s)),
                asked=len(wanted),
                centrality=covered / requirements if requirements else 0.0,
                to_learn_optional=tuple(s for s in missing if career.is_optional(s)),
            )
        )
    results.sort(key=lambda m: (-m.weight, -m.centrality, m.career.id))
    return results[:limit] if limit is not None else results


def _requirements_covered(career: Career, skill_ids: set[str]) -> tuple[int, int]:
    """How many of the career's requirements name one of `skill_ids`, and how many it has."""
    covered = requirements = 0
    for line in career.required_skills:
        if line.text is not None:
            requirements += 1
            covered += not skill_ids.isdisjoint(line.skills)
        else:
            requirements += len(line.skills)
            covered += sum(1 for s in line.skills if s in skill_ids)
    return covered, requirements


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
