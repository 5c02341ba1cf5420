"""`careers list`, `careers show`, and the ways a person can name a career."""

from __future__ import annotations

from tests.helpers import (
    LIST_ROWS,
    raw_career,
)


class TestList:
    """`careers list`: every career in catalogue order with title, summary and skill count."""

    def test_summaries_are_the_start_of_the_catalogue_descriptions(self) -> None:
        # Guards the hand-written LIST_ROWS against the data file.
        for cid, _, summary, _ in LIST_ROWS:
            assert raw_career(cid)["description"]["en"].startswith(summary)
