"""The stores' SHA-256 is hashlib's, with or without CPython's own module."""

from __future__ import annotations

import hashlib

import pytest

from careers_cli.index import digest

SAMPLES = [b"", b"abc", "مؤثر".encode(), bytes(range(256)) * 1000]


@pytest.mark.parametrize("data", SAMPLES, ids=["empty", "abc", "arabic", "long"])
def test_the_digest_is_hashlibs(data: bytes) -> None:
    assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_updates_add_up_as_in_hashlib() -> None:
    hashed = digest.sha256()
    for part in (b"one", b"two", b"three"):
        hashed.update(part)
    assert hashed.hexdigest() == hashlib.sha256(b"onetwothree").hexdigest()


def test_without_cpythons_own_module_hashlib_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digest, "_BUILT_IN", ("_no_such_module_here",))
    digest._module.cache_clear()  # looked up once per process
    try:
        assert digest._module() is hashlib
        assert digest.sha256(b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest()
    finally:
        digest._module.cache_clear()
