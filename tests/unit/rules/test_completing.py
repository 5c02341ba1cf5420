"""What TAB offers for a note or a section: the ids that start with what was typed, shortest
first, each with its English title."""

from __future__ import annotations

import pytest

from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.index.memory import MemoryIndex
from careers_cli.rules.completing import complete_note_ids, complete_section_ids


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return MemoryIndex(load_catalogue(find_catalogue(None)))


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
