"""The catalogue's search structures, and what is computed from careers and skills: ranking
by skills, related careers, comparisons and profiles. Nothing here prints.

Resolving what a person types to a career or skill is in `names`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from careers_cli.domain import Career, LinkedNote, Platform, Skill
from careers_cli.errors import UsageError
from careers_cli.index import CatalogueIndex


class SkillMatch(NamedTuple):
    """A vocabulary skill found for one of the user's words."""

    skill: Skill
    query: str


OPTIONAL_WEIGHT = 0.5
"""What a skill the career needs only optionally counts for in `match`; an essential one, 1."""


def match_weight(matched: int, optional: int) -> float:
    """What `match` ranks by first: the skills matched, each counting 1, or `OPTIONAL_WEIGHT`
    for the `optional` ones among them that the career needs only optionally."""
    return matched - (1 - OPTIONAL_WEIGHT) * optional


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
        return match_weight(self.matched_count, self.optional_count)

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
    ranked: list[tuple[float, float, str, tuple[SkillMatch, ...]]] = []
    for fit in index.skill_fits(wanted_ids):
        matched = tuple(m for m in wanted if m.skill.id in fit.matched)
        if not matched or (require_all and len(matched) < len(wanted)):
            continue
        optional = sum(1 for m in matched if m.skill.id in fit.optional)
        weight = match_weight(len(matched), optional)
        centrality = fit.covered / fit.requirements if fit.requirements else 0.0
        ranked.append((weight, centrality, fit.career_id, matched))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    results = []
    for _, centrality, career_id, matched in ranked[:limit]:  # only the careers shown are read
        career = index.careers_by_id[career_id]
        missing = [s for s in career.skill_ids if s not in wanted_ids]
        results.append(
            CareerMatch(
                career=career,
                matched=matched,
                to_learn=tuple(s for s in missing if not career.is_optional(s)),
                asked=len(wanted),
                centrality=centrality,
                to_learn_optional=tuple(s for s in missing if career.is_optional(s)),
            )
        )
    return results


def career_profile(index: CatalogueIndex, career: Career) -> CareerProfile:
    """The career with its platforms, the trends and tips that concern it, and related careers."""
    return CareerProfile(
        career=career,
        platforms=tuple(index.platforms_by_id[p] for p in career.platforms),
        trends=index.notes_about("trends", career.id),
        tips=index.notes_about("tips", career.id),
        related=tuple(related_careers(index, career)),
    )


def related_careers(index: CatalogueIndex, career: Career, count: int = 3) -> list[RelatedCareer]:
    """The careers sharing most skills with `career` (then higher Jaccard similarity, then id).

    They are ranked on counts, and only the few kept are read."""
    own = set(career.skill_ids)
    ranked = sorted(
        (
            (o.shared, o.shared / (len(own) + o.skills - o.shared), o.career_id)
            for o in index.overlaps(own)
            if o.career_id != career.id and o.shared
        ),
        key=lambda r: (-r[0], -r[1], r[2]),
    )
    related = []
    for _, similarity, career_id in ranked[:count]:
        other = index.careers_by_id[career_id]
        shared = tuple(s for s in other.skill_ids if s in own)
        related.append(RelatedCareer(other, shared, similarity))
    return related


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
