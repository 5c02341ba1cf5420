"""What the commands that read the catalogue (`list`, `show`, `compare`, `skills`, `trends`,
`tips`, `read`, `match`, `next`, `gap`) do once their command line is read.

The Typer commands (`app.commands`) and the quick path (`app.quick`) both call these, so a
command answers alike whichever parsed its command line; nothing here imports Typer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careers_cli.app.common import CommonOptions, parse_limit
from careers_cli.app.session import CommandExit, Session, open_session
from careers_cli.catalogue.domain import LinkedNote, Section
from careers_cli.errors import ExitStatus
from careers_cli.i18n.messages import message
from careers_cli.index.query import NoteKind
from careers_cli.present.bounds import DEFAULT_LIMITS, ProfileLimits
from careers_cli.present.data import explore as explore_records
from careers_cli.present.data import matching as matching_records
from careers_cli.rules import moves, names, search
from careers_cli.rules.search import Wanted

if TYPE_CHECKING:
    from types import ModuleType


def _views(name: str) -> ModuleType:
    """The views of `name` ("explore", "matching"): Rich's tables, imported only for a table
    (data formats are written without them)."""
    import importlib

    return importlib.import_module(f"careers_cli.present.views.{name}")


def list_careers(skill: Sequence[str] | None, limit: str | None, options: CommonOptions) -> None:
    """`careers list`: every career, or those that need every skill in `skill`."""
    command = "careers list"
    most = parse_limit(limit, option="--limit", command=command, default=search.LIST_LIMIT)
    with open_session(options) as session:
        index, language = session.index, session.language
        if not skill:
            page = search.career_page(index, most)
            session.present(
                lambda: _views("explore").career_list(page.items, language),
                lambda: explore_records.career_list(page.items, language),
            )
            session.left_out(page, "more.careers")
            return
        found, errors = names.resolve_each(index, list(skill))
        session.report_all(errors)
        wanted = [session.take(f) for f in found]
        session.say_needed_by_none(wanted)
        page = search.first(search.careers_having(index, wanted), most)
        if session.present_found(
            page.items,
            message("list.none", language),
            lambda: _views("explore").career_list(page.items, language),
            lambda: explore_records.career_list(page.items, language),
        ):
            session.left_out(page, "more.careers")


def show(career: str, limit: str | None, options: CommonOptions) -> None:
    """`careers show CAREER`: one career, its long lists cut at `limit` (by default as the
    view does)."""
    most = parse_limit(limit, option="--limit", command="careers show")
    limits = DEFAULT_LIMITS if limit is None else ProfileLimits.each(most)
    with open_session(options) as session:
        index, language = session.index, session.language
        profile = search.career_profile(index, session.take(names.resolve_career(index, career)))
        session.present(
            lambda: _views("explore").career_profile(index, profile, language, limits),
            lambda: explore_records.career_profile(index, profile, language, limits),
        )


def skills(text: str | None, limit: str | None, options: CommonOptions) -> None:
    """`careers skills [TEXT]`: the skill vocabulary, or the skills whose names fit TEXT."""
    most = parse_limit(
        limit, option="--limit", command="careers skills", default=search.SKILL_LIST_LIMIT
    )
    with open_session(options) as session:
        index, language = session.index, session.language
        if text is None:
            page = search.skill_page(index, most)
        else:
            page = search.first(names.search_skills(index, text), most)
        session.present(
            lambda: _views("explore").skill_list(index, page.items, language),
            lambda: explore_records.skill_list(index, page.items, language),
        )
        session.left_out(page, "more.skills")


def match(
    skill: Sequence[str] | None,
    require_all: bool,
    limit: str | None,
    next_skills: bool,
    options: CommonOptions,
) -> None:
    """`careers match`: careers ranked by the skills given (or the profile's), or the skills
    to learn next (`--next-skills`)."""
    command = "careers match"
    default = moves.NEXT_SKILLS_LIMIT if next_skills else search.MATCH_LIMIT
    most = parse_limit(limit, option="--limit", command=command, default=default)
    kept = None
    if not skill:  # the profile's skills (its module, and Typer's, only then)
        from careers_cli.app.commands.profile import kept_profile

        kept = kept_profile(options, command)
    with open_session(options) as session:
        index, language = session.index, session.language
        errors: Sequence[Exception] = ()
        if skill:
            found, errors = names.resolve_each(index, list(skill), word_families=True)
            session.report_all(errors, stop=not found)
            wanted = [session.take(f) for f in found]
            session.say_word_families(wanted)
            session.say_needed_by_none(wanted)
        else:
            from careers_cli.app.commands.profile import wanted_in_profile

            assert kept is not None
            wanted = wanted_in_profile(session, kept, command)
            session.notice(message("profile.using", language, count=len(wanted)))
        if next_skills:
            _present_skills_to_learn(session, wanted, require_all, most)
        else:
            _present_matches(session, wanted, require_all, most)
        if errors:  # the skills found were matched; the status says some were not
            raise CommandExit(ExitStatus.NOT_FOUND)


def _present_matches(
    session: Session, wanted: Sequence[Wanted], require_all: bool, most: int | None
) -> None:
    index, language = session.index, session.language
    page = search.match_page(index, wanted, require_all=require_all, limit=most)
    matches = page.items
    if session.present_found(
        matches,
        message("match.none", language),
        lambda: _views("matching").match_list(index, matches, language),
        lambda: matching_records.match_results(matches, language),
    ):
        session.left_out(page, "more.careers")


def _present_skills_to_learn(
    session: Session, wanted: Sequence[Wanted], require_all: bool, most: int | None
) -> None:
    index, language = session.index, session.language
    found = moves.skills_to_learn(index, wanted, require_all=require_all, limit=most)
    session.present_found(
        found,
        message("next_skills.none", language),
        lambda: _views("matching").skills_to_learn(index, found, language),
        lambda: matching_records.skills_to_learn(index, found, language),
    )


def compare(careers: Sequence[str], limit: str | None, options: CommonOptions) -> None:
    """`careers compare CAREER...`: careers side by side."""
    search.check_comparison_size(len(careers))  # a usage error, before the catalogue is read
    most = parse_limit(
        limit, option="--limit", command="careers compare", default=search.COMPARE_SKILL_LIMIT
    )
    with open_session(options) as session:
        index, language = session.index, session.language
        found = names.resolve_careers(index, careers)
        result = search.compare_careers([session.take(f) for f in found], most)
        session.present(
            lambda: _views("explore").comparison(index, result, language),
            lambda: explore_records.comparison(index, result, language),
        )
        session.left_out(result.skill_page(), "more.skills")


def notes(kind: NoteKind, name: str | None, options: CommonOptions) -> None:
    """`careers trends [TREND]` and `careers tips [TIP]`: every note of `kind`, or one."""
    with open_session(options) as session:
        index, language = session.index, session.language
        if name is None:
            notes: Sequence[LinkedNote] = index.notes(kind)
        else:
            notes = [session.take(names.resolve_note(index, kind, name))]
        session.present_found(
            notes,
            message(f"note.{kind}.none", language),
            lambda: _views("explore").note_list(index, notes, language),
            lambda: explore_records.note_list(notes, language),
        )


def read(section: str | None, options: CommonOptions) -> None:
    """`careers read [SECTION]`: the catalogue's prose, or one section of it."""
    with open_session(options) as session:
        index, language = session.index, session.language
        if section is None:
            sections: Sequence[Section] = index.sections()
        else:
            sections = [session.take(names.resolve_section(index, section))]
        kinds = {s.lists for s in sections if s.lists is not None}
        listed: dict[str, Sequence[LinkedNote]] = {kind: index.notes(kind) for kind in kinds}
        session.present_found(
            sections,
            message("read.none", language),
            lambda: _views("explore").section_list(sections, language, listed),
            lambda: explore_records.section_list(sections, language, listed),
        )


def next_careers(career: str, limit: str | None, options: CommonOptions) -> None:
    """`careers next CAREER`: the careers nearest to CAREER."""
    most = parse_limit(limit, option="--limit", command="careers next", default=moves.NEXT_LIMIT)
    with open_session(options) as session:
        index, language = session.index, session.language
        source = session.take(names.resolve_career(index, career))
        page = moves.nearest_page(index, source, most)
        neighbours = page.items
        if session.present_found(
            neighbours,
            message("next.none", language, career=source.title.in_language(language)),
            lambda: _views("matching").next_list(index, source, neighbours, language),
            lambda: matching_records.next_careers(index, neighbours, language),
        ):
            session.left_out(page, "more.careers")


def gap(source: str, target: str, limit: str | None, options: CommonOptions) -> None:
    """`careers gap FROM TO`: what carries over, and what to learn, in order."""
    most = parse_limit(limit, option="--limit", command="careers gap", default=moves.GAP_LIMIT)
    with open_session(options) as session:
        index, language = session.index, session.language
        found = [session.take(names.resolve_career(index, name)) for name in (source, target)]
        result = moves.career_gap(index, found[0], found[1]).first_steps(most)
        if session.output_format == "markdown":  # a checklist, not a table
            session.out.file.write(matching_records.gap_checklist(index, result, language))
        else:
            session.present(
                lambda: _views("matching").career_gap(index, result, language),
                lambda: matching_records.career_gap(index, result, language),
            )
        session.left_out(result.steps_page(), "more.steps")
