"""`careers_cli.rules.search`: ranking by skills, comparison and related careers, on lists of ids.

The rules are decided here, below any table: these tests read the results as ids and scores.
The catalogue is made up so that every tie-break has a case of its own. Its careers, in
catalogue order, with their required-skill lines (one list per line):

    delta    [a] [d]              skills a d
    foxtrot  [c] [d]              skills c d
    charlie  [a] [c]              skills a c
    alpha    [a] [b] [c] [d] [e]  skills a b c d e
    echo     [b]                  skills b
    bravo    [a, b]               skills a b
    golf     [c]                  skills c
    hotel    [f]                  skills f

Skill g is in the vocabulary but no career asks for it.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from careers_cli.catalogue.domain import Catalogue, catalogue_from_data
from careers_cli.catalogue.format import check_catalogue
from careers_cli.errors import UsageError
from careers_cli.index.memory import MemoryIndex
from careers_cli.rules.search import (
    COMPARE_LIMIT,
    CareerMatch,
    Comparison,
    RelatedCareer,
    Wanted,
    career_profile,
    check_comparison_size,
    compare_careers,
    rank_by_skills,
    related_careers,
    skill_wanted,
    specificity,
)

CAREER_LINES: dict[str, list[list[str]]] = {
    "delta": [["a"], ["d"]],
    "foxtrot": [["c"], ["d"]],
    "charlie": [["a"], ["c"]],
    "alpha": [["a"], ["b"], ["c"], ["d"], ["e"]],
    "echo": [["b"]],
    "bravo": [["a", "b"]],
    "golf": [["c"]],
    "hotel": [["f"]],
}


def _bilingual(en: str) -> dict[str, str]:
    return {"en": en, "ar": f"نص {en}"}


def catalogue_data() -> dict[str, Any]:
    """The made-up catalogue as a file would hold it, with one trend and one tip."""
    return {
        "schema_version": 1,
        "title": _bilingual("Made-up careers"),
        "careers": [
            {
                "id": career_id,
                "title": _bilingual(career_id.title()),
                "description": _bilingual(f"The {career_id} career."),
                "responsibilities": [_bilingual("Work.")],
                "required_skills": [
                    {"text": _bilingual(" and ".join(line)), "skills": line} for line in lines
                ],
                "platforms": ["board"] if career_id == "charlie" else [],
            }
            for career_id, lines in CAREER_LINES.items()
        ],
        "skills": [{"id": s, "label": _bilingual(f"Skill {s}")} for s in "abcdefg"],
        "platforms": [{"id": "board", "name": _bilingual("Board"), "kind": "tool"}],
        "trends": [
            {
                "id": "rising",
                "title": _bilingual("Rising"),
                "text": _bilingual("Up."),
                "careers": ["alpha", "charlie"],
            }
        ],
        "tips": [
            {
                "id": "practise",
                "title": _bilingual("Practise"),
                "text": _bilingual("Often."),
                "careers": ["charlie"],
            }
        ],
    }


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    data = catalogue_data()
    check_catalogue(data)  # the cases stand on a file `careers validate` would accept
    catalogue: Catalogue = catalogue_from_data(data)
    return MemoryIndex(catalogue)


def wanted(index: MemoryIndex, *skill_ids: str) -> list[Wanted]:
    """The skills as `careers match -s ID ...` finds them: each by its own id."""
    return [skill_wanted(index.skills_by_id[s], s) for s in skill_ids]


def scores(matches: list[CareerMatch]) -> list[tuple[str, int, int, float]]:
    return [(m.career.id, m.matched_count, m.asked, m.centrality) for m in matches]


def related(items: tuple[RelatedCareer, ...] | list[RelatedCareer]) -> list[Any]:
    return [(r.career.id, r.shared_skills, r.similarity) for r in items]


class TestRankBySkills:
    """Higher score first; then the larger share of the career's essential skills wanted; then
    how much its other essential skills go with those wanted; then by id."""

    def test_the_whole_order_with_each_tie_break(self, index: MemoryIndex) -> None:
        # Wanted a and b. bravo has both, all of its skills; alpha both, 2 of its 5. With one
        # of them: echo b, all of its skills; charlie and delta a, 1 of their 2 each. Then how
        # their other skill goes with a and b: of the careers needing d (delta, foxtrot,
        # alpha), 2 have a or b; of those needing c (foxtrot, charlie, alpha, golf), 2 of 4:
        # delta before charlie, against the ids. foxtrot, golf and hotel have neither.
        assert scores(rank_by_skills(index, wanted(index, "a", "b"))) == [
            ("bravo", 2, 2, 1.0),
            ("alpha", 2, 2, 0.4),
            ("echo", 1, 2, 1.0),
            ("delta", 1, 2, 0.5),
            ("charlie", 1, 2, 0.5),
        ]

    def test_require_all_keeps_only_careers_with_every_wanted_skill(
        self, index: MemoryIndex
    ) -> None:
        matches = rank_by_skills(index, wanted(index, "a", "b"), require_all=True)
        assert scores(matches) == [("bravo", 2, 2, 1.0), ("alpha", 2, 2, 0.4)]
        assert [m.has_all for m in matches] == [True, True]

    def test_require_all_with_one_skill_is_the_plain_ranking(self, index: MemoryIndex) -> None:
        # c: all of golf's skills, 1 of charlie's 2 and of foxtrot's 2, 1 of alpha's 5.
        # foxtrot's d goes with c more (2 of the 3 careers needing d need c; 2 of the 4
        # needing charlie's a).
        expected = [
            ("golf", 1, 1, 1.0),
            ("foxtrot", 1, 1, 0.5),
            ("charlie", 1, 1, 0.5),
            ("alpha", 1, 1, 0.2),
        ]
        assert scores(rank_by_skills(index, wanted(index, "c"))) == expected
        assert scores(rank_by_skills(index, wanted(index, "c"), require_all=True)) == expected

    def test_limit_keeps_the_best(self, index: MemoryIndex) -> None:
        assert scores(rank_by_skills(index, wanted(index, "a", "b"), limit=1)) == [
            ("bravo", 2, 2, 1.0)
        ]
        assert [m.career.id for m in rank_by_skills(index, wanted(index, "a", "b"), limit=3)] == [
            "bravo",
            "alpha",
            "echo",
        ]

    def test_a_limit_past_the_matches_changes_nothing(self, index: MemoryIndex) -> None:
        everything = scores(rank_by_skills(index, wanted(index, "a", "b")))
        assert scores(rank_by_skills(index, wanted(index, "a", "b"), limit=50)) == everything

    def test_a_skill_no_career_asks_for_matches_nothing(self, index: MemoryIndex) -> None:
        assert rank_by_skills(index, wanted(index, "g")) == []

    def test_require_all_with_a_skill_no_career_has_matches_nothing(
        self, index: MemoryIndex
    ) -> None:
        assert rank_by_skills(index, wanted(index, "a", "g"), require_all=True) == []

    def test_an_unmatched_skill_still_counts_as_asked(self, index: MemoryIndex) -> None:
        # g is asked for but found nowhere: the scores are out of 2.
        assert scores(rank_by_skills(index, wanted(index, "f", "g"))) == [("hotel", 1, 2, 1.0)]

    def test_matched_in_the_order_asked_and_to_learn_in_the_careers_order(
        self, index: MemoryIndex
    ) -> None:
        # Wanted d, then a. d is needed by 3 of the 8 careers (ln(1 + 8/3) = 1.30), a by 4
        # (ln 3 = 1.10). delta has both (2/2), alpha both (2 of its 5 lines): 2.40 each, one
        # rank. foxtrot has d (1.30); bravo and charlie a, 1 of their 2 skills (1.10), then
        # charlie, whose c goes more with d and a (3 of the 4 careers needing c have d or a; 2
        # of the 3 needing bravo's b).
        best = rank_by_skills(index, wanted(index, "d", "a"))
        assert [
            (m.rank, m.career.id, m.score, [p.wanted.id for p in m.matched], m.to_learn)
            for m in best
        ] == [
            (1, "delta", 2.4, ["d", "a"], ()),
            (1, "alpha", 2.4, ["d", "a"], ("b", "c", "e")),
            (3, "foxtrot", 1.3, ["d"], ("c",)),
            (4, "charlie", 1.1, ["a"], ("c",)),
            (4, "bravo", 1.1, ["a"], ("b",)),
        ]


class TestScore:
    """Each skill adds ln(1 + careers / careers needing it): the fewer careers need a skill, the
    more having it tells; equal scores share a rank."""

    def test_a_rarer_skill_outweighs_a_commoner_one(self, index: MemoryIndex) -> None:
        # e is needed by alpha alone (ln 9 = 2.20); a by 4 careers (ln 3 = 1.10), so alpha,
        # with only e of the two, comes before every career with only a. Those three have a
        # as 1 of 2 skills; bravo's b and delta's d are needed by 3 careers, 2 of them with a
        # or e, charlie's c by 4, 2 of them with a or e: bravo and delta (by id), charlie.
        best = rank_by_skills(index, wanted(index, "a", "e"))
        assert [(m.career.id, m.score, m.rank) for m in best] == [
            ("alpha", round(math.log(3) + math.log(9), 2), 1),
            ("bravo", round(math.log(3), 2), 2),
            ("delta", round(math.log(3), 2), 2),
            ("charlie", round(math.log(3), 2), 2),
        ]

    def test_each_part_names_its_skill_count_and_weight(self, index: MemoryIndex) -> None:
        (alpha, *_) = rank_by_skills(index, wanted(index, "e", "a"))
        assert [
            (p.wanted.id, p.importance, p.careers, round(p.weight, 4)) for p in alpha.matched
        ] == [
            ("e", "essential", 1, round(math.log(9), 4)),
            ("a", "essential", 4, round(math.log(3), 4)),
        ]
        assert alpha.score == round(sum(p.weight for p in alpha.matched), 2)

    def test_specificity_of_a_skill_every_career_needs(self) -> None:
        assert specificity(10, 10) == pytest.approx(math.log(2))
        assert specificity(1, 3039) == pytest.approx(math.log(3040))


class TestCompareCareers:
    """Every skill of any career, shared-by-all first, then by how many have it; similarity is
    shared-by-all over all skills (Jaccard)."""

    @staticmethod
    def compared(index: MemoryIndex, *career_ids: str) -> Comparison:
        return compare_careers([index.careers_by_id[c] for c in career_ids])

    def test_shared_skills_come_first(self, index: MemoryIndex) -> None:
        # alpha a b c d e, charlie a c: first mention a b c d e; a and c are shared.
        result = self.compared(index, "alpha", "charlie")
        assert list(result.skill_rows) == [
            ("a", (True, True)),
            ("c", (True, True)),
            ("b", (True, False)),
            ("d", (True, False)),
            ("e", (True, False)),
        ]
        assert result.shared_by_all == ("a", "c")
        assert result.similarity == 2 / 5

    def test_more_careers_having_a_skill_come_before_fewer(self, index: MemoryIndex) -> None:
        # alpha a b c d e, delta a d, echo b: a, b and d are had by two, c and e by one; none
        # by all three. Among equals, the order of first mention.
        result = self.compared(index, "alpha", "delta", "echo")
        assert list(result.skill_rows) == [
            ("a", (True, True, False)),
            ("b", (True, False, True)),
            ("d", (True, True, False)),
            ("c", (True, False, False)),
            ("e", (True, False, False)),
        ]
        assert result.shared_by_all == ()
        assert result.similarity == 0.0

    def test_first_mention_follows_the_order_given(self, index: MemoryIndex) -> None:
        result = self.compared(index, "charlie", "alpha")
        assert [skill for skill, _ in result.skill_rows] == ["a", "c", "b", "d", "e"]
        assert [c.id for c in result.careers] == ["charlie", "alpha"]

    def test_careers_with_nothing_in_common(self, index: MemoryIndex) -> None:
        result = self.compared(index, "echo", "foxtrot")
        assert list(result.skill_rows) == [
            ("b", (True, False)),
            ("c", (False, True)),
            ("d", (False, True)),
        ]
        assert (result.shared_by_all, result.similarity) == ((), 0.0)

    @pytest.mark.parametrize(("count", "allowed"), [(1, False), (2, True), (7, True), (8, False)])
    def test_two_to_seven_careers(self, count: int, allowed: bool) -> None:
        assert COMPARE_LIMIT == 7
        if allowed:
            check_comparison_size(count)
        else:
            with pytest.raises(UsageError):
                check_comparison_size(count)


class TestRelatedCareers:
    """The careers sharing most skills, then higher Jaccard similarity, then by id; three at
    most, and never one that shares nothing."""

    def test_shared_count_then_similarity_then_id(self, index: MemoryIndex) -> None:
        # charlie a c. alpha shares a c (2, of 5 in all: 0.4); golf c (1, of {a, c}: 0.5);
        # bravo a, delta a, foxtrot c (1, of 3 in all: 1/3 each, so by id). echo shares none.
        charlie = index.careers_by_id["charlie"]
        assert related(related_careers(index, charlie, count=10)) == [
            ("alpha", ("a", "c"), 2 / 5),
            ("golf", ("c",), 1 / 2),
            ("bravo", ("a",), 1 / 3),
            ("delta", ("a",), 1 / 3),
            ("foxtrot", ("c",), 1 / 3),
        ]

    def test_three_by_default(self, index: MemoryIndex) -> None:
        # alpha a b c d e: bravo, charlie, delta and foxtrot each share 2 (2/5); echo and golf 1.
        alpha = index.careers_by_id["alpha"]
        assert related(related_careers(index, alpha)) == [
            ("bravo", ("a", "b"), 2 / 5),
            ("charlie", ("a", "c"), 2 / 5),
            ("delta", ("a", "d"), 2 / 5),
        ]

    def test_fewer_than_three_when_fewer_share_a_skill(self, index: MemoryIndex) -> None:
        echo = index.careers_by_id["echo"]
        assert related(related_careers(index, echo)) == [
            ("bravo", ("b",), 1 / 2),
            ("alpha", ("b",), 1 / 5),
        ]

    def test_none_when_no_career_shares_a_skill(self, index: MemoryIndex) -> None:
        assert related_careers(index, index.careers_by_id["hotel"]) == []


class TestCareerProfile:
    """What `show` tells: the career's platforms, the notes that name it, related careers."""

    def test_charlie(self, index: MemoryIndex) -> None:
        profile = career_profile(index, index.careers_by_id["charlie"])
        assert profile.career.id == "charlie"
        assert [p.id for p in profile.platforms] == ["board"]
        assert [n.id for n in profile.trends] == ["rising"]
        assert [n.id for n in profile.tips] == ["practise"]
        assert related(profile.related) == [
            ("alpha", ("a", "c"), 2 / 5),
            ("golf", ("c",), 1 / 2),
            ("bravo", ("a",), 1 / 3),
        ]

    def test_a_career_no_note_names(self, index: MemoryIndex) -> None:
        profile = career_profile(index, index.careers_by_id["hotel"])
        assert (profile.platforms, profile.trends, profile.tips, profile.related) == (
            (),
            (),
            (),
            (),
        )


def test_careers_needing_a_skill_are_in_catalogue_order(index: MemoryIndex) -> None:
    assert [c.id for c in index.careers_needing("a")] == ["delta", "charlie", "alpha", "bravo"]
    assert [c.id for c in index.careers_needing("c")] == ["foxtrot", "charlie", "alpha", "golf"]
    assert index.careers_needing("g") == []
