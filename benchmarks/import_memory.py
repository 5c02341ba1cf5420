"""Peak memory of `careers import esco` for a zip, per MB of download: the real release and a
zip bomb, side by side.

    python benchmarks/import_memory.py [--runs 3]

The real release (tests/data/esco-release/esco-release.tar.xz) is zipped as ESCO's portal
ships it, files in a folder of their own. The bomb is the same zip with `occupations_en.csv`
replaced by ESCO's header and 500 MiB of one endless cell, which deflates to about 0.5 MB: what
someone could send a counsellor. Each is imported by the installed script, in a process of its
own, and its peak resident memory read from the system (`ru_maxrss` of the child); the script's
`--version` is measured the same way, as the floor of any run. Medians of `--runs` runs. This is
a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from benchmarks.relevance import RELEASE, unpack

MB = 1_000_000
BOMB_MIB = 500


def zip_release(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"ESCO dataset - v1.2.0 - classification - en - csv/{path.name}")
    return target


def zip_bomb(folder: Path, target: Path) -> Path:
    header = (folder / "occupations_en.csv").read_bytes().split(b"\n", 1)[0] + b"\n"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("occupations_en.csv", "w", force_zip64=True) as member:
            member.write(header + b'"')
            block = b"a" * (1 << 20)
            for _ in range(BOMB_MIB):
                member.write(block)
        for name in ("skills_en.csv", "occupationSkillRelations_en.csv"):
            archive.write(folder / name, name)
    return target


def peak_kib(argv: list[str]) -> tuple[int, int]:
    """Run `argv`; its exit status and the peak resident memory (KiB) of that process alone
    (`ru_maxrss` of RUSAGE_CHILDREN is the largest child's so far, so each is run from a fresh
    interpreter that reports its only child)."""
    probe = (
        "import resource, subprocess, sys; "
        "status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL).returncode; "
        "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True
    )
    status, kib = done.stdout.split()
    return int(status), int(kib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    careers = str(Path(sys.executable).with_name("careers"))
    with tempfile.TemporaryDirectory(prefix="careers-import-memory-") as scratch:
        folder = Path(scratch)
        unpack(RELEASE, folder / "unpacked")
        release = next((folder / "unpacked").rglob("occupations_en.csv")).parent
        zips = {
            "the real release": zip_release(release, folder / "release.zip"),
            f"a bomb ({BOMB_MIB} MiB in one cell)": zip_bomb(release, folder / "bomb.zip"),
        }
        floor = statistics.median(peak_kib([careers, "--version"])[1] for _ in range(args.runs))
        print(f"peak memory of `careers --version`: {floor / 1024:.0f} MiB (the floor)")
        print()
        print("| zip | download | exit | peak memory | per MB of download |")
        print("|---|---|---|---|---|")
        for name, path in zips.items():
            output = folder / "out.json"
            runs = []
            for _ in range(args.runs):
                output.unlink(missing_ok=True)
                argv = [careers, "import", "esco", str(path), "-o", str(output)]
                runs.append(peak_kib(argv))
            status = runs[0][0]
            peak = statistics.median(kib for _, kib in runs) / 1024
            size = os.path.getsize(path) / MB
            print(
                f"| {name} | {size:.1f} MB | {status} | {peak:.0f} MiB | "
                f"{peak / size:.0f} MiB per MB |"
            )


if __name__ == "__main__":
    main()
