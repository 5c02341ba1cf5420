"""No traceback at the edges: closed and full streams, Ctrl-C during start-up, nonsense
terminal sizes, and exit codes that say what the README says whichever way a file was named.

These run the installed `careers` script in a subprocess, with its streams set up as a shell
would set them (closed with `>&-`, a full disk as /dev/full, a pipe nobody reads).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.helpers import (
    BASE_ENV,
    CAREERS_SCRIPT,
    DATA,
    REPO,
    raw_catalogue,
    run_command,
    run_installed,
    write_catalogue,
)

TIMEOUT = 60


# Every command that writes to stdout, with arguments that make it succeed.
WRITERS: dict[str, list[str]] = {
    "list": ["list"],
    "list-json": ["list", "-f", "json"],
    "list-csv": ["list", "-f", "csv"],
    "show": ["show", "influencer"],
    "show-markdown": ["show", "influencer", "-f", "markdown"],
    "compare": ["compare", "influencer", "digital-content-creator"],
    "match": ["match", "-s", "analytics"],
    "skills": ["skills"],
    "trends": ["trends"],
    "tips": ["tips"],
    "validate": ["validate", str(DATA)],
    "schema": ["schema"],
    "help": ["--help"],
    "command-help": ["show", "--help"],
    "version": ["--version"],
    "show-completion": ["--show-completion", "bash"],
}


def environment(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
    env.update(BASE_ENV)
    env.update(overrides)
    return env


def run_with_stdout(
    args: Sequence[str], stdout: int | None, env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run the installed script with `stdout` as its standard output (None: closed)."""
    closing = [] if stdout is not None else ["sh", "-c", 'exec "$0" "$@" >&-']
    completed = subprocess.run(
        [*closing, str(CAREERS_SCRIPT), *args],
        stdout=stdout if stdout is not None else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env or environment(),
        timeout=TIMEOUT,
        check=False,
    )
    return completed.returncode, completed.stderr.decode("utf-8")


@pytest.mark.parametrize("args", list(WRITERS.values()), ids=list(WRITERS))
class TestWriteFailures:
    """Output that cannot be written is a one-line error with exit code 74, never a traceback
    and never "unexpected error"; a reader that went away is a quiet exit 0."""

    def test_a_full_disk(self, args: list[str]) -> None:
        with open("/dev/full", "w") as full:
            status, stderr = run_with_stdout(args, full.fileno())
        assert (status, stderr) == (74, "error: cannot write the output: No space left on device\n")

    def test_a_closed_stdout(self, args: list[str]) -> None:
        status, stderr = run_with_stdout(args, None)
        assert (status, stderr) == (
            74,
            "error: cannot write the output: standard output is closed\n",
        )

    def test_a_pipe_whose_reader_has_gone(self, args: list[str]) -> None:
        """`careers ... | true`: the same quiet exit 0 for every command."""
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            status, stderr = run_with_stdout(args, write_end)
        finally:
            os.close(write_end)
        assert (status, stderr) == (0, "")


def test_a_full_disk_in_arabic() -> None:
    with open("/dev/full", "w") as full:
        status, stderr = run_with_stdout(["list", "--lang", "ar"], full.fileno())
    # the system's reason in Arabic too, by its number (ENOSPC)
    assert (status, stderr) == (74, "خطأ: تتعذر كتابة المخرجات: لا توجد مساحة كافية على القرص\n")


def test_a_closed_stderr_keeps_the_exit_code() -> None:
    """Nowhere to report to: the exit code still says what happened, and nothing crashes."""
    for args, expected in ((["show", "zzz"], 1), (["list", "--data", "/nonexistent"], 3)):
        completed = subprocess.run(
            ["sh", "-c", 'exec "$0" "$@" 2>&-', str(CAREERS_SCRIPT), *args],
            capture_output=True,
            env=environment(),
            timeout=TIMEOUT,
            check=False,
        )
        assert completed.returncode == expected


def test_a_match_with_no_careers_writes_nothing_and_is_not_an_error_with_stdout_closed() -> None:
    """Nothing to write, nothing failed: exit 0 even with stdout closed."""
    args = ["match", "-s", "budget-management", "-s", "crisis-management", "--all"]
    status, stderr = run_with_stdout(args, None)
    assert status == 0
    assert stderr == "no career has all of the skills asked for\n"


class TestInterrupt:
    """Ctrl-C ends the program with 130 and nothing printed, from the first line of its own code
    on, including while Typer, Rich and Pydantic are being imported."""

    def test_the_entry_module_imports_nothing_heavy(self) -> None:
        code = (
            "import sys, careers_cli.entry; "
            "print(sorted(m for m in ('typer', 'rich', 'pydantic', 'click') if m in sys.modules))"
        )
        completed = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT
        )
        assert completed.stdout == "[]\n", completed.stderr

    def test_ctrl_c_while_the_libraries_load_ends_quietly_with_130(self) -> None:
        """The signal arrives after the entry module is imported and before Typer is."""
        code = (
            "import os, signal, careers_cli.entry; "
            "os.kill(os.getpid(), signal.SIGINT); "
            "import careers_cli.app.main; print('not reached')"
        )
        completed = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT
        )
        assert (completed.returncode, completed.stdout, completed.stderr) == (130, "", "")


class TestTerminalSize:
    """Nonsense widths fall back to a sane one; very narrow ones still show what matters."""

    @pytest.mark.parametrize("columns", ["0", "-5", "abc", "", "99999999999", "١٢٠", "12.5"])
    def test_a_nonsense_width_is_ignored(self, columns: str) -> None:
        """The width is then the terminal's, or 80 where there is none (here: pipes)."""
        listed = run_installed(["list"], {"COLUMNS": columns})
        assert listed.exit_code == 0
        widths = {len(line) for line in listed.stdout.splitlines()}
        assert max(widths) == 80
        assert "social-media-data-analyst" in listed.stdout
        missing = run_installed(["show", "zzz"], {"COLUMNS": columns})
        assert missing.exit_code == 1
        assert missing.stderr.splitlines()[0] == "error: no career matches 'zzz'"

    @pytest.mark.parametrize("columns", ["1", "8", "19"])
    def test_a_tiny_width_is_raised_to_20(self, columns: str) -> None:
        listed = run_installed(["list"], {"COLUMNS": columns})
        assert listed.exit_code == 0
        assert max(len(line) for line in listed.stdout.splitlines()) == 20
        # a block per career, its id at the left edge (folded over lines when wider than 20)
        ids = "".join(line for line in listed.stdout.splitlines() if not line.startswith(" "))
        assert "social-media-data-analyst" in ids
        missing = run_installed(["show", "zzz"], {"COLUMNS": columns})
        assert missing.stderr.splitlines()[0] == "error: no career matches 'zzz'"

    @pytest.mark.parametrize(
        ("columns", "width"), [("0", 80), ("1000000", 1000), ("10000000", 80), ("5", 20)]
    )
    def test_help_is_held_to_the_same_widths(self, columns: str, width: int) -> None:
        # 0 and eight digits are no width (80 in a pipe); seven digits are capped at 1,000.
        run = run_installed(["--help"], {"COLUMNS": columns})
        assert run.exit_code == 0
        lines = run.stdout.splitlines()
        assert max(len(line) for line in lines) == width
        assert any("Usage: careers" in line for line in lines)

    def test_an_absurd_width_is_capped_at_1000(self, tmp_path: Path) -> None:
        """A description far wider than any terminal wraps at 1,000 columns, as it does with
        COLUMNS=1000 (each line full but for the word that did not fit, and no trailing
        spaces in a pipe)."""
        data = raw_catalogue()
        influencer = next(c for c in data["careers"] if c["id"] == "influencer")
        influencer["description"]["en"] = "A very long description. " * 200
        path = write_catalogue(tmp_path / "wide.json", data)
        args = ["show", "influencer", "--data", str(path)]
        absurd = run_installed(args, {"COLUMNS": "5000000"})
        assert absurd.exit_code == 0
        widest = max(len(line) for line in absurd.stdout.splitlines())
        assert 1000 - len("description. ") <= widest <= 1000
        assert absurd.stdout == run_installed(args, {"COLUMNS": "1000"}).stdout

    @pytest.mark.parametrize("lines", ["0", "-1", "999999999999"])
    def test_a_nonsense_height_changes_nothing(self, lines: str) -> None:
        assert run_installed(["list"], {"LINES": lines}).stdout == run_installed(["list"]).stdout


def _nobody_can_run_careers() -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            str(CAREERS_SCRIPT),
            "--version",
        ],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return probe.returncode == 0


class TestUnreadableFile:
    """An unreadable catalogue is exit 3 whether it is named by --data, by $CAREERS_DATA or
    to validate (the option parser used to call it a usage error, exit 2)."""

    @pytest.fixture
    def unreadable(self, tmp_path: Path) -> Path:
        if os.geteuid() == 0 and not _nobody_can_run_careers():
            pytest.skip("root reads any file, and 'nobody' cannot run the installed script here")
        tmp_path.chmod(0o755)
        path = tmp_path / "secret.json"
        shutil.copy(REPO / "examples" / "small-catalogue.json", path)
        path.chmod(0)
        return path

    def run_as_user(self, args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
        prefix = (
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            if os.geteuid() == 0
            else []
        )
        completed = run_command([*prefix, str(CAREERS_SCRIPT), *args], env or environment())
        return completed.exit_code, completed.stderr

    @pytest.mark.parametrize("how", ["--data", "CAREERS_DATA", "validate"])
    def test_is_exit_3(self, unreadable: Path, how: str) -> None:
        if how == "--data":
            status, stderr = self.run_as_user(["list", "--data", str(unreadable)])
        elif how == "CAREERS_DATA":
            status, stderr = self.run_as_user(["list"], environment(CAREERS_DATA=str(unreadable)))
        else:
            status, stderr = self.run_as_user(["validate", str(unreadable)])
        assert status == 3
        assert f"{unreadable}: cannot be read (permission denied)" in stderr
