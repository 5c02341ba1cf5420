"""Shared fixtures: the CLI through CliRunner, and the installed `careers` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careers_cli.cli import app

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "careers.json"
SEED = REPO.parent / "shared" / "seed" / "000_820994bef6324501.txt"
CAREERS_SCRIPT = Path(sys.executable).with_name("careers")
# The seven careers of the source article, in its order (the issue fixes these ids).
SEVEN_IDS = [
    "social-media-manager",
    "social-media-marketing-specialist",
    "digital-content-creator",
    "social-media-pr-manager",
    "social-media-data-analyst",
    "influencer",
    "online-community-manager",
]

# A pinned, colourless, English environment, so output does not depend on the machine.
BASE_ENV = {
    "COLUMNS": "120",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "PYTHONIOENCODING": "utf-8",
}
_CLEARED = ("CAREERS_DATA", "CAREERS_LANG", "CAREERS_RTL", "CAREERS_DEBUG", "FORCE_COLOR")


# Every command that prints data, with arguments that make it succeed.
DATA_COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    "show": ["show", "influencer"],
    "compare": ["compare", "influencer", "digital-content-creator"],
    "match": ["match", "-s", "analytics"],
    "skills": ["skills"],
    "trends": ["trends"],
    "tips": ["tips"],
}


# Bidi embeddings, overrides and isolates, written out here rather than taken from the code.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def raw_controls(text: str) -> set[str]:
    """What a terminal may obey: ESC and the other C0 (but newline, tab), DEL, C1, bidi."""
    return {
        ch
        for ch in text
        if (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F or ch in BIDI_CONTROLS
    }


def raw_catalogue() -> dict[str, Any]:
    """The shipped catalogue file as parsed JSON, read independently of the product's loader
    (a fresh copy on each call, so a test may change it)."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def catalogue_json(data: Any) -> str:
    """A catalogue (or any JSON value) as a hand-written file would hold it."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_catalogue(path: Path, data: Any) -> Path:
    """Write `data` as a catalogue file. A lone surrogate cannot be encoded as UTF-8;
    backslashreplace writes it as the six characters of its JSON escape, which parse back."""
    path.write_text(catalogue_json(data), encoding="utf-8", errors="backslashreplace")
    return path


def folder_snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of `folder` with its bytes and mtime: equal before and after means nothing
    was written, changed, created or removed there."""
    return {
        name: ((folder / name).read_bytes(), (folder / name).stat().st_mtime_ns)
        for name in sorted(os.listdir(folder))
    }


def catalogue_alone_in_a_folder(tmp_path: Path, make: Callable[[Path], object]) -> Path:
    """`tmp_path/catalogues/careers.json`, written by `make`, with an mtime far from now (so a
    rewrite, even of the same bytes, shows); the folder holds nothing else."""
    folder = tmp_path / "catalogues"
    folder.mkdir()
    path = folder / "careers.json"
    make(path)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return path


def raw_career(career_id: str) -> dict[str, Any]:
    """One career of the shipped file, as parsed JSON."""
    found: dict[str, Any] = next(c for c in raw_catalogue()["careers"] if c["id"] == career_id)
    return found


@dataclass(frozen=True)
class Run:
    """What one `careers` call printed and returned."""

    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in _CLEARED:
        monkeypatch.delenv(name, raising=False)
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)
    yield


def invoke(args: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """Run `careers ARGS` in-process with CliRunner (stdout and stderr kept apart)."""
    result = CliRunner().invoke(app, list(args), env=dict(env or {}), catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def run_command(command: Sequence[str], env: Mapping[str, str], cwd: Path | None = None) -> Run:
    """Run a command in a subprocess with exactly `env`, its output captured as text."""
    completed = subprocess.run(
        list(command),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(env),
        cwd=cwd,
        timeout=60,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def run_installed(
    args: Sequence[str], env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Run:
    """Run the installed `careers` script in a subprocess, as a user would."""
    full_env = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    full_env.update(BASE_ENV)
    full_env.update(env or {})
    return run_command([str(CAREERS_SCRIPT), *args], full_env, cwd)


def terminal_env(**overrides: str) -> dict[str, str]:
    """A pinned environment like a colour terminal's: no NO_COLOR, TERM=xterm-256color."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CAREERS_") and k not in ("NO_COLOR", "FORCE_COLOR")
    }
    env.update(BASE_ENV)
    del env["NO_COLOR"]
    env.update({"TERM": "xterm-256color", "COLUMNS": "100"})
    env.update(overrides)
    return env


def run_coloured(args: Sequence[str]) -> Run:
    """The installed script with FORCE_COLOR=1, as in a terminal that wants colour."""
    return run_command([str(CAREERS_SCRIPT), *args], terminal_env(FORCE_COLOR="1"))
