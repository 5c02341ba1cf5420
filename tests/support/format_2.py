"""What the format 2 tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from tests.helpers import TEST_DATA

FEATURES = TEST_DATA / "format-2-features.json"
