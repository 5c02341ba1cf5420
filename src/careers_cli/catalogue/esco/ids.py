"""Readable ids for ESCO's concepts: slugs of their English labels, the same on every run.

A counsellor types ids (`careers show online-community-manager`), so they are made from the
label, not the URI. The symbols that make names of their own are spelled out, so that C, C++
and C# stay three ids (`c`, `c-plus-plus`, `c-sharp`; `.NET` is `dot-net`), and a number keeps
its digits together (`5,700 kg` is `5700-kg`). A long label is cut at a hyphen between words,
never inside a word or number, to at most `MAX_ID_LENGTH` characters.

Two labels can still make the same slug (`CAD` and `C.A.D.`). A label that the slug spells
out whole (only its case and spaces differ) keeps the slug; otherwise the records that share
one are put in the order of their URIs and the first keeps it. Each other one gets a short key
from its URI. The ids therefore depend only on the release, never on the order of its rows.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping

MAX_ID_LENGTH = 60
"""The longest id the importer makes (the format allows 80). At 60, an id fits whole on an
80-column line with the deepest indentation a view gives it (under 20 columns), so it can be
copied from any view; at 80, ESCO's longest folded."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_HEX_KEY = re.compile(r"[0-9a-f]{8}")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Symbols that are part of a name, as words: C#, F#, C++, Notepad++, .NET, ASP.NET.
_SYMBOLS = (
    (re.compile(r"(?<=[a-z0-9])#"), " sharp "),
    (re.compile(r"(?<=[a-z0-9])\+\+"), " plus plus "),
    (re.compile(r"(?<=[a-z0-9])\+(?![a-z0-9])"), " plus "),
    (re.compile(r"\.(?=net\b)"), " dot "),
)
# A thousands separator inside a number: 5,700 is one number.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


def slug(label: str, max_length: int = MAX_ID_LENGTH) -> str:
    """`label` in lowercase ASCII with hyphens, symbols of names spelled out, at most
    `max_length` characters, cut at a hyphen between two words that are not both numbers
    where there is one; empty when nothing of it is ASCII."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    text = _THOUSANDS.sub("", ascii_text.lower())
    for pattern, words in _SYMBOLS:
        text = pattern.sub(words, text)
    text = _NOT_SLUG.sub("-", text).strip("-")
    if len(text) <= max_length:
        return text
    for cut in range(max_length, 0, -1):
        if text[cut] == "-" and not (text[cut - 1].isdigit() and text[cut + 1].isdigit()):
            return text[:cut]
    return text[:max_length].rstrip("-")  # no hyphen between words: cut where it must


_PLAIN_LABEL = re.compile(r"[a-z0-9]+(?:[ -][a-z0-9]+)*")


def spelled_whole(label: str) -> bool:
    """Whether `label`'s slug spells it out whole: it has nothing but letters and digits, in
    words separated by spaces or hyphens (`c`, `web design`), so no other label's slug can
    claim its words more rightly."""
    return _PLAIN_LABEL.fullmatch(label.lower()) is not None


def uri_keys(uri: str) -> Iterator[str]:
    """Keys that tell records apart, shortest first: the first 8 hex digits of the URI's last
    segment (ESCO's are UUIDs) or of its hash, then longer ones of its hash."""
    digest = hashlib.sha256(uri.encode("utf-8")).hexdigest()
    segment = uri.rstrip("/").rpartition("/")[2].lower().replace("-", "")
    yield segment[:8] if _HEX_KEY.fullmatch(segment[:8]) else digest[:8]
    yield from (digest[:length] for length in (16, 32, 64))


def unique_ids(labels: Mapping[str, str], kind: str) -> dict[str, str]:
    """An id for each URI of `labels` (URI to English label), unique among them.

    A label with nothing ASCII in it gives `kind` and a key of its URI (`skill-1a2b3c4d`).
    Of the records whose labels make the same slug, one spelled out whole by it keeps it,
    else the first by URI (see the module's docstring).
    """
    sharing: dict[str, list[str]] = {}
    for uri, label in labels.items():
        base = slug(label) or f"{kind}-{next(uri_keys(uri))}"
        sharing.setdefault(base, []).append(uri)
    ids: dict[str, str] = {}
    others: list[tuple[str, str]] = []
    for base, uris in sharing.items():
        first, *rest = sorted(uris, key=lambda uri: (not spelled_whole(labels[uri]), uri))
        ids[first] = base
        others.extend((uri, base) for uri in rest)
    taken = set(ids.values())
    for uri, base in sorted(others):
        ids[uri] = _free_id(base, uri, taken)
        taken.add(ids[uri])
    return ids


def _free_id(base: str, uri: str, taken: set[str]) -> str:
    """`base` and the shortest key of `uri` that makes an id no other record has."""
    candidate = base
    for key in uri_keys(uri):
        candidate = f"{slug(base, MAX_ID_LENGTH - len(key) - 1)}-{key}"
        if candidate not in taken:
            return candidate
    return candidate  # a 64-digit hash shared by two URIs: not in this universe
