"""`--limit all` on the real ESCO release: the table against the same command's JSON, how soon
the first line reaches a pipe, and how soon `| head -1` ends the command.

    python -m benchmarks.streaming [--runs 5]

The release kept for the tests (tests/data/esco-release) is unpacked and imported in a child
process, its store compiled, then each command is run `--runs` times, interleaved (table, JSON,
table, JSON ...) so that load on the machine touches both alike; figures are medians. A run's
output goes to a pipe that this process reads to the end ("whole") or closes after the first
line ("head -1"), as `| head -1` does; the command must then end with status 0 and nothing on
stderr (no traceback, no broken-pipe message).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.run import CAREERS, unpacked_release

COMMANDS = {
    "skills --limit all": ["skills", "--limit", "all"],
    "list --limit all": ["list", "--limit", "all"],
    "skills --limit all --lang ar": ["skills", "--limit", "all", "--lang", "ar"],
}


def whole(command: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the first line and to the end of the output, read whole from a pipe."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None
    process.stdout.readline()
    first = time.perf_counter() - start
    process.stdout.read()
    _, error = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {error.decode()}")
    return first, time.perf_counter() - start


def head_one(command: Sequence[str], env: dict[str, str]) -> float:
    """Seconds until the command ends after its reader took one line and closed the pipe."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    process.wait()
    if process.returncode != 0 or error:
        raise SystemExit(f"{' '.join(command)} | head -1: {process.returncode} {error.decode()}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, COLUMNS="100", NO_COLOR="1", CAREERS_CACHE_DIR=f"{folder}/cache")
        data = _release(Path(folder), env)
        print(f"--limit all on the ESCO release: medians of {runs} interleaved runs, to a pipe")
        print(f"{'command':30} {'first line':>10} {'whole':>8} {'JSON':>8} {'x JSON':>7}"
              f" {'| head -1':>9}")  # fmt: skip
        for name, args in COMMANDS.items():
            table, json_times, heads = [], [], []
            for _ in range(runs):
                table.append(whole([*CAREERS, *args, *data], env))
                json_times.append(whole([*CAREERS, *args, "-f", "json", *data], env)[1])
                heads.append(head_one([*CAREERS, *args, *data], env))
            first = statistics.median(t[0] for t in table)
            total = statistics.median(t[1] for t in table)
            as_json = statistics.median(json_times)
            print(
                f"{name:30} {first:9.2f}s {total:7.2f}s {as_json:7.2f}s {total / as_json:6.2f}x"
                f" {statistics.median(heads):8.2f}s"
            )
    return 0


def _release(folder: Path, env: dict[str, str]) -> list[str]:
    """The release unpacked, imported and compiled, each in a child: `--data` and its path."""
    source = unpacked_release(folder)
    output = folder / "esco-release.json"
    quiet = {"stdout": subprocess.DEVNULL, "env": env, "check": True}
    subprocess.run([*CAREERS, "import", "esco", str(source), "-o", str(output)], **quiet)  # type: ignore[call-overload]
    subprocess.run([*CAREERS, "cache", "build", "--data", str(output)], **quiet)  # type: ignore[call-overload]
    return ["--data", str(output)]


if __name__ == "__main__":
    sys.exit(main())
