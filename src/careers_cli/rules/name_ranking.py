"""How well a name fits what a person typed: the kinds of match in relevance order, and the
similarity of a misspelt name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import NamedTuple

from careers_cli.index.query import NameEntry

# Jaro-Winkler similarity above which a misspelling is taken as the name it resembles.


TYPO_THRESHOLD = 0.88


# Below the threshold, how similar a suggestion must still be to be offered.
SUGGESTION_THRESHOLD = 0.7


class MatchKind(IntEnum):
    """How a name was found, strongest first; a weaker kind never beats a stronger one."""

    ID = 0
    NAME = 1
    WORDS = 2
    PREFIXES = 3
    FUZZY = 4


class Ranked(NamedTuple):
    """One record a query may mean, and how well: sorted, the best comes first."""

    kind: MatchKind
    alias: bool
    """Whether the best name is only an alias or alternative title (a title or label the
    record is known by comes first)."""
    misfit: float
    """1 - how much of that name the query covers (0: it is the whole name)."""
    pool: int
    """Which collection the record comes from, when several are searched (skills before
    platforms)."""
    record_id: str


Pools = Sequence[Mapping[str, Sequence[NameEntry]]]
"""Records to search by name, from one or more collections: per collection, each record's id
and its names."""


def rank_names(wanted: str, pools: Pools) -> list[Ranked]:
    """Every record of `pools` one of whose names fits the normalised query `wanted` as a whole
    name, by all its words or by word prefixes, best first (see the module's docstring)."""
    words = wanted.split()
    found_words = set(words)
    ranked = []
    for pool, names_of in enumerate(pools):
        for record_id, names in names_of.items():
            best: tuple[MatchKind, bool, float] | None = None
            for name, alias in names:
                kind = _kind_of_fit(words, found_words, name)
                if kind is None:
                    continue
                text_length = sum(map(len, name)) + len(name) - 1
                fit = (kind, alias, 1.0 - min(1.0, len(wanted) / max(text_length, 1)))
                if best is None or fit < best:
                    best = fit
            if best is not None:
                ranked.append(Ranked(best[0], best[1], best[2], pool, record_id))
    ranked.sort()
    return ranked


def _kind_of_fit(
    words: Sequence[str], found_words: set[str], name: Sequence[str]
) -> MatchKind | None:
    if tuple(words) == tuple(name):
        return MatchKind.NAME
    if found_words.issubset(name):
        return MatchKind.WORDS
    if all(any(n.startswith(w) for n in name) for w in words):
        return MatchKind.PREFIXES
    return None


Similarity = tuple[float, float]
"""How close a query is to a name: the closer of the whole name and its words, then the whole
name (which tells apart names that share the word a query resembles)."""


def rank_misspelt(wanted: str, pools: Pools) -> list[tuple[Similarity, Ranked]]:
    """Every record of `pools` with its similarity to `wanted` (its most similar name), most
    similar first."""
    scored = []
    for pool, names_of in enumerate(pools):
        for record_id, names in names_of.items():
            best = max(_similarity(wanted, name) for name, _ in names)
            scored.append((best, Ranked(MatchKind.FUZZY, False, 1.0 - best[0], pool, record_id)))
    scored.sort(key=lambda item: (-item[0][0], -item[0][1], item[1]))
    return scored


def _similarity(wanted: str, name: Sequence[str]) -> Similarity:
    """How close a query is to a name, whole or word by word (Jaro-Winkler, 0..1), then as a
    whole."""
    from rapidfuzz.distance import JaroWinkler

    whole = JaroWinkler.normalized_similarity(wanted, " ".join(name))
    words = wanted.split()
    if len(words) > len(name):
        return whole, whole
    per_word = min(max(JaroWinkler.normalized_similarity(w, n) for n in name) for w in words)
    return max(whole, per_word), whole
