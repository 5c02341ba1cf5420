"""`normalise`: the one form in which queries and catalogue text are compared.

One table row per rule of the issue "Arabic as a first-class language", with real words (most of
them from data/careers.json), then the catalogue's own spelling variants, idempotence as a
property, and the fuzzy matcher, which must compare normalised text too.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import JaroWinkler

from careers_cli.index.memory import may_be_named
from careers_cli.rules import name_ranking
from careers_cli.text.normalise import normalise
from tests.helpers import invoke, raw_catalogue

TASHKEEL = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]
BIDI_MARKS = [
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u061c",  # ARABIC LETTER MARK
    *(chr(c) for c in range(0x202A, 0x202F)),  # LRE RLE PDF LRO RLO
    *(chr(c) for c in range(0x2066, 0x206A)),  # LRI RLI FSI PDI
]
JOINERS = ["\u200c", "\u200d"]  # ZWNJ, ZWJ


def catalogue_text() -> str:
    """Every string of the raw catalogue file, read without the product's loader."""
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            strings.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(raw_catalogue())
    return "\n".join(strings)


# --- one row per rule ------------------------------------------------------------------------

RULES = [
    # tashkeel (fatha, damma, kasra, shadda, sukun, tanween) and the superscript alef
    pytest.param("المُؤَثِّر", "مؤثر", id="tashkeel"),
    pytest.param("تَحْلِيلٌ", "تحليل", id="tashkeel-sukun-tanween"),
    pytest.param("الرَّحْمٰن", "رحمن", id="superscript-alef-U+0670"),
    # tatweel
    pytest.param("مـــؤثـر", "مؤثر", id="tatweel"),
    # alef variants
    pytest.param("أدوات", "ادوات", id="alef-hamza-above"),
    pytest.param("إنشاء", "انشاء", id="alef-hamza-below"),
    pytest.param("آفاق", "افاق", id="alef-madda"),
    pytest.param("ٱسم", "اسم", id="alef-wasla"),
    # teh marbuta and alef maksura
    pytest.param("مهنة", "مهنه", id="teh-marbuta"),
    pytest.param("محتوى", "محتوي", id="alef-maksura"),
    # the definite article, alone and after a one-letter conjunction or preposition
    pytest.param("المؤثر", "مؤثر", id="article-al"),
    pytest.param("والابتكار", "ابتكار", id="article-wal"),
    pytest.param("بالمصداقية", "مصداقيه", id="article-bal"),
    pytest.param("فالمحتوى", "محتوي", id="article-fal"),
    pytest.param("للتسويق", "تسويق", id="article-lil"),
    # a bare one-letter clitic, only on words of 4+ letters
    pytest.param("وتحليلها", "تحليلها", id="clitic-waw"),
    pytest.param("بجمع", "جمع", id="clitic-ba-4-letters"),
    pytest.param("لفهم", "فهم", id="clitic-lam"),
    pytest.param("فتسويق", "تسويق", id="clitic-fa"),
    pytest.param("فهم", "فهم", id="short-word-fa-kept"),
    pytest.param("بين", "بين", id="short-word-ba-kept"),
    pytest.param("وقت", "وقت", id="short-word-waw-kept"),
    pytest.param("لون", "لون", id="short-word-lam-kept"),
    # Arabic-Indic and extended (Persian) digits
    pytest.param("٢٠٢٤", "2024", id="arabic-indic-digits"),
    pytest.param("۱۲۳۴۵۶۷۸۹۰", "1234567890", id="extended-arabic-indic-digits"),
    pytest.param("المرحلة ٣", "مرحله 3", id="digits-in-a-phrase"),
    # direction marks and joiners
    pytest.param("\u200fالمؤثر\u200e", "مؤثر", id="rlm-lrm"),
    pytest.param("\u2067مدير المجتمع\u2069", "مدير مجتمع", id="rli-pdi"),
    pytest.param("\u202bتحليل\u202c", "تحليل", id="rle-pdf"),
    pytest.param("مؤ\u200cثر", "مؤثر", id="zwnj"),
    pytest.param("مؤ\u200dثر", "مؤثر", id="zwj"),
    # Latin case folding (casefold, not lower: ß becomes ss)
    pytest.param("Google ANALYTICS", "google analytics", id="casefold"),
    pytest.param("Straße", "strasse", id="casefold-not-lower"),
    # punctuation becomes spaces
    pytest.param("تحليل،المؤثر", "تحليل مؤثر", id="arabic-comma"),
    # prefixes are dropped until none is left, so normalising twice changes nothing
    pytest.param("البيانات", "يانات", id="article-then-clitic"),
    pytest.param("ما هو المؤثر؟", "ما هو مؤثر", id="arabic-question-mark"),
    pytest.param("تسويق؛ترويج", "تسويق ترويج", id="arabic-semicolon"),
    pytest.param("a/b-testing_now!", "a b testing now", id="latin-punctuation"),
    pytest.param("  مدير   المجتمع  ", "مدير مجتمع", id="white-space"),
    # NFKC: presentation forms and compatibility characters
    pytest.param("\ufefb", "لا", id="nfkc-lam-alef-ligature"),
    pytest.param("ﻣﺆﺛﺮ", "مؤثر", id="nfkc-presentation-forms"),
    pytest.param("ＳＥＯ", "seo", id="nfkc-fullwidth-latin"),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_normalise_rule(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize("mark", TASHKEEL, ids=[f"U+{ord(m):04X}" for m in TASHKEEL])
def test_every_diacritic_is_dropped(mark: str) -> None:
    assert normalise(f"مؤث{mark}ر") == "مؤثر"
    assert normalise(f"تحل{mark}يل{mark}") == "تحليل"


@pytest.mark.parametrize(
    "mark", BIDI_MARKS + JOINERS, ids=[f"U+{ord(m):04X}" for m in BIDI_MARKS + JOINERS]
)
def test_every_direction_mark_and_joiner_is_dropped(mark: str) -> None:
    assert normalise(f"{mark}مؤ{mark}ثر{mark}") == "مؤثر"
    assert normalise(f"ana{mark}lytics") == "analytics"


@pytest.mark.parametrize("digit", range(10))
def test_every_arabic_indic_digit_maps_to_ascii(digit: int) -> None:
    assert normalise(chr(0x0660 + digit)) == str(digit)
    assert normalise(chr(0x06F0 + digit)) == str(digit)


@pytest.mark.parametrize("letter", ["و", "ب", "ل", "ف"])
def test_one_letter_clitic_only_on_words_of_four_letters_or_more(letter: str) -> None:
    assert normalise(letter + "كتب") == "كتب"  # 4 letters: the clitic goes
    assert normalise(letter + "كت") == letter + "كت"  # 3 letters: the word stays whole


# --- words of the catalogue ------------------------------------------------------------------

# (a way a person may type it, the spelling in data/careers.json)
CATALOGUE_VARIANTS = [
    ("انترنت", "الإنترنت"),
    ("الانترنت", "الإنترنت"),
    ("مؤثر", "المؤثر"),
    ("للتسويق", "التسويق"),
    ("الالكتروني", "الإلكتروني"),
    ("مصداقية", "بالمصداقية"),
    ("ابتكار", "والابتكار"),
    ("التسويقيه", "التسويقية"),
    ("مدير المجتمع الالكتروني", "مدير المجتمع الإلكتروني"),
    ("مُؤَثِّر وَسَائِل التَّوَاصُل", "مؤثر وسائل التواصل"),
]


@pytest.mark.parametrize(("typed", "in_catalogue"), CATALOGUE_VARIANTS)
def test_catalogue_words_and_their_variants_normalise_alike(typed: str, in_catalogue: str) -> None:
    assert in_catalogue in catalogue_text()
    assert normalise(typed) == normalise(in_catalogue)
    assert normalise(typed) != ""


def test_different_catalogue_words_stay_different() -> None:
    """Normalising must not merge words that differ in letters, not only in spelling."""
    assert normalise("مدير المجتمع") != normalise("مدير التسويق")
    assert normalise("المؤثر") != normalise("المحتوى")


# --- idempotence -----------------------------------------------------------------------------

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


# --- the fuzzy matcher compares normalised text ----------------------------------------------


def career_names() -> list[str]:
    """Every name a career can be called by: id, English and Arabic title."""
    return [
        n for c in raw_catalogue()["careers"] for n in (c["id"], c["title"]["en"], c["title"]["ar"])
    ]


def skill_names() -> list[str]:
    """Every name a skill can be called by: id, labels and aliases in both languages."""
    return [
        name
        for s in raw_catalogue()["skills"]
        for name in (
            s["id"],
            s["label"]["en"],
            s["label"]["ar"],
            *s["aliases"]["en"],
            *s["aliases"]["ar"],
        )
    ]


def test_career_typo_with_tashkeel_resolves_through_the_fuzzy_matcher() -> None:
    query = "المُؤَثِّرر"  # "المؤثر" with diacritics and a doubled last letter
    wanted = normalise(query)
    # Neither a whole name nor the start of a word of one: only the typo path can find it ...
    names = [normalise(n) for n in career_names()]
    assert wanted not in names
    assert not any(word.startswith(w) for n in names for word in n.split() for w in wanted.split())
    # ... and only on normalised text: the raw query is too far from every raw name.
    raw = max(JaroWinkler.normalized_similarity(query, n) for n in career_names())
    assert raw < name_ranking.TYPO_THRESHOLD
    by_typo = invoke(["show", query])
    assert by_typo.exit_code == 0, by_typo.stderr
    assert by_typo.stdout == invoke(["show", "influencer"]).stdout
    run = invoke(["show", query, "-f", "json"])
    assert json.loads(run.stdout)["id"] == "influencer"


def test_skill_typo_with_tashkeel_resolves_through_the_fuzzy_matcher() -> None:
    query = "اَلتَّحْلِيْلل"  # "التحليل" (an alias of analytics) with diacritics and a typo
    wanted = normalise(query)
    terms = [normalise(n) for n in skill_names()]
    assert wanted not in terms
    assert not any(t.startswith(wanted) for term in terms for t in term.split())
    raw = max(JaroWinkler.normalized_similarity(query, n) for n in skill_names())
    assert raw < name_ranking.TYPO_THRESHOLD
    by_typo = invoke(["match", "-s", query, "-f", "json"])
    by_id = invoke(["match", "-s", "analytics", "-f", "json"])
    assert by_typo.exit_code == 0, by_typo.stderr
    ranked = [(r["id"], r["score"]) for r in json.loads(by_typo.stdout)]
    assert ranked == [(r["id"], r["score"]) for r in json.loads(by_id.stdout)]
    assert ranked[0][0] == "social-media-data-analyst"


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
