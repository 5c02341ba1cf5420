"""Format 2 as a person and a script meet it: texts in one language, alternative titles,
essential and optional skills, careers without responsibilities, format-1 files beside it."""

from __future__ import annotations

from careers_cli.catalogue.reading import CatalogueSource, load_catalogue
from careers_cli.index.memory import MemoryIndex
from careers_cli.rules import completing
from tests.support.format_2 import FEATURES


class TestAlternativeTitles:
    def test_completion_offers_english_alternative_titles_after_ids(self) -> None:
        index = MemoryIndex(load_catalogue(CatalogueSource(FEATURES, bundled=False)))
        assert completing.complete_career_ids(index, "v") == [
            ("video-blogger", "video blogger"),
            ("vlogger", "video-blogger"),
        ]
        assert completing.complete_career_ids(index, "web") == [
            ("web video columnist", "video-blogger")
        ]
        # a career without an English title is offered with its Arabic one
        assert completing.complete_career_ids(index, "photo") == [("photographer", "مصور")]
