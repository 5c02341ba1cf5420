"""The text rules at their edges: what terminal-safe printing replaces, and what counts as
Arabic for right-to-left layout."""

from __future__ import annotations

import pytest

from careers_cli.text import is_arabic, printable


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
