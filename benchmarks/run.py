"""Start-up and scale benchmark: `careers` against a reference Typer + Rich app.

    python benchmarks/run.py [--runs 15]

Runs are interleaved (A B A B ...) so that load on the machine touches both sides alike; each
figure is a median, and each ratio compares medians from the same run. Peak memory is the
child's maximum resident set size (`os.wait4`). Bytecode is compiled first, as an installed
wheel has it. This is a benchmark, not a test: it is not part of the test suite.

Beside each scale figure is a floor: the built-in run's time plus the time just to read the
file and parse its JSON. No cold run that checks every record can be faster than that,
whatever its validation costs.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
CAREERS = [
    PYTHON,
    "-c",
    "import sys; from careers_cli.entry import main; sys.argv[0] = 'careers'; main()",
]
REFERENCE = [PYTHON, str(HERE / "reference_app.py")]
STARTUP_COMMANDS = {
    "careers list": [*CAREERS, "list"],
    "careers show influencer": [*CAREERS, "show", "influencer"],
    "careers match -s analytics": [*CAREERS, "match", "-s", "analytics"],
    "careers --help": [*CAREERS, "--help"],
}
STARTUP_TARGET = 1.10
SCALE_SIZES = (1_000, 10_000, 50_000)
SCALE_TARGETS = {10_000: 1.5, 50_000: 3.0}


def measure(command: Sequence[str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in KiB of one run."""
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        message = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed: {message}")
    return elapsed, usage.ru_maxrss


Samples = list[tuple[float, int]]


def interleaved(commands: Mapping[str, Sequence[str]], runs: int) -> dict[str, Samples]:
    results: dict[str, Samples] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(measure(command))
    return results


def median_time(samples: Samples) -> float:
    return statistics.median(s[0] for s in samples)


def median_memory(samples: Samples) -> float:
    return statistics.median(s[1] for s in samples)


def startup(runs: int) -> bool:
    print(f"Start-up: median of {runs} interleaved runs against the reference app")
    print(f"{'command':30} {'time':>9} {'x ref':>7} {'peak RSS':>10} {'x ref':>7}  target")
    met = True
    for name, command in STARTUP_COMMANDS.items():
        results = interleaved({"reference": REFERENCE, name: command}, runs)
        ref_time, ref_memory = (
            median_time(results["reference"]),
            median_memory(results["reference"]),
        )
        time_ratio = median_time(results[name]) / ref_time
        memory_ratio = median_memory(results[name]) / ref_memory
        targeted = name != "careers --help"
        ok = time_ratio <= STARTUP_TARGET and memory_ratio <= STARTUP_TARGET
        met &= ok or not targeted
        verdict = ("met" if ok else "MISSED") if targeted else "(no target)"
        print(
            f"{name:30} {1000 * median_time(results[name]):7.1f}ms {time_ratio:6.2f}x"
            f" {median_memory(results[name]) / 1024:8.1f}MB {memory_ratio:6.2f}x  {verdict}"
        )
    print(f"{'reference app':30} {1000 * ref_time:7.1f}ms {'':7} {ref_memory / 1024:8.1f}MB")
    return met


def parse_floor(path: Path, runs: int) -> float:
    """Median seconds to read a file and parse its JSON, in this process, with the garbage
    collector paused as the loader pauses it.

    The parser is pydantic-core's (jiter); `json.loads` takes about as long. A command that checks
    every record must at least do this, so the built-in run's time plus this is a floor for
    any cold run on that file, whatever the validation costs.
    """
    import gc

    from pydantic_core import from_json

    times = []
    for _ in range(runs):
        gc.disable()
        start = time.perf_counter()
        from_json(path.read_bytes())
        times.append(time.perf_counter() - start)
        gc.enable()
    return statistics.median(times)


def scale(runs: int) -> bool:
    print(f"\nScale: median of {runs} interleaved runs, ratio to the built-in catalogue")
    print("(reading the file each time, as with --no-cache; the store's figures follow)")
    os.environ["CAREERS_NO_CACHE"] = "1"
    met = True
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for size in SCALE_SIZES:
            path = Path(folder) / f"careers-{size}.json"
            # In a child process: this one's memory would count in every later child's peak
            # RSS (Linux keeps the peak across the fork and exec that start a command).
            generator = [PYTHON, str(HERE / "generate_catalogue.py"), "--careers", str(size)]
            subprocess.run([*generator, "--output", str(path)], check=True)
            paths[size] = path
        floors = {size: parse_floor(path, runs) for size, path in paths.items()}
        for args in (["show", "influencer"], ["match", "-s", "analytics"]):
            commands: dict[str, Sequence[str]] = {"built-in": [*CAREERS, *args]}
            commands |= {str(n): [*CAREERS, *args, "--data", str(p)] for n, p in paths.items()}
            results = interleaved(commands, runs)
            base = median_time(results["built-in"])
            print(f"careers {' '.join(args)}: built-in catalogue {1000 * base:.1f}ms")
            print(f"  {'':30} {'time':>8} {'ratio':>6}  {'read+parse floor':>16}  target")
            for size in SCALE_SIZES:
                ratio = median_time(results[str(size)]) / base
                floor = (base + floors[size]) / base
                target = SCALE_TARGETS.get(size)
                ok = target is None or ratio <= target
                met &= ok
                verdict = f"{target}x: {'met' if ok else 'MISSED'}" if target else ""
                megabytes = paths[size].stat().st_size / 1e6
                print(
                    f"  {size:>6} careers ({megabytes:6.1f} MB): "
                    f"{1000 * median_time(results[str(size)]):8.1f}ms {ratio:5.2f}x"
                    f"  {1000 * floors[size]:7.1f}ms {floor:5.2f}x  {verdict}"
                )
    del os.environ["CAREERS_NO_CACHE"]
    return met


WARM_TARGET = 1.2
COLD_TARGET = 1.3


def _completion(line: str) -> list[str]:
    """`careers` answering the shell's request to complete `line` (as bash asks it)."""
    return [
        "env",
        "_CAREERS_COMPLETE=bash",
        f"_CAREERS_COMPLETE_LINE={line}",
        *CAREERS,
    ]


def _esco_like(folder: Path) -> Path:
    """A catalogue imported from an ESCO download of full size (3,039 occupations, 13,900
    skills, about 129,000 links), generated in ESCO's own layout."""
    from benchmarks.import_esco import write_download

    download = folder / "esco-download"
    download.mkdir()
    write_download(download)
    return _imported(download, folder / "esco.json")


def _imported(download: Path, output: Path) -> Path:
    """`careers import esco DOWNLOAD -o OUTPUT`, quietly; OUTPUT."""
    subprocess.run(
        [*CAREERS, "import", "esco", str(download), "-o", str(output)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return output


def _show_command(data: list[str], prefix: str, skills: list[str], title: str) -> list[str]:
    return [*CAREERS, "show", title, *data]


def _match_command(data: list[str], prefix: str, skills: list[str], title: str) -> list[str]:
    return [*CAREERS, "match", *[a for s in skills[:3] for a in ("-s", s)], "-n", "10", *data]


def _complete_command(data: list[str], prefix: str, skills: list[str], title: str) -> list[str]:
    return _completion(" ".join(["careers", "show", *data, prefix]))


def _skills_command(data: list[str], prefix: str, skills: list[str], title: str) -> list[str]:
    return [*CAREERS, "skills", skills[-1], *data]


def _next_command(data: list[str], prefix: str, skills: list[str], title: str) -> list[str]:
    return [*CAREERS, "next", title, *data]


def _gap_command(data: list[str], prefix: str, skills: list[str], title: str) -> list[str]:
    source, _, target = title.partition(" => ")
    return [*CAREERS, "gap", source, target, *data]


def _real_esco(folder: Path) -> Path:
    """The ESCO release kept for the tests (tests/data/esco-release), unpacked and imported,
    each in a child process: this one's memory would count in every later child's peak RSS."""
    return _imported(unpacked_release(folder), folder / "esco-release.json")


def unpacked_release(folder: Path) -> Path:
    """The ESCO release kept for the tests unpacked under `folder` by a child process (whose
    memory counts in no later child's peak RSS): the folder of its CSV files."""
    unpacked = folder / "release"
    subprocess.run(
        [PYTHON, "-c", "from benchmarks.relevance import RELEASE, unpack; import sys; "
         "unpack(RELEASE, __import__('pathlib').Path(sys.argv[1]))", str(unpacked)],
        check=True,
        cwd=REPO,
    )  # fmt: skip
    return next(unpacked.rglob("occupations_en.csv")).parent


_PICK = """
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
print(data["careers"][1500]["title"]["en"])
print(data["careers"][1501]["title"]["en"])
print("\\n".join(s["id"] for s in data["skills"][100:3000:1000]))
print(data["skills"][2000]["label"]["en"])
"""
"""Prints a career title, three skill ids and a skill label of an imported catalogue."""


def store(runs: int) -> bool:
    """Commands answered from a compiled store (warm) against the built-in catalogue, and the
    first run after a change (cold) against `validate` of the same file."""
    sys.path.insert(0, str(REPO))

    print(f"\nStore: median of {runs} interleaved runs; warm ratio to the built-in catalogue")
    met = True
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CAREERS_CACHE_DIR"] = str(Path(folder) / "cache")
        esco = _esco_like(Path(folder))
        release = _real_esco(Path(folder))
        generated = Path(folder) / "careers-50000.json"
        # In a child process: this one's memory would count in every later child's peak RSS
        # (Linux keeps the peak across the fork and exec that start a command).
        subprocess.run(
            [
                PYTHON,
                str(HERE / "generate_catalogue.py"),
                "--careers",
                "50000",
                "--output",
                str(generated),
            ],
            check=True,
        )
        # Read in a child process too, for the same reason as the generated catalogue.
        picked = subprocess.run(
            [PYTHON, "-c", _PICK, str(esco)], check=True, capture_output=True, text=True
        )
        esco_title, esco_target, *esco_skills, esco_label = picked.stdout.splitlines()
        # The last of the skills is what `skills TEXT` looks for (a label, or words of one).
        catalogues = {
            "built-in": (
                [],
                "inf",
                ["analytics", "communication", "marketing", "analysis"],
                "influencer",
            ),
            "ESCO-like, 3,039": (
                ["--data", str(esco)],
                "adv",
                [*esco_skills, esco_label],
                esco_title,
            ),
            "ESCO release, 3,039": (
                ["--data", str(release)],
                "nur",
                ["statistics", "data-mining", "python-computer-programming", "data mining"],
                "nurse responsible for general care",
            ),
            "generated, 50,000": (
                ["--data", str(generated)],
                "career-12",
                ["analytics", "skill-5", "skill-7", "skill 4711"],
                "career 4711",
            ),
        }
        foreground = {**os.environ, "CAREERS_CACHE_BUILD": "foreground"}
        for data, _, _, _ in catalogues.values():  # compile each store once, before the warm runs
            if data:
                subprocess.run(
                    [*CAREERS, "list", *data], check=True, stdout=subprocess.DEVNULL, env=foreground
                )
        kinds: dict[str, Callable[[list[str], str, list[str], str], list[str]]] = {
            "show NAME": _show_command,
            "match, 3 skills, -n 10": _match_command,
            "complete a career name": _complete_command,
            "skills TEXT": _skills_command,
            "next CAREER": _next_command,
            "gap FROM TO": _gap_command,
        }
        # gap's pairs: the built-in catalogue's two nearest careers; ESCO's nurse and midwife.
        pairs = {
            "built-in": "influencer => digital-content-creator",
            "ESCO-like, 3,039": f"{esco_title} => {esco_target}",
            "ESCO release, 3,039": "nurse responsible for general care => midwife",
            "generated, 50,000": "career 4711 => career 4712",
        }
        for kind, command_of in kinds.items():
            commands = {
                name: command_of(*values[:3], pairs[name] if kind == "gap FROM TO" else values[3])
                for name, values in catalogues.items()
            }
            results = interleaved(commands, runs)
            base_time = median_time(results["built-in"])
            base_memory = median_memory(results["built-in"])
            print(f"{kind}: built-in {1000 * base_time:.1f}ms, {base_memory / 1024:.1f}MB")
            for name in list(catalogues)[1:]:
                time_ratio = median_time(results[name]) / base_time
                memory_ratio = median_memory(results[name]) / base_memory
                ok = time_ratio <= WARM_TARGET and memory_ratio <= WARM_TARGET
                met &= ok
                print(
                    f"  {name:22} {1000 * median_time(results[name]):8.1f}ms {time_ratio:5.2f}x"
                    f" {median_memory(results[name]) / 1024:7.1f}MB {memory_ratio:5.2f}x"
                    f"  {WARM_TARGET}x: {'met' if ok else 'MISSED'}"
                )
        cold_runs = max(3, runs // 5)
        print(
            f"Cold (first run after the file changed) against validate: median of {cold_runs};"
            " then the store compiled in the background, waited for before the next run"
        )
        for name, (data, _, _, title) in list(catalogues.items())[1:]:
            path = Path(data[1])
            cold: list[float] = []
            validate: list[float] = []
            ready: list[float] = []
            for _ in range(cold_runs):
                os.utime(path)  # a new modification time: the store is out of date
                started = time.monotonic()
                cold.append(measure([*CAREERS, "show", title, *data])[0])
                _wait_for_background_build(path)  # never measure beside a build
                ready.append(time.monotonic() - started)
                validate.append(measure([*CAREERS, "validate", str(path)])[0])
            ratio = statistics.median(cold) / statistics.median(validate)
            ok = ratio <= COLD_TARGET
            met &= ok
            # The build starts once the first run has answered, so it took what came after.
            compiled = statistics.median(r - c for r, c in zip(ready, cold, strict=True))
            print(
                f"  {name:22} cold {statistics.median(cold):6.2f}s"
                f"  validate {statistics.median(validate):6.2f}s  {ratio:5.2f}x"
                f"  {COLD_TARGET}x: {'met' if ok else 'MISSED'}"
                f"  (compiled in the background in {compiled:5.2f}s; store ready"
                f" {statistics.median(ready):5.2f}s after the first run began)"
            )
    return met


TABLE_TARGET = 1.5
TABLE_SIZES = (3_000, 10_000)


def tables(runs: int) -> bool:
    """`list` and `skills` printed as tables against the same command's JSON, with the default
    limit and with `--limit all` (in English and in Arabic), and how soon
    `list --limit all | head -1` ends."""
    print(f"\nTables against JSON (store built): table time / JSON time, {TABLE_TARGET}x target")
    met = True
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CAREERS_CACHE_DIR"] = str(Path(folder) / "cache")
        foreground = {**os.environ, "CAREERS_CACHE_BUILD": "foreground"}
        for size in TABLE_SIZES:
            path = Path(folder) / f"careers-{size}.json"
            generator = [PYTHON, str(HERE / "generate_catalogue.py"), "--careers", str(size)]
            subprocess.run([*generator, "--output", str(path)], check=True)
            data = ["--data", str(path)]
            subprocess.run(
                [*CAREERS, "list", *data, "-n", "1"],
                check=True,
                stdout=subprocess.DEVNULL,
                env=foreground,
            )
            cases: tuple[tuple[list[str], list[str], int], ...] = (
                ([], [], runs),
                (["--limit", "all"], [], max(3, runs // 5)),
                (["--limit", "all"], ["--lang", "ar"], max(3, runs // 5)),
            )
            for command in ("list", "skills"):
                for limit, language, times in cases:
                    table = [*CAREERS, command, *data, *limit, *language]
                    results = interleaved({"table": table, "json": [*table, "-f", "json"]}, times)
                    shown, as_json = median_time(results["table"]), median_time(results["json"])
                    ratio = shown / as_json
                    ok = ratio <= TABLE_TARGET
                    met &= ok
                    shown_as = " ".join([*limit, *language]) or "(default limit)"
                    name = f"{size:,} careers: {command} {shown_as}"
                    print(
                        f"  {name:52} table {shown:6.2f}s  json {as_json:6.2f}s  {ratio:5.2f}x"
                        f"  {'met' if ok else 'MISSED'}  (median of {times})"
                    )
            whole = [*CAREERS, "list", *data, "--limit", "all"]
            first = statistics.median(_until_first_line(whole) for _ in range(3))
            print(f"  {size:,} careers: list --limit all | head -1 ends after {first:.2f}s")
    return met


def _until_first_line(command: Sequence[str]) -> float:
    """Seconds until `command | head -1` has ended: its first line read, its output closed."""
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    process.wait()
    return time.perf_counter() - start


def _wait_for_background_build(catalogue: Path) -> None:
    """Until the process compiling `catalogue`'s store has ended (it holds the lock file)."""
    import fcntl

    from careers_cli.index import cache

    store = cache.store_path_for(catalogue)
    lock = store.with_name(store.name.removesuffix(cache.STORE_SUFFIX) + cache.LOCK_SUFFIX)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            descriptor = os.open(lock, os.O_RDWR)
        except FileNotFoundError:
            time.sleep(0.02)
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            time.sleep(0.02)
            continue
        finally:
            os.close(descriptor)
        if store.exists():
            return
        time.sleep(0.02)
    raise RuntimeError(f"no store for {catalogue} after 600 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (>= 15)")
    parser.add_argument("--skip-scale", action="store_true", help="no scale part")
    parser.add_argument("--skip-store", action="store_true", help="no store part")
    parser.add_argument("--skip-tables", action="store_true", help="no tables part")
    parser.add_argument("--skip-instant", action="store_true", help="no quick paths part")
    args = parser.parse_args()
    compileall.compile_dir(str(REPO / "src"), quiet=1)
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} cores\n")
    met = startup(args.runs)
    if not args.skip_scale:
        met &= scale(args.runs)
    if not args.skip_store:
        met &= store(args.runs)
    if not args.skip_tables:
        met &= tables(args.runs)
    if not args.skip_instant:
        sys.path.insert(0, str(REPO))
        from benchmarks.instant import instant

        met &= instant(args.runs)
    print("\nEvery target met." if met else "\nSome targets were missed.")


if __name__ == "__main__":
    main()
