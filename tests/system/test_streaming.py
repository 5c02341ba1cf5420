"""Long tables are printed a chunk of rows at a time: the first rows reach a pipe at once, a
reader that stops early (`| head`) stops the command, and the chunks read as one table (one
header, the same column widths throughout)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from benchmarks.generate_catalogue import generate
from tests.helpers import CAREERS_SCRIPT, run_installed, settled, write_catalogue
from tests.support import streaming as streaming_support
from tests.support.background_build import env_for


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return streaming_support.big(tmp_path_factory)


def test_a_reader_that_stops_early_stops_the_command(tmp_path: Path) -> None:
    """`careers list -n all | head -1`: the first row arrives while the rest (3,000 careers,
    seconds of work) is still being printed, and closing the pipe ends the command quietly,
    exit 0."""
    big = write_catalogue(tmp_path / "careers-3000.json", generate(3000))
    settled(big)
    env = env_for(tmp_path / "cache", CAREERS_CACHE_BUILD="foreground", COLUMNS="100")
    assert run_installed(["list", "--data", str(big), "-n", "1"], env).exit_code == 0
    process = subprocess.Popen(
        [str(CAREERS_SCRIPT), "list", "--data", str(big), "-n", "all"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline().decode()
    assert first.split() == ["id", "career", "skills"]
    assert process.poll() is None  # streamed: still printing the other rows
    process.stdout.close()  # as `head -1` does once it has its line
    assert process.wait(timeout=60) == 0
    with process.stderr:
        assert process.stderr.read() == b""
