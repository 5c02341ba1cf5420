"""Fixtures only; what tests import (paths, ways to run `careers`, readers) is in helpers.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import BASE_ENV, CLEARED


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in the pinned environment, whatever the shell that ran pytest holds."""
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)
    yield
