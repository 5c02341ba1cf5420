"""`careers read`: the catalogue's prose sections, all or one, in every format and language;
and where a summary's first sentence ends."""

from __future__ import annotations

import pytest

from careers_cli.text.sentences import first_sentence
from tests.helpers import (
    raw_catalogue,
)
from tests.support.read import section, sections

ARTICLE_ORDER = [
    "introduction",
    "conclusion",
    "career-outlook",
    "continuous-learning",
    "future-trends",
    "tips-for-success",
    "summary",
]
"""The sections of the built-in catalogue in the article's order (the file's)."""


class TestEverySection:
    def test_the_built_in_catalogue_has_the_articles_sections_in_order(self) -> None:
        assert [s["id"] for s in sections()] == ARTICLE_ORDER


class TestOneSection:
    def test_completion_offers_section_ids(self) -> None:
        from careers_cli.catalogue.domain import catalogue_from_data
        from careers_cli.index.memory import MemoryIndex
        from careers_cli.rules.completing import complete_section_ids

        index = MemoryIndex(catalogue_from_data(raw_catalogue()))
        assert complete_section_ids(index, "c") == [
            ("conclusion", "Conclusion"),
            ("career-outlook", "The career outlook in social media"),
            ("continuous-learning", section("continuous-learning")["heading"]["en"]),
        ]


class TestFirstSentence:
    """A summary is the description's first sentence: abbreviations and initials do not end
    it, nor a stop before a word in lower case."""

    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("Sizes differ (i.e. small and large). Next.", "Sizes differ (i.e. small and large)."),
            ("Use tools, e.g. Excel. Then more.", "Use tools, e.g. Excel."),
            ("Dr. Smith works here. Yes.", "Dr. Smith works here."),
            ("Led by J. Smith. Next.", "Led by J. Smith."),
            ("Version 3.5 is out. Next", "Version 3.5 is out."),
            ('She said "done." Then left.', 'She said "done."'),
            ("It ends here. but goes on. Then.", "It ends here. but goes on."),
            ("One! Two.", "One!"),
            ("هل هذا صحيح؟ نعم.", "هل هذا صحيح؟"),
            ("جملة أولى. جملة ثانية.", "جملة أولى."),
            ("No stop at all", "No stop at all"),
        ],
    )
    def test_first_sentence(self, text: str, first: str) -> None:
        assert first_sentence(text) == first
