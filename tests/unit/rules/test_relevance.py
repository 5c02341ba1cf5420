"""Relevance: one order for every name lookup, and scores that favour the skills few careers
need."""

from __future__ import annotations

import pytest

from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.index.memory import MemoryIndex
from careers_cli.rules import completing
from careers_cli.text.normalise import normalise
from tests.support import relevance as relevance_support
from tests.support.relevance import SYMBOL_SKILLS, Catalogue


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.builtin(tmp_path_factory)


class TestCompletionOrder:
    def test_career_ids_then_alternative_titles(self, builtin: Catalogue) -> None:
        index = MemoryIndex(catalogue_from_data(builtin.data))
        ids = sorted((c["id"] for c in builtin.data["careers"]), key=lambda v: (len(v), v))
        alt = [
            t
            for c in builtin.data["careers"]
            for t in (
                *c.get("alt_titles", {}).get("en", []),
                c["title"].get("ar", ""),
                *c.get("alt_titles", {}).get("ar", []),
            )
            if t
        ]
        values = [value for value, _ in completing.complete_career_ids(index, "")]
        assert values == ids + sorted(set(alt) - set(ids), key=lambda v: (len(v), v))
        typed = [value for value, _ in completing.complete_career_ids(index, "social-media-")]
        assert typed == [
            "social-media-manager",
            "social-media-pr-manager",
            "social-media-data-analyst",
            "social-media-marketing-specialist",
        ]


class TestSymbolsInNames:
    def test_the_symbols_survive_normalising(self) -> None:
        assert [normalise(label) for label in SYMBOL_SKILLS.values()] == [
            "c",
            "c++",
            "c#",
            "f#",
            ".net",
            "node.js",
            "r",
            "python",
            "excel",
            "demand excellence",
        ]
