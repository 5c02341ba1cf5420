"""Right-to-left text in visual order, for terminals that print characters as given."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from careers_cli.text.terminal import character_class

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper


def visual_order(line: str, *, right_to_left: bool | None = None) -> str:
    """One display line of logical text as a terminal without bidi support must receive it.

    Arabic letters are shaped to their joined forms, harakat kept (arabic-reshaper), and the
    line is reordered by the Unicode bidirectional algorithm (python-bidi) with a right-to-left
    base direction, so Latin words and numbers inside Arabic keep their own order. A line is
    taken as right to left when it holds a right-to-left letter, unless `right_to_left` says (a
    wrapped line of an Arabic paragraph may hold only Latin words); other lines, English text
    with an Arabic comma among them, are returned unchanged. Both libraries are imported only
    here, on first use.
    """
    if not (has_right_to_left_letter(line) if right_to_left is None else right_to_left):
        return line
    from bidi import get_display

    shown = str(get_display(marked_for_reordering(line), base_dir="R"))
    return mirror_reversed_brackets(marks_after_their_letters(unmarked(shown)))


def visual_caret(line: str, caret: int) -> tuple[str, int]:
    """`line` as a right-to-left line in visual order (`visual_order`), and where a caret at
    the logical position `caret` falls in it: how many of its characters are to the caret's
    left.

    The caret keeps to the character typed before it (the one after it, at the start): after
    an Arabic letter it is on that letter's left, after a Latin one on its right. Found by
    reordering the line with a letter of that direction at the caret, which no one types
    there; the caret of a lam-alef ligature split by it may be one character off.
    """
    shown = visual_order(line, right_to_left=True)
    beside = line[caret - 1 : caret] if caret > 0 else line[caret : caret + 1]
    mark = _CARET_LEFT_TO_RIGHT if _is_left_to_right(beside) else _CARET_RIGHT_TO_LEFT
    marked = visual_order(line[:caret] + mark + line[caret:], right_to_left=True)
    return shown, min(marked.index(mark), len(shown))


def visual_carets(line: str) -> tuple[str, list[int]]:
    """`line` as a right-to-left line in visual order, and for each logical caret position
    (0 to the line's length) where that caret falls in it (`visual_caret`)."""
    shown = visual_order(line, right_to_left=True)
    return shown, [visual_caret(line, caret)[1] for caret in range(len(line) + 1)]


_CARET_LEFT_TO_RIGHT = "\ue000"
"""A letter of the private-use area: left to right, unjoined, in no catalogue or query."""
_CARET_RIGHT_TO_LEFT = "\u07ca"
"""N'Ko letter A: right to left, not Arabic (the shaper leaves it), in no query here."""


def _is_left_to_right(char: str) -> bool:
    return bool(char) and unicodedata.bidirectional(char) in ("L", "EN")


def marked_for_reordering(line: str) -> str:
    """`line` shaped, harakat kept, with the marks that steer the reordering: a right-to-left
    mark after each Arabic comma, and each option name (`--skill / -s`, `--limit all`) and path
    (`/tmp/mine.json`) held in a left-to-right isolate, so that its hyphens or its first slash
    stay before it."""
    marked = _reshaper().reshape(line)
    marked = marked.replace(ARABIC_COMMA, ARABIC_COMMA + RIGHT_TO_LEFT_MARK)
    return _OPTION_NAMES.sub(lambda m: LEFT_TO_RIGHT_ISOLATE + m.group() + POP_ISOLATE, marked)


def unmarked(line: str) -> str:
    """`line` without the marks `marked_for_reordering` added."""
    return line.translate(_WITHOUT_MARKS)


ARABIC_COMMA = "\u060c"
RIGHT_TO_LEFT_MARK = "\u200f"
LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_ISOLATE = "\u2069"
_WITHOUT_MARKS = dict.fromkeys(map(ord, RIGHT_TO_LEFT_MARK + LEFT_TO_RIGHT_ISOLATE + POP_ISOLATE))

_OPTION = r"-{1,2}[A-Za-z][A-Za-z0-9-]*"
_PATH = r"(?:~|\.{1,2})?/[^\s'\u0600-\u06ff]*[^\s'\u0600-\u06ff:.,;]"
_OPTION_NAMES = re.compile(rf"(?<![^\s'(\[])(?:{_OPTION}(?:(?: / | ){_OPTION})*(?: all)?|{_PATH})")
"""Option names, alone or as `--skill / -s`, with `all` after one (`--limit all`), and paths
that start with a slash (`/tmp/mine.json`, `./mine.json`), without the punctuation after them."""


def _reshaper() -> ArabicReshaper:
    global _RESHAPER
    if _RESHAPER is None:
        import arabic_reshaper

        # Harakat are kept: `تُعرف` is not `تعرف`. They are combining marks, drawn over the
        # letter before them, which `marks_after_their_letters` keeps them after.
        _RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    return _RESHAPER


_RESHAPER: ArabicReshaper | None = None


def marks_after_their_letters(visual: str) -> str:
    """A reordered line with each run of Arabic combining marks (harakat) moved after the
    letter it belongs to, in its logical order: reversing a right-to-left run put them before
    it, reversed (`ٍّ` of `أيٍّ`), and a terminal
    draws a combining mark over the cell to its left (rule L3 of the bidirectional algorithm,
    which FriBidi applies and python-bidi does not)."""
    if _ARABIC_MARK.search(visual) is None:
        return visual
    return _ARABIC_MARKS_THEN_LETTER.sub(lambda m: m.group(2) + m.group(1)[::-1], visual)


_ARABIC_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
)
"""Arabic combining marks: harakat, tanween, shadda, sukun, the superscript alef, Quranic marks."""
_ARABIC_MARK = re.compile(f"[{_ARABIC_MARKS}]")
_ARABIC_MARKS_THEN_LETTER = re.compile(f"([{_ARABIC_MARKS}]+)([^\\s{_ARABIC_MARKS}])")


def has_right_to_left_letter(text: str) -> bool:
    """Whether `text` holds a letter of a right-to-left script (Arabic, Hebrew, in logical or
    presentation forms): what makes a paragraph right to left (rule P2 of the bidirectional
    algorithm). Arabic punctuation and digits alone do not."""
    return _RIGHT_TO_LEFT_LETTER.search(text) is not None


_RIGHT_TO_LEFT_LETTER = re.compile(
    character_class(
        code
        for start, end in ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
        for code in range(start, end + 1)
        if unicodedata.bidirectional(chr(code)) in ("R", "AL")
        and unicodedata.category(chr(code)).startswith("L")
    )
)


_OPENING = {")": "(", "]": "[", "}": "{", "»": "«"}
"""Each closing bracket and the opening one it pairs with."""
_CLOSING = {opening: closing for closing, opening in _OPENING.items()}


def mirror_reversed_brackets(visual: str) -> str:
    """A reordered line with each bracket pair that a right-to-left run reversed (`)ESCO(`)
    mirrored back (`(ESCO)`), as rule L4 of the bidirectional algorithm asks: python-bidi
    pairs brackets (rule N0) and reorders them, but leaves their glyphs as they were.

    Read from the left, a pair normally opens first; a closing bracket met before its opening
    one belongs to a reversed pair, and both of its brackets are swapped. A bracket without its
    pair on the line (a wrapped line may hold only one of the two) is mirrored where it stands
    in right-to-left text: unless the nearest strong character on both sides is a left-to-right
    one (rules N1 and N2, the edges of a right-to-left line counting as right to left)."""
    chars = list(visual)
    waiting: list[int] = []  # brackets not paired yet, by position
    for at, char in enumerate(chars):
        if char in _CLOSING or char in _OPENING:
            if waiting:
                top = chars[waiting[-1]]
                if char in _OPENING and top == _OPENING[char]:  # "(" ... ")": in order
                    waiting.pop()
                    continue
                if char in _CLOSING and top == _CLOSING[char]:  # ")" ... "(": reversed
                    chars[waiting.pop()], chars[at] = char, top
                    continue
            waiting.append(at)
    for at in waiting:
        if not (
            _strong_is_left_to_right(reversed(chars[:at]))
            and _strong_is_left_to_right(chars[at + 1 :])
        ):
            chars[at] = _OPENING.get(chars[at]) or _CLOSING[chars[at]]
    return "".join(chars)


def _strong_is_left_to_right(chars: Iterable[str]) -> bool:
    """Whether the first character of `chars` with a strong direction (letters, and numbers,
    which count as right to left here) is a left-to-right one; False when there is none."""
    for char in chars:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return True
        if direction in ("R", "AL", "EN", "AN"):
            return False
    return False
