"""Career moves: the careers nearest to one, what carries over to another and in what order to
learn the rest, and the skills that would most raise a person's best matches. Nothing here
prints.

Every rule weighs a skill as `match` does (`search.specificity`, halved for a skill the career
needs only optionally), and reads the careers it returns only: the rest is answered from the
index's links between skills and careers.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from careers_cli.catalogue.domain import Career, LinkedNote
from careers_cli.index.query import CatalogueIndex, NoteKind
from careers_cli.rules.search import (
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


class Neighbour(NamedTuple):
    """A career near another: how much of it the other covers, what transfers, what is missing."""

    career: Career
    rank: int
    """1 + how many careers are covered more: equal coverage (as shown), equal rank."""
    coverage: Coverage
    transfer: tuple[SkillWeight, ...]
    missing: tuple[SkillWeight, ...]


def nearest_careers(
    index: CatalogueIndex, career: Career, limit: int | None = NEXT_LIMIT
) -> list[Neighbour]:
    """The nearest `limit` careers of `nearest_page`."""
    return nearest_page(index, career, limit).items


def nearest_page(
    index: CatalogueIndex, career: Career, limit: int | None = NEXT_LIMIT
) -> Page[Neighbour]:
    """The careers sharing a skill with `career`, nearest first.

    The coverage of a target T is the weight of T's skills that `career` has over the weight
    of all T's skills, a skill weighing its `match` specificity, halved where T needs it only
    optionally. Ranked by coverage (rounded), then by the weight shared, then by id; careers
    sharing no skill are left out. Only the careers returned are read.
    """
    own = set(career.skill_ids)
    if not own:
        return Page([], 0)
    by_skill = index.career_ids_by_skill(own)  # ids only: no career is read
    near = {c for career_ids in by_skill.values() for c in career_ids if c != career.id}
    skills_of = index.skills_of(near)
    counts = index.skill_career_counts({s for skills in skills_of.values() for s in skills})
    total = index.career_count()
    ranked = []
    for career_id, skills in skills_of.items():
        weights = [
            _weight(s, counts[s], total, optional=optional) for s, optional in skills.items()
        ]
        transfer, missing, coverage = _split(weights, own)
        ranked.append((coverage, career_id, transfer, missing))
    ranked.sort(key=lambda r: (-r[0].value, -r[0].shared, r[1]))
    neighbours: list[Neighbour] = []
    rank = 0
    for position, (coverage, career_id, transfer, missing) in enumerate(ranked[:limit]):
        if position == 0 or coverage.value != ranked[position - 1][0].value:
            rank = position + 1
        other = index.careers_by_id[career_id]  # only the careers returned are read
        neighbours.append(Neighbour(other, rank, coverage, transfer, missing))
    return Page(neighbours, len(ranked))


def _weight(skill_id: str, careers: int, total: int, *, optional: bool) -> SkillWeight:
    importance: Importance = "optional" if optional else "essential"
    return SkillWeight(skill_id, importance, careers, specificity(careers, total))


def career_weights(index: CatalogueIndex, career: Career) -> list[SkillWeight]:
    """Every skill of `career` with its weight there."""
    counts = index.skill_career_counts(career.skill_ids)
    total = index.career_count()
    return [_weight(s, counts[s], total, optional=career.is_optional(s)) for s in career.skill_ids]


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
