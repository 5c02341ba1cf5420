"""The installed `careers` on a real terminal: a pseudo-terminal whose width the program reads
from the terminal itself (no COLUMNS), as an interactive user runs it.

Colour and width come from the terminal here, so these are the cases a pipe cannot show: the
Arabic visual layout reaching the right edge of a 60-column terminal in colour, and nothing
wider than the terminal.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import termios
import time
from collections.abc import Sequence

import arabic_reshaper
from bidi import get_display
from rich.cells import cell_len

from careers_cli.i18n.messages import label
from tests.helpers import CAREERS_SCRIPT, raw_career, terminal_env

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def run_in_terminal(args: Sequence[str], columns: int) -> tuple[int, str]:
    """Run the installed script in a pseudo-terminal `columns` wide; its status and output."""
    env = terminal_env()
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    pid, master = pty.fork()
    if pid == 0:  # the child: `careers`, with the terminal as its stdout and stderr
        os.execve(str(CAREERS_SCRIPT), [str(CAREERS_SCRIPT), *args], env)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    chunks: list[bytes] = []
    waiting = select.poll()  # not select(): the suite may hold descriptors past FD_SETSIZE
    waiting.register(master, select.POLLIN)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not waiting.poll(1000):
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    os.close(master)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8")


def lines_of(output: str) -> list[str]:
    return ANSI.sub("", output).replace("\r\n", "\n").split("\n")


def shaped(logical: str) -> str:
    return str(get_display(arabic_reshaper.reshape(logical), base_dir="R"))


def test_the_terminal_sets_the_width_and_the_colour() -> None:
    status, output = run_in_terminal(["list"], 60)
    assert status == 0
    assert ANSI.search(output)  # a terminal gets colour
    lines = lines_of(output)
    assert max(cell_len(line) for line in lines) <= 60
    assert max(cell_len(line) for line in lines) >= 55  # and the table uses its width


def test_arabic_visual_show_is_mirrored_on_a_60_column_terminal() -> None:
    args = ["show", "influencer", "--lang", "ar", "--rtl", "visual"]
    status, output = run_in_terminal(args, 60)
    assert status == 0
    assert ANSI.search(output)
    lines = lines_of(output)
    assert not ARABIC_LETTER.search("\n".join(lines))  # every letter shaped
    assert max(cell_len(line.rstrip()) for line in lines) <= 60
    title = raw_career("influencer")["title"]["ar"]
    first = lines[0].rstrip()
    assert first.endswith(shaped(title))  # the title at the right edge, the id to its left
    assert cell_len(first) == 60
    assert first.lstrip().startswith("influencer")
    heading = next(line for line in lines if shaped(label("required_skills", "ar")) in line)
    assert cell_len(heading.rstrip()) == 60


def test_arabic_visual_list_reads_from_the_right_in_a_terminal() -> None:
    status, output = run_in_terminal(["list", "--lang", "ar", "--rtl", "visual"], 80)
    assert status == 0
    lines = lines_of(output)
    header = lines[0].rstrip()
    assert header.endswith(shaped(label("id", "ar")))
    assert header.lstrip().startswith(shaped(label("skills", "ar")))
    row = next(line for line in lines if "social-media-manager" in line)
    assert row.rstrip().endswith("social-media-manager")
