"""What TAB offers for a partly typed career, skill, note or section, in the one relevance
order name lookups use.
"""

from __future__ import annotations

from careers_cli.index.query import CatalogueIndex, NoteKind
from careers_cli.rules.names import QUERY_LIMIT


def complete_career_ids(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Career ids, then English alternative titles, that start with `incomplete`, each with
    its English title (or its id) as help; each group in the relevance order (the value that
    is `incomplete` itself first, then shorter values, which it fits better, then A to Z).

    Typer offers the shell only values that start with what was typed, so an id cannot be
    completed from words of a title. An alternative title completes to itself, which `show`
    resolves to its career.
    """
    if len(incomplete) > QUERY_LIMIT:
        return []
    return _in_relevance_order(*index.complete_careers(incomplete))


def complete_skill_names(index: CatalogueIndex, incomplete: str) -> list[tuple[str, str]]:
    """Skill ids, then English labels, that start with `incomplete` (as typed: see above)."""
    if len(incomplete) > QUERY_LIMIT:
        return []
    return _in_relevance_order(*index.complete_skills(incomplete))


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


def _in_relevance_order(*groups: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each group (ids, then other names) in the relevance order: the value that is what was
    typed first, then shorter values (which it fits better), then A to Z; a value given twice
    is offered once."""
    ordered = [c for group in groups for c in sorted(group, key=lambda c: (len(c[0]), c[0]))]
    return list(dict.fromkeys(ordered))
