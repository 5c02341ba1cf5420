"""What TAB offers for a note or a section: the ids that start with what was typed, shortest
first, each with its English title."""

from __future__ import annotations

import pytest

from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.index.memory import MemoryIndex
from careers_cli.index.query import CatalogueIndex
from careers_cli.rules.completing import (
    complete_career_ids,
    complete_note_ids,
    complete_section_ids,
    complete_skill_names,
)
from tests.helpers import DATA
from tests.support.store import read_json, stored_index


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return MemoryIndex(load_catalogue(find_catalogue(DATA)))


def test_trend_ids_that_start_with_the_letters_shortest_first(index: MemoryIndex) -> None:
    assert complete_note_ids(index, "trends", "v") == [
        ("virtual-and-augmented-reality", "Virtual and augmented reality"),
        ("visual-and-interactive-content", "Visual and interactive content"),
    ]


def test_tips_are_their_own_ids(index: MemoryIndex) -> None:
    assert complete_note_ids(index, "tips", "e") == [
        ("engage-with-the-audience", "Engage with the audience")
    ]
    assert complete_note_ids(index, "tips", "v") == []


def test_every_section_for_nothing_typed(index: MemoryIndex) -> None:
    assert [section_id for section_id, _ in complete_section_ids(index, "")] == [
        "summary",
        "conclusion",
        "introduction",
        "future-trends",
        "career-outlook",
        "tips-for-success",
        "continuous-learning",
    ]


@pytest.fixture(scope="module", params=["memory", "store"])
def either_index(request: pytest.FixtureRequest, index: MemoryIndex) -> CatalogueIndex:
    """The built-in catalogue in memory, and compiled into a store: the same answers."""
    if request.param == "memory":
        return index
    return stored_index(read_json(DATA))


def test_a_label_completes_in_any_case_as_typed(either_index: CatalogueIndex) -> None:
    # zsh and fish offer only values that start with what was typed: "data" gets the label
    # "Data analysis" in the case typed; "Data" gets it as it is.
    assert complete_skill_names(either_index, "data") == [("data analysis", "analytics")]
    assert complete_skill_names(either_index, "Data") == [("Data analysis", "analytics")]
    assert complete_skill_names(either_index, "DATA A") == [("DATA Analysis", "analytics")]


def test_arabic_names_complete(either_index: CatalogueIndex) -> None:
    # The Arabic title's forms (its alternative titles), with or without diacritics typed.
    expected = [
        ("مؤثر", "influencer"),
        ("مؤثرة", "influencer"),
        ("مؤثر وسائل التواصل الاجتماعي", "influencer"),
        ("مؤثرة وسائل التواصل الاجتماعي", "influencer"),
    ]
    assert complete_career_ids(either_index, "مؤ") == expected
    assert complete_career_ids(either_index, "مُؤَ") == expected
    assert complete_skill_names(either_index, "تحل") == [("تحليل البيانات", "analytics")]


def test_ids_complete_as_typed_only(either_index: CatalogueIndex) -> None:
    assert [v for v, _ in complete_career_ids(either_index, "infl")] == ["influencer"]
    assert complete_career_ids(either_index, "INFL") == []
