"""Text rules that know nothing about careers: search normalisation and terminal safety.

`normalise` is the one normaliser every search path uses (and the fuzzy matcher's processor), so
a query and the catalogue are always compared in the same form. `printable` makes untrusted text
safe to print: catalogue text and echoed queries never reach the terminal with raw control codes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

Language = Literal["en", "ar"]
"""A language the program speaks and catalogues are written in."""

# Arabic diacritics (tashkeel: fathatan .. sukun and the extended marks) and superscript alef.
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_TATWEEL = "\u0640"
# Bidi embeddings, overrides and isolates: they reorder the text around them.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Marks that change display direction or joining but carry no letters.
_INVISIBLE_FORMATTING = "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff" + BIDI_CONTROLS
_LETTER_VARIANTS = {
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0629": "\u0647",  # ة -> ه
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a",  # Persian yeh -> ي
    "\u06a9": "\u0643",  # keheh -> ك
}
_DIGITS = {0x0660 + d: str(d) for d in range(10)} | {0x06F0 + d: str(d) for d in range(10)}
_SEARCH_TABLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, _DIACRITICS + _TATWEEL + _INVISIBLE_FORMATTING)),
    **{ord(k): v for k, v in _LETTER_VARIANTS.items()},
    **_DIGITS,
}
# A word: letters and digits, with the symbols that make names of their own kept where they
# belong: inner dots (Node.js, ASP.NET, 3.5), a leading dot at the start of a word (.NET) and
# trailing plus and hash signs (C++, C#, F#). Everything else separates words.
_WORDS = re.compile(r"(?:(?<!\S)\.)?[^\W_]+(?:\.[^\W_]+)*[+#]*")
# The definite article, alone or after a one-letter conjunction or preposition (وال، بال، فال،
# كال), and لل (ل + ال); the remainder must keep at least two letters.
_ARTICLE = re.compile(r"^(?:[وفبك]?ال|لل)(?=\w{2})")
# A bare one-letter conjunction or preposition; only stripped from words of 4+ letters, so short
# words that merely start with one of these letters stay whole.
_CLITIC = re.compile(r"^[وفبل](?=\w{3})")

_PRINTABLE_TABLE: dict[int, str | None] = {
    **{c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\n\t"},
    0x7F: "\u2421",
    **dict.fromkeys(range(0x80, 0xA0), "\ufffd"),
    **dict.fromkeys(map(ord, BIDI_CONTROLS)),
    # Lone surrogates (undecodable bytes in arguments or file names) cannot be encoded.
    **dict.fromkeys(range(0xD800, 0xE000), "\ufffd"),
}


def normalise(text: str) -> str:
    """The form in which queries and catalogue text are compared.

    NFKC (Arabic presentation forms become letters), casefold, drop diacritics, tatweel and
    direction marks, unify alef/teh marbuta/alef maksura variants, map Arabic-Indic digits,
    turn punctuation into spaces (except the symbols of names such as C++, C#, .NET and
    Node.js: see `_WORDS`), and drop a leading article or one-letter clitic per word.
    """
    if text.isascii():  # NFKC and the table change no ASCII character; no article is ASCII
        return " ".join(_WORDS.findall(text.lower()))
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SEARCH_TABLE)
    words = _WORDS.findall(text)
    return " ".join(
        [_strip_prefixes(word) if word[0] in _PREFIX_STARTS else word for word in words]
    )


_PREFIX_STARTS = frozenset("اوفبكل")
"""The letters an article or clitic starts with: a word that starts otherwise keeps its start
(checked first, it spares the expressions most words, all English ones among them)."""


def _strip_prefixes(word: str) -> str:
    """Drop leading articles and clitics until none is left, so normalising is idempotent."""
    while True:
        stripped = _ARTICLE.sub("", word, count=1)
        if stripped == word:
            stripped = _CLITIC.sub("", word, count=1)
        if stripped == word:
            return word
        word = stripped


def printable(text: str) -> str:
    """`text` with nothing a terminal would obey: control codes shown as symbols.

    C0 controls (ESC among them) become their Unicode control pictures, C1 controls become
    U+FFFD, and bidi embeddings, overrides and isolates are removed, so catalogue text cannot
    move the cursor, change colours, set the title or clipboard, or hide or reorder other text.
    Lone surrogates become U+FFFD too. Newlines and tabs are kept.
    """
    if _UNPRINTABLE.search(text) is None:  # most text: nothing to change, found at once
        return text
    return text.translate(_PRINTABLE_TABLE)


def character_class(codes: Iterable[int], *, negated: bool = False) -> str:
    """A regular expression's class of the characters `codes` (with `negated`, of every other
    character), as ranges of escapes."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    escapes = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)
    return f"[{'^' if negated else ''}{escapes}]"


_UNPRINTABLE = re.compile(character_class(_PRINTABLE_TABLE))
"""A character `printable` changes."""


def printable_line(text: str) -> str:
    """`printable(text)` with newlines shown as U+2424, so it stays on one line."""
    return printable(text).replace("\n", "\u2424")


ECHO_LIMIT = 60


def one_line(text: str, limit: int | None = ECHO_LIMIT) -> str:
    """`printable(text)` on a single line (white space runs made one space) and at most `limit`
    characters (None: any length), for echoing a query."""
    line = " ".join(printable(text).split())
    return line if limit is None or len(line) <= limit else line[: limit - 1] + "…"


ABBREVIATIONS = frozenset(
    {
        *("e.g", "i.e", "etc", "vs", "cf", "al", "approx", "incl", "esp", "ca", "fig"),
        *("no", "nos", "vol", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr"),
        *("inc", "ltd", "co", "corp", "dept", "univ", "resp"),
    }
)
"""Words that end with a full stop without ending a sentence (compared in lower case, without
their last stop): "e.g.", "i.e.", "etc.", "Dr." and their like."""
_SENTENCE_END = re.compile(r"([.!?\u061f\u06d4])[\"'\u201d\u2019)\]]*(?=\s|$)")
"""A stop, with the closing quotes and brackets after it, before a space or the end."""


def first_sentence(text: str) -> str:
    """The text up to and including the end of its first sentence (the whole text if it has no
    end): a full stop, question or exclamation mark (Latin or Arabic) before a space or the
    end, unless it ends an abbreviation ("e.g.", "i.e.", "etc.", "Dr."), a single letter (an
    initial, "J."), or the next word starts in lower case (the sentence goes on)."""
    for match in _SENTENCE_END.finditer(text):
        if match.group(1) == "." and not _ends_sentence(text, match.start(1), match.end()):
            continue
        return text[: match.end()]
    return text


_WORD_BEFORE = re.compile(r"[\w.]*$")
_WORD_BEFORE_REACH = 16
"""How far before a full stop the word it ends is looked for: longer than any abbreviation, so a
longer word is no abbreviation whether or not its whole length was seen."""
_NEXT_WORD = re.compile(r"\s+(\S)")


def _ends_sentence(text: str, stop: int, end: int) -> bool:
    """Whether the full stop at `stop` (its closing marks reaching `end`) ends a sentence."""
    word = _WORD_BEFORE.search(text, max(0, stop - _WORD_BEFORE_REACH), stop)
    before = word.group().casefold() if word else ""
    if before in ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
        return False
    following = _NEXT_WORD.match(text, end)
    return following is None or not following.group(1).islower()


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def is_arabic(text: str) -> bool:
    """Whether `text` contains Arabic letters."""
    return _ARABIC_LETTER.search(text) is not None


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
