"""`careers browse` as a person runs it: the installed script in a pseudo-terminal, keys typed
into it. In Arabic the terminal is told the program lays the text out (`CSI 8 l`) before the
full screen opens, and given its own bidi back (`CSI 8 h`) after the screen is left; NO_COLOR
makes the screen grey."""

from __future__ import annotations

import os
import re
import time

import pytest

from careers_cli.i18n.browse import browse_label
from careers_cli.i18n.messages import label
from careers_cli.text.bidi import visual_order
from tests.support.hostile import hostile_catalogue
from tests.system.test_bidi_terminal import EXPLICIT, IMPLICIT, Terminal

LEAVE_FULL_SCREEN = b"\x1b[?1049l"
TRUE_COLOUR = re.compile(rb"[34]8;2;(\d+);(\d+);(\d+)")
INDEXED_COLOUR = re.compile(rb"[34]8;5;(\d+)")
GREYS = {0, 7, 8, 15, 16, 231, *range(232, 256)}
"""The greys of the 256 colours: black, white, and the ramp of 24."""


def browse(*args: str, keys: list[tuple[bytes, bytes]], **env: str) -> tuple[int, bytes]:
    """Run `careers browse ARGS`; for each (shown, typed): wait until `shown` is on the screen,
    then type `typed`. Then q, to quit, out of the search box."""
    terminal = Terminal(["browse", *args], **env)
    for shown, typed in keys:
        terminal.read_until(shown)
        assert shown in terminal.output, terminal.output[-2000:]
        os_write(terminal, typed)
    return terminal.finish(), terminal.output


def os_write(terminal: Terminal, typed: bytes) -> None:
    """Type `typed` a key at a time; Escape alone (not as the start of an Alt key)."""
    for byte in typed:
        os.write(terminal.master, bytes([byte]))
        time.sleep(0.5 if byte == 0x1B else 0.05)


class TestInATerminal:
    def test_type_open_and_quit(self) -> None:
        status, output = browse(
            keys=[
                (b"7 of 7 careers", b"data"),
                (b"1 of 7 careers", b"\r"),
                (b"Required skills", b"q"),
            ]
        )
        assert status == 0
        assert b"social-media-data-analyst" in output
        assert b"Data analysis" in output  # its first skill, on its page
        assert output.rstrip(b"\r\n").endswith(LEAVE_FULL_SCREEN) or LEAVE_FULL_SCREEN in output
        assert EXPLICIT not in output

    def test_arabic_in_visual_order_inside_explicit_mode(self) -> None:
        count = visual_order(browse_label("found", "ar", count=7, total=7)).encode()
        status, output = browse("--lang", "ar", keys=[(count, b"\x1bq")])
        assert status == 0
        assert output.startswith(EXPLICIT)  # before the full screen opens
        assert output.index(IMPLICIT) > output.rindex(LEAVE_FULL_SCREEN)  # after it is left
        assert output.count(EXPLICIT) == output.count(IMPLICIT) == 1

    def test_no_color_leaves_no_colour_on_the_screen(self) -> None:
        def colours(output: bytes) -> list[object]:
            """The colours that are not greys, true colour or of the 256."""
            true = [rgb for rgb in TRUE_COLOUR.findall(output) if len(set(rgb)) > 1]
            indexed = [int(n) for n in INDEXED_COLOUR.findall(output)]
            return [*true, *(n for n in indexed if n not in GREYS)]

        status, coloured = browse(keys=[(b"7 of 7 careers", b"\x1bq")])
        assert status == 0
        assert colours(coloured)  # by default, colours
        for args, env in (((), {"NO_COLOR": "1"}), (("--no-color",), {})):
            status, output = browse(*args, keys=[(b"7 of 7 careers", b"\x1bq")], **env)
            assert status == 0
            assert b"7 of 7 careers" in output
            assert colours(output) == [], args


# The catalogue's own control sequences that the screen itself never writes (it does write
# the alternate screen, cursor moves and clearing).
FOREIGN = [
    "\x1b]0;pwned\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b[5m",
    "\x1b[8m",
    "\x1bP",
    "\x1b[6n",
    "\x1b[31m",
    "\x9b",
    "\x9d",
    "\x9c",
    "\u202e",
]


class TestHostileCatalogue:
    """A catalogue's escape sequences and bidi overrides never reach the terminal."""

    @pytest.mark.parametrize("language", ["en", "ar"])
    def test_a_hostile_career_opened(
        self, language: str, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        data = hostile_catalogue(tmp_path_factory)

        def count(found: int) -> bytes:
            line = browse_label("found", language, count=found, total=7)  # type: ignore[arg-type]
            return (visual_order(line) if language == "ar" else line).encode()

        written = label("description", language)  # type: ignore[arg-type]
        heading = (visual_order(written) if language == "ar" else written).encode()
        status, output = browse(
            "--data",
            str(data),
            "--lang",
            language,
            keys=[(count(7), b"influencer"), (count(1), b"\r"), (heading, b"\x1bq")],
        )
        assert status == 0
        text = output.decode(errors="replace")
        assert "pwned" in text  # the title is shown, its sequence taken out
        for sequence in FOREIGN:
            assert sequence not in text, repr(sequence)
