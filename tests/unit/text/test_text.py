"""The text rules at their edges: what terminal-safe printing replaces, and what counts as
Arabic for right-to-left layout."""

from __future__ import annotations

import pytest

from careers_cli.text.language import is_arabic
from careers_cli.text.terminal import _PRINTABLE_TABLE, character_class, printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x9fb", "a\ufffdb"),  # the last C1 control
        ("a\x80b", "a\ufffdb"),  # the first
        ("a\u00a0b", "a\u00a0b"),  # a no-break space, just after them, is text
        ("a\x7fb", "a\u2421b"),  # DEL, as its control picture
        ("a\x7eb", "a~b"),
        ("a\x1bb", "a\u241bb"),  # ESC, as ␛
        ("a\u202eb", "ab"),  # a bidi override is removed
    ],
)
def test_printable_at_the_edges_of_what_it_replaces(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_looks_for_every_character_it_replaces_and_no_other() -> None:
    """Text without a character to replace is returned at once; the search that decides it
    must find exactly the characters the replacing table holds, over all of Unicode."""
    for code in range(0x110000):
        character = chr(code)
        replaced = character.translate(_PRINTABLE_TABLE) != character
        assert (printable(f"a{character}b") != f"a{character}b") is replaced, hex(code)


@pytest.mark.parametrize(
    ("letter", "arabic"),
    [
        ("\u05ff", False),
        ("\u0600", True),
        ("\u06ff", True),
        ("\u0700", False),
        ("\u074f", False),
        ("\u0750", True),  # Arabic Supplement, first and last
        ("\u077f", True),
        ("\u0780", False),
    ],
)
def test_is_arabic_at_the_edges_of_the_arabic_blocks(letter: str, arabic: bool) -> None:
    assert is_arabic(f"x {letter} y") is arabic


def test_a_character_class_is_ranges_of_consecutive_codes() -> None:
    assert (
        character_class([0x79, 0x63, 0x61, 0x62, 0x78])
        == "[\\U00000061-\\U00000063\\U00000078-\\U00000079]"
    )
    assert character_class([0x41], negated=True) == "[^\\U00000041-\\U00000041]"
