"""Brackets a right-to-left run reversed are mirrored back, and where a description's first
sentence ends."""

from __future__ import annotations

import pytest

from careers_cli.text.bidi import mirror_reversed_brackets
from careers_cli.text.sentences import first_sentence


@pytest.mark.parametrize(
    ("visual", "shown"),
    [
        (")ESCO(", "(ESCO)"),  # a pair the reordering reversed
        ("(ESCO)", "(ESCO)"),  # a pair in order
        ("a)b(c", "a(b)c"),  # a reversed pair is swapped whatever is around it
        ("a(א", "a)א"),  # alone, Arabic on its right: in right-to-left text
        ("a(אb", "a)אb"),  # the nearest strong character on the right decides, not a later one
        ("א)b", "א(b"),  # Arabic on its left
        ("a(b", "a(b"),  # left to right on both sides: as it is
    ],
)
def test_brackets(visual: str, shown: str) -> None:
    assert mirror_reversed_brackets(visual) == shown


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Works with agencies, e.g. Ogilvy and others. Reports results.",
            "Works with agencies, e.g. Ogilvy and others.",
        ),
        ("Dr. Smith leads the team. Then more.", "Dr. Smith leads the team."),
        ("J. Smith leads. Then more.", "J. Smith leads."),
        ("Uses tools (e.g.) Hootsuite daily. More.", "Uses tools (e.g.) Hootsuite daily."),
        ("Plans campaigns. Reports results.", "Plans campaigns."),
        ("No full stop at all", "No full stop at all"),
    ],
    ids=[
        "abbreviation",
        "abbreviation-first",
        "initial",
        "abbreviation-in-brackets",
        "two-sentences",
        "one-sentence",
    ],
)
def test_the_first_sentence(text: str, first: str) -> None:
    assert first_sentence(text) == first
