"""What TAB offers for a partly typed career, skill, note or section, in the one relevance
order name lookups use.
"""

from __future__ import annotations

from careers_cli.index.query import CatalogueIndex, NoteKind
from careers_cli.rules.limits import QUERY_LIMIT


def complete_career_ids(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Career ids, then alternative titles (English, then the Arabic title and alternative
    titles), that start with `incomplete` in any case and with or without Arabic diacritics
    or letter variants, each with its English title (or its id) as help; each group in the
    relevance order (the value that is `incomplete` itself first, then shorter values, which
    it fits better, then A to Z).

    Shells offer only values that start with what was typed, so an id cannot be completed
    from words of a title, and a title is offered in the case typed (`as_typed`). An
    alternative title completes to itself, which `show` resolves to its career.
    """
    if len(incomplete) > QUERY_LIMIT:
        return []
    ids, titles = index.complete_careers(incomplete)
    return _in_relevance_order(ids, [(as_typed(incomplete, t), h) for t, h in titles])


def complete_skill_names(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Skill ids, then labels (English, then Arabic), that start with `incomplete` (in any
    case: see above)."""
    if len(incomplete) > QUERY_LIMIT:
        return []
    ids, labels = index.complete_skills(incomplete)
    return _in_relevance_order(ids, [(as_typed(incomplete, t), h) for t, h in labels])


def complete_note_ids(
    index: CatalogueIndex, kind: NoteKind, incomplete: str
) -> list[tuple[str, str]]:
    """Trend or tip ids that start with `incomplete`, each with its English title."""
    if len(incomplete) > QUERY_LIMIT:
        return []
    notes = index.notes(kind)
    found = [(n.id, n.title.in_language("en")) for n in notes if n.id.startswith(incomplete)]
    return _in_relevance_order(found)


def complete_section_ids(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Section ids that start with `incomplete`, each with its English heading."""
    if len(incomplete) > QUERY_LIMIT:
        return []
    sections = index.sections()
    found = [(s.id, s.name.in_language("en")) for s in sections if s.id.startswith(incomplete)]
    return _in_relevance_order(found)


def as_typed(incomplete: str, value: str) -> str:
    """`value` starting with `incomplete` as typed, where they differ only in case (`data
    analysis` for `data`, not "Data analysis"), since zsh and fish offer only values that start
    with what was typed; else `value`."""
    head = value[: len(incomplete)]
    if head != incomplete and head.casefold() == incomplete.casefold():
        return incomplete + value[len(incomplete) :]
    return value


def _in_relevance_order(*groups: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each group (ids, then other names) in the relevance order: the value that is what was
    typed first, then shorter values (which it fits better), then A to Z; a value given twice
    is offered once, where it comes first."""
    ordered = [c for group in groups for c in sorted(group, key=lambda c: (len(c[0]), c[0]))]
    offered: dict[str, tuple[str, str]] = {}
    for value, help_text in ordered:
        offered.setdefault(value, (value, help_text))
    return list(offered.values())
