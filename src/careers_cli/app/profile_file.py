"""A catalogue's profile file as the commands read it: which file, and what it holds (without
Typer, so that commands on the quick path read it as `careers profile` does)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from careers_cli.app.common import CommonOptions
from careers_cli.catalogue.reading import find_catalogue


class KeptProfile(NamedTuple):
    """A catalogue's profile file, what it holds, and how the file names the catalogue."""

    path: Path
    profile: Any  # profile.Profile: that module is imported only by the commands using it
    catalogue: str


def profile_file(options: CommonOptions) -> tuple[Path, str]:
    """The profile file of the catalogue the options name, and how it names the catalogue."""
    from careers_cli.userfiles import profile

    source = find_catalogue(options.data)
    name = profile.BUILT_IN if source.bundled else str(source.path.resolve())
    return profile.profile_path(source.path, bundled=source.bundled), name


def read_kept(options: CommonOptions) -> KeptProfile:
    """The profile of the catalogue the options name; `ProfileError` (exit 3) for a file that
    cannot be read or is not a profile."""
    from careers_cli.userfiles import profile

    path, catalogue = profile_file(options)
    return KeptProfile(path, profile.read_profile(path), catalogue)
