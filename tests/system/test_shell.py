"""Scripting and the shell: streams, exit codes, colour, pipes, narrow encodings and completion."""

from __future__ import annotations

import errno
import json
import os
import pty
import select
import shlex
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.helpers import (
    CAREERS_SCRIPT,
    SEVEN_IDS,
    Run,
    raw_catalogue,
    run_command,
    run_installed,
    terminal_env,
)
from tests.support import shell as shell_support
from tests.support.shell import COMMANDS

NO_MATCH = "no career has all of the skills asked for"


TIMEOUT = 60


def run_installed_with(args: Sequence[str], env: dict[str, str]) -> Run:
    """The installed script with exactly `env`, its streams captured through pipes."""
    return run_command([str(CAREERS_SCRIPT), *args], env)


def run_in_pty(args: Sequence[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the installed script with stdin, stdout and stderr on a pseudo-terminal."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [str(CAREERS_SCRIPT), *args], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + TIMEOUT
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                process.kill()
                pytest.fail(f"careers {' '.join(args)} did not finish in a terminal")
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError as error:  # EIO: the child closed the terminal
                if error.errno != errno.EIO:
                    raise
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    return process.wait(timeout=TIMEOUT), b"".join(chunks).decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def big_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid catalogue whose `list` output is far larger than a pipe's buffer (64 KiB)."""
    document = raw_catalogue()
    originals = document["careers"]
    copies = [{**c, "id": f"{c['id']}-copy-{n}"} for n in range(150) for c in originals]
    document["careers"] = originals + copies
    path = tmp_path_factory.mktemp("big") / "careers.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def empty_catalogue(tmp_path: Path) -> Path:
    return shell_support.empty_catalogue(tmp_path)


class TestStreams:
    """Data goes to stdout; errors, hints and notices go to stderr."""

    def test_data_on_stdout_and_nothing_on_stderr(self) -> None:
        run = run_installed(["list"])
        assert run.exit_code == 0
        for career_id in SEVEN_IDS:
            assert career_id in run.stdout
        assert run.stderr == ""

    def test_no_match_is_a_notice_on_stderr_not_data(self) -> None:
        run = run_installed(
            ["match", "-s", "budget-management", "-s", "crisis-management", "--all"]
        )
        assert run.exit_code == 0
        assert run.stdout == ""
        assert NO_MATCH in run.stderr

    def test_unknown_career_is_an_error_on_stderr(self) -> None:
        run = run_installed(["show", "astronaut"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert "error: no career matches 'astronaut'" in run.stderr

    def test_unknown_skill_error_and_hint_are_on_stderr(self) -> None:
        run = run_installed(["match", "-s", "juggling"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert "error: no skill matches 'juggling'" in run.stderr
        assert "'careers skills'" in run.stderr  # the hint: where to see every skill

    def test_usage_error_is_on_stderr(self) -> None:
        run = run_installed(["list", "--format", "xml"])
        assert run.exit_code == 2
        assert run.stdout == ""
        assert run.stderr.splitlines() == [
            "error: --format / -f must be one of 'table', 'json', 'csv', 'csv-bom', 'markdown', "
            "'html' or 'svg' (got 'xml')",
            "try 'careers list -h' for help",
        ]

    def test_invalid_catalogue_is_reported_on_stderr(self, empty_catalogue: Path) -> None:
        run = run_installed(["list", "--data", str(empty_catalogue)])
        assert run.exit_code == 3
        assert run.stdout == ""
        assert str(empty_catalogue) in run.stderr
        assert "schema_version" in run.stderr


class TestExitCodes:
    """0 success, 1 not found, 2 usage, 3 invalid catalogue, for every command."""

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_invalid_catalogue_is_3(self, command: str, empty_catalogue: Path) -> None:
        run = run_installed([*COMMANDS[command], "--data", str(empty_catalogue)])
        assert run.exit_code == 3
        assert run.stdout == ""
        assert "schema_version" in run.stderr
        assert "Traceback" not in run.stderr


class TestColour:
    """Colour only on a terminal, and never when NO_COLOR, --no-color or TERM=dumb say no."""

    def test_terminal_gets_colour(self) -> None:
        exit_code, output = run_in_pty(["list"], terminal_env())
        assert exit_code == 0, output
        assert "\x1b[" in output
        assert "influencer" in output

    def test_pipe_gets_no_colour(self) -> None:
        run = run_installed_with(["list"], terminal_env())
        assert run.exit_code == 0, run.stderr
        assert "influencer" in run.stdout
        assert "\x1b" not in run.stdout
        assert "\x1b" not in run.stderr

    def test_no_color_variable_turns_colour_off_in_a_terminal(self) -> None:
        exit_code, output = run_in_pty(["list"], terminal_env(NO_COLOR="1"))
        assert exit_code == 0, output
        assert "influencer" in output
        assert "\x1b" not in output

    def test_an_empty_no_color_leaves_colour_on(self) -> None:
        """no-color.org: only a NO_COLOR that is set and not empty turns colour off."""
        exit_code, output = run_in_pty(["list"], terminal_env(NO_COLOR=""))
        assert exit_code == 0, output
        assert "\x1b[" in output

    @pytest.mark.parametrize(
        "args", [["list", "--no-color"], ["--no-color", "list"]], ids=["after", "before"]
    )
    def test_no_color_option_turns_colour_off_in_a_terminal(self, args: list[str]) -> None:
        exit_code, output = run_in_pty(args, terminal_env())
        assert exit_code == 0, output
        assert "influencer" in output
        assert "\x1b" not in output

    def test_dumb_terminal_gets_no_colour(self) -> None:
        exit_code, output = run_in_pty(["list"], terminal_env(TERM="dumb"))
        assert exit_code == 0, output
        assert "influencer" in output
        assert "\x1b" not in output

    def test_force_color_colours_a_pipe(self) -> None:
        run = run_installed_with(["list", "-f", "table"], terminal_env(FORCE_COLOR="1"))
        assert run.exit_code == 0, run.stderr
        assert "\x1b[" in run.stdout

    def test_errors_in_a_terminal_are_still_quiet_with_no_color(self) -> None:
        exit_code, output = run_in_pty(["show", "astronaut"], terminal_env(NO_COLOR="1"))
        assert exit_code == 1
        assert "no career matches 'astronaut'" in output
        assert "\x1b" not in output


class TestPipes:
    """A reader that stops early (`| head -1`) gets no traceback and no noise."""

    def test_head_gets_the_header_and_stderr_stays_empty(self) -> None:
        command = f"{shlex.quote(str(CAREERS_SCRIPT))} list | head -1"
        completed = run_command(["sh", "-c", command], terminal_env())
        assert completed.stderr == ""
        assert completed.stdout.splitlines()[0].split() == ["id", "career", "skills"]

    @pytest.mark.parametrize("output_format", ["table", "json", "csv", "markdown"])
    def test_head_on_output_larger_than_the_pipe(
        self, output_format: str, big_catalogue: Path
    ) -> None:
        careers = shlex.quote(str(CAREERS_SCRIPT))
        data = shlex.quote(str(big_catalogue))
        command = f"{careers} list --data {data} -f {output_format} --limit all | head -1"
        completed = run_command(["sh", "-c", command], terminal_env())
        assert completed.stderr == ""
        assert len(completed.stdout.splitlines()) == 1
        assert completed.stdout.strip()

    def test_big_catalogue_output_exceeds_the_pipe_buffer(self, big_catalogue: Path) -> None:
        """The premise of the tests above: a pipe buffer cannot hold the whole output."""
        run = run_installed_with(
            ["list", "--data", str(big_catalogue), "-f", "csv", "--limit", "all"], terminal_env()
        )
        assert run.exit_code == 0, run.stderr
        assert len(run.stdout.encode()) > 4 * 65536

    def read_one_line_then_close(self, args: Sequence[str]) -> tuple[int, bytes, str]:
        process = subprocess.Popen(
            [str(CAREERS_SCRIPT), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=terminal_env(),
        )
        assert process.stdout is not None
        assert process.stderr is not None
        first_line = process.stdout.readline()
        process.stdout.close()
        exit_code = process.wait(timeout=TIMEOUT)
        stderr = process.stderr.read().decode("utf-8", errors="replace")
        process.stderr.close()
        return exit_code, first_line, stderr

    def test_closed_stdout_exits_quietly_with_0(self) -> None:
        exit_code, first_line, stderr = self.read_one_line_then_close(["list"])
        assert first_line.split() == [b"id", b"career", b"skills"]
        assert "Traceback" not in stderr
        assert "BrokenPipe" not in stderr
        assert "Exception ignored" not in stderr
        assert exit_code == 0

    @pytest.mark.parametrize("output_format", ["table", "json", "csv", "markdown"])
    def test_closed_stdout_on_large_output_exits_quietly_with_0(
        self, output_format: str, big_catalogue: Path
    ) -> None:
        args = ["list", "--data", str(big_catalogue), "-f", output_format, "--limit", "all"]
        exit_code, first_line, stderr = self.read_one_line_then_close(args)
        assert first_line.strip()
        assert stderr == ""
        assert exit_code == 0


class TestNarrowEncoding:
    """On an ASCII stream, `careers` degrades the text; it never dies with UnicodeEncodeError."""

    def test_list_on_ascii_prints_the_ids(self) -> None:
        run = run_installed(["list"], env={"PYTHONIOENCODING": "ascii"})
        assert run.exit_code == 0, run.stderr
        assert "UnicodeEncodeError" not in run.stderr
        assert "Traceback" not in run.stderr
        for career_id in SEVEN_IDS:
            assert career_id in run.stdout

    def test_arabic_on_ascii_never_gives_a_traceback(self) -> None:
        run = run_installed(
            ["show", "influencer", "--lang", "ar"], env={"PYTHONIOENCODING": "ascii"}
        )
        assert "Traceback" not in run.stderr
        assert "UnicodeEncodeError" not in run.stderr
        if run.exit_code == 0:
            assert "influencer" in run.stdout
        else:
            assert len([line for line in run.stderr.splitlines() if line.strip()]) == 1

    def test_arabic_error_on_ascii_never_gives_a_traceback(self) -> None:
        run = run_installed(
            ["show", "astronaut", "--lang", "ar"], env={"PYTHONIOENCODING": "ascii"}
        )
        assert run.exit_code == 1
        assert "Traceback" not in run.stderr
        assert "astronaut" in run.stderr


def test_arabic_on_an_ascii_stream_says_how_to_fix_it() -> None:
    """The Arabic cannot be shown; the one line on stderr says so and how to fix it."""
    run = run_installed(["list", "--lang", "ar"], {"PYTHONIOENCODING": "ascii"})
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        "warning: the output's encoding (ascii) cannot show Arabic; "
        "set PYTHONIOENCODING=utf-8 or use --format json"
    ]
    assert "social-media-manager" in run.stdout


def test_json_on_an_ascii_stream_keeps_the_arabic_as_escapes() -> None:
    run = run_installed(["list", "--lang", "ar", "-f", "json"], {"PYTHONIOENCODING": "ascii"})
    assert run.exit_code == 0
    assert run.stderr == ""
    assert "\\u0645" in run.stdout  # م, escaped
    first = json.loads(run.stdout)[0]
    assert first["title"]["ar"] == "مدير وسائل التواصل الاجتماعي"
