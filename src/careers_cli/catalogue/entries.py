"""The records of the catalogue file format, as Pydantic models, and the bounds on them.

These models, under `format.CatalogueFile`, are the format: `careers schema` prints the JSON
Schema generated from them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

MAX_PROBLEMS = 1_000
"""Validation lists at most this many problems; it counts those after them, skipping records."""


MORE_PROBLEMS = "more_problems"
"""Type of the entry that ends a `ValidationError` cut short at `MAX_PROBLEMS`: its context gives
the problems `found` in all and the records left `unchecked`."""


# The longest lists the format allows: ten times what real data reaches (an ESCO occupation has
# up to about 150 skill links and 60 alternative titles, a skill about 40 alternative labels).
# Pydantic stops reading a list one item past its maximum and reports only its length, so these
# bound the problems one record can have.
MAX_LINKS = 1_500
"""Required-skill lines of a career, skills of one line, references of a trend or tip."""


MAX_ALIASES = 600
"""Other names of a skill, per language."""


MAX_ITEMS = 500
"""Responsibilities, platforms and occupations of a career; paragraphs of a section."""


def _require_visible_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", "text must not be empty or only white space")
    return value


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="A lowercase id: letters a-z, digits and single hyphens.",
    ),
]


LongText = Annotated[str, Field(max_length=20_000), AfterValidator(_require_visible_text)]


Label = Annotated[str, Field(max_length=200), AfterValidator(_require_visible_text)]


class Entry(BaseModel):
    """Base of every model: unknown fields are refused and records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _require_a_language(en: str | None, ar: str | None) -> None:
    if en is None and ar is None:
        raise PydanticCustomError("no_language", "text needs at least one language: en or ar")


class BilingualText(Entry):
    """A text in English, Arabic or both: at least one of the catalogue's `languages`. (In
    format 1 both are required.) Where the reader's language is missing, the other is shown,
    marked as such."""

    en: LongText | None = None
    ar: LongText | None = None

    @model_validator(mode="after")
    def _has_a_language(self) -> BilingualText:
        _require_a_language(self.en, self.ar)
        return self


class BilingualLabel(Entry):
    """A short name in English, Arabic or both (see `BilingualText`)."""

    en: Label | None = None
    ar: Label | None = None

    @model_validator(mode="after")
    def _has_a_language(self) -> BilingualLabel:
        _require_a_language(self.en, self.ar)
        return self


class OtherNames(Entry):
    """Other names of a record, per language (a skill's aliases, a career's alternative
    titles): searched, never required."""

    en: list[Label] = Field(default_factory=list, max_length=MAX_ALIASES)
    ar: list[Label] = Field(default_factory=list, max_length=MAX_ALIASES)


class SkillEntry(Entry):
    """One entry of the shared skill vocabulary that required skills are tagged with."""

    id: Slug
    label: BilingualLabel
    aliases: OtherNames = Field(default_factory=OtherNames)
    description: BilingualText | None = Field(
        default=None, description="What the skill is, in a sentence or two (format 2)."
    )


class SkillRequirementEntry(Entry):
    """One line of a career's skills: the vocabulary skills it asks for, how much they matter,
    and optionally the line's own wording (format 1 requires it)."""

    text: BilingualText | None = Field(
        default=None, description="The requirement in words; without it, its skills' labels."
    )
    skills: list[Slug] = Field(min_length=1, max_length=MAX_LINKS)
    importance: Literal["essential", "optional"] = Field(
        default="essential",
        description="essential: the career needs these skills; optional: they help (format 2).",
    )


class OccupationMatchEntry(Entry):
    """The closest standard occupation (ESCO, with its ISCO-08 unit group) to a career."""

    scheme: Literal["ESCO"] = "ESCO"
    label: Label = Field(description="The ESCO occupation's preferred label (English).")
    label_ar: Label | None = Field(
        default=None, description="ESCO's Arabic preferred label of the occupation (format 2)."
    )
    isco_08: str | None = Field(
        default=None,
        pattern=r"^[0-9]{4}$",
        description="ISCO-08 unit group code (required in format 1).",
    )
    uri: str = Field(pattern=r"^https?://\S+$", max_length=500)
    match: Literal["exact", "close", "approximate"]
    basis: Label = Field(description="Why this occupation corresponds (English).")


class CareerEntry(Entry):
    """A career: what the work is, what it asks of a person, and where it sits in ESCO."""

    id: Slug
    title: BilingualLabel
    alt_titles: OtherNames = Field(
        default_factory=OtherNames,
        description="Other titles of the career, per language: searched like the title (format 2).",
    )
    description: BilingualText
    responsibilities: list[BilingualText] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="At least one in format 1."
    )
    required_skills: list[SkillRequirementEntry] = Field(
        default_factory=list, max_length=MAX_LINKS, description="At least one line in format 1."
    )
    platforms: list[Slug] = Field(default_factory=list, max_length=MAX_ITEMS)
    occupations: list[OccupationMatchEntry] = Field(default_factory=list, max_length=MAX_ITEMS)


class PlatformEntry(Entry):
    """A platform or tool the catalogue names (Facebook, Google Analytics, ...)."""

    id: Slug
    name: BilingualLabel
    kind: Literal["platform", "tool"]


class LinkedNoteEntry(Entry):
    """A titled piece of advice or outlook, linked to the careers and skills it concerns."""

    id: Slug
    title: BilingualLabel
    text: BilingualText
    careers: list[Slug] = Field(default_factory=list, max_length=MAX_LINKS)
    skills: list[Slug] = Field(default_factory=list, max_length=MAX_LINKS)
    platforms: list[Slug] = Field(default_factory=list, max_length=MAX_LINKS)


class TrendEntry(LinkedNoteEntry):
    """A future trend of the field."""


class TipEntry(LinkedNoteEntry):
    """A tip for succeeding in the field."""


class SectionEntry(Entry):
    """A prose section of the source text (introduction, conclusion, ...)."""

    id: Slug
    heading: BilingualLabel | None = Field(
        default=None, description="The section's heading; the source's opening has none."
    )
    paragraphs: list[BilingualText] = Field(min_length=1, max_length=MAX_ITEMS)
    part: BilingualLabel | None = Field(
        default=None,
        description="The heading of the part of the text this section begins, above the "
        "section's own heading: the article's 'More information' (format 2).",
    )
    lists: Literal["trends", "tips"] | None = Field(
        default=None,
        description="The catalogue's trends or tips, which the section introduces: they follow "
        "its paragraphs where it is read (format 2).",
    )


CatalogueLanguage = Literal["en", "ar"]


FORMAT_1_LANGUAGES = ("en", "ar")


FORMAT_2_FIELDS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, ("languages",)),
    ("careers", ("alt_titles",)),
    ("careers", ("required_skills", "*", "importance")),
    ("careers", ("occupations", "*", "label_ar")),
    ("skills", ("description",)),
    ("sections", ("part",)),
    ("sections", ("lists",)),
)
