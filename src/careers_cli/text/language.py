"""The languages the program speaks, text in both of them, and telling Arabic from other text."""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

Language = Literal["en", "ar"]
"""A language the program speaks and catalogues are written in."""
LANGUAGES: tuple[Language, ...] = ("en", "ar")
"""Every `Language`, English first."""


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def is_arabic(text: str) -> bool:
    """Whether `text` contains Arabic letters."""
    return _ARABIC_LETTER.search(text) is not None


class Bilingual(NamedTuple):
    """The same text in English and Arabic; "" where a language is missing (format 2 needs
    only one of them)."""

    en: str
    ar: str

    def in_language(self, language: Language) -> str:
        """The text in `language`, or in the other language where it is missing (a fallback,
        which `is_fallback` tells)."""
        own, other = (self.ar, self.en) if language == "ar" else (self.en, self.ar)
        return own or other

    def is_fallback(self, language: Language) -> bool:
        """Whether `in_language(language)` gives the other language's text."""
        return not (self.ar if language == "ar" else self.en)

    def get(self, language: Language) -> str | None:
        """The text in `language` itself, or None."""
        return (self.ar if language == "ar" else self.en) or None
