"""Resolving what a person types to careers and skills, and completing it in the shell.

A name may be an exact id, a unique id prefix, words of a title or label (English or Arabic),
or a misspelling. Every comparison goes through `text.normalise`, so any case, with or without
diacritics, finds the same records. When several records fit equally, nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from careers_cli.domain import Career, Skill
from careers_cli.errors import AmbiguousNameError, Candidate, NotFoundError, UsageError
from careers_cli.index import CatalogueIndex
from careers_cli.search import SkillMatch
from careers_cli.text import normalise, one_line

# Jaro-Winkler similarity above which a misspelling is taken as the word it resembles.
TYPO_THRESHOLD = 0.88
# Below the threshold, how similar a suggestion must still be to be offered.
SUGGESTION_THRESHOLD = 0.7
SUGGESTION_COUNT = 3
# The longest career name or skill query taken, in characters as typed: as long as the longest
# title or label a catalogue may have. A longer query only costs normalising (NFKC can make it
# eighteen times longer) and fuzzy matching against every name: 128 KB of U+FDFA took over a
# minute on 1,000 careers.
QUERY_LIMIT = 200


def check_query_length(query: str) -> None:
    """Refuse a name longer than `QUERY_LIMIT` characters, counted before any normalisation."""
    if len(query) > QUERY_LIMIT:
        raise UsageError("query.too_long", limit=QUERY_LIMIT, length=len(query))


# --- careers -------------------------------------------------------------------------------


def resolve_career(index: CatalogueIndex, query: str) -> Career:
    """The one career `query` names: exact id, unique id prefix, title words, or a misspelling.

    Raises `AmbiguousNameError` when several careers fit equally and `NotFoundError` (with
    suggestions) when none does.
    """
    check_query_length(query)
    if query in index.careers_by_id:  # the common case, without normalising every name
        return index.careers_by_id[query]
    wanted = normalise(query)
    if not wanted:
        raise UsageError("career.empty_query")
    exact = index.career_ids_named(tuple(wanted.split()))
    if len(exact) == 1:
        return index.careers_by_id[exact[0]]
    lowered = query.strip().casefold()
    by_prefix = index.career_ids_starting(lowered)
    by_words = index.career_ids_with_words(wanted.split())
    for candidates in (exact, by_prefix, by_words):
        if len(candidates) == 1:
            return index.careers_by_id[candidates[0]]
        if len(candidates) > 1:
            raise AmbiguousNameError(
                "career.ambiguous",
                query=one_line(query),
                candidates=_careers_named(index, candidates),
            )
    return _resolve_career_typo(index, query, wanted)


def _resolve_career_typo(index: CatalogueIndex, query: str, wanted: str) -> Career:
    scores = {
        cid: max(_similarity(wanted, name) for name in names)
        for cid, names in index.career_names().items()
    }
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best_id, best = ranked[0]
    ties = [cid for cid, score in ranked if score == best]
    if best >= TYPO_THRESHOLD:
        if len(ties) == 1:
            return index.careers_by_id[best_id]
        raise AmbiguousNameError(
            "career.ambiguous", query=one_line(query), candidates=_careers_named(index, ties)
        )
    suggestions = [cid for cid, score in ranked[:SUGGESTION_COUNT] if score >= SUGGESTION_THRESHOLD]
    raise NotFoundError(
        "career.not_found",
        query=one_line(query),
        candidates=_careers_named(index, suggestions),
        suggestion_key="career.did_you_mean",
    )


def _careers_named(index: CatalogueIndex, career_ids: Sequence[str]) -> list[Candidate]:
    return [Candidate(cid, index.careers_by_id[cid].title) for cid in career_ids]


def _similarity(wanted: str, name: tuple[str, ...]) -> float:
    """How close a query is to a name, whole or word by word (Jaro-Winkler, 0..1)."""
    from rapidfuzz.distance import JaroWinkler

    whole = JaroWinkler.normalized_similarity(wanted, " ".join(name))
    words = wanted.split()
    if len(words) > len(name):
        return whole
    per_word = min(max(JaroWinkler.normalized_similarity(w, n) for n in name) for w in words)
    return max(whole, per_word)


def resolve_careers(index: CatalogueIndex, queries: Sequence[str]) -> list[Career]:
    """Resolve several names; naming the same career twice is a usage error."""
    for query in queries:  # an over-long name is refused before any other is looked up
        check_query_length(query)
    careers: list[Career] = []
    named_by: dict[str, str] = {}
    for query in queries:
        career = resolve_career(index, query)
        if career.id in named_by:
            raise UsageError(
                "compare.same_career",
                first=one_line(named_by[career.id]),
                second=one_line(query),
                career_id=career.id,
            )
        named_by[career.id] = query
        careers.append(career)
    return careers


# --- skills --------------------------------------------------------------------------------


def resolve_skill(index: CatalogueIndex, query: str) -> Skill:
    """The vocabulary skill `query` names, by id, label or alias, in either language."""
    check_query_length(query)
    if query in index.skills_by_id:
        return index.skills_by_id[query]
    wanted = normalise(query)
    if not wanted:
        raise UsageError("skill.empty_query")
    named = index.skill_ids_with_term(wanted)
    if named:
        return _single_skill(index, query, named)
    # Words that start words of a name: ids and labels first, then aliases, so "analysis"
    # finds the skill labelled "Data analysis" before those with "... analysis" aliases.
    for names_only in (True, False):
        found = index.skill_ids_with_words(wanted.split(), names_only=names_only)
        if found:
            return _single_skill(index, query, found)
    return _resolve_skill_typo(index, query, wanted)


def _single_skill(index: CatalogueIndex, query: str, skill_ids: set[str]) -> Skill:
    if len(skill_ids) == 1:
        return index.skills_by_id[next(iter(skill_ids))]
    raise AmbiguousNameError(
        "skill.ambiguous", query=one_line(query), candidates=_skills_named(index, sorted(skill_ids))
    )


def _skills_named(index: CatalogueIndex, skill_ids: Sequence[str]) -> list[Candidate]:
    return [Candidate(sid, index.skills_by_id[sid].label) for sid in skill_ids]


def _resolve_skill_typo(index: CatalogueIndex, query: str, wanted: str) -> Skill:
    from rapidfuzz.distance import JaroWinkler

    best: dict[str, float] = {}
    for term, sids in index.skill_terms().items():
        score = JaroWinkler.normalized_similarity(wanted, term)
        for sid in sids:
            best[sid] = max(best.get(sid, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    top_score = ranked[0][1]
    if top_score >= TYPO_THRESHOLD:
        return _single_skill(index, query, {sid for sid, s in ranked if s == top_score})
    suggestions = [sid for sid, score in ranked[:SUGGESTION_COUNT] if score >= SUGGESTION_THRESHOLD]
    raise NotFoundError(
        "skill.not_found",
        query=one_line(query),
        candidates=_skills_named(index, suggestions),
        suggestion_key="skill.did_you_mean",
        hint_key="skill.list_hint",
    )


def resolve_skills(index: CatalogueIndex, queries: Sequence[str]) -> list[SkillMatch]:
    """Resolve each query; two queries for the same skill count once (the first word is kept)."""
    for query in queries:  # an over-long query is refused before any other is looked up
        check_query_length(query)
    found: dict[str, SkillMatch] = {}
    for query in queries:
        skill = resolve_skill(index, query)
        found.setdefault(skill.id, SkillMatch(skill, query))
    return list(found.values())


# --- completion ----------------------------------------------------------------------------


def complete_career_ids(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Career ids, then English alternative titles, that start with `incomplete`, each with
    its English title (or its id) as help.

    Typer offers the shell only values that start with what was typed, so an id cannot be
    completed from words of a title. An alternative title completes to itself, which `show`
    resolves to its career.
    """
    if len(incomplete) > QUERY_LIMIT:
        return []
    return index.complete_careers(incomplete)


def complete_skill_names(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Skill ids, then English labels, that start with `incomplete` (as typed: see above)."""
    if len(incomplete) > QUERY_LIMIT:
        return []
    return index.complete_skills(incomplete)
