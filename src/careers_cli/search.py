"""Resolving what a person types to careers and skills, ranking matches, comparing careers.

All comparisons go through `text.normalise`, so English and Arabic, any case, with or without
diacritics, find the same records. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import NamedTuple

from careers_cli.domain import Career, Catalogue, LinkedNote, Platform, Skill
from careers_cli.errors import AmbiguousNameError, NotFoundError, UsageError
from careers_cli.text import normalise, one_line

# Jaro-Winkler similarity above which a misspelling is taken as the word it resembles.
TYPO_THRESHOLD = 0.88
# Below the threshold, how similar a suggestion must still be to be offered.
SUGGESTION_THRESHOLD = 0.7
SUGGESTION_COUNT = 3


class SkillMatch(NamedTuple):
    """A vocabulary skill found for one of the user's words."""

    skill: Skill
    query: str


class CareerMatch(NamedTuple):
    """How one career fits the skills asked for; `centrality` breaks ties between equal counts."""

    career: Career
    matched: tuple[SkillMatch, ...]
    to_learn: tuple[str, ...]
    asked: int
    centrality: float

    @property
    def matched_count(self) -> int:
        return len(self.matched)

    @property
    def has_all(self) -> bool:
        return self.matched_count == self.asked


class RelatedCareer(NamedTuple):
    career: Career
    shared_skills: tuple[str, ...]
    similarity: float


class CareerProfile(NamedTuple):
    """Everything `show` tells about one career."""

    career: Career
    platforms: tuple[Platform, ...]
    trends: tuple[LinkedNote, ...]
    tips: tuple[LinkedNote, ...]
    related: tuple[RelatedCareer, ...]


class Comparison(NamedTuple):
    """Careers side by side: every skill of any of them, shared-by-all first."""

    careers: tuple[Career, ...]
    skill_rows: tuple[tuple[str, tuple[bool, ...]], ...]
    shared_by_all: tuple[str, ...]
    similarity: float
    platforms: tuple[tuple[str, ...], ...]


class CatalogueIndex:
    """Search structures for one catalogue, built once per process from normalised text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.careers_by_id = {c.id: c for c in catalogue.careers}
        self.skills_by_id = {s.id: s for s in catalogue.skills}
        self.platforms_by_id = {p.id: p for p in catalogue.platforms}

    @cached_property
    def career_names(self) -> dict[str, list[tuple[str, ...]]]:
        """Career id -> the word lists it can be called by (id, English and Arabic titles)."""
        return {
            c.id: [tuple(normalise(n).split()) for n in (c.id, c.title.en, c.title.ar)]
            for c in self.catalogue.careers
        }

    @cached_property
    def skill_names(self) -> dict[str, set[str]]:
        """Normalised id or label (English or Arabic) -> ids of the skills it names."""
        return _terms((s.id, (s.id, s.label.en, s.label.ar)) for s in self.catalogue.skills)

    @cached_property
    def skill_terms(self) -> dict[str, set[str]]:
        """Normalised id, label or alias -> ids of the skills it names."""
        return _terms(
            (s.id, (s.id, s.label.en, s.label.ar, *s.aliases.en, *s.aliases.ar))
            for s in self.catalogue.skills
        )


def _terms(named: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    terms: dict[str, set[str]] = {}
    for record_id, names in named:
        for name in names:
            key = normalise(name)
            if key:
                terms.setdefault(key, set()).add(record_id)
    return terms


# --- careers -------------------------------------------------------------------------------


def resolve_career(index: CatalogueIndex, query: str) -> Career:
    """The one career `query` names: exact id, unique id prefix, title words, or a misspelling.

    Raises `AmbiguousNameError` when several careers fit equally and `NotFoundError` (with
    suggestions) when none does.
    """
    if query in index.careers_by_id:  # the common case, without normalising every name
        return index.careers_by_id[query]
    wanted = normalise(query)
    if not wanted:
        raise UsageError("career.empty_query")
    exact = [cid for cid, names in index.career_names.items() if tuple(wanted.split()) in names]
    if len(exact) == 1:
        return index.careers_by_id[exact[0]]
    lowered = query.strip().casefold()
    by_prefix = [cid for cid in index.careers_by_id if cid.startswith(lowered)]
    by_words = [cid for cid, names in index.career_names.items() if _names_contain(names, wanted)]
    for candidates in (exact, by_prefix, by_words):
        if len(candidates) == 1:
            return index.careers_by_id[candidates[0]]
        if len(candidates) > 1:
            raise AmbiguousNameError(
                "career.ambiguous", query=one_line(query), candidates=candidates
            )
    return _resolve_career_typo(index, query, wanted)


def _names_contain(names: list[tuple[str, ...]], wanted: str) -> bool:
    """Every word of `wanted` starts a word of one of the names."""
    words = wanted.split()
    return any(all(any(n.startswith(w) for n in name) for w in words) for name in names)


def _resolve_career_typo(index: CatalogueIndex, query: str, wanted: str) -> Career:
    scores = {
        cid: max(_similarity(wanted, name) for name in names)
        for cid, names in index.career_names.items()
    }
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best_id, best = ranked[0]
    ties = [cid for cid, score in ranked if score == best]
    if best >= TYPO_THRESHOLD:
        if len(ties) == 1:
            return index.careers_by_id[best_id]
        raise AmbiguousNameError("career.ambiguous", query=one_line(query), candidates=ties)
    suggestions = [cid for cid, score in ranked[:SUGGESTION_COUNT] if score >= SUGGESTION_THRESHOLD]
    raise NotFoundError("career.not_found", query=one_line(query), candidates=suggestions)


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
    if query in index.skills_by_id:
        return index.skills_by_id[query]
    wanted = normalise(query)
    if not wanted:
        raise UsageError("skill.empty_query")
    if wanted in index.skill_terms:
        return _single_skill(index, query, index.skill_terms[wanted])
    # Words that start words of a name: ids and labels first, then aliases, so "analysis"
    # finds the skill labelled "Data analysis" before those with "... analysis" aliases.
    for terms in (index.skill_names, index.skill_terms):
        found = _skills_with_words(terms, wanted.split())
        if found:
            return _single_skill(index, query, found)
    return _resolve_skill_typo(index, query, wanted)


def _skills_with_words(terms: dict[str, set[str]], words: list[str]) -> set[str]:
    return {
        sid
        for term, sids in terms.items()
        if all(any(t.startswith(w) for t in term.split()) for w in words)
        for sid in sids
    }


def _single_skill(index: CatalogueIndex, query: str, skill_ids: set[str]) -> Skill:
    if len(skill_ids) == 1:
        return index.skills_by_id[next(iter(skill_ids))]
    raise AmbiguousNameError("skill.ambiguous", query=one_line(query), candidates=sorted(skill_ids))


def _resolve_skill_typo(index: CatalogueIndex, query: str, wanted: str) -> Skill:
    from rapidfuzz.distance import JaroWinkler

    best: dict[str, float] = {}
    for term, sids in index.skill_terms.items():
        score = JaroWinkler.normalized_similarity(wanted, term)
        for sid in sids:
            best[sid] = max(best.get(sid, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    top_score = ranked[0][1]
    if top_score >= TYPO_THRESHOLD:
        return _single_skill(index, query, {sid for sid, s in ranked if s == top_score})
    suggestions = [sid for sid, score in ranked[:SUGGESTION_COUNT] if score >= SUGGESTION_THRESHOLD]
    raise NotFoundError("skill.not_found", query=one_line(query), candidates=suggestions)


def resolve_skills(index: CatalogueIndex, queries: Sequence[str]) -> list[SkillMatch]:
    """Resolve each query; two queries for the same skill count once (the first word is kept)."""
    found: dict[str, SkillMatch] = {}
    for query in queries:
        skill = resolve_skill(index, query)
        found.setdefault(skill.id, SkillMatch(skill, query))
    return list(found.values())


def careers_needing(index: CatalogueIndex, skill_id: str) -> list[Career]:
    return [c for c in index.catalogue.careers if skill_id in c.skill_ids]


# --- ranking -------------------------------------------------------------------------------


def rank_by_skills(
    index: CatalogueIndex,
    wanted: Sequence[SkillMatch],
    *,
    require_all: bool = False,
    limit: int | None = None,
) -> list[CareerMatch]:
    """Careers that have any of the wanted skills, best first.

    Order: more of the wanted skills first; then the career where they are more central (a
    larger share of its required-skill lines is tagged with one of them); then by id.
    """
    wanted_ids = {m.skill.id for m in wanted}
    results: list[CareerMatch] = []
    for career in index.catalogue.careers:
        own = career.skill_ids
        matched = tuple(m for m in wanted if m.skill.id in own)
        if not matched or (require_all and len(matched) < len(wanted)):
            continue
        tagged_lines = sum(1 for line in career.required_skills if wanted_ids & set(line.skills))
        results.append(
            CareerMatch(
                career=career,
                matched=matched,
                to_learn=tuple(s for s in own if s not in wanted_ids),
                asked=len(wanted),
                centrality=tagged_lines / len(career.required_skills),
            )
        )
    results.sort(key=lambda m: (-m.matched_count, -m.centrality, m.career.id))
    return results[:limit] if limit is not None else results


def career_profile(index: CatalogueIndex, career: Career) -> CareerProfile:
    """The career with its platforms, the trends and tips that concern it, and related careers."""
    catalogue = index.catalogue
    return CareerProfile(
        career=career,
        platforms=tuple(index.platforms_by_id[p] for p in career.platforms),
        trends=tuple(n for n in catalogue.trends if career.id in n.careers),
        tips=tuple(n for n in catalogue.tips if career.id in n.careers),
        related=tuple(related_careers(index, career)),
    )


def related_careers(index: CatalogueIndex, career: Career, count: int = 3) -> list[RelatedCareer]:
    """The careers sharing most skills with `career` (then higher Jaccard similarity, then id)."""
    own = set(career.skill_ids)
    related = []
    for other in index.catalogue.careers:
        if other.id == career.id:
            continue
        shared = tuple(s for s in other.skill_ids if s in own)
        if shared:
            union = own | set(other.skill_ids)
            related.append(RelatedCareer(other, shared, len(shared) / len(union)))
    related.sort(key=lambda r: (-len(r.shared_skills), -r.similarity, r.career.id))
    return related[:count]


def compare_careers(careers: Sequence[Career]) -> Comparison:
    """Every skill of any career, marked per career; skills all of them share come first."""
    skill_sets = [set(c.skill_ids) for c in careers]
    ordered = list(dict.fromkeys(s for c in careers for s in c.skill_ids))
    rows = [(s, tuple(s in owned for owned in skill_sets)) for s in ordered]
    rows.sort(key=lambda row: -sum(row[1]))  # stable: keeps first-mention order among equals
    shared = set.intersection(*skill_sets)
    union = set.union(*skill_sets)
    return Comparison(
        careers=tuple(careers),
        skill_rows=tuple(rows),
        shared_by_all=tuple(s for s in ordered if s in shared),
        similarity=len(shared) / len(union) if union else 0.0,
        platforms=tuple(tuple(c.platforms) for c in careers),
    )


# --- completion ----------------------------------------------------------------------------


def complete_career_ids(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Career ids starting with `incomplete` (or whose title has a word starting with it)."""
    wanted = normalise(incomplete)
    return [
        (c.id, c.title.en)
        for c in index.catalogue.careers
        if c.id.startswith(incomplete.casefold())
        or (wanted and _names_contain(index.career_names[c.id], wanted))
    ]


def complete_skill_names(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Skill ids, then English labels, that start with `incomplete`."""
    prefix = incomplete.casefold()
    ids = [(s.id, s.label.en) for s in index.catalogue.skills if s.id.startswith(prefix)]
    labels = [
        (s.label.en, s.id)
        for s in index.catalogue.skills
        if s.label.en.casefold().startswith(prefix) and s.label.en.casefold() != s.id
    ]
    return ids + labels
