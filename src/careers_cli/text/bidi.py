"""Right-to-left text in visual order, for terminals that print characters as given."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from careers_cli.text.language import is_arabic


def visual_order(line: str, *, right_to_left: bool | None = None) -> str:
    """One display line of logical text as a terminal without bidi support must receive it.

    Arabic letters are shaped to their joined forms (arabic-reshaper) and the line is reordered
    by the Unicode bidirectional algorithm (python-bidi) with a right-to-left base direction, so
    Latin words and numbers inside Arabic keep their own order. A line is taken as right to left
    when it contains Arabic, unless `right_to_left` says (a wrapped line of an Arabic paragraph
    may hold only Latin words); other lines are returned unchanged. Both libraries are imported
    only here, on first use.
    """
    if not (is_arabic(line) if right_to_left is None else right_to_left):
        return line
    import arabic_reshaper
    from bidi import get_display

    # An Arabic comma between two Latin words would join them into one left-to-right run, and
    # a list of ids would read backwards; a right-to-left mark after it keeps it with the
    # Arabic text, so each id follows the one before it leftwards.
    marked = arabic_reshaper.reshape(line).replace(ARABIC_COMMA, ARABIC_COMMA + RIGHT_TO_LEFT_MARK)
    shown = str(get_display(marked, base_dir="R")).replace(RIGHT_TO_LEFT_MARK, "")
    return mirror_reversed_brackets(shown)


ARABIC_COMMA = "\u060c"
RIGHT_TO_LEFT_MARK = "\u200f"


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
