"""What the bounds tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

LIMIT = 20
"""The documented default of `list`."""


SKILL_LIMIT = 25
"""The documented default of `skills`."""


COMPARE_DEFAULT = 30
"""The documented number of skill rows `compare` shows by default."""
