"""Arabic on a real terminal by default: the installed `careers` in a pseudo-terminal.

On a terminal, `--lang ar` lays Arabic out in visual order and tells the terminal so with the
terminal working group's bidi recommendation: `CSI 8 l` (explicit mode: show the cells as they
come) before the first line, `CSI 8 h` (the terminal's own bidi again) after the last one, on an
error and on Ctrl-C too. Pipes and files stay logical and get no escape sequence; `--rtl` and
`$CAREERS_RTL` decide over the default.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

from careers_cli.i18n.messages import label
from careers_cli.text.bidi import visual_order
from tests.helpers import CAREERS_SCRIPT, imported_esco_sample, raw_career, terminal_env
from tests.support.arabic import ARABIC_LETTER, PRESENTATION_FORM

EXPLICIT = b"\x1b[8l"
IMPLICIT = b"\x1b[8h"


def terminal_of_its_own(**overrides: str) -> dict[str, str]:
    """A terminal's environment, without what would name a terminal that reorders by itself."""
    env = terminal_env(**overrides)
    for name in ("COLUMNS", "LINES", "KONSOLE_VERSION", "MLTERM", "INSIDE_EMACS"):
        env.pop(name, None)
    env.update(overrides)
    return env


class Terminal:
    """The installed script running in a pseudo-terminal 80 columns wide."""

    def __init__(self, args: Sequence[str], **env: str) -> None:
        self.pid, self.master = pty.fork()
        if self.pid == 0:  # the child: `careers`, with the terminal as stdout and stderr
            os.execve(str(CAREERS_SCRIPT), [str(CAREERS_SCRIPT), *args], terminal_of_its_own(**env))
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 80, 0, 0))
        self.output = b""

    def read_until(self, wanted: bytes, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.output and time.monotonic() < deadline:
            self._read_some()

    def finish(self) -> int:
        while self._read_some():
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.master)
        return os.waitstatus_to_exitcode(status)

    def _read_some(self) -> bool:
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the child closed the terminal
            return False
        self.output += chunk
        return bool(chunk)


def run_in_terminal(args: Sequence[str], **env: str) -> tuple[int, bytes]:
    terminal = Terminal(args, **env)
    return terminal.finish(), terminal.output


def run_piped(args: Sequence[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(CAREERS_SCRIPT), *args],
        capture_output=True,
        env=terminal_of_its_own(COLUMNS="80", **env),
        timeout=60,
        check=False,
    )


TITLE = raw_career("influencer")["title"]["ar"]


class TestByDefaultOnATerminal:
    def test_arabic_is_laid_out_in_visual_order_inside_explicit_mode(self) -> None:
        status, output = run_in_terminal(["show", "influencer", "--lang", "ar"])
        assert status == 0
        assert output.startswith(EXPLICIT)  # before the first line
        assert output.endswith(IMPLICIT)  # after the last one
        assert output.count(EXPLICIT) == output.count(IMPLICIT) == 1  # stdout and stderr: one
        text = output.decode()
        assert not ARABIC_LETTER.search(text.replace(TITLE, ""))  # every letter shaped
        assert visual_order(TITLE) in text  # the title, shaped and reordered
        assert TITLE not in text

    def test_it_is_what_rtl_visual_gives(self) -> None:
        _, default = run_in_terminal(["list", "--lang", "ar"])
        _, visual = run_in_terminal(["list", "--lang", "ar", "--rtl", "visual"])
        assert default == visual

    def test_rtl_logical_writes_logical_order_and_no_escape_sequence(self) -> None:
        for args, env in (
            (["--rtl", "logical"], {}),
            ([], {"CAREERS_RTL": "logical"}),
        ):
            status, output = run_in_terminal(["show", "influencer", "--lang", "ar", *args], **env)
            assert status == 0
            assert b"\x1b[8" not in output
            assert TITLE in output.decode()

    def test_english_gets_no_escape_sequence(self) -> None:
        status, output = run_in_terminal(["show", "influencer"])
        assert status == 0
        assert b"\x1b[8" not in output

    def test_a_terminal_that_reorders_regardless_gets_logical_order(self) -> None:
        """Konsole, mlterm and Emacs ignore the explicit mode and reorder what they get: visual
        order would be reversed a second time there; a dumb terminal would print the escape
        sequences."""
        for env in (
            {"KONSOLE_VERSION": "221203"},
            {"MLTERM": "3.9.0"},
            {"INSIDE_EMACS": "29.1,comint"},
            {"TERM": "dumb"},
        ):
            status, output = run_in_terminal(["show", "influencer", "--lang", "ar"], **env)
            assert status == 0
            assert b"\x1b[8" not in output
            assert TITLE in output.decode()
        status, output = run_in_terminal(
            ["show", "influencer", "--lang", "ar"], MLTERM="3.9.0", CAREERS_RTL="visual"
        )
        assert output.startswith(EXPLICIT)  # where the user asks for it all the same

    def test_an_error_restores_the_terminal(self) -> None:
        status, output = run_in_terminal(["show", "xyzzy-no-such", "--lang", "ar"])
        assert status == 1
        assert output.startswith(EXPLICIT) and output.endswith(IMPLICIT)
        first = output.decode().replace("\r\n", "\n").split("\n")[0]
        assert PRESENTATION_FORM.search(first) and not ARABIC_LETTER.search(first)

    def test_a_usage_error_is_laid_out_too(self) -> None:
        """A usage error (before any command ran) in visual order, its option name whole."""
        status, output = run_in_terminal(["match", "--skil", "analytics", "--lang", "ar"])
        assert status == 2
        assert output.startswith(EXPLICIT) and output.endswith(IMPLICIT)
        lines = output.decode().replace("\r\n", "\n").split("\n")
        assert "--skil " in lines[0]  # its hyphens before its name, not `skil--`
        assert not ARABIC_LETTER.search(lines[0])
        assert lines[-2].strip() == "careers match -h"  # the command of the hint, on its own

    def test_ctrl_c_restores_the_terminal(self, tmp_path: Path) -> None:
        """Half a megabyte of skills, not read: the program waits on the full terminal when
        Ctrl-C comes, with the terminal in explicit mode."""
        data = str(imported_esco_sample(tmp_path))
        terminal = Terminal(["skills", "-n", "all", "--lang", "ar", "--data", data])
        terminal.read_until(EXPLICIT)
        time.sleep(1)
        os.kill(terminal.pid, signal.SIGINT)
        status = terminal.finish()
        assert status == 130
        assert terminal.output.startswith(EXPLICIT)
        assert terminal.output.endswith(IMPLICIT)


class TestInPipes:
    def test_a_pipe_gets_logical_order_and_no_escape_sequence(self) -> None:
        run = run_piped(["show", "influencer", "--lang", "ar"])
        assert run.returncode == 0
        assert b"\x1b" not in run.stdout + run.stderr
        assert TITLE in run.stdout.decode()

    def test_visual_order_in_a_pipe_when_asked_still_without_escape_sequence(self) -> None:
        run = run_piped(["show", "influencer", "--lang", "ar"], CAREERS_RTL="visual")
        assert run.returncode == 0
        assert b"\x1b" not in run.stdout + run.stderr
        assert visual_order(TITLE) in run.stdout.decode()

    def test_data_formats_stay_logical_on_a_terminal(self) -> None:
        status, output = run_in_terminal(["show", "influencer", "--lang", "ar", "-f", "json"])
        assert status == 0
        assert b"\x1b[8" not in output  # the terminal lays the JSON's Arabic out itself
        assert TITLE in output.decode()
        assert label("required_skills", "ar") not in output.decode()  # data, not a view
