"""The quick paths measured: TAB and warm commands against the reference app and against a
bare Python that imports SQLite, side by side in one run; the first run after an import, and
after a change, against `validate` of the same file.

    python benchmarks/run.py --skip-scale --skip-store --skip-tables   (this part alone)

Every command of one table runs once per round, in the same order, round after round, so
load on the machine touches them alike; figures are medians; peak memory is the child's
maximum resident set size.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.run import (
    CAREERS,
    PYTHON,
    REFERENCE,
    Samples,
    _completion,
    _real_esco,
    _wait_for_background_build,
    interleaved,
    measure,
    median_memory,
    median_time,
)

SQLITE = [PYTHON, "-c", "import sqlite3"]
TAB_TARGET = 0.35
WARM_TARGET = 0.85
WARM_MEMORY_TARGET = 1.10
FIRST_RUN_TARGET = 1.2
# (catalogue, command) -> the targets it has: TAB on ESCO; the warm commands the issue names.
TARGETED = {
    ("ESCO", "TAB"): "tab",
    ("ESCO", "show"): "warm",
    ("ESCO", "match, 3 skills"): "warm",
    ("ESCO", "skills TEXT"): "warm",
    ("built-in", "show"): "warm",
    ("built-in", "list"): "warm",
    ("built-in", "match, 3 skills"): "warm",
}


def _commands(
    data: list[str], prefix: str, title: str, skills: list[str], text: str
) -> dict[str, list[str]]:
    line = " ".join(["careers", "show", *data, prefix])
    return {
        "TAB": _completion(line),
        "show": [*CAREERS, "show", title, *data],
        "match, 3 skills": [*CAREERS, "match", *[a for s in skills for a in ("-s", s)], *data],
        "skills TEXT": [*CAREERS, "skills", text, *data],
        "list": [*CAREERS, "list", *data],
    }


def warm(runs: int, release: Path) -> bool:
    catalogues = {
        "built-in": _commands(
            [], "inf", "influencer", ["analytics", "communication", "marketing"], "analysis"
        ),
        "ESCO": _commands(
            ["--data", str(release)],
            "nur",
            "nurse responsible for general care",
            ["statistics", "data-mining", "python-computer-programming"],
            "data mining",
        ),
    }
    commands: dict[str, Sequence[str]] = {"reference app": REFERENCE, "import sqlite3": SQLITE}
    for catalogue, kinds in catalogues.items():
        commands |= {f"{catalogue}: {kind}": command for kind, command in kinds.items()}
    results = interleaved(commands, runs)
    ref_time = median_time(results["reference app"])
    ref_memory = median_memory(results["reference app"])
    floor = median_time(results["import sqlite3"])
    print(f"\nQuick paths: median of {runs} interleaved rounds, warm (stores compiled)")
    print(
        f"{'command':28} {'time':>9} {'x ref':>6} {'x sqlite3':>9} {'peak RSS':>9} {'x ref':>6}"
        "  target"
    )
    met = True
    for name, samples in results.items():
        met &= _row(name, samples, ref_time, ref_memory, floor)
    return met


def _row(name: str, samples: Samples, ref_time: float, ref_memory: float, floor: float) -> bool:
    elapsed, memory = median_time(samples), median_memory(samples)
    time_ratio, memory_ratio = elapsed / ref_time, memory / ref_memory
    catalogue, _, kind = name.partition(": ")
    target = TARGETED.get((catalogue, kind))
    ok = True
    verdict = ""
    if target == "tab":
        ok = time_ratio <= TAB_TARGET
        verdict = f"{TAB_TARGET}x time: {'met' if ok else 'MISSED'}"
    elif target == "warm":
        ok = time_ratio <= WARM_TARGET and memory_ratio <= WARM_MEMORY_TARGET
        verdict = f"{WARM_TARGET}x, {WARM_MEMORY_TARGET}x: {'met' if ok else 'MISSED'}"
    print(
        f"{name:28} {1000 * elapsed:7.1f}ms {time_ratio:5.2f}x {elapsed / floor:8.2f}x"
        f" {memory / 1024:7.1f}MB {memory_ratio:5.2f}x  {verdict}"
    )
    return ok


def first_runs(runs: int, source: Path, folder: Path) -> bool:
    """The first `show` after `import esco` (its store compiled by then, as the import has
    it compiled), and the first after a change of the file (validated, its store compiled in
    the background afterwards), each against `validate` of the same file."""
    title = "nurse responsible for general care"
    after_import: Samples = []
    after_change: Samples = []
    validate: Samples = []
    ready: list[float] = []
    for round_number in range(runs):
        output = folder / f"imported-{round_number}.json"
        started = time.monotonic()
        subprocess.run(
            [*CAREERS, "import", "esco", str(source), "-o", str(output)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        _wait_for_background_build(output)
        ready.append(time.monotonic() - started)
        after_import.append(measure([*CAREERS, "show", title, "--data", str(output)]))
        os.utime(output)  # a new modification time: the store is out of date
        after_change.append(measure([*CAREERS, "show", title, "--data", str(output)]))
        _wait_for_background_build(output)  # never measure beside a build
        validate.append(measure([*CAREERS, "validate", str(output)]))
    base_time, base_memory = median_time(validate), median_memory(validate)
    print(f"\nFirst runs against validate of the same file: median of {runs}")
    met = True
    for name, samples in (("after import esco", after_import), ("after a change", after_change)):
        time_ratio = median_time(samples) / base_time
        memory_ratio = median_memory(samples) / base_memory
        ok = time_ratio <= FIRST_RUN_TARGET and memory_ratio <= FIRST_RUN_TARGET
        met &= ok
        print(
            f"  show, {name:18} {1000 * median_time(samples):7.1f}ms {time_ratio:5.2f}x"
            f" {median_memory(samples) / 1024:7.1f}MB {memory_ratio:5.2f}x"
            f"  {FIRST_RUN_TARGET}x: {'met' if ok else 'MISSED'}"
        )
    print(
        f"  validate                  {1000 * base_time:7.1f}ms        {base_memory / 1024:7.1f}MB"
        f"  (import and store ready in {statistics.median(ready):4.2f}s)"
    )
    return met


def instant(runs: int) -> bool:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["CAREERS_CACHE_DIR"] = str(folder / "cache")
        release = _real_esco(folder)
        foreground = {**os.environ, "CAREERS_CACHE_BUILD": "foreground"}
        subprocess.run(
            [*CAREERS, "list", "--data", str(release)],
            check=True,
            stdout=subprocess.DEVNULL,
            env=foreground,
        )
        met = warm(runs, release)
        source = next((folder / "release").rglob("occupations_en.csv")).parent
        met &= first_runs(max(3, runs // 3), source, folder)
    return met
