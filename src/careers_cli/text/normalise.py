"""Search normalisation: the one form in which queries and catalogue text are compared.

`normalise` is the normaliser every search path uses (and the fuzzy matcher's processor), so a
query and the catalogue are always compared in the same form.
"""

from __future__ import annotations

import re
import unicodedata

from careers_cli.text.terminal import BIDI_CONTROLS

# Arabic diacritics (tashkeel: fathatan .. sukun and the extended marks) and superscript alef.
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_TATWEEL = "\u0640"
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


def completion_key(text: str) -> str:
    """The form in which a partly typed name is compared with the start of a name: NFKC,
    casefold, without diacritics, tatweel and direction marks, with the Arabic letter variants
    unified and Arabic-Indic digits mapped, but words and punctuation as typed, so that
    `data an` and `Data an` both start "Data analysis", and `مؤث` starts "مُؤَثِّر"."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold().translate(_SEARCH_TABLE)


def normalise(text: str) -> str:
    """The form in which queries and catalogue text are compared.

    NFKC (Arabic presentation forms become letters), casefold, drop diacritics, tatweel and
    direction marks, unify alef/teh marbuta/alef maksura variants, map Arabic-Indic digits,
    turn punctuation into spaces (except the symbols of names such as C++, C#, .NET and
    Node.js: see `_WORDS`), and drop a leading article or one-letter clitic per word.
    """
    if text.isascii():  # NFKC and the table change no ASCII character; no article is ASCII
        return " ".join(_WORDS.findall(text.lower()))
    words = _WORDS.findall(completion_key(text))
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
