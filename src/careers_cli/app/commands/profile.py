"""The skill profile: `careers profile add`, `remove`, `list` and `clear`, and the profile as
`match`, `next` and `gap` read it."""

from typing import Annotated

import typer

from careers_cli.app import completion
from careers_cli.app.help import (
    CareersCommand,
    command_group,
)
from careers_cli.app.options import (
    CommonOptions,
    DataOption,
    DebugOption,
    LangOption,
    NoColorOption,
    RtlOption,
    merge_options,
    with_common_options,
)
from careers_cli.app.profile_file import KeptProfile, profile_file, read_kept
from careers_cli.app.session import (
    Session,
    open_session,
    say_for,
)
from careers_cli.errors import UsageError
from careers_cli.i18n.messages import message
from careers_cli.present.data import matching as records
from careers_cli.present.views import matching as views
from careers_cli.rules import moves, names
from careers_cli.rules.search import Wanted
from careers_cli.text.terminal import printable_line

# --- careers profile ---------------------------------------------------------------------------

profile_app = command_group(no_args_is_help=True)


@profile_app.callback()
def profile_group(
    ctx: typer.Context,
    data: DataOption = None,
    lang: LangOption = None,
    rtl: RtlOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    # The options every subcommand takes, also before its name (`careers profile --lang ar
    # add analytics`, `careers profile --help --lang ar`): merged under the subcommand's own.
    ctx.obj = merge_options(ctx, data=data, lang=lang, rtl=rtl, no_color=no_color, debug=debug)


PROFILE_HELP = """Keep the skills you have, so that 'careers match' needs no --skill.

    One profile per catalogue (the built-in one, or each --data file), kept in your
    configuration folder ($CAREERS_CONFIG_DIR, else ~/.config/careers on Linux), never next to
    a catalogue. Skills are named as for 'match --skill'.

    [bold]Examples[/bold]

    careers profile add analytics "content creation"

    careers profile list

    careers match --next-skills
    """

ProfileSkills = Annotated[
    list[str],
    typer.Argument(
        metavar="SKILL...",
        help="Skills, platforms or tools, named as for 'match --skill'.",
        show_default=False,
        autocompletion=completion.complete_skill,
    ),
]


def kept_profile(options: CommonOptions, command: str) -> KeptProfile:
    """The profile, for a command given no skill: with none kept, a usage error as before
    profiles (the skills are missing)."""
    kept = read_kept(options)
    if not kept.profile:
        raise UsageError("usage.missing", option="--skill / -s", command=command)
    return kept


def wanted_in_profile(session: Session, kept: KeptProfile, command: str) -> list[Wanted]:
    """The profile's skills as `match` looks for them; those the catalogue lacks are named on
    stderr and left out."""
    wanted, unknown = moves.profile_wanted(
        session.index, kept.profile.skills, kept.profile.platforms
    )
    if unknown:
        ids = " ".join(unknown)
        session.notice(message("profile.unknown", session.language, count=len(unknown), ids=ids))
    if not wanted:
        raise UsageError("usage.missing", option="--skill / -s", command=command)
    return wanted


@profile_app.command("add", cls=CareersCommand)
@with_common_options(common=("rtl", "data", "lang", "no_color", "no_cache", "debug"))
def profile_add(skills: ProfileSkills, *, options: CommonOptions) -> None:
    """Add skills to your profile. A skill that names nothing (or several things) is reported,
    and then nothing is added.

    [bold]Examples[/bold]

    careers profile add analytics "content creation"

    careers profile add "تحليل البيانات" instagram
    """
    from careers_cli.userfiles import profile

    kept = read_kept(options)  # a file that is not a profile is never written over
    with open_session(options) as session:
        found, errors = names.resolve_each(session.index, skills)
        session.report_all(errors)
        wanted = [session.take(f) for f in found]
        skill_ids, platform_ids = moves.split_wanted(wanted)
        with profile.profile_locked(kept.path):  # read again: another command may have written
            kept = read_kept(options)
            updated = kept.profile.with_added(skill_ids, platform_ids)
            profile.write_profile(kept.path, updated, kept.catalogue)
        added = len(updated.ids) - len(kept.profile.ids)
        session.say(message("profile.added", session.language, count=added, total=len(updated.ids)))


@profile_app.command("remove", cls=CareersCommand)
@with_common_options(common=("rtl", "data", "lang", "no_color", "no_cache", "debug"))
def profile_remove(skills: ProfileSkills, *, options: CommonOptions) -> None:
    """Remove skills from your profile: named as for 'match --skill', or by the id the profile
    keeps (also of a skill the catalogue no longer has).

    [bold]Examples[/bold]

    careers profile remove analytics

    careers profile remove "content creation" instagram
    """
    from careers_cli.userfiles import profile

    kept = read_kept(options)
    with open_session(options) as session:
        kept_ids = set(kept.profile.ids)
        by_id = [q for q in skills if q in kept_ids]
        found, errors = names.resolve_each(session.index, [q for q in skills if q not in kept_ids])
        session.report_all(errors)
        for f in found:
            if f.record_id not in kept_ids:
                query = printable_line(f.query)
                session.notice(
                    message("profile.not_in", session.language, query=query, id=f.record_id)
                )
        asked = {*by_id, *(session.take(f).id for f in found)}
        with profile.profile_locked(kept.path):  # read again: another command may have written
            kept = read_kept(options)
            gone = asked & set(kept.profile.ids)
            updated = kept.profile.without(gone)
            if gone:
                profile.write_profile(kept.path, updated, kept.catalogue)
        session.say(
            message("profile.removed", session.language, count=len(gone), total=len(updated.ids))
        )


@profile_app.command("list", cls=CareersCommand)
@with_common_options()
def profile_list(*, options: CommonOptions) -> None:
    """List the skills of your profile, and where it is kept.

    [bold]Examples[/bold]

    careers profile list

    careers profile list --format json
    """
    kept = read_kept(options)
    with open_session(options) as session:
        index, language = session.index, session.language
        wanted, unknown = moves.profile_wanted(index, kept.profile.skills, kept.profile.platforms)
        if unknown:
            ids = " ".join(unknown)
            session.notice(message("profile.unknown", language, count=len(unknown), ids=ids))
        if session.output_format == "table":  # a path on one line, to copy
            session.say(message("profile.where", language, path=str(kept.path)))
        session.present(
            lambda: views.profile_skills(index, wanted, language),
            lambda: records.profile_skills(wanted, language),
        )


@profile_app.command("clear", cls=CareersCommand)
@with_common_options(common=("rtl", "data", "lang", "no_color", "debug"))
def profile_clear(
    force: Annotated[
        bool,
        typer.Option("--force", help="Remove the profile file even if it is not a valid profile."),
    ] = False,
    *,
    options: CommonOptions,
) -> None:
    """Empty your profile (its file is removed). A file that is not a valid profile is left
    as it is, unless --force.

    [bold]Examples[/bold]

    careers profile clear

    careers profile clear --force
    """
    from careers_cli.userfiles import profile

    path, _ = profile_file(options)
    if not force:
        profile.read_profile(path)  # ProfileError (exit 3) for a file that is not a profile
    with profile.profile_locked(path):
        removed = profile.remove_profile(path)
    language = options.output_language
    line = (
        message("profile.cleared", language, path=str(path))
        if removed
        else message("profile.already_empty", language)
    )
    say_for(options, line)
