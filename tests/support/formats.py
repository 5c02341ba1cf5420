"""What the formats tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

from tests.helpers import DATA_COMMANDS

COMMANDS = DATA_COMMANDS


MACHINE_FORMATS = ("json", "csv", "markdown")
