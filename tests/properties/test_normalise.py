"""`normalise`: the one form in which queries and catalogue text are compared."""

from __future__ import annotations

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from careers_cli.index.memory import may_be_named
from careers_cli.text.normalise import normalise
from tests.support.normalise import BIDI_MARKS, JOINERS, TASHKEEL

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱ"


ARABIC_EXTRAS = "ـ" + "".join(TASHKEEL) + "".join(BIDI_MARKS) + "".join(JOINERS) + "٠١٢۳ﻻﻣ"


# Words as a person writes them: clitics and articles in front of letters, marks in between.
ARABIC_WORDS = st.builds(
    lambda prefix, body: prefix + body,
    st.sampled_from(["", "ال", "و", "ب", "ل", "ف", "وال", "بال", "فال", "لل", "الو", "الب"]),
    st.text(alphabet=ARABIC_LETTERS + ARABIC_EXTRAS, max_size=8),
)


ARABIC_TEXT = st.lists(ARABIC_WORDS, max_size=4).map(lambda words: " ".join(words))


@given(st.text())
@example("البيانات")
@example("الوسائل")
@example("والبيانات")
@example("الالكتروني")
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(ARABIC_TEXT)
def test_normalise_is_idempotent_on_arabic_text(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_is_normalised_as_the_full_path_does(text: str) -> None:
    """ASCII text takes a shorter path (no NFKC, no table: they change no ASCII character).
    With a non-ASCII word after it, the same text takes the full path: the words must agree."""
    full = normalise(text + " \u00e9").removesuffix("\u00e9").rstrip()
    assert normalise(text) == full


_NAME_CHARACTERS = st.sampled_from(
    [
        *"abcXYZ09 .-+#_'",
        *"ابتةىأإآالوفبك",
        *("\u064b", "\u0640", "\u0661", "\u06f5", "\uff2d", "ﬁ"),
        *("\u200d", "\u0670", "\u202b", "\u0300", "é"),
    ]
)


@settings(max_examples=500)
@given(st.text(alphabet=_NAME_CHARACTERS, max_size=20), st.text(max_size=10))
def test_a_whole_name_lookup_never_skips_a_record_with_that_name(raw: str, other: str) -> None:
    """`may_be_named` spares normalising most names of a catalogue; it must never turn away a
    name that normalises to the one looked up (ASCII, Arabic, digits, fullwidth letters)."""
    name = normalise(raw)
    assume(name)  # an empty query is refused before any lookup
    assert may_be_named(name, [other, raw, None])
