"""The pages of `careers browse`: what each shows, built from the commands' own rules, views and
data formats, so that a page says what `careers show`, `match`, `next` and `gap` say. Nothing
here knows about the full-screen toolkit: a page is Rich renderables (catalogue text always as
`Text`, never markup), the links a person can follow from it, and its Markdown.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Literal, NamedTuple

from rich.console import Group, RenderableType
from rich.text import Text

from careers_cli.catalogue.domain import Career, Platform
from careers_cli.i18n.browse import browse_label
from careers_cli.i18n.messages import column_label, label
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.consoles import write_markdown_document, write_markdown_table
from careers_cli.present.data import explore as explore_records
from careers_cli.present.data import matching as matching_records
from careers_cli.present.data.parts import Records
from careers_cli.present.views import explore as explore_views
from careers_cli.present.views import matching as matching_views
from careers_cli.present.views.parts import (
    DIM,
    ID_STYLE,
    aligned,
    as_text,
    local_text,
)
from careers_cli.rules import moves, search
from careers_cli.rules.search import Wanted
from careers_cli.text.language import Language

PlaceKind = Literal["career", "skill", "platform", "profile", "next", "gap"]

MATCHES_SHOWN = 20
"""How many of the careers a profile matches its page lists, best first."""


class Place(NamedTuple):
    """Where a person is: a page of one kind, about a record (a career's, skill's or platform's
    id; for a gap, the career it starts from), and for a gap the career it leads to."""

    kind: PlaceKind
    record_id: str = ""
    target_id: str = ""


class Link(NamedTuple):
    """A line of a page that leads somewhere (`place`), or a heading (`place` None)."""

    place: Place | None
    text: Text


class Page(NamedTuple):
    """What one place shows: a view above, the links below it, and its Markdown and HTML
    (what the command it stands for writes with `--format markdown` and `--format html`)."""

    place: Place
    title: str
    view: RenderableType
    links: tuple[Link, ...]
    markdown: Callable[[], str]
    html: Callable[[], str]


def _heading(key: str, language: Language, *, browse: bool = False) -> Link:
    text = aligned(Text(browse_label(key, language) if browse else label(key, language)), language)
    text.stylize("bold")
    return Link(None, text)


def career_link(career: Career, language: Language) -> Link:
    text = Text.assemble(local_text(career.title, language), "  ", as_text(career.id, ID_STYLE))
    return Link(Place("career", career.id), aligned(text, language))


def _skill_link(index: CatalogueIndex, skill_id: str, language: Language) -> Link:
    skill = index.skills_by_id[skill_id]
    return Link(Place("skill", skill_id), aligned(local_text(skill.label, language), language))


def _platform_text(platform: Platform, language: Language, style: str = "") -> Text:
    """A platform's name (catalogue text) and its kind: `Hootsuite (tool)`."""
    kind = label("kind." + platform.kind, language)
    return Text.assemble(local_text(platform.name, language, style), f" ({kind})")


def _platform_link(index: CatalogueIndex, platform_id: str, language: Language) -> Link:
    text = _platform_text(index.platforms_by_id[platform_id], language)
    return Link(Place("platform", platform_id), aligned(text, language))


def record_name(index: CatalogueIndex, place: Place, language: Language) -> str:
    """The name of the skill, platform or tool of `place` as a sentence quotes it: in
    `language` (or the other one, marked so), with nothing a terminal would obey."""
    if place.kind == "platform":
        return local_text(index.platforms_by_id[place.record_id].name, language).plain
    return local_text(index.skills_by_id[place.record_id].label, language).plain


def career_page(index: CatalogueIndex, career_id: str, language: Language) -> Page:
    """A career: its title, other names, description and responsibilities above, as `careers
    show` begins; its essential and optional skills, its platforms and tools, and its related
    careers (as `careers show` ranks them) to follow."""
    career = index.careers_by_id[career_id]
    parts = explore_views.career_summary(career, language, None)
    links: list[Link] = []
    essential = [s for s in career.skill_ids if not career.is_optional(s)]
    optional = [s for s in career.skill_ids if career.is_optional(s)]
    for key, skill_ids in (("required_skills", essential), ("optional_skills", optional)):
        if skill_ids:
            links.append(_heading(key, language, browse=key == "optional_skills"))
            links += [_skill_link(index, s, language) for s in skill_ids]
    if career.platforms:
        links.append(_heading("platforms", language))
        links += [_platform_link(index, p, language) for p in career.platforms]
    profile = search.career_profile(index, career)
    if profile.related:
        links.append(_heading("related", language))
        links += [career_link(r.career, language) for r in profile.related]
    records = explore_records.career_profile(index, profile, language)
    title = career.title.in_language(language)
    return _saved_as(
        Place("career", career_id),
        title,
        Group(*parts),
        links,
        (records, f"careers show {career_id}"),
        language,
    )


def skill_page(index: CatalogueIndex, skill_id: str, language: Language) -> Page:
    """A skill as `careers skills` shows it, and the careers that need it, to follow."""
    skill = index.skills_by_id[skill_id]
    view = explore_views.skill_list(index, [skill], language)
    links = _careers_under("needed_by", index.careers_needing(skill_id), language)
    records = explore_records.skill_list(index, [skill], language)
    title = skill.label.in_language(language)
    return _saved_as(
        Place("skill", skill_id),
        title,
        view,
        links,
        (records, f"careers skills {skill_id}"),
        language,
    )


def platform_page(index: CatalogueIndex, platform_id: str, language: Language) -> Page:
    """A platform or tool, and the careers that list it, to follow (as `careers list --skill`
    lists them)."""
    platform = index.platforms_by_id[platform_id]
    view = aligned(_platform_text(platform, language, "bold underline"), language)
    careers = search.careers_having(index, [search.platform_wanted(platform, platform_id)])
    links = _careers_under("listed_by", careers, language)
    records = explore_records.career_list(careers, language)
    title = platform.name.in_language(language)
    return _saved_as(
        Place("platform", platform_id),
        title,
        view,
        links,
        (records, f"careers list --skill {platform_id} --limit all"),
        language,
    )


def profile_page(index: CatalogueIndex, wanted: Sequence[Wanted], language: Language) -> Page:
    """The skills of the profile, and the careers they match as `careers match` ranks them and
    explains their scores."""
    place = Place("profile")
    title = browse_label("your_skills", language)
    if not wanted:
        text = aligned(Text(browse_label("no_skills", language), style=DIM), language)
        return Page(place, title, text, (), lambda: "", lambda: "")
    links = [_heading("your_skills", language, browse=True)]
    links += [
        _skill_link(index, w.id, language)
        if w.platform is None
        else _platform_link(index, w.id, language)
        for w in wanted
    ]
    matches = search.match_page(index, wanted, require_all=False, limit=MATCHES_SHOWN).items
    links += _careers_under("your_matches", [m.career for m in matches], language)
    view = matching_views.match_list(index, matches, language) if matches else Text("")
    records = matching_records.match_results(matches, language)
    return _saved_as(place, title, view, links, (records, "careers match"), language)


def next_page(index: CatalogueIndex, career_id: str, language: Language) -> Page:
    """The careers nearest to a career, as `careers next` lists them; each leads to the gap
    plan from it to that career."""
    source = index.careers_by_id[career_id]
    neighbours = moves.nearest_page(index, source, moves.NEXT_LIMIT).items
    view = matching_views.next_list(index, source, neighbours, language)
    links = [_heading("next_moves", language, browse=True)] if neighbours else []
    links += [
        Link(Place("gap", career_id, n.career.id), career_link(n.career, language).text)
        for n in neighbours
    ]
    records = matching_records.next_careers(index, neighbours, language)
    title = source.title.in_language(language)
    return _saved_as(
        Place("next", career_id),
        title,
        view,
        links,
        (records, f"careers next {career_id}"),
        language,
    )


def gap_page(index: CatalogueIndex, source_id: str, target_id: str, language: Language) -> Page:
    """The gap plan from one career to another, as `careers gap` gives it (its Markdown is the
    same checklist); the skills to learn lead to their pages."""
    source, target = index.careers_by_id[source_id], index.careers_by_id[target_id]
    gap = moves.career_gap(index, source, target).first_steps(moves.GAP_LIMIT)
    view = matching_views.career_gap(index, gap, language)
    links = [_heading("learn_order", language)] if gap.steps else []
    links += [_skill_link(index, step.skill.skill_id, language) for step in gap.steps]
    links.append(_heading("related", language))
    links += [career_link(source, language), career_link(target, language)]
    title = f"{source.title.in_language(language)} → {target.title.in_language(language)}"
    records = matching_records.career_gap(index, gap, language)
    page = _saved_as(
        Place("gap", source_id, target_id),
        title,
        view,
        links,
        (records, f"careers gap {source_id} {target_id}"),
        language,
    )
    return page._replace(markdown=lambda: matching_records.gap_checklist(index, gap, language))


def _careers_under(heading: str, careers: Sequence[Career], language: Language) -> list[Link]:
    """Careers to follow under a heading of the browser's own, or nothing when there are
    none."""
    if not careers:
        return []
    return [_heading(heading, language, browse=True), *(career_link(c, language) for c in careers)]


def _saved_as(
    place: Place,
    title: str,
    view: RenderableType,
    links: Sequence[Link],
    saved: tuple[Records, str],
    language: Language,
) -> Page:
    """A page whose Markdown and HTML are what a command writes of its records with `--format
    markdown` and `--format html` (`saved`: the records, and the command, the HTML's title)."""
    records, command = saved
    return Page(
        place,
        title,
        view,
        tuple(links),
        lambda: markdown_of(records, language),
        lambda: html_of(records, command, language),
    )


def html_of(records: Records, title: str, language: Language) -> str:
    """A page's records as `--format html` writes them, titled as the command would be."""
    from careers_cli.present.pages import page_html

    return page_html(records.page_titled(title, language, lambda key: column_label(key, language)))


def markdown_of(records: Records, language: Language) -> str:
    """A page's records as `--format markdown` writes them."""
    stream = io.StringIO()
    if records.markdown_sections:
        write_markdown_document(stream, records.markdown_title, records.markdown_sections)
    else:
        rows = records.markdown_rows() if records.markdown_rows else records.rows()
        write_markdown_table(stream, rows, lambda key: column_label(key, language))
    return stream.getvalue()
