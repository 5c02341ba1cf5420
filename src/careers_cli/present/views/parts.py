"""The pieces every view is made of: catalogue text as Rich text, headings, bullets, tables
and bounded lists.

Every piece of catalogue text enters a `rich.text.Text` through `as_text`, never a markup
string, so brackets in a catalogue are printed as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal, TypeVar

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careers_cli.i18n.messages import label, message
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.layout.fitting import LabelledRows
from careers_cli.rules.moves import (
    SkillWeight,
)
from careers_cli.text.language import Bilingual, Language, is_arabic
from careers_cli.text.terminal import printable

ID_STYLE = "cyan"


HEADING_STYLE = "bold"


DIM = "dim"


LABEL_MIN_WIDTH = 8


TEXT_MIN_WIDTH = 16
"""The narrowest a table's column of prose (a summary, a required-skill line, a title) may be:
narrower, it reads as a strip of single words, and the table is shown as blocks instead."""


def as_text(value: str, style: str = "") -> Text:
    """Catalogue text as plain text (never markup), right-aligned when it is Arabic."""
    return Text(printable(value), style=style, justify="right" if is_arabic(value) else None)


def local_text(
    text: Bilingual, language: Language, style: str = "", *, marked: bool = True
) -> Text:
    """Catalogue text in `language`; where the catalogue lacks it in that language, the other
    language's text, followed by a dim mark that says so (`[ar]` in English, `[en]` in Arabic)
    unless not `marked` (a list that says it once: `all_fallback`)."""
    shown = as_text(text.in_language(language), style)
    if marked and text.is_fallback(language):
        shown.append(" " + label("fallback", language), style=DIM)
    return shown


def skill_text(
    index: CatalogueIndex,
    skill_id: str,
    language: Language,
    style: str = "",
    *,
    marked: bool = True,
) -> Text:
    return local_text(index.skills_by_id[skill_id].label, language, style, marked=marked)


def all_fallback(texts: Iterable[Bilingual], language: Language) -> bool:
    """Whether a list has two texts or more and every one of them is in the other language
    (an ESCO career's skills in `--lang ar`): then one note says so, not a mark on each."""
    listed = list(texts)
    return len(listed) > 1 and all(text.is_fallback(language) for text in listed)


def fallback_note(language: Language, key: str = "fallback.list") -> Text:
    """The one line that says a whole list is in the other language (`all_fallback`)."""
    return aligned(Text(label(key, language), style=DIM), language)


def skill_labels(
    index: CatalogueIndex, skill_ids: Sequence[str], language: Language, style: str = ""
) -> Text:
    """Skills by label, joined; a list wholly in the other language marked once, at its end."""
    labels = [index.skills_by_id[s].label for s in skill_ids]
    once = all_fallback(labels, language)
    shown = joined(
        [skill_text(index, s, language, style, marked=not once) for s in skill_ids], language
    )
    if once:
        shown.append(" " + label("fallback", language), style=DIM)
    return shown


ARROW_ON: dict[Language, str] = {"en": "→", "ar": "←"}
"""An arrow pointing the way a line reads: to what follows from what stands before it."""


ARROW_BACK: dict[Language, str] = {"en": "←", "ar": "→"}
"""An arrow pointing against the way a line reads: to what stands before it."""


def aligned(text: Text, language: Language) -> Text:
    """`text` (assembled from parts) right-aligned in Arabic."""
    if language == "ar":
        text.justify = "right"
    return text


def new_table(language: Language, *columns: tuple[str, dict[str, object]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for key, options in columns:
        options = dict(options)
        holds_text = bool(options.pop("text", False))
        options.setdefault("justify", "right" if language == "ar" and holds_text else "left")
        # A word only folds in a layout of last resort, narrower than the word: never "…".
        options.setdefault("overflow", "fold")
        table.add_column(label(key, language), **options)  # type: ignore[arg-type]
    return table


T = TypeVar("T")


SUBLIST_LIMIT = 8
"""How many skills a list inside a block (a match's "to learn", a neighbour's "missing") shows;
the rest are counted, and `show` or the data formats give them all."""


OPTIONAL_SUBLIST_LIMIT = 3
"""How many optional skills a match's "also helps" shows: an ESCO career has dozens, and with
eight of them a block of ten matches would fill four screens instead of two."""


def some(
    values: Sequence[T],
    name_of: Callable[[T], Text],
    language: Language,
    command: str | None,
    limit: int | None = SUBLIST_LIMIT,
) -> Text:
    """The names of the first `limit` values joined (only those are looked up; None: all of
    them), then how many more and the `command` that lists them all (without one, how many
    more only)."""
    shown = joined([name_of(value) for value in values[:limit]], language)
    more = 0 if limit is None else len(values) - limit
    if more > 0:
        words = (
            message("more.count", language, count=more)
            if command is None
            else message("more.listed_by", language, count=more, command=command)
        )
        shown.append(" " + words, DIM)
    return shown


def some_skills(
    index: CatalogueIndex,
    skill_ids: Sequence[str],
    language: Language,
    command: str | None,
    limit: int | None = SUBLIST_LIMIT,
) -> Text:
    """`some` of the skills by label; the names shown wholly in the other language marked
    once, after them (`all_fallback`)."""
    once = all_fallback((index.skills_by_id[s].label for s in skill_ids[:limit]), language)

    def name_of(skill_id: str) -> Text:
        return skill_text(index, skill_id, language, marked=not once)

    shown = some(skill_ids, name_of, language, command, limit)
    if once:
        shown.append(" " + label("fallback", language), style=DIM)
    return shown


def first_names(values: Sequence[str], language: Language, limit: int | None) -> Text:
    """Names (catalogue text) joined, the first `limit` of them, then how many more."""
    return some(values, as_text, language, None, limit)


def joined(values: Iterable[str | Text], language: Language, style: str = "") -> Text:
    """Values in a comma-separated list, with the Arabic comma in Arabic."""
    separator = "، " if language == "ar" else ", "
    return Text(separator).join(as_text(v, style) if isinstance(v, str) else v for v in values)


def section_heading(key: str, language: Language) -> Text:
    return aligned(Text(label(key, language), style=HEADING_STYLE), language)


def bullet(value: Bilingual, language: Language) -> Padding:
    return Padding(
        aligned(Text.assemble("• ", local_text(value, language)), language), (0, 0, 0, 2)
    )


def between(items: Sequence[RenderableType], gap: RenderableType) -> list[RenderableType]:
    """`items` with `gap` between each two."""
    spaced: list[RenderableType] = []
    for item in items:
        if spaced:
            spaced.append(gap)
        spaced.append(item)
    return spaced


def labelled_grid(language: Language) -> LabelledRows:
    """Two columns: a dim label, and its value (right-aligned in Arabic); each label above its
    value where the values' column would be narrower than their longest word or id."""
    return LabelledRows(justification(language), label_style=DIM)


def justification(language: Language) -> Literal["left", "right"]:
    return "right" if language == "ar" else "left"


def percent(value: float) -> str:
    return f"{value:.0%}"


def skill_names(
    index: CatalogueIndex,
    skills: Iterable[SkillWeight],
    language: Language,
    style: str = "",
    *,
    career_id: str | None = None,
) -> Text:
    """Skills by label, an optional one marked so; with `career_id`, the first few and how many
    more (`some`)."""

    listed = list(skills)
    labels = [index.skills_by_id[s.skill_id].label for s in listed[:SUBLIST_LIMIT]]
    once = all_fallback(labels, language)  # the list in the other language: one mark at its end

    def name_of(skill: SkillWeight) -> Text:
        name = skill_text(index, skill.skill_id, language, style, marked=not once)
        if skill.importance == "optional":
            name.append(f" ({label('optional', language)})", style="yellow")
        return name

    if not listed:
        return Text(label("none", language), DIM)
    if career_id is None:
        shown = joined([name_of(skill) for skill in listed], language)
    else:
        shown = some(listed, name_of, language, f"careers show {career_id}")
    if once:
        shown.append(" " + label("fallback", language), style=DIM)
    return shown
