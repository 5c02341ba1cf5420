"""Readable ids for ESCO's concepts: slugs of their English labels, the same on every run.

A counsellor types ids (`careers show online-community-manager`), so they are made from the
label, not the URI. Two labels can make the same slug; the records that share one are put in
the order of their URIs, the first keeps the slug and each other one gets a short key from its
URI. The ids therefore depend only on the release, never on the order of its rows.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping

MAX_ID_LENGTH = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_HEX_KEY = re.compile(r"[0-9a-f]{8}")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug(label: str, max_length: int = MAX_ID_LENGTH) -> str:
    """`label` in lowercase ASCII with hyphens, at most `max_length` characters, cut at a
    hyphen where there is one; empty when nothing of it is ASCII."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    text = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(text) <= max_length:
        return text
    head, hyphen, _ = text[: max_length + 1].rpartition("-")
    return head if hyphen else text[:max_length]


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
    """
    sharing: dict[str, list[str]] = {}
    for uri, label in labels.items():
        base = slug(label) or f"{kind}-{next(uri_keys(uri))}"
        sharing.setdefault(base, []).append(uri)
    ids: dict[str, str] = {}
    others: list[tuple[str, str]] = []
    for base, uris in sharing.items():
        first, *rest = sorted(uris)
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
