"""Resolving what a person types to careers, skills, platforms and notes.

Every lookup ranks what a name could mean in one relevance order (`name_ranking.MatchKind`, then
how well the whole name fits, then id), documented in the README:

1. the exact id, as typed;
2. a whole name: a title, alternative title, label or alias, in either language;
3. every word of the query is a word of one name;
4. every word of the query starts a word of one name;
5. a misspelling: the query with each misspelt word corrected to the closest word of the
   names (at most one or two edits) names one record, or else one whole name is very close
   to it (Jaro-Winkler).

Names are compared after `text.normalise`, so any case, with or without diacritics, finds the
same records. A lookup takes the best kind of match there is; when that kind fits several
records, nothing is guessed: they are offered, best first. An answer found by kinds 3 to 5 is a
guess, and says so (`Found.guessed`), so that the command can tell the user which name it took.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Generic, TypeVar

from careers_cli.catalogue.domain import Career, LinkedNote, Section, Skill
from careers_cli.errors import AmbiguousNameError, Candidate, NotFoundError, UsageError
from careers_cli.index.memory import records_named
from careers_cli.index.query import CatalogueIndex, NameEntry, NoteKind
from careers_cli.rules import search
from careers_cli.rules.limits import QUERY_LIMIT
from careers_cli.rules.name_ranking import (
    SUGGESTION_CUTOFF,
    MatchKind,
    Pools,
    Ranked,
    SpacedName,
    closest_whole_name,
    corrected_query,
    rank_names,
    rank_spaced_names,
    similar_records,
    spaced_names,
    with_symbols,
)
from careers_cli.rules.search import Page, Wanted, platform_wanted, skill_wanted
from careers_cli.text.language import Bilingual
from careers_cli.text.normalise import normalise
from careers_cli.text.terminal import one_line

SUGGESTION_COUNT = 5
"""The most suggestions a name that matches nothing gets."""


CONTRADICTING_TITLES = 2
"""How many other records' titles must carry the words of an alternative name for it to be
an everyday word, which picks no record by itself (see `_weighed_against_titles`)."""


CANDIDATE_LIMIT = 10
"""The most candidates an ambiguous name lists; the rest are counted."""


T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A record a query was resolved to; `guessed` when it came from a partial or fuzzy match."""

    record: T
    query: str
    kind: MatchKind
    record_id: str
    name: Bilingual

    @property
    def guessed(self) -> bool:
        return self.kind >= MatchKind.WORDS


def check_query_length(query: str) -> None:
    """Refuse a name longer than `QUERY_LIMIT` characters, counted before any normalisation."""
    if len(query) > QUERY_LIMIT:
        raise UsageError("query.too_long", limit=QUERY_LIMIT, length=len(query))


@dataclass(frozen=True)
class _Lookup:
    """What resolving one kind of record needs: where its names are, and its messages."""

    subject: str
    """The messages' prefix: "career", "skill" or "note"."""
    by_id: Callable[[str], tuple[int, str] | None]
    """The pool and id of the record whose id is exactly the query, if any."""
    named: Callable[[str], list[dict[str, bool]]]
    """Per pool, the records with a whole name equal to the normalised query (id -> whether
    only as an alias)."""
    with_words: Callable[[Sequence[str]], Pools]
    """Per pool, the records with a name in which every word starts a word, with their names."""
    everything: Callable[[], Pools]
    """Per pool, every record with its names (for misspellings)."""
    name_of: Callable[[int, str], Bilingual]
    list_hint: str | None = None
    """Where to look when nothing is found and nothing similar either."""
    more_key: str = "name.more_candidates"
    """The line that counts the candidates an ambiguous name leaves unlisted."""
    careers_needing: Callable[[Sequence[Ranked]], dict[tuple[int, str], int]] | None = None
    """For skills: how many careers need each record (or list it: a platform or tool).
    A record no career needs is never the answer when one that is needed fits, and of the
    records an ambiguous name fits, those more careers need come first."""


def _resolve(lookup: _Lookup, query: str) -> tuple[int, str, MatchKind]:
    """The pool, id and kind of match of the one record `query` names."""
    check_query_length(query)
    exact = lookup.by_id(query)
    if exact is not None:  # the common case, without normalising every name
        return (*exact, MatchKind.ID)
    wanted = normalise(query)
    if not wanted:
        raise UsageError(f"{lookup.subject}.empty_query")
    found = _resolve_by_names(lookup, query, wanted)
    if found is not None:
        return found
    return _resolve_misspelt(lookup, query, wanted)


def _resolve_by_names(
    lookup: _Lookup, query: str, wanted: str
) -> tuple[int, str, MatchKind] | None:
    """The one record with a whole name, or a name with every word, of the normalised query;
    None when no name has its words; `AmbiguousNameError` when several fit as well."""
    # A whole name is the best kind of match after the id: an index finds it without ranking
    # every record that has the query's words.
    named = [
        Ranked(MatchKind.NAME, alias, 0.0, pool, record_id)
        for pool, found in enumerate(lookup.named(wanted))
        for record_id, alias in found.items()
    ]
    fits = _WordFits(lookup, wanted)
    if named and lookup.careers_needing is not None:
        named = _needed_first(lookup, fits, named)
    if named and all(r.alias for r in named):
        named = _weighed_against_titles(lookup, query, fits, named)
    if not named and len(wanted) == 1:
        return None  # a letter is a name of its own (C, R), never a word of another (C Sharp)
    ranked = sorted(named) or _needed(lookup, fits.ranked)
    if not ranked:
        return None
    tied = [r for r in ranked if _as_good(r, ranked[0])]
    if len(tied) == 1:
        return tied[0].pool, tied[0].record_id, tied[0].kind
    raise _ambiguous(lookup, query, tied)


class _WordFits:
    """The records with names that have every word of a normalised query, asked of the index
    once, when first needed."""

    def __init__(self, lookup: _Lookup, wanted: str) -> None:
        self.lookup = lookup
        self.wanted = wanted

    @cached_property
    def pools(self) -> Pools:
        return self.lookup.with_words(self.wanted.split())

    @cached_property
    def ranked(self) -> list[Ranked]:
        return rank_names(self.wanted, self.pools)


def _needed(lookup: _Lookup, ranked: list[Ranked]) -> list[Ranked]:
    """`ranked` without the records no career needs, unless no record of it is needed."""
    if lookup.careers_needing is None or not ranked:
        return ranked
    counts = lookup.careers_needing(ranked)
    needed = [r for r in ranked if counts.get((r.pool, r.record_id), 0)]
    return needed or ranked


def _needed_first(lookup: _Lookup, fits: _WordFits, named: list[Ranked]) -> list[Ranked]:
    """Of the records with the whole name, those careers need. When none is, the name is
    only another name of theirs, and records that careers need have every word of it, none:
    those are weighed instead (`design` is another name of a skill no career needs, and 244
    skills that careers need say design).
    """
    assert lookup.careers_needing is not None
    needed = _needed(lookup, named)
    if needed is not named:
        return needed
    if not all(r.alias for r in named):
        return named  # a label asks for its skill, needed or not
    whole_words = [r for r in fits.ranked if r.kind <= MatchKind.WORDS]
    return [] if whole_words and any(lookup.careers_needing(whole_words).values()) else named


def _weighed_against_titles(
    lookup: _Lookup, query: str, fits: _WordFits, named: list[Ranked]
) -> list[Ranked]:
    """The records an alternative name equal to the query may stand for, weighed against the
    titles (or labels) that have the query's words.

    Where `CONTRADICTING_TITLES` or more other records carry the query's words in their
    titles, the alternative name contradicts them (`teacher` is an alternative title of a
    politics lecturer, and 67 titles say teacher; `driver` one of a hearse driver): nothing is
    picked, and the records with those titles are offered first, closest titles first, then
    the alternative names.
    Where fewer do, the alternative name stands (`vlogger`; `البيانات`, data, though one
    label says البيانات الصحفية, press releases). One that is
    a form its own title names (`actress` of `actor/actress`) is as good as the title.
    """
    wanted = fits.wanted
    forms = [r for r in named if wanted in _title_forms(lookup.name_of(r.pool, r.record_id))]
    if forms:  # `actress` of `actor/actress`: as good as the title
        return forms
    titles_only = [
        {
            record_id: [(name, False) for name, alias in names if not alias]
            for record_id, names in pool.items()
        }
        for pool in fits.pools
    ]
    titled = [r for r in rank_names(wanted, titles_only) if r.kind == MatchKind.WORDS]
    titled_keys = {(r.pool, r.record_id) for r in titled}
    if len(titled_keys - {(r.pool, r.record_id) for r in named}) < CONTRADICTING_TITLES:
        return named
    rest = [r for r in named if (r.pool, r.record_id) not in titled_keys]
    raise _ambiguous(lookup, query, [*titled, *sorted(rest)])


def _title_forms(title: Bilingual) -> set[str]:
    """The normalised forms a title names together (`actor/actress`, `مدون / مدونة`)."""
    return {normalise(form) for text in title if text for form in text.split("/")}


def _as_good(ranked: Ranked, best: Ranked) -> bool:
    """Whether `ranked` fits as well as `best` does: the same kind of match, and for a whole
    name, also a title or label (which a record is known by) rather than only an alias."""
    if ranked.kind != best.kind:
        return False
    return ranked.kind != MatchKind.NAME or ranked.alias == best.alias


def _resolve_misspelt(lookup: _Lookup, query: str, wanted: str) -> tuple[int, str, MatchKind]:
    """The record a misspelt query names, taken as a guess when its words, corrected, name one
    record; otherwise `NotFoundError` with the records it most resembles."""
    everything = lookup.everything()
    corrected = corrected_query(wanted, everything)
    if corrected is not None:
        try:
            found = _resolve_by_names(lookup, query, corrected)
        except AmbiguousNameError as error:
            raise _not_found(lookup, query, error.candidates[:SUGGESTION_COUNT]) from None
        if found is not None:
            return found[0], found[1], MatchKind.FUZZY
    closest = closest_whole_name(wanted, everything)
    if closest is not None:
        return closest.pool, closest.record_id, MatchKind.FUZZY
    similar = _sharing_words(lookup, wanted) + with_symbols(wanted, everything)
    keys = {(r.pool, r.record_id) for r in similar}
    if len(wanted) > 2:
        fuzzy = similar_records(wanted, everything, SUGGESTION_CUTOFF)
        similar += [r for r in fuzzy if (r.pool, r.record_id) not in keys]
    raise _not_found(lookup, query, _candidates(lookup, similar[:SUGGESTION_COUNT]))


def _not_found(lookup: _Lookup, query: str, candidates: Sequence[Candidate]) -> NotFoundError:
    return NotFoundError(
        f"{lookup.subject}.not_found",
        query=one_line(query),
        candidates=candidates,
        suggestion_key=f"{lookup.subject}.did_you_mean",
        hint_key=lookup.list_hint,
    )


def _sharing_words(lookup: _Lookup, wanted: str) -> list[Ranked]:
    """For a query of several words that no name has all of, the records with names sharing
    most of its words, a title before an alternative name."""
    words = [word for word in wanted.split() if len(word) > 1]  # a letter says little
    if len(words) < 2:
        return []
    shared: dict[tuple[int, str], tuple[int, bool]] = {}
    for word in words:
        for pool, names_of in enumerate(lookup.with_words([word])):
            for record_id, names in names_of.items():
                holding = [alias for name, alias in names if word in name]
                if holding:
                    count, alias = shared.get((pool, record_id), (0, True))
                    shared[pool, record_id] = (count + 1, alias and all(holding))
    by_words = sorted(shared, key=lambda key: (-shared[key][0], shared[key][1], key))
    return [Ranked(MatchKind.WORDS, False, 0.0, p, i) for p, i in by_words]


def _ambiguous(lookup: _Lookup, query: str, tied: Sequence[Ranked]) -> AmbiguousNameError:
    """The best `CANDIDATE_LIMIT` of the records that fit equally (only those are read); of
    skills, those more careers need first."""
    if lookup.careers_needing is not None:
        counts = lookup.careers_needing(tied)
        tied = sorted(tied, key=lambda r: (r.alias, -counts.get((r.pool, r.record_id), 0)))
    return AmbiguousNameError(
        f"{lookup.subject}.ambiguous",
        query=one_line(query),
        count=len(tied),
        candidates=_candidates(lookup, tied[:CANDIDATE_LIMIT]),
        more_key=lookup.more_key,
        fitting=[r.record_id for r in tied if r.pool == 0],
    )


def _candidates(lookup: _Lookup, ranked: Sequence[Ranked]) -> list[Candidate]:
    return [Candidate(r.record_id, lookup.name_of(r.pool, r.record_id)) for r in ranked]


def _career_lookup(index: CatalogueIndex) -> _Lookup:
    return _Lookup(
        subject="career",
        by_id=lambda query: (0, query) if query in index.careers_by_id else None,
        named=lambda name: [index.careers_named(name)],
        with_words=lambda words: [index.career_names_with_words(words)],
        everything=lambda: [index.career_names()],
        name_of=lambda _, career_id: index.careers_by_id[career_id].title,
    )


def resolve_career(index: CatalogueIndex, query: str) -> Found[Career]:
    """The one career `query` names (see the module's docstring for the order).

    Raises `AmbiguousNameError` when the best kind of match fits several careers and
    `NotFoundError` (with suggestions) when none fits.
    """
    _, career_id, kind = _resolve(_career_lookup(index), query)
    career = index.careers_by_id[career_id]
    return Found(career, query, kind, career.id, career.title)


def resolve_careers(index: CatalogueIndex, queries: Sequence[str]) -> list[Found[Career]]:
    """Resolve several names; naming the same career twice is a usage error."""
    for query in queries:  # an over-long name is refused before any other is looked up
        check_query_length(query)
    found: list[Found[Career]] = []
    named_by: dict[str, str] = {}
    for query in queries:
        career = resolve_career(index, query)
        if career.record_id in named_by:
            raise UsageError(
                "compare.same_career",
                first=one_line(named_by[career.record_id]),
                second=one_line(query),
                career=career.record.title,  # in the message's language
            )
        named_by[career.record_id] = query
        found.append(career)
    return found


def _skill_lookup(index: CatalogueIndex, *, platforms: bool) -> _Lookup:
    """Skills, and when `platforms` also the catalogue's platforms and tools (after skills on
    equal terms)."""

    def by_id(query: str) -> tuple[int, str] | None:
        if query in index.skills_by_id:
            return 0, query
        if platforms and query in index.platforms_by_id:
            return 1, query
        return None

    def named(name: str) -> list[dict[str, bool]]:
        found = [index.skills_named(name)]
        if platforms:
            found.append(records_named(_platform_names(index, name.split()), name))
        return found

    def with_words(words: Sequence[str]) -> Pools:
        found = [index.skill_names_with_words(words)]
        return [*found, _platform_names(index, words)] if platforms else found

    def everything() -> Pools:
        found = [index.skill_names()]
        return [*found, _platform_names(index, None)] if platforms else found

    def name_of(pool: int, record_id: str) -> Bilingual:
        if pool == 0:
            return index.skills_by_id[record_id].label
        return index.platforms_by_id[record_id].name

    def careers_needing(ranked: Sequence[Ranked]) -> dict[tuple[int, str], int]:
        skills = index.skill_career_counts(r.record_id for r in ranked if r.pool == 0)
        listed = Counter(
            platform
            for platforms in index.careers_using(
                [r.record_id for r in ranked if r.pool == 1]
            ).values()
            for platform in platforms
        )
        return {
            (r.pool, r.record_id): (
                skills.get(r.record_id, 0) if r.pool == 0 else listed[r.record_id]
            )
            for r in ranked
        }

    return _Lookup(
        "skill",
        by_id,
        named,
        with_words,
        everything,
        name_of,
        "skill.list_hint",
        "skill.ambiguous_more",
        careers_needing,
    )


def _platform_names(
    index: CatalogueIndex, words: Sequence[str] | None
) -> dict[str, list[NameEntry]]:
    """Platforms and tools (a catalogue has few) with their normalised id and names; with
    `words`, only those with a name in which every word starts a word."""
    names: dict[str, list[NameEntry]] = {}
    for platform in index.platforms_by_id.values():
        terms = [platform.id, platform.name.en, platform.name.ar]
        entries = [(tuple(t.split()), False) for t in dict.fromkeys(_normalised(terms)) if t]
        if words is None or any(
            all(any(n.startswith(w) for n in name) for w in words) for name, _ in entries
        ):
            names[platform.id] = entries
    return names


def _normalised(names: Iterable[str | None]) -> list[str]:
    return [normalise(name) for name in names if name]


def resolve_skill(index: CatalogueIndex, query: str) -> Found[Skill]:
    """The vocabulary skill `query` names, by id, label or alias, in either language."""
    _, skill_id, kind = _resolve(_skill_lookup(index, platforms=False), query)
    skill = index.skills_by_id[skill_id]
    return Found(skill, query, kind, skill.id, skill.label)


def skill_family(index: CatalogueIndex, skill_id: str, name: str) -> tuple[str, ...]:
    """The skills, other than `skill_id`, that careers need and whose label (or id) holds the
    normalised whole name `name` as a phrase, its words in a row: for `machine learning`,
    `utilise machine learning`. By id. A name of one word has none: a word alone is in too
    many labels, with too many meanings (`marketing`, `C`)."""
    words = tuple(name.split())
    if len(words) < 2:
        return ()
    found = [
        record_id
        for record_id, names in index.skill_names_with_words(words).items()
        if record_id != skill_id
        and any(not alias and _holds_phrase(name, words) for name, alias in names)
    ]
    counts = index.skill_career_counts(found)
    return tuple(sorted(s for s in found if counts.get(s, 0)))


def _holds_phrase(name: Sequence[str], words: Sequence[str]) -> bool:
    size = len(words)
    return any(tuple(name[i : i + size]) == tuple(words) for i in range(len(name) - size + 1))


def resolve_wanted(index: CatalogueIndex, query: str) -> Found[Wanted]:
    """What `query` names among skills, platforms and tools: a skill on equal terms."""
    pool, record_id, kind = _resolve(_skill_lookup(index, platforms=True), query)
    if pool == 0:
        wanted = skill_wanted(index.skills_by_id[record_id], query)
        if kind == MatchKind.NAME:
            wanted = wanted._replace(family=skill_family(index, record_id, normalise(query)))
    else:
        wanted = platform_wanted(index.platforms_by_id[record_id], query)
    return Found(wanted, query, kind, wanted.id, wanted.label)


# A comma (or an Arabic comma) that separates names: not one inside a number (5,700).
_LIST_SEPARATOR = re.compile(r"(?<!\d)[,،]|[,،](?!\d)")


def split_listed(index: CatalogueIndex, query: str) -> list[str]:
    """The names one `--skill` value lists, separated by commas (`analytics, marketing`) or
    Arabic commas; the value itself when it has none, or when it is a whole name or id as it
    is (ESCO has labels with commas in them)."""
    parts = [part.strip() for part in _LIST_SEPARATOR.split(query)]
    if len(parts) < 2:
        return [query]
    lookup = _skill_lookup(index, platforms=True)
    if lookup.by_id(query) is not None or any(lookup.named(normalise(query))):
        return [query]
    return [part for part in parts if part] or [query]


def resolve_each(
    index: CatalogueIndex, queries: Sequence[str], *, word_families: bool = False
) -> tuple[list[Found[Wanted]], list[UsageError | NotFoundError | AmbiguousNameError]]:
    """Resolve each query to a skill, platform or tool; what two queries name counts once (the
    first query is kept, with the family either brought). Returns what was found and, in the
    order asked, the errors of the queries that named nothing or several things.

    With `word_families` (`match`), a query that fits several skills that careers need
    equally well is not an error: it stands for all of them, a word family (`Wanted.by_words`:
    `driving` is any skill whose name has the word), led by the best of them."""
    for query in queries:  # an over-long query is refused before any other is looked up
        check_query_length(query)
    queries = [part for query in queries for part in split_listed(index, query)]
    found: dict[str, Found[Wanted]] = {}
    errors: list[UsageError | NotFoundError | AmbiguousNameError] = []
    for query in queries:
        try:
            wanted = resolve_wanted(index, query)
        except AmbiguousNameError as error:
            family = _word_family(index, error, query) if word_families else None
            if family is None:
                errors.append(error)
                continue
            wanted = Found(family, query, MatchKind.NAME, family.id, family.label)
        except NotFoundError as error:
            errors.append(error)
            continue
        record = wanted.record
        key = f"words:{normalise(query)}" if record.by_words else f"{record.kind}:{record.id}"
        earlier = found.get(key)
        if earlier is None:
            found[key] = wanted
        elif record.family:  # the same skill asked twice: by id, and by a label with a family
            members = tuple(dict.fromkeys((*earlier.record.family, *record.family)))
            found[key] = replace(earlier, record=earlier.record._replace(family=members))
    return list(found.values()), errors


def _word_family(index: CatalogueIndex, error: AmbiguousNameError, query: str) -> Wanted | None:
    """The skills an ambiguous query fits, as one wanted word family, if careers need them."""
    if len(error.fitting) < error.count:  # a platform or tool fits too: no family of skills
        return None
    needed = index.skill_career_counts(error.fitting)
    members = [skill_id for skill_id in error.fitting if needed.get(skill_id, 0)]
    if not members:
        return None
    head, *rest = members
    return skill_wanted(index.skills_by_id[head], query)._replace(family=tuple(rest), by_words=True)


def search_skills(index: CatalogueIndex, text: str) -> list[Skill]:
    """The skills whose names fit `text`, in the relevance order; if none does,
    `NotFoundError` with the skills it most resembles."""
    check_query_length(text)
    wanted = normalise(text)
    if not wanted:
        raise UsageError("skill.empty_query")
    pools = [index.skill_names_with_words(wanted.split())]
    ranked = rank_names(wanted, pools)
    if text in index.skills_by_id:
        ranked = [r for r in ranked if r.record_id != text]
        ranked.insert(0, Ranked(MatchKind.ID, False, 0.0, 0, text))
    if not ranked:
        raise _not_found_skills(index, text, wanted)
    return [index.skills_by_id[r.record_id] for r in ranked]


def careers_fitting(index: CatalogueIndex, text: str, limit: int | None) -> Page[Career]:
    """The first `limit` careers whose names fit `text` as it is being typed, in the relevance
    order of every lookup (the exact id first, then whole names, all words, word prefixes),
    and how many fit; none for text no name fits (a misspelling is not guessed at while
    typing); every career, in catalogue order, for text with no words. Only the careers
    shown are read."""
    return CareerFinder(index).fitting(text, limit)


NARROWED_IN_MEMORY = 600
"""The most careers whose names a search narrows in memory; past that, the index's own word
index is quicker (unless every name is in memory: `CareerFinder.keep_all_names`)."""


class CareerFinder:
    """`careers_fitting` for text typed a character at a time: text that extends the text
    before it fits only careers that fitted that text, so their names, kept from the last
    search, are narrowed in memory instead of asked of the index again (when they are few).
    With every career's names in memory (`keep_all_names`), any text is searched there."""

    def __init__(self, index: CatalogueIndex) -> None:
        self.index = index
        self._last: tuple[str, Mapping[str, Sequence[SpacedName]]] | None = None
        self._all: Mapping[str, Sequence[SpacedName]] | None = None
        self._all_joined: Mapping[str, str] = {}
        """Each career's names in memory run together: a word that starts none of its words
        fits none of its names."""
        self._every_id: list[str] | None = None

    def keep_all_names(self) -> None:
        """Read every career's names once, so that no search asks the index again: for a
        first letter, that fits thousands of careers, reading their names is most of the
        time a search takes."""
        if self._all is None:
            names_of = self.index.career_names()
            self._all = {record_id: spaced_names(names) for record_id, names in names_of.items()}
            self._all_joined = {
                record_id: "".join(text for text, _ in names)
                for record_id, names in self._all.items()
            }

    def fitting(self, text: str, limit: int | None) -> Page[Career]:
        """The first `limit` careers `text` fits, best first, and how many fit."""
        wanted = normalise(text[:QUERY_LIMIT])
        if not wanted:
            return search.career_page(self.index, limit)
        ranked = self.ranked_ids(text)
        shown = ranked if limit is None else ranked[:limit]
        return Page([self.index.careers_by_id[record_id] for record_id in shown], len(ranked))

    def ranked_ids(self, text: str) -> list[str]:
        """The ids of every career `text` fits, best first (for text with no words, every
        career in catalogue order); no career is read."""
        index = self.index
        wanted = normalise(text[:QUERY_LIMIT])
        if not wanted:
            if self._every_id is None:
                self._every_id = list(index.careers_by_id)
            return list(self._every_id)
        pool = self._names_fitting(wanted)
        ranked = [r.record_id for r in rank_spaced_names(wanted, [pool])]
        if text in index.careers_by_id:
            ranked = [text, *(record_id for record_id in ranked if record_id != text)]
        return ranked

    def _names_fitting(self, wanted: str) -> Mapping[str, Sequence[SpacedName]]:
        """The careers with a name in which every word of `wanted` starts a word, with their
        names (what `career_names_with_words` answers)."""
        starts = [f" {word}" for word in wanted.split()]
        last = self._last
        narrowed: Mapping[str, Sequence[SpacedName]] | None = None
        few = last is not None and (len(last[1]) <= NARROWED_IN_MEMORY or self._all is not None)
        if last is not None and wanted.startswith(last[0]) and few:
            narrowed = last[1]
        elif self._all is not None:
            narrowed = self._all
        if narrowed is not None:
            joined = self._all_joined
            if joined:
                narrowed = {
                    record_id: names
                    for record_id, names in narrowed.items()
                    if all(start in joined[record_id] for start in starts)
                }
            if len(starts) == 1 and joined:
                pool = dict(narrowed)
            else:
                pool = {
                    record_id: names
                    for record_id, names in narrowed.items()
                    if any(all(start in text for start in starts) for text, _ in names)
                }
        else:
            found = self.index.career_names_with_words(wanted.split())
            pool = {record_id: spaced_names(names) for record_id, names in found.items()}
        self._last = (wanted, pool)
        return pool


def _not_found_skills(index: CatalogueIndex, text: str, wanted: str) -> NotFoundError:
    """The error for a skill search no name fits, suggesting what the lookup of one skill
    would: the skills its corrected words name, or those it resembles."""
    lookup = _skill_lookup(index, platforms=False)
    try:
        pool, skill_id, _ = _resolve_misspelt(lookup, text, wanted)
    except NotFoundError as error:
        return error
    return _not_found(
        lookup, text, _candidates(lookup, [Ranked(MatchKind.FUZZY, False, 0, pool, skill_id)])
    )


def resolve_note(index: CatalogueIndex, kind: NoteKind, query: str) -> Found[LinkedNote]:
    """The one trend or tip `query` names: its id or words of its title, in either language."""
    notes = {note.id: (note, note.title) for note in index.notes(kind)}
    return _resolve_few(f"note.{kind}", notes, query)


def resolve_section(index: CatalogueIndex, query: str) -> Found[Section]:
    """The one prose section `query` names: its id or words of its heading, in either
    language."""
    sections = {s.id: (s, s.name) for s in index.sections()}
    return _resolve_few("section", sections, query)


def _resolve_few(subject: str, records: Mapping[str, tuple[T, Bilingual]], query: str) -> Found[T]:
    """The one record among a catalogue's few notes or sections (id -> the record and its
    name) that `query` names, by id or name; there are few, so every one is ranked."""
    names_of = {
        record_id: [(tuple(t.split()), False) for t in _normalised([record_id, *name])]
        for record_id, (_, name) in records.items()
    }
    lookup = _Lookup(
        subject=subject,
        by_id=lambda typed: (0, typed) if typed in records else None,
        named=lambda name: [records_named(names_of, name)],
        with_words=lambda words: [names_of],
        everything=lambda: [names_of],
        name_of=lambda _, record_id: records[record_id][1],
    )
    _, found_id, match_kind = _resolve(lookup, query)
    found, name = records[found_id]
    return Found(found, query, match_kind, found_id, name)
