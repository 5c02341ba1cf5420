"""Long lists are bounded by default and complete on request: `list` shows 20 careers,
`skills` 25, `compare` 30 skills, `match` 10, each saying how many it shows of how many and
which flag shows them all (below the table; on stderr for data formats, which stay valid
data)."""

from __future__ import annotations

from tests.helpers import (
    run_installed,
)


class TestPlainOutput:
    """Printed to a pipe or a file, no line of a view ends with the spaces Rich pads it with."""

    def test_the_installed_script_writes_no_trailing_spaces(self) -> None:
        run = run_installed(["show", "influencer"], env={"COLUMNS": "160"})
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith("Social Media Influencer  influencer\n")
        assert all(line == line.rstrip() for line in run.stdout.splitlines())
