"""What `careers browse` does once its command line is read: check that it runs in a
terminal, open the session, and run the full-screen app (Textual, imported only then).

The Typer command (`app.commands.browse`) and the quick path (`app.quick`) both call `browse`,
so it starts alike whichever read its command line; nothing here imports Typer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careers_cli.app.common import CommonOptions
from careers_cli.app.profile_file import read_kept
from careers_cli.app.session import open_session
from careers_cli.errors import OutputError, UsageError, os_error_reason
from careers_cli.index.query import CatalogueIndex
from careers_cli.present.consoles import is_terminal
from careers_cli.rules import moves
from careers_cli.rules.search import Wanted


class ProfileFile:
    """The saved profile of the catalogue the options name, read and written as `careers
    profile` does: each change under the profile's lock, on the file as it is then."""

    def __init__(self, options: CommonOptions) -> None:
        self.options = options

    def wanted(self, index: CatalogueIndex) -> list[Wanted]:
        kept = read_kept(self.options).profile
        wanted, _ = moves.profile_wanted(index, kept.skills, kept.platforms)
        return wanted

    def add(self, record_id: str, *, platform: bool = False) -> bool:
        """Add a skill (or a platform or tool); whether it was not there already."""
        skills, platforms = ([], [record_id]) if platform else ([record_id], [])
        return self._change(lambda profile: profile.with_added(skills, platforms))

    def remove(self, record_id: str) -> bool:
        """Remove a skill, platform or tool; whether it was there."""
        return self._change(lambda profile: profile.without({record_id}))

    def _change(self, change: Callable[[Any], Any]) -> bool:
        from careers_cli.userfiles import profile

        kept = read_kept(self.options)  # a file that is not a profile is never written over
        with profile.profile_locked(kept.path):
            kept = read_kept(self.options)
            updated = change(kept.profile)
            if updated.ids == kept.profile.ids:
                return False
            profile.write_profile(kept.path, updated, kept.catalogue)
        return True


def save_page(path: Path, text: str) -> Path:
    """Write a page to the file `path`, atomically."""
    from careers_cli.userfiles.atomic import write_atomically

    try:
        write_atomically(path, text)
    except OSError as error:
        reason = os_error_reason(error)
        raise OutputError("browse.not_written", path=str(path), reason=reason) from None
    return path.resolve()


def browse(options: CommonOptions) -> None:
    """`careers browse`: the full-screen app, in a terminal only (a usage error, exit 2,
    where its input or output is not one)."""
    if not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
        raise UsageError("browse.not_a_terminal")
    with open_session(options) as session:
        from careers_cli.app.browse.tui import BrowseApp

        visual = session.rtl == "visual"
        app = BrowseApp.in_language(session.language, visual=visual)(
            session.index,
            session.language,
            visual=visual,
            no_color=options.no_color,
            kept=ProfileFile(options),
            save=save_page,
        )
        app.run()
