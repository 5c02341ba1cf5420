"""Relevance: one order for every name lookup, and scores that favour the skills few careers
need."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from careers_cli.text.normalise import normalise

LETTERS = "abcxyzABCXYZاليوبكفةى"


SYMBOLS = "+#."


name_texts = st.text(alphabet=LETTERS + SYMBOLS + " ", max_size=24)


class TestNormaliseProperties:
    @settings(max_examples=300, deadline=None)
    @given(name_texts)
    def test_idempotent(self, text: str) -> None:
        once = normalise(text)
        assert normalise(once) == once

    @settings(max_examples=300, deadline=None)
    @given(
        st.text(alphabet=LETTERS + SYMBOLS + " ", max_size=16),
        st.sampled_from(LETTERS),
        st.text(alphabet="+#", max_size=3),
    )
    def test_a_trailing_plus_or_hash_makes_another_name(
        self, start: str, letter: str, tail: str
    ) -> None:
        label = start + letter + tail
        keys = {normalise(label), normalise(label + "+"), normalise(label + "#")}
        assert len(keys) == 3, (label, keys)
        assert normalise(label + "+") == normalise(label) + "+"
        assert normalise(label + "#") == normalise(label) + "#"
