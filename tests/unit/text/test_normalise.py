"""`normalise`: the one form in which queries and catalogue text are compared."""

from __future__ import annotations

from typing import Any

import pytest

from careers_cli.text.normalise import normalise
from tests.helpers import raw_catalogue
from tests.support.normalise import BIDI_MARKS, JOINERS, TASHKEEL


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


@pytest.mark.parametrize(
    ("written", "compared"),
    [("٥٠٪", "50"), ("۱۲۳", "123"), ("٩", "9"), ("۹", "9")],
    ids=["arabic-indic-and-percent", "extended-arabic-indic", "arabic-nine", "extended-nine"],
)
def test_arabic_indic_digits_are_compared_as_digits_and_nothing_else(
    written: str, compared: str
) -> None:
    """The ten digits of each Arabic-Indic set, and only those: the percent sign after them is
    punctuation."""
    assert normalise(written) == compared
