"""Career moves on the real ESCO release: `next` against experts' related occupations, and the
cases a counsellor checks first (benchmarks/next_quality.py prints the full table)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.next_quality import (
    TRUTH,
    Profiles,
    jaccard_ranker,
    load_truth,
    measure,
    next_ranker,
)
from benchmarks.relevance import RELEASE, release_index
from careers_cli.index.memory import MemoryIndex
from careers_cli.rules import moves, search
from careers_cli.rules.names import resolve_wanted

NURSE = "nurse-responsible-for-general-care"


@pytest.fixture(scope="module")
def index() -> Iterator[MemoryIndex]:
    with release_index() as imported:
        yield imported


def nearest(index: MemoryIndex, career_id: str, limit: int = 10) -> list[moves.Neighbour]:
    return moves.nearest_careers(index, index.careers_by_id[career_id], limit)


def learning_order(index: MemoryIndex, source: str, target: str) -> list[str]:
    careers = index.careers_by_id
    gap = moves.career_gap(index, careers[source], careers[target])
    return [step.skill.skill_id for step in gap.steps]


def test_next_beats_the_best_baseline_by_002_on_the_dev_truth(index: MemoryIndex) -> None:
    profiles = Profiles(index.catalogue.careers)
    queries, asked = load_truth(RELEASE.parent / TRUTH, index.catalogue.careers)
    assert (len(queries), asked) == (826, 826)
    ours = measure("next", lambda: next_ranker(index, profiles), queries)
    jaccard = measure("Jaccard", lambda: jaccard_ranker(profiles, essential_only=False), queries)
    assert ours.mean_precision >= jaccard.mean_precision + 0.02
    assert ours.mean_ndcg >= jaccard.mean_ndcg + 0.02


def test_a_nurse_sees_the_midwife_and_the_step_down_is_marked(index: MemoryIndex) -> None:
    shown = nearest(index, NURSE, 5)
    assert "midwife" in [n.career.id for n in shown]
    marks = {n.career.id: n.step_down for n in shown}
    assert marks["nurse-assistant"] is True
    assert marks["midwife"] is False


def test_a_civil_registrar_is_not_sent_to_leather_sorting(index: MemoryIndex) -> None:
    titles = [n.career.title.en for n in nearest(index, "civil-registrar")]
    assert not [t for t in titles if "leather" in t], titles


def test_an_accountant_is_shown_finance_jobs(index: MemoryIndex) -> None:
    finance = ("financ", "account", "audit", "tax", "bookkeep", "cost", "budget", "treasur")
    titles = [n.career.title.en.lower() for n in nearest(index, "accountant")]
    assert all(any(word in title for word in finance) for title in titles), titles


def test_nurse_to_midwife_teaches_midwifery_first(index: MemoryIndex) -> None:
    order = learning_order(index, NURSE, "midwife")
    assert order.index("conduct-spontaneous-child-deliveries") < 5
    assert order.index("manage-healthcare-users-data") >= 20  # was the first step


def test_software_developer_to_data_scientist_teaches_data_first(index: MemoryIndex) -> None:
    order = learning_order(index, "software-developer", "data-scientist")
    assert order.index("data-science") < 20
    assert order.index("data-mining") < 30  # was 52nd
    assert order.index("apply-for-research-funding") >= 15  # was among the first steps
    first = order[:10]
    assert all(
        any(w in s for w in ("data", "statistic", "recommender", "analytical")) for s in first
    )


def test_cpp_ties_put_developers_before_machine_operators(index: MemoryIndex) -> None:
    wanted = [resolve_wanted(index, "C++").record]
    ranked = [m.career.id for m in search.rank_by_skills(index, wanted)]
    assert ranked.index("software-developer") < 25  # was 43rd of 49
    assert ranked.index("software-developer") < ranked.index(
        "computer-numerical-control-machine-operator"
    )
