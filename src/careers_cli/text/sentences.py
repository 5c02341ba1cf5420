"""Sentences: where the first sentence of a description ends."""

from __future__ import annotations

import re

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
