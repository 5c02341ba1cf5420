"""SHA-256 for the stores (their names, the check of a catalogue's content) without loading
OpenSSL's library where CPython has its own SHA-256: `hashlib` loads libcrypto, 3.6 MB of
memory for every command that opens a store. The digests are the same either way; where
CPython's own module is not there (another Python, a renamed module), `hashlib` is used.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Protocol, cast

# CPython's built-in SHA-256: `_sha2` from 3.12, `_sha256` before.
_BUILT_IN = ("_sha2", "_sha256")


@functools.cache
def _module() -> ModuleType:
    for name in _BUILT_IN:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "sha256"):
            return module
    return importlib.import_module("hashlib")


class Hash(Protocol):
    """What of a hash object is used here."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


def sha256(data: bytes = b"") -> Hash:
    """A SHA-256 hash object of `data`, as `hashlib.sha256(data)` is."""
    return cast(Hash, _module().sha256(data))
