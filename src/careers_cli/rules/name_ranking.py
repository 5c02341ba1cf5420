"""How well a name fits what a person typed: the kinds of match in relevance order, the
correction of a misspelt word, and the names a query that names nothing resembles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import NamedTuple

from careers_cli.index.query import NameEntry

TYPO_THRESHOLD = 0.88
"""Jaro-Winkler similarity of a whole name to a query of four or more characters above which
the query, naming nothing else, is taken as that name misspelt (`influenza`: influencer)."""


SUGGESTION_CUTOFF = 70.0
"""How much of a name a suggestion must share with the query (rapidfuzz's token-set ratio,
0 to 100): "presenter" for "influencer" (63) is not offered."""


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


SpacedName = tuple[str, bool]
"""A name as ranking reads it: its words joined by spaces with a space at each end (a query
word starts a word of the name where " word" occurs in it, and is one where " word " does),
and whether it is only an alias."""


def spaced_names(names: Sequence[NameEntry]) -> list[SpacedName]:
    """`names` as ranking reads them (see `SpacedName`)."""
    return [(f" {' '.join(name)} ", alias) for name, alias in names]


def rank_names(wanted: str, pools: Pools) -> list[Ranked]:
    """Every record of `pools` one of whose names fits the normalised query `wanted` as a whole
    name, by all its words or by word prefixes, best first (see the module's docstring)."""
    spaced = [{record_id: spaced_names(names) for record_id, names in p.items()} for p in pools]
    return rank_spaced_names(wanted, spaced)


def rank_spaced_names(
    wanted: str, pools: Sequence[Mapping[str, Sequence[SpacedName]]]
) -> list[Ranked]:
    """`rank_names` for names already spaced (`spaced_names`), as a search typed a character
    at a time keeps them."""
    words = wanted.split()
    whole = f" {' '.join(words)} "
    starts = [f" {w}" for w in words]
    is_word = [f" {w} " for w in words]
    if len(words) == 1:  # the commonest query, checked without a loop over its words

        def all_words(text: str) -> bool:
            return is_word[0] in text

        def all_starts(text: str) -> bool:
            return starts[0] in text

    else:

        def all_words(text: str) -> bool:
            return all(w in text for w in is_word)

        def all_starts(text: str) -> bool:
            return all(w in text for w in starts)

    length = len(wanted)
    ranked = []
    for pool, names_of in enumerate(pools):
        for record_id, names in names_of.items():
            best: tuple[MatchKind, bool, float] | None = None
            for text, alias in names:
                if text == whole:
                    kind = MatchKind.NAME
                elif all_words(text):
                    kind = MatchKind.WORDS
                elif all_starts(text):
                    kind = MatchKind.PREFIXES
                else:
                    continue
                fit = (kind, alias, 1.0 - min(1.0, length / max(len(text) - 2, 1)))
                if best is None or fit < best:
                    best = fit
            if best is not None:
                ranked.append(Ranked(best[0], best[1], best[2], pool, record_id))
    ranked.sort()
    return ranked


def corrected_query(wanted: str, pools: Pools) -> str | None:
    """`wanted` with each word that no name has replaced by the closest word names have, or
    None when a word has no close one (or none needed correcting).

    Close means at most one edit (a letter dropped, added, changed, or two swapped) in a word
    of up to five letters, two in a longer one; words under three letters are not corrected.
    Of equally close words, the one that keeps more of the word's letters in order wins (a
    letter left out is a commoner slip than a wrong one: `electrican` is electrician, not
    electrical), then the one in more titles.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA, Indel

    in_titles: dict[str, int] = {}
    for names_of in pools:
        for names in names_of.values():
            for name, alias in names:
                for word in name:
                    in_titles[word] = in_titles.get(word, 0) + (not alias)
    corrected = []
    for word in wanted.split():
        if word in in_titles or len(word) < 3:
            corrected.append(word)
            continue
        limit = 1 if len(word) <= 5 else 2
        close = process.extract(
            word, list(in_titles), scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        if not close:
            return None
        best = min(
            close,
            key=lambda found: (
                found[1],
                -Indel.normalized_similarity(word, found[0]),
                -in_titles[found[0]],
                found[0],
            ),
        )
        corrected.append(best[0])
    text = " ".join(corrected)
    return text if text != wanted else None


def similar_records(wanted: str, pools: Pools, cutoff: float) -> list[Ranked]:
    """The records with a name that shares words with `wanted` or resembles it, most similar
    first (rapidfuzz's token-set ratio, 0 to 100, at least `cutoff`), a title before an
    alternative name as similar, then shorter names."""
    from rapidfuzz import fuzz

    best: dict[tuple[int, str], tuple[float, bool, int]] = {}
    for pool, names_of in enumerate(pools):
        for record_id, names in names_of.items():
            for name, alias in names:
                text = " ".join(name)
                score = fuzz.token_set_ratio(wanted, text, score_cutoff=cutoff)
                if score:
                    fit = (-score, alias, len(text))
                    key = (pool, record_id)
                    if key not in best or fit < best[key]:
                        best[key] = fit
    ordered = sorted(best, key=lambda key: (best[key], key))
    return [Ranked(MatchKind.FUZZY, best[k][1], 0.0, k[0], k[1]) for k in ordered]


def with_symbols(wanted: str, pools: Pools) -> list[Ranked]:
    """The records named by `wanted` and a symbol: `c` gives C# and C++, shortest first."""
    found = []
    for pool, names_of in enumerate(pools):
        for record_id, names in names_of.items():
            fits = [
                len(name[0])
                for name, _ in names
                if len(name) == 1 and name[0] != wanted and name[0].rstrip("+#") == wanted
            ]
            if fits:
                found.append((min(fits), pool, record_id))
    return [Ranked(MatchKind.FUZZY, False, 0.0, p, i) for _, p, i in sorted(found)]


def closest_whole_name(wanted: str, pools: Pools) -> Ranked | None:
    """The one record with a whole name at least `TYPO_THRESHOLD` similar to `wanted`
    (Jaro-Winkler), if one is more similar than any other; never for fewer than four
    characters, which too many names resemble."""
    from rapidfuzz.distance import JaroWinkler

    if len(wanted) < 4:
        return None
    best: dict[tuple[int, str], float] = {}
    for pool, names_of in enumerate(pools):
        for record_id, names in names_of.items():
            for name, _ in names:
                score = JaroWinkler.normalized_similarity(wanted, " ".join(name))
                if score >= TYPO_THRESHOLD and score > best.get((pool, record_id), 0.0):
                    best[pool, record_id] = score
    if not best:
        return None
    ordered = sorted(best.items(), key=lambda item: -item[1])
    if len(ordered) > 1 and ordered[1][1] == ordered[0][1]:
        return None
    (pool, record_id), _ = ordered[0]
    return Ranked(MatchKind.FUZZY, False, 0.0, pool, record_id)
