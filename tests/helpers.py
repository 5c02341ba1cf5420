"""What the tests share: paths, pinned environments, ways to run `careers`, the shipped
catalogue as raw JSON, and readers that turn printed tables and blocks back into cells.

Fixtures live in conftest.py; everything a test imports comes from here, so no test module
imports another.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from careers_cli.app.main import app

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "careers.json"
# The source article and the reference crosswalk, copied into the repository with their
# provenance (tests/data/README.md), so the suite needs nothing outside it.
TEST_DATA = REPO / "tests" / "data"
ESCO_SAMPLE = TEST_DATA / "esco-sample"
"""A real excerpt of ESCO in its own CSV layout (provenance in tests/data/README.md)."""
SEED = TEST_DATA / "source-article.txt"
CAREERS_SCRIPT = Path(sys.executable).with_name("careers")
# The seven careers of the source article, in its order (the issue fixes these ids).
# The social media manager's skill ids, in order of first mention in its required skills.
MANAGER_SKILL_IDS = (
    "communication",
    "written-communication",
    "social-media-platforms",
    "analytics",
    "strategy",
    "content-creation",
    "creativity",
)
SEVEN_IDS = [
    "social-media-manager",
    "social-media-marketing-specialist",
    "digital-content-creator",
    "social-media-pr-manager",
    "social-media-data-analyst",
    "influencer",
    "online-community-manager",
]

CACHE_DIR_VAR = "CAREERS_CACHE_DIR"
# Where the `careers` the tests run keep compiled catalogues, so that none is ever written to
# the user's own cache: a folder of this session's, removed at its end (conftest.py). Each test
# has a folder of its own instead (conftest.py), which `cache_env` passes on to subprocesses.
SESSION_CACHE = Path(tempfile.mkdtemp(prefix="careers-tests-cache-"))
CONFIG_DIR_VAR = "CAREERS_CONFIG_DIR"
# Where skill profiles go, likewise: never the user's own config folder (each test has its own).
SESSION_CONFIG = Path(tempfile.mkdtemp(prefix="careers-tests-config-"))
# A pinned, colourless, English environment, so output does not depend on the machine.
BASE_ENV = {
    "COLUMNS": "120",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "PYTHONIOENCODING": "utf-8",
    CACHE_DIR_VAR: str(SESSION_CACHE),
    CONFIG_DIR_VAR: str(SESSION_CONFIG),
    # Stores compiled before a command answers, so a test finds one after its first command;
    # tests/system/test_background_build.py covers the default, compiling in the background.
    "CAREERS_CACHE_BUILD": "foreground",
}
# Variables that would change what `careers` does, removed from every test's environment.
CLEARED = (
    "CAREERS_DATA",
    "CAREERS_LANG",
    "CAREERS_RTL",
    "CAREERS_DEBUG",
    "CAREERS_NO_CACHE",
    "FORCE_COLOR",
)


def cache_env() -> dict[str, str]:
    """`CAREERS_CACHE_DIR` and `CAREERS_CONFIG_DIR` as the running test has them (folders of
    its own), else the session's: what a subprocess gets after `BASE_ENV`, so it shares the
    test's cache and profiles."""
    return {
        CACHE_DIR_VAR: os.environ.get(CACHE_DIR_VAR) or str(SESSION_CACHE),
        CONFIG_DIR_VAR: os.environ.get(CONFIG_DIR_VAR) or str(SESSION_CONFIG),
    }


# Every command that prints data, with arguments that make it succeed.
DATA_COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    "show": ["show", "influencer"],
    "compare": ["compare", "influencer", "digital-content-creator"],
    "match": ["match", "-s", "analytics"],
    "skills": ["skills"],
    "trends": ["trends"],
    "tips": ["tips"],
    "read": ["read"],
    "next": ["next", "influencer"],
    "gap": ["gap", "influencer", "social-media-manager"],
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


FORMAT_1_CATALOGUE = TEST_DATA / "careers-format-1.json"
"""The shipped catalogue as it was in format 1 (schema_version 1)."""


def format_1_catalogue() -> dict[str, Any]:
    """The format-1 copy of the shipped catalogue as parsed JSON (a fresh copy on each call)."""
    data: dict[str, Any] = json.loads(FORMAT_1_CATALOGUE.read_text(encoding="utf-8"))
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


CAREERS_COMMAND = typer.main.get_command(app)
"""The command line as Click runs it, built once, as the `careers` script builds it once per
process (`CliRunner.invoke` builds it again for every run: half of an in-process run's time)."""


def invoke(args: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """Run `careers ARGS` in-process, isolated as `CliRunner.invoke` isolates a run (stdin,
    stdout and stderr kept apart, `env` set), on the one command built for every run."""
    runner = CliRunner()
    with runner.isolation(env=dict(env or {})) as (stdout, stderr, _):
        try:
            CAREERS_COMMAND.main(args=list(args), prog_name="careers")
            status: object = 0
        except SystemExit as stop:
            status = 0 if stop.code is None else stop.code
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        if not isinstance(status, int):  # as CliRunner: a message for an exit status
            stdout.write(f"{status}\n".encode(runner.charset))
            status = 1
        out, err = stdout.getvalue(), stderr.getvalue()
    return Run(status, _decoded(out, runner.charset), _decoded(err, runner.charset))


def _decoded(output: bytes, charset: str) -> str:
    return output.decode(charset, "replace").replace("\r\n", "\n")


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
    full_env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    full_env.update(BASE_ENV)
    full_env.update(cache_env())
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
    env.update(cache_env())
    del env["NO_COLOR"]
    env.update({"TERM": "xterm-256color", "COLUMNS": "100"})
    env.update(overrides)
    return env


def run_coloured(args: Sequence[str]) -> Run:
    """The installed script with FORCE_COLOR=1, as in a terminal that wants colour."""
    return run_command([str(CAREERS_SCRIPT), *args], terminal_env(FORCE_COLOR="1"))


# --- reading printed output back -------------------------------------------------------------


def squeeze(text: str) -> str:
    """Text with every run of white space made one space: wrapped prose reads as one line."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Row:
    """One table row: for each column header, the cell's text, one item per printed line."""

    cells: dict[str, list[str]]

    def text(self, column: str) -> str:
        """A wrapped cell joined back with spaces."""
        return " ".join(self.cells[column])

    def folded(self, column: str) -> str:
        """A cell whose long words were folded (cut mid-word) joined back without spaces."""
        return "".join(self.cells[column])

    def id_list(self, column: str) -> list[str]:
        """A cell listing ids as `a, b, c`, wrapped between ids or folded inside one."""
        return [part.strip() for part in self.folded(column).split(",")]


# Blank cells between two columns of the tables (padding on both sides and the separator).
COLUMN_GAP = 3


def header_starts(line: str, headers: Sequence[str]) -> list[int] | None:
    """Where each header begins on `line`, if they all appear on it as words, in order."""
    starts: list[int] = []
    position = 0
    for header in headers:
        at = line.find(header, position)
        while at >= 0 and not _is_word_at(line, at, len(header)):
            at = line.find(header, at + 1)
        if at < 0:
            return None
        starts.append(at)
        position = at + len(header)
    return starts


def _is_word_at(line: str, at: int, length: int) -> bool:
    before = line[at - 1] if at > 0 else " "
    after = line[at + length] if at + length < len(line) else " "
    return before == " " and after == " "


def table_rows(
    output: str, headers: Sequence[str], *, key: str | None = None, key_folds: bool = False
) -> list[Row]:
    """The rows of the first table in `output` whose header row holds `headers`.

    A row's first line has text at the left edge of the `key` column (the first one unless
    given); its continuation lines are blank there. With `key_folds`, the key column cuts long
    words across lines, so a line right after one that fills the column continues it.
    The table ends at the first blank line.
    """
    lines = output.splitlines()
    found = next(
        ((at, starts) for at, line in enumerate(lines) if (starts := header_starts(line, headers))),
        None,
    )
    if found is None:
        raise AssertionError(f"no table with columns {list(headers)} in:\n{output}")
    header_at, starts = found
    key_at = list(headers).index(key) if key else 0
    bounds = list(zip(starts, [*starts[1:], None], strict=True))
    key_start, key_end = bounds[key_at]
    key_width = None if key_end is None else key_end - key_start - COLUMN_GAP
    rows: list[dict[str, list[str]]] = []
    previous_key = ""
    for line in lines[header_at + 2 :]:  # +2: the rule under the header
        if not line.strip():
            break
        key_text = line[key_start:key_end].strip()
        starts_row = bool(line[key_start : key_start + 1].strip()) and not (
            line[key_start - 1 : key_start].strip()
        )
        if starts_row and not (key_folds and len(previous_key) == key_width):
            rows.append({header: [] for header in headers})
        previous_key = key_text
        if not rows:
            raise AssertionError(f"a continuation line before any row: {line!r}")
        for header, (start, end) in zip(headers, bounds, strict=True):
            part = line[start:end].strip()
            if part:
                rows[-1][header].append(part)
    return [Row(cells) for cells in rows]


def section(output: str, heading: str) -> str:
    """The lines under a heading of `careers show`, up to the next blank line."""
    lines = output.splitlines()
    stripped = [line.strip() for line in lines]  # Arabic headings are right-aligned
    assert heading in stripped, f"no heading {heading!r} in:\n{output}"
    start = stripped.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return "\n".join(lines[start:end])


def shows_id(output: str, career_id: str) -> bool:
    """Whether `career_id` is printed whole, or folded down one column over several lines."""
    lines = output.splitlines()
    if any(career_id in (word.strip(",") for word in line.split()) for line in lines):
        return True
    for first, line in enumerate(lines):
        for column in range(len(line)):
            if column and line[column - 1] != " ":
                continue
            rest, row = career_id, first
            while rest and row < len(lines):
                piece = lines[row][column:].split(" ", 1)[0]
                if piece.rstrip(",") == rest:
                    return True
                if not piece or not rest.startswith(piece):
                    break
                rest, row = rest[len(piece) :], row + 1
            if not rest:
                return True
    return False


@dataclass
class MatchBlock:
    """One career in `careers match`: its heading (rank, id, score), then labelled fields."""

    rank: int
    career_id: str
    score: str
    """The heading after the id: `score 1.20 · 1/1 · 50%`."""
    fields: dict[str, list[str]] = field(default_factory=dict)

    def text(self, name: str) -> str:
        return " ".join(self.fields.get(name, []))

    def to_learn(self) -> set[str]:
        return set(self.text("to learn").split(", "))

    def summary(self) -> tuple[int, str, str, str, set[str]]:
        return (self.rank, self.career_id, self.score, self.text("title"), self.to_learn())

    def ranked(self) -> tuple[int, str, str]:
        return (self.rank, self.career_id, self.score)


MATCH_HEADING = re.compile(
    r"^(\d+)\. (\S+)  (score \d+\.\d\d · \d+/\d+(?: \(\d+ optional\))? · \d+%)$"
)
_FIELD = re.compile(r"^ {1,4}(\S+(?: \S+)*?) {2,}(\S.*)$")


def match_blocks(output: str) -> list[MatchBlock]:
    """Each career's block: a heading at the left edge, `1. ID  score 1.20 · 1/1 · 50%`, then
    indented `label  value` lines; a line with a blank label continues the previous field.
    The legend after the blocks starts at the left edge and is not a heading."""
    blocks: list[MatchBlock] = []
    current: MatchBlock | None = None
    name = ""
    for line in output.splitlines():
        line = line.rstrip()
        heading = MATCH_HEADING.match(line)
        if heading:
            current = MatchBlock(int(heading[1]), heading[2], heading[3])
            blocks.append(current)
            continue
        if not line.strip():
            continue
        if not line.startswith(" ") or current is None:
            current = None  # the legend
            continue
        labelled = _FIELD.match(line)
        if labelled:
            name = labelled[1]
            current.fields[name] = [labelled[2]]
        else:
            current.fields[name].append(line.strip())
    return blocks


# --- the shipped careers, by hand ------------------------------------------------------------

# By hand from data/careers.json: (id, English title, first sentence of the description,
# distinct vocabulary skills over all required-skill lines).
# digital-content-creator tags 7 skills on 4 lines but only 5 distinct ones (content-creation and
# creativity twice); social-media-pr-manager tags 9 with 8 distinct (reputation-management twice);
# social-media-data-analyst tags 6 with 5 distinct (analytics twice).
LIST_ROWS = [
    (
        "social-media-manager",
        "Social Media Manager",
        "A social media manager is responsible for planning and carrying out digital marketing"
        " strategies across the various social media platforms, such as Facebook, Twitter,"
        " Instagram, LinkedIn and others.",
        "7",
    ),
    (
        "social-media-marketing-specialist",
        "Social Media Marketing Specialist",
        "A social media marketing specialist focuses on using these platforms to raise brand"
        " awareness and increase sales.",
        "6",
    ),
    (
        "digital-content-creator",
        "Digital Content Creator",
        "Digital content creators are the people who craft the texts, images, videos and"
        " infographics published on social media.",
        "5",
    ),
    (
        "social-media-pr-manager",
        "Social Media Public Relations Manager",
        "A social media public relations manager works to build and strengthen the brand's image"
        " by engaging with the public, media professionals and influencers.",
        "8",
    ),
    (
        "social-media-data-analyst",
        "Social Media Data Analyst",
        "A data analyst uses data analysis tools to understand how marketing campaigns perform on"
        " social media.",
        "5",
    ),
    (
        "influencer",
        "Social Media Influencer",
        "An influencer is a person with a large number of followers on social media who uses their"
        " platform to promote products and services.",
        "6",
    ),
    (
        "online-community-manager",
        "Online Community Manager",
        "An online community manager is responsible for building and running the brand's"
        " community on social media.",
        "6",
    ),
]


def settled(path: Path) -> None:
    """The file's modification time an hour back, so that its compiled store is trusted by its
    stamp alone (a file changed within the clock's resolution of a build is re-checked)."""
    then = time.time_ns() - 3600 * 1_000_000_000
    os.utime(path, ns=(then, then))


def imported_esco_sample(folder: Path) -> Path:
    """The ESCO sample imported as a user would (`careers import esco ... --output`) into
    `folder`, settled; with an empty `cache` folder beside it for the tests' stores."""
    path = folder / "esco.json"
    run = invoke(["import", "esco", str(ESCO_SAMPLE), "--output", str(path)])
    assert run.exit_code == 0, run.stderr
    settled(path)
    (folder / "cache").mkdir()
    return path


def settled_copy(folder: Path, source: Path = DATA) -> Path:
    """A copy of `source` (the built-in catalogue) in `folder`, settled, with an empty `cache`
    folder beside it: a catalogue given with --data, so that a store answers for it."""
    path = folder / source.name
    shutil.copyfile(source, path)
    settled(path)
    (folder / "cache").mkdir()
    return path


def seen(run: Run) -> tuple[int, str, str]:
    """What a run shows: its exit code, stdout and stderr."""
    return run.exit_code, run.stdout, run.stderr


def same_from_store(args: Sequence[str], path: Path, cache: Path) -> Run:
    """`careers ARGS --data PATH` with --no-cache, then twice with its store in `cache` (the
    first of them may compile it): the same exit code, stdout and stderr, byte for byte.
    Returns the run from the file."""
    env = {CACHE_DIR_VAR: str(cache)}
    command = [*args, "--data", str(path)]
    from_file = invoke([*command, "--no-cache"], env)
    for way in ("compiled or stored", "stored"):
        assert seen(invoke(command, env)) == seen(from_file), f"{way} differs: {args}"
    assert list(cache.rglob("*.sqlite")), "no store was compiled"
    return from_file
