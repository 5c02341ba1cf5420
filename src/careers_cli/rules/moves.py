"""Career moves: the careers nearest to one, what carries over to another and in what order to
learn the rest, and the skills that would most raise a person's best matches. Nothing here
prints.

Every rule weighs a skill as `match` does (`search.specificity`, halved for a skill the career
needs only optionally), and reads the careers it returns only: the rest is answered from the
index's links between skills and careers.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from careers_cli.catalogue.domain import Career, LinkedNote
from careers_cli.index.query import CatalogueIndex, NoteKind, career_isco
from careers_cli.rules.search import (
    OPTIONAL_WEIGHT,
    Importance,
    Page,
    Wanted,
    platform_wanted,
    rank_by_skills,
    skill_wanted,
    specificity,
    weighed,
)

NEXT_LIMIT = 10
"""How many careers `next` shows unless told: a screenful."""
GAP_LIMIT = 15
"""How many steps `gap` shows unless told: a screenful or two (a step takes one or two
lines)."""
NEAR_COUNT = 10
"""How many of the target's nearest careers `gap` asks a skill to open."""
BEST_MATCHES = 10
"""How many of the best matches `match --next-skills` tries to raise."""
NEXT_SKILLS_LIMIT = 5
"""How many skills `match --next-skills` shows unless told."""
COVERAGE_DIGITS = 2
"""Coverage (0..1) is compared and shown rounded to this many decimals: a whole percentage."""


class SkillWeight(NamedTuple):
    """One skill of a career, with what it weighs in that career (as in `match`)."""

    skill_id: str
    importance: Importance
    careers: int
    """How many careers of the catalogue need the skill."""
    specificity: float

    @property
    def weight(self) -> float:
        return weighed(self.importance, self.specificity)


def by_importance(skills: Iterable[SkillWeight]) -> tuple[SkillWeight, ...]:
    """The learning order: essential before optional, then the more telling (the fewer
    careers need it, the heavier) first, then by id. `next`, `gap` and `match --next-skills`
    (after what a skill would add) list skills to learn in it."""
    return tuple(sorted(skills, key=lambda s: (s.importance != "essential", -s.weight, s.skill_id)))


def _total(skills: Iterable[SkillWeight]) -> float:
    """The sum of the weights, in the order of the ids: the same float whichever index
    answered, so that equal coverages are equal."""
    return sum(s.weight for s in sorted(skills, key=lambda s: s.skill_id))


class Coverage(NamedTuple):
    """How much of a target career one career's skills cover."""

    shared: float
    """The weight of the target's skills the other career has."""
    total: float
    """The weight of all the target's skills."""

    @property
    def value(self) -> float:
        """shared / total, rounded to `COVERAGE_DIGITS` (0 for a career without skills)."""
        return round(self.shared / self.total, COVERAGE_DIGITS) if self.total else 0.0


def _split(
    weights: Sequence[SkillWeight], have: Collection[str]
) -> tuple[tuple[SkillWeight, ...], tuple[SkillWeight, ...], Coverage]:
    """The skills of `weights` that carry over (in `have`), those missing, and the coverage."""
    transfer = [w for w in weights if w.skill_id in have]
    missing = [w for w in weights if w.skill_id not in have]
    coverage = Coverage(_total(transfer), _total(weights))
    return by_importance(transfer), by_importance(missing), coverage


# --- next ----------------------------------------------------------------------------------


ISCO_LEVEL_WEIGHT = 0.1
"""What each ISCO-08 level two careers share adds to their closeness (sub-major, minor and
unit group: up to 0.3)."""
CLOSENESS_DIGITS = 2
"""Closeness is compared and shown rounded to this many decimals."""
COMMON_SHARE = 0.02
"""A skill at least this share of the careers need (and at least `COMMON_MINIMUM`) is common:
"use communication techniques", which 105 of ESCO's 3,039 occupations need."""
COMMON_MINIMUM = 10
STEP_DOWN_SHARE = 0.8
STEP_DOWN_SIZE = 2 / 3
"""A career needing at most `STEP_DOWN_SIZE` as many essential skills as the one a person is
in, who has at least `STEP_DOWN_SHARE` of them, is a step down (nurse, 92 essential skills,
to nurse assistant: 30 of its 36)."""


class Closeness(NamedTuple):
    """How near one career is to another, in the parts `next` ranks by."""

    skills: float
    """The cosine of the two careers' skills, an essential skill weighing 1 and an optional
    one `OPTIONAL_WEIGHT`: 1 for the same skills, 0 for none shared."""
    isco_levels: int
    """How many levels of the ISCO-08 classification the two share: sub-major group (2
    digits), minor group (3), unit group (4); 0 to 3."""

    @property
    def value(self) -> float:
        """skills + `ISCO_LEVEL_WEIGHT` per shared level, rounded to `CLOSENESS_DIGITS`."""
        return round(self.skills + ISCO_LEVEL_WEIGHT * self.isco_levels, CLOSENESS_DIGITS)


class Neighbour(NamedTuple):
    """A career near another: how close, how much of it the other covers, what transfers,
    what is missing."""

    career: Career
    rank: int
    """1 + how many careers are closer: equal closeness (as shown), equal rank."""
    coverage: Coverage
    transfer: tuple[SkillWeight, ...]
    missing: tuple[SkillWeight, ...]
    closeness: Closeness
    step_down: bool
    """Whether this career needs far fewer essential skills than the other, which has most
    of them (`STEP_DOWN_SHARE`, `STEP_DOWN_SIZE`): less a move than a step down."""
    common_only: bool
    """Whether every skill the two share is a common one (`COMMON_SHARE`): a weak move."""

    @property
    def essential(self) -> tuple[int, int]:
        """How many of this career's essential skills carry over, of how many."""
        return _essential_counts(self.transfer, self.missing)


def _essential_counts(
    transfer: Sequence[SkillWeight], missing: Sequence[SkillWeight]
) -> tuple[int, int]:
    """How many of a career's essential skills carry over, of how many it has."""
    had = sum(1 for w in transfer if w.importance == "essential")
    return had, had + sum(1 for w in missing if w.importance == "essential")


def nearest_careers(
    index: CatalogueIndex, career: Career, limit: int | None = NEXT_LIMIT
) -> list[Neighbour]:
    """The nearest `limit` careers of `nearest_page`."""
    return nearest_page(index, career, limit).items


def shared_isco_levels(one: str, other: str) -> int:
    """How many ISCO-08 levels two groups share: sub-major (2 digits), minor (3), unit (4)."""
    if not one or not other:
        return 0
    return sum(1 for digits in (2, 3, 4) if one[:digits] == other[:digits])


def _skill_weight(optional: bool) -> float:
    return OPTIONAL_WEIGHT if optional else 1.0


def nearest_page(
    index: CatalogueIndex, career: Career, limit: int | None = NEXT_LIMIT
) -> Page[Neighbour]:
    """The careers sharing a skill with `career`, nearest first.

    Closeness (`Closeness`): the cosine of the two careers' skills (essential 1, optional
    `OPTIONAL_WEIGHT`), plus `ISCO_LEVEL_WEIGHT` for each ISCO-08 level they share when
    `career` has one of the other's essential skills (a group alone is no move). Measured
    against experts' related occupations (benchmarks/next_quality.py), it beats plain skill
    overlap, which it replaces. Careers that share only common skills (`COMMON_SHARE`) come
    after the others, whatever their closeness; then by closeness (rounded), then by the
    unrounded skills cosine, then by id. Careers sharing no skill are left out. Only the
    careers returned are read.
    """
    own = {s: _skill_weight(career.is_optional(s)) for s in career.skill_ids}
    if not own:
        return Page([], 0)
    own_norm = math.sqrt(sum(w * w for w in own.values()))
    own_essential = len(own) - len(career.optional_skills)
    total = index.career_count()
    common = max(COMMON_MINIMUM, COMMON_SHARE * total)
    counts = index.skill_career_counts(own)
    isco = career_isco(career)
    ranked = []
    for near in index.skill_neighbours(own):
        if near.career_id == career.id:
            continue
        dot = sum(own[s] * _skill_weight(optional) for s, optional in near.shared.items())
        norm = math.sqrt(near.essential + OPTIONAL_WEIGHT**2 * near.optional)
        essential = any(not optional for optional in near.shared.values())
        levels = shared_isco_levels(isco, near.isco_08) if essential else 0
        closeness = Closeness(dot / (own_norm * norm), levels)
        common_only = all(counts.get(s, 0) >= common for s in near.shared)
        ranked.append((common_only, closeness, near.career_id))
    ranked.sort(key=lambda r: (r[0], -r[1].value, -r[1].skills, r[2]))
    shown = ranked[:limit]
    skills_of = index.skills_of([career_id for _, _, career_id in shown])
    weights_of = _weights_of(index, skills_of)
    neighbours: list[Neighbour] = []
    rank = 0
    for position, (common_only, closeness, career_id) in enumerate(shown):
        before = ranked[position - 1] if position else None
        if before is None or (before[0], before[1].value) != (common_only, closeness.value):
            rank = position + 1
        transfer, missing, coverage = _split(weights_of[career_id], own)
        had, needed = _essential_counts(transfer, missing)
        step_down = 0 < needed <= STEP_DOWN_SIZE * own_essential and had >= STEP_DOWN_SHARE * needed
        other = index.careers_by_id[career_id]  # only the careers returned are read
        neighbours.append(
            Neighbour(other, rank, coverage, transfer, missing, closeness, step_down, common_only)
        )
    return Page(neighbours, len(ranked))


def _weights_of(
    index: CatalogueIndex, skills_of: dict[str, dict[str, bool]]
) -> dict[str, list[SkillWeight]]:
    """Each career's skills with their weights there."""
    counts = index.skill_career_counts({s for skills in skills_of.values() for s in skills})
    total = index.career_count()
    return {
        career_id: [
            _weight(s, counts[s], total, optional=optional) for s, optional in skills.items()
        ]
        for career_id, skills in skills_of.items()
    }


def _weight(skill_id: str, careers: int, total: int, *, optional: bool) -> SkillWeight:
    importance: Importance = "optional" if optional else "essential"
    return SkillWeight(skill_id, importance, careers, specificity(careers, total))


def career_weights(index: CatalogueIndex, career: Career) -> list[SkillWeight]:
    """Every skill of `career` with its weight there."""
    skills = {s: career.is_optional(s) for s in career.skill_ids}
    return _weights_of(index, {career.id: skills})[career.id]


# --- gap -----------------------------------------------------------------------------------


class Step(NamedTuple):
    """A skill to learn, in the order `gap` gives."""

    skill: SkillWeight
    opens: tuple[str, ...]
    """The ids of the target's nearest careers that also need it."""
    coverage_after: float
    """The target's coverage once this skill and those before it are learnt (rounded)."""


class ConcernedNote(NamedTuple):
    """A trend or tip that concerns some of the skills to learn."""

    note: LinkedNote
    skills: tuple[str, ...]
    """The skills to learn it concerns, in learning order."""


class Gap(NamedTuple):
    """What carries over from one career to another, and what to learn, in order."""

    source: Career
    target: Career
    coverage: Coverage
    transfer: tuple[SkillWeight, ...]
    steps: tuple[Step, ...]
    trends: tuple[ConcernedNote, ...]
    tips: tuple[ConcernedNote, ...]
    steps_left_out: int = 0
    """The steps after the first ones shown (`first_steps`)."""

    @property
    def same(self) -> bool:
        return self.source.id == self.target.id

    @property
    def to_learn(self) -> int:
        """How many skills there are to learn, shown or not."""
        return len(self.steps) + self.steps_left_out

    def first_steps(self, limit: int | None) -> Gap:
        """The gap with its first `limit` steps only (all for None); the trends and tips that
        concern only the steps left out are left out too."""
        if limit is None or len(self.steps) <= limit:
            return self
        shown = self.steps[:limit]
        kept = {step.skill.skill_id for step in shown}

        def concerning(notes: tuple[ConcernedNote, ...]) -> tuple[ConcernedNote, ...]:
            return tuple(
                n._replace(skills=tuple(s for s in n.skills if s in kept))
                for n in notes
                if kept.intersection(n.skills)
            )

        return self._replace(
            steps=shown,
            trends=concerning(self.trends),
            tips=concerning(self.tips),
            steps_left_out=self.to_learn - limit,
        )

    def steps_page(self) -> Page[Step]:
        """The steps shown, out of how many."""
        return Page(list(self.steps), self.to_learn)


def career_gap(index: CatalogueIndex, source: Career, target: Career) -> Gap:
    """What `source` has of `target`'s skills, and the rest in the learning order.

    The learning order (`by_importance`, as `next` lists the skills missing): essential skills
    before optional ones, then the more telling (fewer careers need it, so it says more about
    the target: "conduct spontaneous child deliveries" before "manage healthcare users'
    data"), then by id. Each step says which of the target's `NEAR_COUNT` nearest careers
    (`nearest_careers`) also need it. Each trend and tip that concerns a skill to learn comes
    with it, ordered by the first step it concerns.
    """
    transfer, missing, coverage = _split(career_weights(index, target), set(source.skill_ids))
    steps: list[Step] = []
    if missing:
        near = nearest_careers(index, target, NEAR_COUNT)
        needs = {n.career.id: {w.skill_id for w in (*n.transfer, *n.missing)} for n in near}
        opens = {
            w.skill_id: tuple(c for c, skills in needs.items() if w.skill_id in skills)
            for w in missing
        }
        learnt = list(transfer)
        for skill in missing:  # already in the learning order
            learnt.append(skill)
            after = Coverage(_total(learnt), coverage.total).value
            steps.append(Step(skill, opens[skill.skill_id], after))
    order = [step.skill.skill_id for step in steps]
    return Gap(
        source,
        target,
        coverage,
        transfer,
        tuple(steps),
        _concerned(index, "trends", order),
        _concerned(index, "tips", order),
    )


def _concerned(
    index: CatalogueIndex, kind: NoteKind, order: Sequence[str]
) -> tuple[ConcernedNote, ...]:
    """The notes whose skills include one of `order`, by the first of them they concern (then
    in catalogue order)."""
    position = {skill_id: at for at, skill_id in enumerate(order)}
    found = []
    for at, note in enumerate(index.notes(kind)):
        skills = sorted((s for s in set(note.skills) if s in position), key=position.__getitem__)
        if skills:
            found.append((position[skills[0]], at, ConcernedNote(note, tuple(skills))))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(item[2] for item in found)


# --- what to learn next (match --next-skills) ----------------------------------------------


class SkillToLearn(NamedTuple):
    """A skill not yet had, and what learning it would do for the best matches."""

    skill_id: str
    rank: int
    gain: float
    """What it would add, in all, to the scores of the best matches that need it (rounded)."""
    raises: tuple[tuple[str, float], ...]
    """Those matches: each career's id and what the skill would add to its score."""
    opens: tuple[str, ...]
    """The careers that need it and match none of the skills yet, in catalogue order."""
    careers: int
    specificity: float


def skills_to_learn(
    index: CatalogueIndex,
    wanted: Sequence[Wanted],
    *,
    require_all: bool = False,
    limit: int | None = NEXT_SKILLS_LIMIT,
) -> list[SkillToLearn]:
    """The skills not yet had that would most raise the scores of the best `BEST_MATCHES`
    matches of `wanted`, best first.

    A skill's gain is the sum, over those matches that need it, of what it would add to their
    score (its specificity, halved where the career needs it only optionally). Ranked by gain
    (rounded as scores are), then in the learning order (the more telling first), then by how
    many careers it would open (that need it and match nothing yet), then by id.
    """
    matches = rank_by_skills(index, wanted, require_all=require_all, limit=BEST_MATCHES)
    missing: dict[str, list[tuple[str, Importance]]] = {}
    for match in matches:
        for skill_id in match.to_learn:
            missing.setdefault(skill_id, []).append((match.career.id, "essential"))
        for skill_id in match.to_learn_optional:
            missing.setdefault(skill_id, []).append((match.career.id, "optional"))
    if not missing:
        return []
    total = index.career_count()
    counts = index.skill_career_counts(missing)
    matching = _matching_ids(index, wanted)
    needing = index.career_ids_by_skill(missing)
    scored = []
    for skill_id, careers in missing.items():
        weight = specificity(counts[skill_id], total)
        raises = tuple((c, weighed(importance, weight)) for c, importance in careers)
        gain = round(sum(w for _, w in raises), 2)
        opens = tuple(c for c in needing.get(skill_id, ()) if c not in matching)
        scored.append((gain, len(opens), weight, skill_id, raises, opens, counts[skill_id]))
    scored.sort(key=lambda s: (-s[0], -s[2], -s[1], s[3]))
    return [
        SkillToLearn(skill_id, rank, gain, raises, opens, careers, weight)
        for rank, (gain, _, weight, skill_id, raises, opens, careers) in enumerate(
            scored[:limit], start=1
        )
    ]


def _matching_ids(index: CatalogueIndex, wanted: Sequence[Wanted]) -> set[str]:
    """The ids of the careers that need any of the wanted skills or list any wanted platform."""
    skills = {s for w in wanted if w.platform is None for s in (w.id, *w.family)}
    platforms = {w.id for w in wanted if w.platform is not None}
    found = {fit.career_id for fit in index.skill_fits(skills)} if skills else set()
    return found | (set(index.careers_using(platforms)) if platforms else set())


def profile_wanted(
    index: CatalogueIndex, skill_ids: Sequence[str], platform_ids: Sequence[str]
) -> tuple[list[Wanted], list[str]]:
    """The skills and platforms of a profile as `match` looks for them, and the ids of those
    the catalogue does not have (any more)."""
    wanted: list[Wanted] = []
    unknown: list[str] = []
    for skill_id in skill_ids:
        if skill_id in index.skills_by_id:
            wanted.append(skill_wanted(index.skills_by_id[skill_id], skill_id))
        else:
            unknown.append(skill_id)
    for platform_id in platform_ids:
        if platform_id in index.platforms_by_id:
            wanted.append(platform_wanted(index.platforms_by_id[platform_id], platform_id))
        else:
            unknown.append(platform_id)
    return wanted, unknown


def split_wanted(wanted: Iterable[Wanted]) -> tuple[list[str], list[str]]:
    """The ids of the skills, and of the platforms and tools, among `wanted` (as a profile
    keeps them)."""
    wanted = list(wanted)
    return [w.id for w in wanted if w.platform is None], [w.id for w in wanted if w.platform]
