"""The rules of `next`, `gap` and `match --next-skills` worked out again from a catalogue's JSON,
for the command tests to hold the program's answers to (a relevance.Catalogue's `reference`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

NEXT_DEFAULT = 10  # the README's "a screenful: 10 careers"


NEAR = 10  # gap asks how many of TO's 10 nearest careers need a skill


BEST = 10  # match --next-skills raises the best 10 matches


class Weighed(NamedTuple):
    skill: str
    optional: bool
    weight: float


class Reference:
    """The rules of `next`, `gap` and `--next-skills`, from a catalogue's JSON."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.careers = {c["id"]: c for c in data["careers"]}
        self.skills: dict[str, dict[str, bool]] = {}
        for career in data["careers"]:
            essential = {
                s
                for line in career["required_skills"]
                if line.get("importance", "essential") == "essential"
                for s in line["skills"]
            }
            every = {s for line in career["required_skills"] for s in line["skills"]}
            self.skills[career["id"]] = {s: s not in essential for s in every}
        self.needing: dict[str, int] = {}
        for own in self.skills.values():
            for skill in own:
                self.needing[skill] = self.needing.get(skill, 0) + 1
        self.total = len(self.careers)

    def specificity(self, skill: str) -> float:
        return math.log(1 + self.total / self.needing[skill])

    def weighed(self, career: str) -> list[Weighed]:
        own = self.skills[career]
        return [Weighed(s, o, self.specificity(s) * (0.5 if o else 1.0)) for s, o in own.items()]

    @staticmethod
    def important_first(skills: Sequence[Weighed]) -> list[str]:
        return [w.skill for w in sorted(skills, key=lambda w: (w.optional, -w.weight, w.skill))]

    def coverage(self, source: str, target: str) -> tuple[float, float, float]:
        weights = self.weighed(target)
        total = sum(w.weight for w in weights)
        shared = sum(w.weight for w in weights if w.skill in self.skills[source])
        return round(shared / total, 2) if total else 0.0, shared, total

    def isco(self, career: str) -> str:
        found = [o.get("isco_08") for o in self.careers[career].get("occupations", [])]
        return next((code for code in found if code), "")

    def closeness(self, source: str, target: str) -> tuple[float, float]:
        """README: the cosine of the skills (essential 1, optional 1/2), plus 0.1 for each
        ISCO-08 level shared (2, 3 and 4 digits) when the source has one of the target's
        essential skills; rounded, and the cosine itself."""

        def weight(optional: bool) -> float:
            return 0.5 if optional else 1.0

        one, other = self.skills[source], self.skills[target]
        dot = sum(weight(one[s]) * weight(other[s]) for s in one.keys() & other.keys())
        norms = [math.sqrt(sum(weight(o) ** 2 for o in s.values())) for s in (one, other)]
        cosine = dot / (norms[0] * norms[1])
        a, b = self.isco(source), self.isco(target)
        levels = sum(1 for n in (2, 3, 4) if a and b and a[:n] == b[:n])
        if not any(not other[s] for s in one.keys() & other.keys()):
            levels = 0  # the group counts only with an essential skill of the target shared
        return round(cosine + 0.1 * levels, 2), cosine

    def next(self, source: str, limit: int = NEXT_DEFAULT) -> list[dict[str, Any]]:
        """rank, id, closeness, coverage, transfer and missing (in the learning order) of each
        neighbour."""
        own = self.skills[source]
        common = max(10, 0.02 * self.total)
        found = []
        for target in self.careers:
            shared = own.keys() & self.skills[target].keys()
            if target == source or not shared:
                continue
            value, cosine = self.closeness(source, target)
            common_only = all(self.needing[s] >= common for s in shared)
            found.append((common_only, value, cosine, target))
        found.sort(key=lambda f: (f[0], -f[1], -f[2], f[3]))
        result: list[dict[str, Any]] = []
        for position, (common_only, value, _, target) in enumerate(found[:limit]):
            rank = position + 1
            if position and (common_only, value) == found[position - 1][:2]:
                rank = result[-1]["rank"]
            weights = self.weighed(target)
            result.append(
                {
                    "rank": rank,
                    "id": target,
                    "closeness": value,
                    "coverage": self.coverage(source, target)[0],
                    "transfer": self.important_first([w for w in weights if w.skill in own]),
                    "missing": self.important_first([w for w in weights if w.skill not in own]),
                }
            )
        return result

    def gap(self, source: str, target: str) -> dict[str, Any]:
        own = self.skills[source]
        weights = self.weighed(target)
        near = [n["id"] for n in self.next(target, NEAR)]
        missing = [w for w in weights if w.skill not in own]

        def opens(skill: str) -> list[str]:
            return [c for c in near if skill in self.skills[c]]

        order = sorted(
            missing,
            key=lambda w: (w.optional, -self.specificity(w.skill), w.skill),
        )
        learn = [w.skill for w in order]
        return {
            "transfer": self.important_first([w for w in weights if w.skill in own]),
            "to_learn": [(s, opens(s)) for s in learn],
            "trends": self.notes("trends", learn),
            "tips": self.notes("tips", learn),
        }

    def notes(self, kind: str, learn: list[str]) -> list[tuple[str, list[str]]]:
        found = []
        for at, note in enumerate(self.data.get(kind, [])):
            concerned = [s for s in learn if s in note["skills"]]
            if concerned:
                found.append((learn.index(concerned[0]), at, note["id"], concerned))
        return [(note_id, skills) for _, _, note_id, skills in sorted(found)]

    def next_skills(self, had: set[str]) -> list[tuple[str, float, list[str], list[str]]]:
        """For a question matched by at most `BEST` careers (so every match counts): each skill
        not had, its gain, the matches it raises, the careers it opens; best first."""
        matching = [c for c in self.careers if had & self.skills[c].keys()]
        assert len(matching) <= BEST, "the reference needs every match to be among the best"
        gains: dict[str, list[tuple[str, float]]] = {}
        for career in matching:
            for skill, optional in self.skills[career].items():
                if skill not in had:
                    weight = self.specificity(skill) * (0.5 if optional else 1.0)
                    gains.setdefault(skill, []).append((career, weight))
        ranked = []
        for skill, raised in gains.items():
            opens = [c for c in self.careers if skill in self.skills[c] and c not in matching]
            gain = round(sum(w for _, w in raised), 2)
            ranked.append((gain, opens, skill, [c for c, _ in raised]))
        ranked.sort(key=lambda r: (-r[0], -self.specificity(r[2]), -len(r[1]), r[2]))
        return [(skill, gain, sorted(raised), opens) for gain, opens, skill, raised in ranked]
