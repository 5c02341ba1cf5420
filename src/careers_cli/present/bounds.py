"""How much of each list a view for people shows: the rest is counted, and `--limit all` or
the data formats give it all."""

from __future__ import annotations

from typing import NamedTuple


class ProfileLimits(NamedTuple):
    """How many of each list `show` prints, and its page holds (None: all of them); each list
    cut short ends with how many more there are, and `--limit all` or the data formats give
    them all.

    The defaults keep any ESCO occupation within a screenful or two (at most 150 lines at 80
    columns; `benchmarks/show_bounds.py` and tests/system/test_views.py check all of them).
    """

    other_titles: int | None = 10
    essential: int | None = 15
    optional: int | None = 10
    shared_skills: int | None = 5

    @classmethod
    def each(cls, limit: int | None) -> ProfileLimits:
        """The same limit for every list (`show --limit N`; None for `--limit all`)."""
        return cls(limit, limit, limit, limit)


DEFAULT_LIMITS = ProfileLimits()
