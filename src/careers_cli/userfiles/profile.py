"""The skill profile: the skills a person keeps, per catalogue, so `match` need not be told them.

A profile is a small JSON file in the user's configuration directory, never next to a
catalogue: `$CAREERS_CONFIG_DIR` when set, else platformdirs' `user_config_dir("careers")`
(`~/.config/careers` on Linux), in `profiles/`, one file per catalogue, named `built-in.json`
for the built-in catalogue and by a hash of the resolved path for any other (as the cache names
stores). It is written to a temporary file in the same folder and renamed over the old one, so
a reader sees the old profile or the new one, never half of one.

A file that cannot be read, or is not a profile this program wrote (bad JSON, other keys, a
newer format), is reported naming it (exit 3) and never written over, except by `careers
profile clear --force`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from careers_cli.errors import CareersError, ExitStatus, os_error_reason
from careers_cli.userfiles.atomic import write_atomically
from careers_cli.userfiles.regular import NotARegularFileError, read_regular

CONFIG_DIR_ENV_VAR = "CAREERS_CONFIG_DIR"
PROFILE_FORMAT = 1
"""The layout of a profile file: raise it when it changes (and read the older ones)."""
BUILT_IN = "built-in"
MAX_BYTES = 1_000_000
"""A profile larger than this was not written by this program."""
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"format", "catalogue", "skills", "platforms"}


class ProfileError(CareersError):
    """A profile file that cannot be read or is not a valid profile (it is left as it is)."""

    exit_status = ExitStatus.INVALID_CATALOGUE

    def __init__(self, key: str, /, *, path: Path, **params: object) -> None:
        super().__init__(key, path=str(path), **params)
        self.path = path

    hint_key = "profile.fix_hint"


class ProfileWriteError(CareersError):
    """The profile could not be written (a read-only or full folder); nothing was changed."""

    exit_status = ExitStatus.OUTPUT_ERROR


class Profile(NamedTuple):
    """The skills and the platforms or tools a person has, by id, in the order they were added."""

    skills: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.skills or self.platforms)

    @property
    def ids(self) -> tuple[str, ...]:
        return (*self.skills, *self.platforms)

    def with_added(self, skills: Iterable[str], platforms: Iterable[str]) -> Profile:
        """This profile and the skills and platforms not yet in it, after them."""
        return Profile(
            tuple(dict.fromkeys([*self.skills, *skills])),
            tuple(dict.fromkeys([*self.platforms, *platforms])),
        )

    def without(self, ids: Collection[str]) -> Profile:
        """This profile without the skills and platforms of `ids`."""
        return Profile(
            tuple(s for s in self.skills if s not in ids),
            tuple(p for p in self.platforms if p not in ids),
        )


def config_directory() -> Path:
    """`$CAREERS_CONFIG_DIR` when set and not blank, else the user's configuration directory
    for `careers` (`$XDG_CONFIG_HOME/careers`, by default `~/.config/careers`, on Linux)."""
    from_env = os.environ.get(CONFIG_DIR_ENV_VAR, "")
    if from_env.strip():
        return Path(from_env).absolute()
    import platformdirs  # here, not at the top: start-up counts

    return Path(platformdirs.user_config_dir("careers", appauthor=False))


def catalogue_key(catalogue: Path, *, bundled: bool) -> str:
    """What names a catalogue's profile: `built-in`, or a hash of the catalogue's resolved
    path (the same catalogue by another path has the same profile)."""
    if bundled:
        return BUILT_IN
    name = os.fsencode(str(catalogue.resolve()))
    return hashlib.sha256(name).hexdigest()[:32]


def profile_path(catalogue: Path, *, bundled: bool) -> Path:
    """Where the profile of a catalogue is kept."""
    return config_directory() / "profiles" / f"{catalogue_key(catalogue, bundled=bundled)}.json"


def read_profile(path: Path) -> Profile:
    """The profile at `path`; an empty one when there is no file. Raises `ProfileError` for a
    file that cannot be read or is not a valid profile."""
    try:
        content = read_regular(path, MAX_BYTES)  # a pipe or device there would never answer
    except (FileNotFoundError, NotADirectoryError):  # no profile kept there (yet)
        return Profile()
    except NotARegularFileError:
        raise ProfileError("profile.not_regular", path=path) from None
    except OSError as error:
        raise ProfileError("profile.unreadable", path=path, reason=os_error_reason(error)) from None
    if len(content) > MAX_BYTES:
        raise ProfileError("profile.invalid", path=path, detail=f"larger than {MAX_BYTES} bytes")
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ProfileError("profile.invalid", path=path, detail=_one_line(error)) from None
    except RecursionError:  # nested deeper than the parser goes: no profile is
        raise ProfileError("profile.invalid", path=path, detail="nested too deeply") from None
    return _profile_from(data, path)


def _profile_from(data: Any, path: Path) -> Profile:
    def invalid(detail: str) -> ProfileError:
        return ProfileError("profile.invalid", path=path, detail=detail)

    if not isinstance(data, dict):
        raise invalid("not a JSON object")
    version = data.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > PROFILE_FORMAT:
        raise ProfileError("profile.newer", path=path, version=version)
    if version != PROFILE_FORMAT or isinstance(version, bool):
        raise invalid(f"'format' must be {PROFILE_FORMAT}")
    if set(data) != _KEYS:
        keys = ", ".join(sorted(_KEYS))
        raise invalid(f"the keys must be {keys}")
    if not isinstance(data["catalogue"], str):
        raise invalid("'catalogue' must be a string")
    lists = []
    for key in ("skills", "platforms"):
        values = data[key]
        if not isinstance(values, list) or not all(
            isinstance(v, str) and _ID.match(v) for v in values
        ):
            raise invalid(f"'{key}' must be a list of ids")
        if len(set(values)) != len(values):
            raise invalid(f"'{key}' names an id twice")
        lists.append(tuple(values))
    return Profile(*lists)


@contextmanager
def profile_locked(path: Path) -> Iterator[None]:
    """Hold the profile at `path` for one read, change and write: an exclusive lock (flock) on
    the folder of profiles, waited for while another command holds it, so that ten `profile
    add` run at once keep all ten skills; no lock file is left behind. Where the system has
    no flock, nothing is held. Raises `ProfileWriteError` when the folder cannot be made."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as error:
        raise ProfileWriteError(
            "profile.cannot_write", path=str(path), reason=os_error_reason(error)
        ) from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing lets the lock go


def write_profile(path: Path, profile: Profile, catalogue: str) -> None:
    """Replace the profile at `path` in one step (a temporary file in the same folder, then a
    rename). Raises `ProfileWriteError` when the folder cannot be written."""
    document = {
        "format": PROFILE_FORMAT,
        "catalogue": catalogue,
        "skills": list(profile.skills),
        "platforms": list(profile.platforms),
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
    except OSError as error:
        raise ProfileWriteError(
            "profile.cannot_write", path=str(path), reason=os_error_reason(error)
        ) from None


def remove_profile(path: Path) -> bool:
    """Remove the profile at `path`; whether there was one. Raises `ProfileWriteError` when it
    cannot be removed."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise ProfileWriteError(
            "profile.cannot_write", path=str(path), reason=os_error_reason(error)
        ) from None
    return True


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
