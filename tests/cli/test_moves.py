"""Career moves: `careers next`, `careers gap` and `careers match --next-skills`."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.helpers import (
    Run,
    imported_esco_sample,
    invoke,
    raw_catalogue,
    same_from_store,
    settled_copy,
)

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

    def next(self, source: str, limit: int = NEXT_DEFAULT) -> list[dict[str, Any]]:
        """rank, id, coverage, transfer and missing (most important first) of each neighbour."""
        own = self.skills[source]
        found = []
        for target in self.careers:
            if target == source or not own.keys() & self.skills[target].keys():
                continue
            value, shared, _ = self.coverage(source, target)
            found.append((value, shared, target))
        found.sort(key=lambda f: (-f[0], -f[1], f[2]))
        result: list[dict[str, Any]] = []
        for position, (value, _, target) in enumerate(found[:limit]):
            rank = position + 1
            if position and value == result[-1]["coverage"]:
                rank = result[-1]["rank"]
            weights = self.weighed(target)
            result.append(
                {
                    "rank": rank,
                    "id": target,
                    "coverage": value,
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
            key=lambda w: (w.optional, -len(opens(w.skill)), -self.specificity(w.skill), w.skill),
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
        ranked.sort(key=lambda r: (-r[0], -len(r[1]), -self.specificity(r[2]), r[2]))
        return [(skill, gain, sorted(raised), opens) for gain, opens, skill, raised in ranked]


class Catalogue(NamedTuple):
    path: Path
    cache: Path
    reference: Reference


def both_ways(catalogue: Catalogue, args: Sequence[str]) -> Run:
    """`careers ARGS --data ...` with --no-cache, then twice from the store: the same bytes."""
    return same_from_store(args, catalogue.path, catalogue.cache)


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    path = settled_copy(tmp_path_factory.mktemp("built-in"))
    return Catalogue(path, path.parent / "cache", Reference(raw_catalogue()))


@pytest.fixture(scope="module")
def esco(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The ESCO sample, imported as a user would."""
    folder = tmp_path_factory.mktemp("esco")
    path = imported_esco_sample(folder)
    return Catalogue(path, folder / "cache", Reference(json.loads(path.read_text("utf-8"))))


def next_summary(document: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "rank": n["rank"],
            "id": n["id"],
            "coverage": n["coverage"]["value"],
            "transfer": [s["skill"] for s in n["transfer"]],
            "missing": [s["skill"] for s in n["missing"]],
        }
        for n in document
    ]


def gap_summary(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "transfer": [s["skill"] for s in document["transfer"]],
        "to_learn": [(s["skill"], s["opens"]) for s in document["to_learn"]],
        "trends": [(n["id"], n["skills"]) for n in document["trends"]],
        "tips": [(n["id"], n["skills"]) for n in document["tips"]],
    }


class TestNext:
    """`careers next CAREER`: the careers CAREER covers most of, with what carries over."""

    def test_influencer_on_the_built_in_catalogue(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["next", "influencer", "-f", "json"])
        assert run.exit_code == 0, run.stderr
        expected = builtin.reference.next("influencer")
        assert next_summary(json.loads(run.stdout)) == expected
        # Written out from the file, as a reader would check it: the influencer's skills are
        # content creation, creativity, communication, relationship building, marketing and
        # credibility; every other career shares one of them.
        assert [n["id"] for n in expected] == [
            "social-media-manager",
            "digital-content-creator",
            "online-community-manager",
            "social-media-pr-manager",
            "social-media-marketing-specialist",
        ]

    def test_the_table_counts_what_carries_over_and_what_is_missing(
        self, builtin: Catalogue
    ) -> None:
        run = both_ways(builtin, ["next", "influencer"])
        lines = [line.strip() for line in run.stdout.splitlines()]
        for near in builtin.reference.next("influencer"):
            total = len(near["transfer"]) + len(near["missing"])
            heading = f"{near['rank']}. {near['id']}  covers {near['coverage']:.0%}"
            assert heading in lines
            assert any(
                line.startswith(f"carries over  {len(near['transfer'])} of {total} skills")
                for line in lines
            )
            assert any(
                line.startswith(f"missing       {len(near['missing'])} of {total} skills")
                for line in lines
            )

    @pytest.mark.parametrize("career", ["social-media-data-analyst", "online-community-manager"])
    def test_every_career_with_a_limit(self, builtin: Catalogue, career: str) -> None:
        run = both_ways(builtin, ["next", career, "-n", "2", "-f", "json"])
        assert next_summary(json.loads(run.stdout)) == builtin.reference.next(career, 2)

    def test_csv_rows(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["next", "influencer", "-n", "1", "-f", "csv"])
        near = builtin.reference.next("influencer", 1)[0]
        assert run.stdout.splitlines() == [
            "rank,id,title,coverage,transfer_count,transfer,missing_count,missing",
            f"1,{near['id']},Social Media Manager,{near['coverage']:.2f},"
            f"{len(near['transfer'])},{'; '.join(near['transfer'])},"
            f"{len(near['missing'])},{'; '.join(near['missing'])}",
        ]

    def test_a_guess_is_reported_and_an_unknown_career_is_exit_1(self) -> None:
        guessed = invoke(["next", "influencr", "-n", "1", "-f", "csv"])
        assert guessed.exit_code == 0
        assert guessed.stderr == (
            "using influencer, the closest match to 'influencr'\n"
            "showing 1 of 5 careers; '--limit all' shows every one\n"
        )
        unknown = invoke(["next", "astronaut"])
        assert unknown.exit_code == 1
        assert unknown.stderr.startswith("error: no career matches 'astronaut'\n")

    def test_a_bad_limit_is_a_usage_error(self) -> None:
        run = invoke(["next", "influencer", "-n", "0"])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            "error: --limit must be a whole number of at least 1, or 'all' (got '0')"
        )

    def test_in_arabic(self) -> None:
        run = invoke(["next", "influencer", "-n", "1", "--lang", "ar"])
        assert run.exit_code == 0
        assert "1. social-media-manager  التغطية 36%" in run.stdout
        assert "3 من 7 مهارات" in run.stdout

    def test_on_the_esco_sample(self, esco: Catalogue) -> None:
        for career in ("online-community-manager", "data-analyst", "vlogger"):
            run = both_ways(esco, ["next", career, "-f", "json"])
            assert run.exit_code == 0, run.stderr
            assert next_summary(json.loads(run.stdout)) == esco.reference.next(career)

    def test_a_career_sharing_no_skill_lists_nothing(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        data["careers"][0]["required_skills"] = [
            {"text": {"en": "x", "ar": "س"}, "skills": ["budget-management"]}
        ]
        for career in data["careers"][1:]:
            for line in career["required_skills"]:
                line["skills"] = [s for s in line["skills"] if s != "budget-management"] or [
                    "analytics"
                ]
        path = tmp_path / "lonely.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        run = invoke(["next", data["careers"][0]["id"], "--data", str(path)])
        assert (run.exit_code, run.stdout) == (0, "")
        assert run.stderr == f"no career shares a skill with {data['careers'][0]['id']}\n"


class TestGap:
    """`careers gap FROM TO`: what carries over, and the rest in a learning order."""

    def test_content_creator_to_data_analyst(self, builtin: Catalogue) -> None:
        args = ["gap", "digital-content-creator", "social-media-data-analyst", "-f", "json"]
        document = json.loads(both_ways(builtin, args).stdout)
        expected = builtin.reference.gap("digital-content-creator", "social-media-data-analyst")
        assert gap_summary(document) == expected
        # By hand from the file: the two share no skill; analytics and social-media-tools are
        # needed by 3 careers each, strategy by 2, market-research and reporting by 1 only.
        assert expected["transfer"] == []
        assert [s for s, _ in expected["to_learn"]] == [
            "analytics",
            "social-media-tools",
            "strategy",
            "market-research",
            "reporting",
        ]
        assert expected["trends"] == [("ai-and-data-analysis", ["analytics", "strategy"])]
        assert expected["tips"] == [
            ("learn-analytics-and-tools", ["analytics", "social-media-tools"])
        ]
        assert document["coverage"]["value"] == 0.0
        assert [s["coverage_after"] for s in document["to_learn"]][-1] == 1.0

    @pytest.mark.parametrize(
        ("source", "target"),
        [
            ("influencer", "social-media-manager"),
            ("social-media-manager", "online-community-manager"),
            ("online-community-manager", "social-media-pr-manager"),
        ],
    )
    def test_other_pairs(self, builtin: Catalogue, source: str, target: str) -> None:
        document = json.loads(both_ways(builtin, ["gap", source, target, "-f", "json"]).stdout)
        assert gap_summary(document) == builtin.reference.gap(source, target)
        value, _, _ = builtin.reference.coverage(source, target)
        assert document["coverage"]["value"] == value

    def test_the_markdown_checklist(self, builtin: Catalogue) -> None:
        args = ["gap", "digital-content-creator", "social-media-data-analyst", "-f", "markdown"]
        run = both_ways(builtin, args)
        labels = {s["id"]: s["label"]["en"] for s in raw_catalogue()["skills"]}
        expected = builtin.reference.gap("digital-content-creator", "social-media-data-analyst")
        checklist = [line for line in run.stdout.splitlines() if line.startswith("- [ ] ")]
        assert checklist == [f"- [ ] {labels[s]} \\({s}\\)" for s, _ in expected["to_learn"]]
        assert run.stdout.startswith(
            "# From digital-content-creator to social-media-data-analyst\n"
        )

    def test_the_table(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["gap", "digital-content-creator", "social-media-data-analyst"])
        lines = [line.strip() for line in run.stdout.splitlines()]
        assert (
            "digital-content-creator covers 0% of social-media-data-analyst: 0 of 5 skills "
            "carry over, 5 to learn"
        ) in lines
        expected = builtin.reference.gap("digital-content-creator", "social-media-data-analyst")
        steps = [line for line in lines if line[:2] in {"1.", "2.", "3.", "4.", "5."}]
        assert len(steps) == len(expected["to_learn"]) == 5
        for line, (skill, _) in zip(steps, expected["to_learn"], strict=True):
            assert f"  {skill}  → " in line
        assert steps[-1].endswith("→ 100%")

    def test_the_same_career_twice_has_nothing_to_learn(self) -> None:
        run = invoke(["gap", "influencer", "influencer"])
        assert run.exit_code == 0
        assert run.stdout.splitlines()[-1].strip() == (
            "you named influencer twice: the same career, nothing to learn"
        )
        document = json.loads(invoke(["gap", "influencer", "influencer", "-f", "json"]).stdout)
        assert document["to_learn"] == []
        assert document["coverage"]["value"] == 1.0
        arabic = invoke(["gap", "influencer", "influencer", "--lang", "ar"])
        assert "ذكرت influencer مرتين: المهنة نفسها، لا شيء للتعلم" in arabic.stdout

    def test_unknown_and_ambiguous_careers(self) -> None:
        unknown = invoke(["gap", "influencer", "astronaut"])
        assert unknown.exit_code == 1
        assert unknown.stderr.startswith("error: no career matches 'astronaut'\n")
        ambiguous = invoke(["gap", "manager", "influencer"])
        assert ambiguous.exit_code == 1
        assert ambiguous.stderr.startswith("error: 'manager' fits ")

    def test_on_the_esco_sample(self, esco: Catalogue) -> None:
        pairs = [("blogger", "vlogger"), ("online-marketer", "online-community-manager")]
        for source, target in pairs:
            run = both_ways(esco, ["gap", source, target, "-f", "json"])
            assert run.exit_code == 0, run.stderr
            document = json.loads(run.stdout)
            assert gap_summary(document) == esco.reference.gap(source, target)
            # optional skills come after every essential one
            importance = [s["importance"] for s in document["to_learn"]]
            assert importance == sorted(importance)


class TestNextSkills:
    """`careers match ... --next-skills`: the skills that would most raise the best matches."""

    def test_after_analytics(self, builtin: Catalogue) -> None:
        run = both_ways(builtin, ["match", "-s", "analytics", "--next-skills", "-f", "json"])
        found = [
            (s["skill"], s["gain"], sorted(r["id"] for r in s["raises"]), s["opens"])
            for s in json.loads(run.stdout)
        ]
        assert found == builtin.reference.next_skills({"analytics"})[:5]
        assert found[0][0] == "strategy"  # the analyst's and the manager's: 2 x ln(1 + 7/2)

    def test_a_limit_and_csv(self, builtin: Catalogue) -> None:
        args = ["match", "-s", "content-creation", "--next-skills", "-n", "2", "-f", "csv"]
        run = both_ways(builtin, args)
        expected = builtin.reference.next_skills({"content-creation"})[:2]
        rows = run.stdout.splitlines()
        assert rows[0] == "rank,skill,label,gain,raises,opens_count,opens"
        assert [row.split(",")[1] for row in rows[1:]] == [s for s, *_ in expected]
        assert [row.split(",")[3] for row in rows[1:]] == [f"{g:.2f}" for _, g, *_ in expected]

    def test_on_the_esco_sample(self, esco: Catalogue) -> None:
        data = esco.reference.data
        skill = next(
            s["id"]
            for s in sorted(data["skills"], key=lambda s: s["id"])
            if 2 <= esco.reference.needing.get(s["id"], 0) <= 4
        )
        run = both_ways(esco, ["match", "-s", skill, "--next-skills", "-f", "json"])
        found = [
            (s["skill"], s["gain"], sorted(r["id"] for r in s["raises"]), s["opens"])
            for s in json.loads(run.stdout)
        ]
        assert found == esco.reference.next_skills({skill})[:5]
