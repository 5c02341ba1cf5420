"""Visual order (the direction of a paragraph, harakat, option names, brackets a right-to-left
run reversed mirrored back), and where a description's first sentence ends."""

from __future__ import annotations

import pytest

from careers_cli.text.bidi import (
    LEFT_TO_RIGHT_ISOLATE,
    POP_ISOLATE,
    RIGHT_TO_LEFT_MARK,
    has_right_to_left_letter,
    mirror_reversed_brackets,
    visual_caret,
    visual_carets,
    visual_order,
)
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


class TestDirectionOfAParagraph:
    """A paragraph is right to left when it holds a right-to-left letter (rule P2), and only
    then: Arabic punctuation or digits among English words leave it left to right."""

    @pytest.mark.parametrize(
        ("text", "right_to_left"),
        [
            ("تحليل البيانات", True),
            ("Google Analytics و Hootsuite", True),
            ("ﺕﺎﻧﺎﻴﺒﻟﺍ", True),  # presentation forms are letters too
            ("animating 3D models، modelling", False),  # an Arabic comma is no letter
            ("social-media-manager، influencer", False),
            ("١٢٣ 45%", False),  # Arabic-Indic digits are no letters either
            ("", False),
        ],
    )
    def test_what_makes_it_right_to_left(self, text: str, right_to_left: bool) -> None:
        assert has_right_to_left_letter(text) is right_to_left

    def test_a_line_without_an_arabic_letter_is_left_as_it_is(self) -> None:
        line = "animating 3D models, virtual environments، layouts"
        assert visual_order(line) == line  # not `,animating 3D models`


class TestVisualOrder:
    def test_harakat_are_kept_after_their_letters(self) -> None:
        """`تُعرف` keeps its damma, over the taa: after it in the cells, as a terminal draws a
        combining mark over the cell before it; `أيضاً` its tanween over the alef; a run of
        two marks (`ٍّ`) in its logical order."""
        shown = visual_order("تُعرف أيضاً بأي\u064d\u0651")
        taa, alef, yaa = "\ufe97", "\ufe8e", "\ufef1"  # initial taa, final alef, isolated yaa
        assert taa + "\u064f" in shown
        assert alef + "\u064b" in shown
        assert yaa + "\u064d\u0651" in shown
        marks = "\u064f\u064b\u064d\u0651"
        assert sum(shown.count(mark) for mark in marks) == 4  # none dropped

    @pytest.mark.parametrize(
        ("logical", "kept"),
        [
            ("لا توجد قيمة للخيار --skill / -s", "--skill / -s"),
            ("عرض 2 من 7 مهن؛ '--limit all' يعرضها كلها", "'--limit all'"),
            ("للمساعدة جرّب --help الآن", "--help"),
            ("مشكلة واحدة: /tmp/mine.json:", ":/tmp/mine.json "),  # the colon the sentence's
            ("JSON غير صالح: ./mine.json:1:35", "./mine.json:1:35"),
        ],
    )
    def test_an_option_name_or_path_keeps_its_first_character_first(
        self, logical: str, kept: str
    ) -> None:
        shown = visual_order(logical)
        assert kept in shown  # not `skill / -s--` or `'limit all--'`
        assert not set(shown) & set(LEFT_TO_RIGHT_ISOLATE + POP_ISOLATE + RIGHT_TO_LEFT_MARK)


class TestVisualCaret:
    """Where the caret of a box typed in falls among right-to-left text in visual order."""

    @pytest.mark.parametrize(
        ("typed", "caret", "left_of_caret", "right_of_caret"),
        [
            # After an Arabic letter, the caret is on its left: at the end, the line's left.
            ("عالم", 4, "", "ﻢﻟﺎﻋ"),
            # At the start, the right edge.
            ("عالم", 0, "ﻢﻟﺎﻋ", ""),
            # Between two letters: after the first two (عا), left of them.
            ("عالم", 2, "ﻢﻟ", "ﺎﻋ"),
            # After a Latin word inside Arabic: on that word's right.
            ("عالم data", 9, "data", " ﻢﻟﺎﻋ"),
            # After the space that ends the Arabic word: left of the space, right of "data".
            ("عالم data", 5, "data", " ﻢﻟﺎﻋ"),
            ("محلل بيانات", 11, "", "ﺕﺎﻧﺎﻴﺑ ﻞﻠﺤﻣ"),
        ],
    )
    def test_the_caret_keeps_to_the_character_before_it(
        self, typed: str, caret: int, left_of_caret: str, right_of_caret: str
    ) -> None:
        shown, at = visual_caret(typed, caret)
        assert shown == visual_order(typed, right_to_left=True)
        assert (shown[:at], shown[at:]) == (left_of_caret, right_of_caret)

    def test_an_empty_box_has_its_caret_at_zero(self) -> None:
        assert visual_caret("", 0) == ("", 0)

    def test_every_place_at_once(self) -> None:
        shown, places = visual_carets("عالم data")
        assert shown == visual_order("عالم data", right_to_left=True)
        assert places == [visual_caret("عالم data", caret)[1] for caret in range(10)]
        # From the start at the right edge, through the Arabic leftward; then "data" from
        # its left, its end on its right, next to the space.
        assert places == [9, 8, 7, 6, 5, 4, 1, 2, 3, 4]
