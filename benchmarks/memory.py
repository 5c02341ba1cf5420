"""Peak memory of `careers validate` on large catalogues, valid and invalid.

    python benchmarks/memory.py [--sizes 10 50 100] [--shapes valid empty-records dangling]

For each shape and size it writes a file of about that many MB in a temporary folder, runs
`careers validate` on it once, and reports the child's peak resident memory (`os.wait4`) and
wall time. A straight line through each shape's points gives "about A MB per MB of file plus
B MB"; with the largest file a catalogue may have (256 MiB), the line bounds the memory a run
takes. MB here is 10**6 bytes, for files and memory alike (peak memory is read on Linux, in
KiB). This is a benchmark, not a test.

Shapes:
  valid          benchmarks/generate_catalogue.py's catalogue, about 2.3 KB per career
  empty-records  {"schema_version": 1, "careers": [{}, {}, ...], "skills": []}: an object
                 every 3 bytes, the densest invalid file, with 5 problems per record
  dangling       the valid catalogue with its skill vocabulary cut to one skill: well-formed
                 records whose skill references are almost all unknown
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CAREERS = [
    sys.executable,
    "-c",
    "import sys; from careers_cli.entry import main; sys.argv[0] = 'careers'; main()",
]
MB = 1_000_000
SAMPLE_CAREERS = 1_000


# Runs `careers validate` and prints its exit status, peak memory in KiB and wall time. Measured
# from a fresh interpreter, not from this process: a child's peak memory starts at the size of
# the process it was forked from, and this one holds the catalogues it generated.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, elapsed)
"""


def measure(path: Path) -> tuple[int, float, float]:
    """Exit status, peak resident memory in MB and wall time in seconds of one validate."""
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    command = [sys.executable, "-c", _MEASURE, *CAREERS, "validate", str(path)]
    report = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    status, peak_kib, elapsed = report.stdout.split()
    return int(status), int(peak_kib) * 1024 / MB, float(elapsed)


def _generated(megabytes: float, *, dangling: bool) -> str:
    from benchmarks.generate_catalogue import generate

    sample = len(json.dumps(generate(SAMPLE_CAREERS), ensure_ascii=False).encode())
    catalogue: dict[str, Any] = generate(max(1, round(megabytes * MB * SAMPLE_CAREERS / sample)))
    if dangling:
        catalogue["skills"] = catalogue["skills"][:1]
    return json.dumps(catalogue, ensure_ascii=False)


def _empty_records(megabytes: float) -> str:
    frame = '{"schema_version":1,"careers":[],"skills":[]}'
    count = max(1, round((megabytes * MB - len(frame)) / 3))
    return frame.replace("[]", "[" + ",".join(["{}"] * count) + "]", 1)


SHAPES: dict[str, Callable[[float], str]] = {
    "valid": lambda megabytes: _generated(megabytes, dangling=False),
    "empty-records": _empty_records,
    "dangling": lambda megabytes: _generated(megabytes, dangling=True),
}


def fit(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through `points`."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0
    return slope, mean_y - slope * mean_x


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 50, 100], help="MB")
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    print(f"Python {sys.version.split()[0]}; careers validate, one run per file")
    print(f"{'shape':14} {'file':>9} {'exit':>4} {'peak RSS':>10} {'time':>8}")
    largest = 256 * 1024 * 1024 / MB
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes:
            points = []
            for size in args.sizes:
                path = Path(folder) / f"{shape}-{size:g}.json"
                path.write_text(SHAPES[shape](size), encoding="utf-8")
                megabytes = path.stat().st_size / MB
                status, peak, elapsed = measure(path)
                path.unlink()
                points.append((megabytes, peak))
                print(f"{shape:14} {megabytes:6.1f} MB {status:4} {peak:7.1f} MB {elapsed:7.2f}s")
            slope, intercept = fit(points)
            print(
                f"{'':14} about {slope:.1f} MB per MB of file plus {intercept:.0f} MB: "
                f"{slope * largest + intercept:,.0f} MB at 256 MiB"
            )


if __name__ == "__main__":
    main()
