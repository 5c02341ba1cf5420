"""The catalogue's search structures, and what is computed from careers and skills: ranking
by skills, related careers, comparisons and profiles. Nothing here prints.

Resolving what a person types to a career or skill is in `names`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, NamedTuple, TypeVar

from careers_cli.catalogue.domain import Career, LinkedNote, Platform, Skill
from careers_cli.errors import UsageError
from careers_cli.index.query import CatalogueIndex, SkillFit
from careers_cli.text.language import Bilingual


class Wanted(NamedTuple):
    """Something a person has that `match` looks for: a vocabulary skill, or one of the
    platforms and tools the catalogue's careers list."""

    id: str
    label: Bilingual
    query: str
    """What the person typed for it."""
    platform: Platform | None = None
    family: tuple[str, ...] = ()
    """The skills whose labels hold the whole label typed as a phrase (`machine learning`:
    `utilise machine learning`), which count as having this one (see `skill_family`); or, for
    a word family (`by_words`), the other skills the words typed fit."""
    by_words: bool = False
    """Whether this stands for every skill the words typed fit equally (`driving`), led by
    the best of them: having any one is having it, and it is as telling as the share of
    careers that need any one of them."""

    @property
    def kind(self) -> str:
        """ "skill", or the platform's kind ("platform" or "tool")."""
        return "skill" if self.platform is None else self.platform.kind


def skill_wanted(skill: Skill, query: str) -> Wanted:
    """A vocabulary skill as `match` looks for it, found by `query`."""
    return Wanted(skill.id, skill.label, query)


def platform_wanted(platform: Platform, query: str) -> Wanted:
    """A platform or tool as `match` looks for it, found by `query`."""
    return Wanted(platform.id, platform.name, query, platform)


OPTIONAL_WEIGHT = 0.5
"""What a skill the career needs only optionally counts for in `match`, against 1 for an
essential one (or a platform or tool the career lists)."""

Importance = Literal["essential", "optional"]
"""How a career needs a skill (format 2); format 1's skills are all essential."""


def weighed(importance: Importance, specificity: float) -> float:
    """What a skill adds to a career's score: its specificity, times `OPTIONAL_WEIGHT` where
    the career needs it only optionally. `match`, `next`, `gap` and `--next-skills` all weigh
    skills so."""
    return specificity * (OPTIONAL_WEIGHT if importance == "optional" else 1.0)


def specificity(careers: int, total: int) -> float:
    """How much having a skill tells about fitting one of the `careers` (of `total`) that need
    it: ln(1 + total / careers), 0.69 for a skill every career needs, more the fewer need it."""
    return math.log(1 + total / max(careers, 1))


class ScorePart(NamedTuple):
    """What one of the wanted skills adds to a career's score in `match`."""

    wanted: Wanted
    """The skill the career has: the one asked for, or one of its family."""
    importance: Importance
    careers: int
    """How many careers of the catalogue need the skill (or list the platform)."""
    specificity: float
    family_of: str | None = None
    """The id of the skill asked for, when the career has one of its family instead."""

    @property
    def weight(self) -> float:
        return weighed(self.importance, self.specificity)


SCORE_DIGITS = 2
"""Scores are compared and shown rounded to this many decimals: equal as shown, equal rank."""


class CareerMatch(NamedTuple):
    """How one career fits the skills asked for."""

    career: Career
    matched: tuple[ScorePart, ...]
    to_learn: tuple[str, ...]
    """The career's essential skills not asked for."""
    asked: int
    centrality: float
    """The share of the career's requirements that name one of the skills asked for."""
    score: float
    rank: int
    """1 + how many careers scored more: careers with equal scores share a rank."""
    to_learn_optional: tuple[str, ...] = ()
    """The career's optional skills not asked for (format 2)."""

    @property
    def matched_count(self) -> int:
        return len(self.matched)

    @property
    def optional_count(self) -> int:
        """How many of the matched skills the career needs only optionally."""
        return sum(1 for part in self.matched if part.importance == "optional")

    @property
    def has_all(self) -> bool:
        return self.matched_count == self.asked


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """The first items of a longer list (all of them without a limit), and how many it has."""

    items: list[T]
    total: int

    @property
    def more(self) -> int:
        """How many were left out."""
        return self.total - len(self.items)


def first(items: Sequence[T], limit: int | None) -> Page[T]:
    """The first `limit` of `items` (all of them for None)."""
    return Page(list(items[:limit]), len(items))


LIST_LIMIT = 20
"""How many careers `list` shows unless told: a screenful or two (an ESCO career takes about
four lines: its title and a summary of some 30 words)."""
SKILL_LIST_LIMIT = 25
"""How many skills `skills` shows unless told: a screenful or two (a skill takes three or four
lines: its label, its other names and the careers that need it)."""
MATCH_LIMIT = 10
"""How many careers `match` shows unless told (each takes a few lines)."""


def career_page(index: CatalogueIndex, limit: int | None) -> Page[Career]:
    """The first careers of the catalogue, in its order; only those are read."""
    return Page(list(index.careers(limit)), index.career_count())


def skill_page(index: CatalogueIndex, limit: int | None) -> Page[Skill]:
    """The first skills of the vocabulary by id; only those are read."""
    ids = sorted(index.skills_by_id)
    return Page([index.skills_by_id[s] for s in ids[:limit]], len(ids))


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
    """Careers side by side: the skills of any of them, shared-by-all first (the first
    `limit`, when `compare_careers` was given one), and how many there are in all."""

    careers: tuple[Career, ...]
    skill_rows: tuple[tuple[str, tuple[bool, ...]], ...]
    shared_by_all: tuple[str, ...]
    similarity: float
    skill_count: int

    def skill_page(self) -> Page[tuple[str, tuple[bool, ...]]]:
        """The skill rows shown, out of how many."""
        return Page(list(self.skill_rows), self.skill_count)


# --- ranking -------------------------------------------------------------------------------


def rank_by_skills(
    index: CatalogueIndex,
    wanted: Sequence[Wanted],
    *,
    require_all: bool = False,
    limit: int | None = None,
) -> list[CareerMatch]:
    """The best `limit` careers of `match_page`."""
    return match_page(index, wanted, require_all=require_all, limit=limit).items


def match_page(
    index: CatalogueIndex,
    wanted: Sequence[Wanted],
    *,
    require_all: bool = False,
    limit: int | None = None,
) -> Page[CareerMatch]:
    """Careers that need any of the wanted skills (or list any of the wanted platforms and
    tools), best first.

    A career's score is the sum, over the wanted skills it has, of the skill's `specificity`
    (a skill few careers need counts for more), halved for a skill it needs only optionally.
    Equal scores share a rank; among them, the career with the larger share of its essential
    skills asked for, then the one whose other essential skills go more with those asked
    (`_core_shares`, `_kinship`; never the one that merely lists fewest skills), then by id.
    `centrality` tells the share of a career's requirements that name one of the skills
    asked; a requirement is a required-skill line with words of its own, or each skill of a
    line without (format 2).
    """
    skills = [w for w in wanted if w.platform is None]
    platforms = [w for w in wanted if w.platform is not None]
    skill_ids = {s for w in skills for s in (w.id, *w.family)}
    total = index.career_count()
    using = index.careers_using({w.id for w in platforms}) if platforms else {}
    listing = {p.id: sum(1 for found in using.values() if p.id in found) for p in platforms}
    fits = {fit.career_id: fit for fit in index.skill_fits(skill_ids)} if skills else {}
    # How many careers need each skill asked (a family: any of it), from the fits.
    members = {at: {w.id, *w.family} for at, w in enumerate(wanted) if w.platform is None}
    careers_of = {
        at: sum(1 for fit in fits.values() if not skills.isdisjoint(fit.matched))
        for at, skills in members.items()
    }
    ranked: list[MatchRow] = []
    for career_id in dict.fromkeys([*fits, *using]):
        fit = fits.get(career_id)
        parts: list[ScorePart] = []
        used: set[str] = set()  # a skill of the career counts for one of the skills asked
        for at, w in enumerate(wanted):
            if w.platform is None and fit is not None:
                has = fit.matched - used
                part = _family_part(index, w, has, fit.optional, careers_of[at])
                if part is not None:
                    parts.append(part)
                    used.add(part.wanted.id)
            elif w.platform is not None and w.id in using.get(career_id, ()):
                parts.append(ScorePart(w, "essential", listing[w.id], 0.0))
        if not parts or (require_all and len(parts) < len(wanted)):
            continue
        parts = [part._replace(specificity=specificity(part.careers, total)) for part in parts]
        score = round(sum(p.weight for p in parts), SCORE_DIGITS)
        centrality = fit.covered / fit.requirements if fit and fit.requirements else 0.0
        ranked.append((score, centrality, career_id, parts))
    ranked.sort(key=lambda r: (-r[0], r[2]))
    core = _core_shares(ranked, limit, wanted, fits)
    ranked.sort(key=lambda r: (-r[0], -core.get(r[2], 0.0), r[2]))
    kin = _kinship(index, ranked, limit, core, {*fits, *using}, skill_ids)
    ranked.sort(key=lambda r: (-r[0], -core.get(r[2], 0.0), -kin.get(r[2], 0.0), r[2]))
    results = []
    rank = 0
    for position, (score, centrality, career_id, parts) in enumerate(ranked[:limit]):
        if position == 0 or score != ranked[position - 1][0]:
            rank = position + 1
        career = index.careers_by_id[career_id]  # only the careers shown are read
        missing = [s for s in career.skill_ids if s not in skill_ids]
        results.append(
            CareerMatch(
                career=career,
                matched=tuple(parts),
                to_learn=tuple(s for s in missing if not career.is_optional(s)),
                asked=len(wanted),
                centrality=centrality,
                score=score,
                rank=rank,
                to_learn_optional=tuple(s for s in missing if career.is_optional(s)),
            )
        )
    return Page(results, len(ranked))


KINSHIP_LIMIT = 200
"""The most careers in one group tied on score and share of essential skills that `match`
orders by how their other skills go with those asked; a larger group stays in id order."""
KINSHIP_LINKS = 30_000
"""The most links of their skills one such group may read for it (ESCO's 46 careers tied on
C++ read 21,000); a group that would read more stays in id order."""

MatchRow = tuple[float, float, str, list[ScorePart]]
"""A career's score, centrality, id and parts, as `match_page` ranks them."""


def _groups_on_page(
    ranked: Sequence[MatchRow], limit: int | None, key: Callable[[MatchRow], object]
) -> list[list[str]]:
    """The careers that share `key`, group by group, for the groups the first `limit` reach
    (the same groups whatever the limit past them)."""
    if not ranked:
        return []
    shown = len(ranked) if limit is None else min(limit, len(ranked))
    reached = {key(r) for r in ranked[:shown]}
    groups: dict[object, list[str]] = {}
    for r in ranked:
        if key(r) in reached:
            groups.setdefault(key(r), []).append(r[2])
    return [careers for careers in groups.values() if len(careers) > 1]


def _core_shares(
    ranked: Sequence[MatchRow],
    limit: int | None,
    wanted: Sequence[Wanted],
    fits: Mapping[str, SkillFit],
) -> dict[str, float]:
    """For the careers that share a score with another on the page: the share of their
    essential skills that the skills asked for name (a family counts as one skill)."""
    tied = {c for group in _groups_on_page(ranked, limit, lambda r: r[0]) for c in group}
    asked = {s: at for at, w in enumerate(wanted) if w.platform is None for s in (w.id, *w.family)}
    return {
        career_id: len({asked[s] for s in fit.matched - fit.optional}) / fit.essential
        for career_id in tied
        if (fit := fits.get(career_id)) is not None and fit.essential
    }


def _kinship(
    index: CatalogueIndex,
    ranked: Sequence[MatchRow],
    limit: int | None,
    core: Mapping[str, float],
    matching: Collection[str],
    asked: Collection[str],
) -> dict[str, float]:
    """For the careers still tied on the page (score and `core` share; groups within
    `KINSHIP_LIMIT` and `KINSHIP_LINKS`): how much their other essential skills go with the
    skills asked, the mean over those skills of the share of the careers needing one that have
    one of the skills asked (`matching`). For C++, which no tied career needs essentially, a
    software developer's "computer programming" goes with it more than a machine operator's
    "operate CNC machines"."""
    groups = [
        group
        for group in _groups_on_page(ranked, limit, lambda r: (r[0], core.get(r[2], 0.0)))
        if len(group) <= KINSHIP_LIMIT
    ]
    if not groups:
        return {}
    others = {
        career_id: [s for s, optional in skills.items() if not optional and s not in asked]
        for career_id, skills in index.skills_of({c for g in groups for c in g}).items()
    }
    counts = index.skill_career_counts({s for skills in others.values() for s in skills})
    kept: list[str] = []
    for group in groups:
        involved = {s for c in group for s in others.get(c, ())}
        if sum(counts.get(s, 0) for s in involved) <= KINSHIP_LINKS:
            kept += group
    needing = index.career_ids_by_skill({s for c in kept for s in others.get(c, ())})
    share = {
        skill: sum(1 for c in careers if c in matching) / len(careers)
        for skill, careers in needing.items()
        if careers
    }
    return {
        career_id: sum(share.get(s, 0.0) for s in others[career_id]) / len(others[career_id])
        for career_id in kept
        if others.get(career_id)
    }


def _family_part(
    index: CatalogueIndex,
    wanted: Wanted,
    has: Collection[str],
    optional: Collection[str],
    careers: int,
) -> ScorePart | None:
    """What a career that has the skill asked for, or skills of its family, gets for it: one
    part, weighed by the `careers` that need any of the family (essential where it needs one
    of them essentially), shown as the skill asked for where it has it, else the first of the
    family it has (one it needs essentially first). `has` leaves out the skills of the career
    that other skills asked for took already: one skill counts once."""
    members = [s for s in (wanted.id, *wanted.family) if s in has]
    if not members:
        return None
    essential = [s for s in members if s not in optional]
    importance: Importance = "essential" if essential else "optional"
    shown = (essential or members)[0]
    if shown == wanted.id:
        return ScorePart(wanted, importance, careers, 0.0)
    member = skill_wanted(index.skills_by_id[shown], wanted.query)._replace(
        by_words=wanted.by_words
    )
    return ScorePart(member, importance, careers, 0.0, wanted.id)


def word_families(wanted: Sequence[Wanted]) -> list[Wanted]:
    """The wanted skills that stand for a word family."""
    return [w for w in wanted if w.by_words]


def needed_by_none(index: CatalogueIndex, wanted: Sequence[Wanted]) -> list[Wanted]:
    """The wanted skills that no career of the catalogue needs (ESCO has hundreds: "think
    creatively"), nor any skill of their family: they can match nothing."""
    skills = [w for w in wanted if w.platform is None]
    counts = index.skill_career_counts({s for w in skills for s in (w.id, *w.family)})
    return [w for w in skills if not any(counts.get(s, 0) for s in (w.id, *w.family))]


def careers_having(index: CatalogueIndex, wanted: Sequence[Wanted]) -> list[Career]:
    """The careers that need every wanted skill and list every wanted platform or tool, in
    catalogue order."""
    skill_ids = {w.id for w in wanted if w.platform is None}
    platform_ids = {w.id for w in wanted if w.platform is not None}
    if skill_ids:
        careers = index.careers_with_any([min(skill_ids)])
    else:
        careers = [index.careers_by_id[c] for c in index.careers_using(platform_ids)]
    return [
        c for c in careers if skill_ids.issubset(c.skill_ids) and platform_ids.issubset(c.platforms)
    ]


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


COMPARE_SKILL_LIMIT = 30
"""How many skill rows `compare` shows unless told: those that more of the careers share first."""


def compare_careers(careers: Sequence[Career], limit: int | None = None) -> Comparison:
    """The skills of any career (the first `limit` of them), marked per career; skills all of
    them share come first, then those more of them share. The similarity counts them all."""
    skill_sets = [set(c.skill_ids) for c in careers]
    ordered = list(dict.fromkeys(s for c in careers for s in c.skill_ids))
    rows = [(s, tuple(s in owned for owned in skill_sets)) for s in ordered]
    rows.sort(key=lambda row: -sum(row[1]))  # stable: keeps first-mention order among equals
    shared = set.intersection(*skill_sets)
    union = set.union(*skill_sets)
    return Comparison(
        careers=tuple(careers),
        skill_rows=tuple(rows[:limit]),
        shared_by_all=tuple(s for s in ordered if s in shared),
        similarity=len(shared) / len(union) if union else 0.0,
        skill_count=len(rows),
    )
