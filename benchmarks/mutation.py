"""Mutation testing: how many small changes to the code that decides behaviour the tests notice.

    .venv/bin/python benchmarks/mutation.py [--mutants 60] [--seed 1] [--jobs 2] [--json PATH]

Each module of `MODULES` is parsed with `ast` and every mutation site is listed: a comparison
swapped (`<` and `<=`, `>` and `>=`, `==` and `!=`, `in` and `not in`, `is` and `is not`),
`and` and `or` swapped, a `not` removed, an integer constant made one larger and one smaller
(`min_length=1` becomes 0 and 2, `max_length=80` 79 and 81), an anchor dropped from a
`Field(pattern=...)` regular expression, `return x` made `return None`, `+` and `-` swapped,
`sorted(...)` / `.sort(...)` reversed, and a computed slice bound moved by one (no `return None`
where the function's annotation leaves None out: mypy --strict, in CI, refuses it). `--list`
prints them all. A sample of `--mutants` of them is drawn, spread evenly over the modules and
the same for the same `--seed`.

`src/` is copied once at the start (others may go on editing the checkout), and each job has its
own copy of that snapshot (and of `data/`, which a development install's loader finds beside
`src/`) in a temporary folder. `--repo PATH` takes src/, data/ and tests/ from another tree, such
as an export of a commit (`git archive HEAD | tar -x -C PATH`) while the checkout is mid-edit.

A mutant is the module's `ast.unparse` with one change, written over the module in the copy; its
tests run as

    python -m pytest -x -q -p no:cacheprovider -m "not slow" TEST_FILES

with PYTHONPATH=COPY/src first, so the copy shadows the editable install (a `.pth` path entry,
which comes after PYTHONPATH on sys.path), then the module is restored. The tests of each module
are its package's folders in `TESTS` and the in-process command tests (`INNER_LOOP`). Tests that
run the installed `careers` script in a subprocess pass it their own environment, PYTHONPATH
included, so they run the mutated copy too. This was checked by hand: with
`for career in index.catalogue.careers[1:]:` in the copy's `views.career_list`, the subprocess
test tests/system/test_explore_misc.py::TestInstalledScript::test_list_from_another_folder fails
with PYTHONPATH=COPY/src (six ids listed instead of seven) and passes without it. Each run
checks it again before starting: `careers --version`, run as a subprocess, must print a version
written only into the copy's `__init__.py`.
PYTHONDONTWRITEBYTECODE=1 keeps stale bytecode of one mutant from standing in for the next (and
keeps pytest from writing into the checkout); pytest runs in the job's folder, so Hypothesis
keeps its examples there.

Before any mutant, the tests of every sampled module must pass, in one run, on the copy with all
of those modules replaced by their unmutated `ast.unparse` (so neither the copy nor the
reformatting breaks anything); otherwise the run stops. A mutant is killed when its tests fail
(or cannot be collected), and counts as killed when it runs past the timeout (at least
`--timeout`, and at least twice as long as that run took). Hypothesis draws new examples on
each run, so a mutant that only property tests can notice may be killed on one run and survive
the next.

Standard library only; this is a developer's tool, not a test.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CAREERS_SCRIPT = Path(sys.executable).with_name("careers")

# The modules whose code decides behaviour (paths below src/careers_cli), and for some only the
# functions named: every package that decides something has its modules here.
MODULES: dict[str, tuple[str, ...] | None] = {
    "rules/search.py": None,
    "rules/names.py": None,
    "rules/name_ranking.py": None,
    "rules/completing.py": None,
    "rules/moves.py": None,
    "text/normalise.py": None,
    "text/terminal.py": None,
    "text/sentences.py": None,
    "text/bidi.py": None,
    "catalogue/entries.py": None,
    "catalogue/validation.py": None,
    "catalogue/reading.py": None,
    "index/cache.py": (  # when a store is trusted
        "stamp_of",
        "store_path_for",
        "stamp_rows",
        "open_trusted",
        "_is_trusted",
        "_is_whole",
        "_whole_number",
        "read_meta",
        "is_fresh",
    ),
    "present/layout/fitting.py": None,
    "present/views/parts.py": None,
    "present/views/explore.py": None,
    "present/views/matching.py": None,
    "present/data/explore.py": None,
    "present/data/matching.py": None,
    "app/options.py": None,
    "app/completion.py": ("quote_for_bash", "split_command_line"),
}

INNER_LOOP = ("cli",)
"""The in-process command tests, which every module's mutants face besides its own unit tests."""

# The test folders (or files) below tests/ that exercise each package's modules, besides
# INNER_LOOP; a module whose package is missing here runs the whole suite.
TESTS: dict[str, tuple[str, ...]] = {
    "rules": ("unit/rules", "unit/index"),
    "text": ("unit/text", "properties/test_normalise.py"),
    "catalogue": ("unit/catalogue",),
    "index": ("unit/index", "system/test_cache.py"),
    "present": ("unit/present",),
    "app": ("unit/app",),
    "app/completion.py": ("system/test_completion.py",),  # quoting, checked in real bash
}

PROBE_VERSION = "0.0.0+mutation-probe"


# --- mutation sites ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """One mutant: which node of the module's `ast.walk` order changes, and how."""

    file: str
    line: int
    col: int
    description: str
    node: int
    kind: str
    arg: str = ""


_COMPARE_SWAPS: dict[type[ast.cmpop], tuple[type[ast.cmpop], str, str]] = {
    ast.Lt: (ast.LtE, "<", "<="),
    ast.LtE: (ast.Lt, "<=", "<"),
    ast.Gt: (ast.GtE, ">", ">="),
    ast.GtE: (ast.Gt, ">=", ">"),
    ast.Eq: (ast.NotEq, "==", "!="),
    ast.NotEq: (ast.Eq, "!=", "=="),
    ast.In: (ast.NotIn, "in", "not in"),
    ast.NotIn: (ast.In, "not in", "in"),
    ast.Is: (ast.IsNot, "is", "is not"),
    ast.IsNot: (ast.Is, "is not", "is"),
}


def _short(source: str, node: ast.AST, limit: int = 50) -> str:
    segment = ast.get_source_segment(source, node) or ast.unparse(node)
    segment = " ".join(segment.split())
    return segment if len(segment) <= limit else segment[: limit - 1] + "…"


def _int_value(node: ast.AST) -> int | None:
    """The value of an integer constant (not a bool), else None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _scope(tree: ast.Module, functions: tuple[str, ...] | None) -> Iterator[ast.AST]:
    """The nodes that may be mutated: the whole module, or only the named functions."""
    if functions is None:
        yield from ast.walk(tree)
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in functions:
            yield from ast.walk(node)


def _string_constants(tree: ast.Module) -> dict[str, ast.Constant]:
    """Module-level `NAME = "..."`, so `pattern=NAME` can be traced to its text."""
    found: dict[str, ast.Constant] = {}
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
        ):
            found[statement.targets[0].id] = statement.value
    return found


def _keyword_of(tree: ast.Module) -> dict[int, str]:
    """id() of a keyword argument's value -> the keyword's name, to describe `max_length=80`."""
    return {
        id(node.value): node.arg
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword) and node.arg is not None
    }


def _return_annotations(tree: ast.Module) -> dict[int, ast.expr | None]:
    """id() of each `return` -> the return annotation of the function it returns from."""
    found: dict[int, ast.expr | None] = {}
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Return):
                    found[id(node)] = function.returns  # the innermost function comes last
    return found


def _may_return_none(annotation: ast.expr | None) -> bool:
    """Whether a function annotated `annotation` may return None as far as mypy (--strict, in
    CI) is concerned: a `return None` where it may not is a type error, no test's to notice."""
    if annotation is None:
        return True
    written = ast.unparse(annotation)
    return any(word in written for word in ("None", "Optional", "Any", "object"))


def read_sources(src: Path) -> dict[str, str]:
    """The text of each module of `MODULES` under `src`."""
    return {file: (src / "careers_cli" / file).read_text(encoding="utf-8") for file in MODULES}


def find_sites(file: str, source: str) -> list[Site]:
    """Every mutant of `file` (a module of the package, whose text is `source`), in order."""
    tree = ast.parse(source)
    order = {id(node): index for index, node in enumerate(ast.walk(tree))}
    keywords = _keyword_of(tree)
    strings = _string_constants(tree)
    sites: list[Site] = []

    def add(node: ast.AST, description: str, kind: str, arg: str = "") -> None:
        line, col = getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
        sites.append(Site(file, line, col, description, order[id(node)], kind, arg))

    returns = _return_annotations(tree)
    patterns: set[int] = set()
    for node in _scope(tree, MODULES[file]):
        if isinstance(node, ast.Compare):
            for position, op in enumerate(node.ops):
                _, old, new = _COMPARE_SWAPS[type(op)]
                add(
                    node,
                    f"`{old}` -> `{new}` in `{_short(source, node)}`",
                    "compare",
                    str(position),
                )
        elif isinstance(node, ast.BoolOp):
            old, new = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
            add(node, f"`{old}` -> `{new}` in `{_short(source, node)}`", "boolop")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            add(node, f"`not` removed from `{_short(source, node)}`", "not")
        elif (value := _int_value(node)) is not None:
            name = keywords.get(id(node))
            written = _short(source, node)  # 0x2400 as written, not 9216
            shown = f"{name}={written}" if name else written
            for delta in (1, -1):
                new_value = value + delta
                hexadecimal = written.lower().startswith("0x") and new_value >= 0
                new_text = f"0x{new_value:04X}" if hexadecimal else repr(new_value)
                after = f"{name}={new_text}" if name else new_text
                add(node, f"`{shown}` -> `{after}`", "int", str(delta))
        elif isinstance(node, ast.Return) and node.value is not None:
            if not (isinstance(node.value, ast.Constant) and node.value.value is None) and (
                _may_return_none(returns.get(id(node)))
            ):
                add(node, f"`return {_short(source, node.value, 40)}` -> `return None`", "return")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
            if _is_text(node.left) or _is_text(node.right):
                continue  # "a" - "b" only fails on import: no test needed to notice it
            old, new = ("+", "-") if isinstance(node.op, ast.Add) else ("-", "+")
            add(node, f"`{old}` -> `{new}` in `{_short(source, node)}`", "binop")
        elif isinstance(node, ast.Call) and _is_sort(node):
            reverse = next((k for k in node.keywords if k.arg == "reverse"), None)
            what = "reverse= flipped" if reverse else "reverse=True added"
            add(node, f"{what} in `{_short(source, node)}`", "sort")
        elif isinstance(node, ast.Slice):
            for bound in ("lower", "upper"):
                limit = getattr(node, bound)
                if limit is None or _int_value(limit) is not None:
                    continue  # an integer bound is already an integer mutant
                for change in ("+ 1", "- 1"):
                    old = _short(source, limit, 30)
                    add(node, f"slice {bound} `{old}` -> `{old} {change}`", "slice", bound + change)
        elif isinstance(node, ast.keyword) and node.arg == "pattern":
            target = node.value
            if isinstance(target, ast.Name):
                target = strings.get(target.id, target)
            if not (isinstance(target, ast.Constant) and isinstance(target.value, str)):
                continue
            if id(target) in patterns:
                continue
            patterns.add(id(target))
            for anchor in ("^", "$"):
                pattern = target.value
                if pattern.startswith(anchor) if anchor == "^" else pattern.endswith(anchor):
                    add(
                        target, f"pattern {pattern!r}: `{anchor}` anchor dropped", "pattern", anchor
                    )
    return sorted(sites, key=lambda s: (s.line, s.col, s.node, s.kind, s.arg))


def _is_sort(node: ast.Call) -> bool:
    function = node.func
    return (isinstance(function, ast.Name) and function.id == "sorted") or (
        isinstance(function, ast.Attribute) and function.attr == "sort"
    )


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    """Put `new` where `old` is in `tree`."""
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list):
                for position, item in enumerate(value):
                    if item is old:
                        value[position] = new
                        return
    raise LookupError("node not found")


def mutated_source(site: Site, source: str) -> str:
    """The module (`source`) with the one change of `site`, as `ast.unparse` writes it."""
    tree = ast.parse(source)
    node = list(ast.walk(tree))[site.node]
    if site.kind == "compare":
        assert isinstance(node, ast.Compare)
        position = int(site.arg)
        node.ops[position] = _COMPARE_SWAPS[type(node.ops[position])][0]()
    elif site.kind == "boolop":
        assert isinstance(node, ast.BoolOp)
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif site.kind == "not":
        assert isinstance(node, ast.UnaryOp)
        _replace(tree, node, node.operand)
    elif site.kind == "int":
        value = _int_value(node)
        assert isinstance(node, ast.Constant) and value is not None
        node.value = value + int(site.arg)
    elif site.kind == "return":
        assert isinstance(node, ast.Return)
        node.value = ast.Constant(None)
    elif site.kind == "binop":
        assert isinstance(node, ast.BinOp)
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
    elif site.kind == "sort":
        assert isinstance(node, ast.Call)
        reverse = next((k for k in node.keywords if k.arg == "reverse"), None)
        if reverse is None:
            node.keywords.append(ast.keyword(arg="reverse", value=ast.Constant(True)))
        else:
            reverse.value = ast.UnaryOp(ast.Not(), reverse.value)
    elif site.kind == "slice":
        assert isinstance(node, ast.Slice)
        bound, delta = site.arg[:5], site.arg[5:]
        op: ast.operator = ast.Add() if delta == "+ 1" else ast.Sub()
        setattr(node, bound, ast.BinOp(getattr(node, bound), op, ast.Constant(1)))
    elif site.kind == "pattern":
        assert isinstance(node, ast.Constant) and isinstance(node.value, str)
        node.value = node.value[1:] if site.arg == "^" else node.value[:-1]
    else:
        raise ValueError(f"unknown kind of mutant: {site.kind}")
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def unmutated_source(source: str) -> str:
    """The module as `ast.unparse` writes it, with no change: what a mutant differs from."""
    return ast.unparse(ast.parse(source)) + "\n"


def sample(sites_by_file: dict[str, list[Site]], count: int, seed: int) -> list[Site]:
    """`count` sites, taken in turn from each module's own shuffled list (the same every time
    for the same seed), so every module gets its share while it has sites left."""
    pools = {}
    for file, sites in sites_by_file.items():
        pool = list(sites)
        random.Random(f"{seed}:{file}").shuffle(pool)
        pools[file] = pool
    chosen: list[Site] = []
    while len(chosen) < count and any(pools.values()):
        for pool in pools.values():
            if pool and len(chosen) < count:
                chosen.append(pool.pop())
    return chosen


# --- running -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    file: str
    line: int
    col: int
    description: str
    status: str
    seconds: float
    failed: str = ""


def test_files(repo: Path, file: str) -> list[str]:
    """The test folders and files mapped to `file`'s package and the inner loop's, or the whole
    suite."""
    tests = repo / "tests"
    package = file.split("/")[0]
    if package not in TESTS:
        return [str(tests)]
    names = (*TESTS[package], *TESTS.get(file, ()), *INNER_LOOP)
    return [str(tests / name) for name in names if (tests / name).exists()]


class Workspace:
    """A job's copy of src/ and data/, in which one module at a time is replaced."""

    def __init__(self, root: Path, src: Path, repo: Path) -> None:
        self.root = root
        self.repo = repo
        self.src = root / "src"
        shutil.copytree(src, self.src)
        shutil.copytree(repo / "data", root / "data")
        self.package = self.src / "careers_cli"

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(self.src), env.get("PYTHONPATH")]))
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        return env

    def replaced(self, file: str, text: str) -> _Replaced:
        return _Replaced(self.package / file, text)

    def check_shadowing(self) -> None:
        """A subprocess of the installed script must run this copy, not the checkout."""
        init = self.package / "__init__.py"
        original = init.read_text(encoding="utf-8")
        init.write_text(f'__version__ = "{PROBE_VERSION}"\n', encoding="utf-8")
        try:
            done = subprocess.run(
                [str(CAREERS_SCRIPT), "--version"],
                capture_output=True,
                text=True,
                env=self.environment(),
                cwd=self.root,
                timeout=60,
                check=False,
            )
        finally:
            init.write_text(original, encoding="utf-8")
        if PROBE_VERSION not in done.stdout:
            sys.exit(
                f"abort: {CAREERS_SCRIPT} does not run the copy in {self.src} "
                f"(printed {done.stdout.strip()!r}): mutants would not reach subprocess tests"
            )

    def run_tests(self, tests: Sequence[str], timeout: float) -> tuple[str, float, str]:
        """('passed' | 'failed' | 'timeout', seconds, first failure or the output's tail)."""
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow",
            "--rootdir",
            str(self.repo),
            "-c",
            str(self.repo / "pyproject.toml"),
            *tests,
        ]
        started = time.monotonic()
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env=self.environment(),
            cwd=self.root,
            start_new_session=True,  # a timeout ends the tests' own subprocesses too
        )
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return "timeout", time.monotonic() - started, ""
        seconds = time.monotonic() - started
        if process.returncode == 0:
            return "passed", seconds, ""
        failed = [line for line in output.splitlines() if line.startswith(("FAILED", "ERROR"))]
        return "failed", seconds, failed[0] if failed else output.strip()[-300:]


class _Replaced:
    """Context manager: a module of the copy holds `text`, then its original again."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.original = ""

    def __enter__(self) -> None:
        self.original = self.path.read_text(encoding="utf-8")
        self.path.write_text(self.text, encoding="utf-8")

    def __exit__(self, *_: object) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def in_parallel(
    workspaces: list[Workspace],
    tasks: Sequence[Callable[[Workspace], Outcome]],
    report: Callable[[Outcome], None],
) -> list[Outcome]:
    """Run each task in a free workspace, as many at a time as there are workspaces."""
    free: queue.Queue[Workspace] = queue.Queue()
    for workspace in workspaces:
        free.put(workspace)

    def run(task: Callable[[Workspace], Outcome]) -> Outcome:
        workspace = free.get()
        try:
            outcome = task(workspace)
        finally:
            free.put(workspace)
        report(outcome)
        return outcome

    with ThreadPoolExecutor(max_workers=len(workspaces)) as pool:
        return list(pool.map(run, tasks))


def baseline_task(sources: dict[str, str]) -> Callable[[Workspace], Outcome]:
    """Every sampled module replaced at once by its unmutated `ast.unparse`, under the tests of
    all of them: one run instead of one per module."""

    def task(workspace: Workspace) -> Outcome:
        tests = list(dict.fromkeys(t for f in sources for t in test_files(workspace.repo, f)))
        with contextlib.ExitStack() as replacements:
            for file, source in sources.items():
                replacements.enter_context(workspace.replaced(file, unmutated_source(source)))
            status, seconds, failed = workspace.run_tests(tests, timeout=1800)
        return Outcome("every module", 0, 0, "unmutated (ast.unparse)", status, seconds, failed)

    return task


def mutant_task(site: Site, source: str, timeout: float) -> Callable[[Workspace], Outcome]:
    def task(workspace: Workspace) -> Outcome:
        text = mutated_source(site, source)
        try:
            compile(text, site.file, "exec")
        except SyntaxError as error:
            return Outcome(
                site.file, site.line, site.col, site.description, "invalid", 0.0, str(error)
            )
        with workspace.replaced(site.file, text):
            tests = test_files(workspace.repo, site.file)
            status, seconds, failed = workspace.run_tests(tests, timeout)
        status = {"passed": "survived", "failed": "killed"}.get(status, status)
        return Outcome(site.file, site.line, site.col, site.description, status, seconds, failed)

    return task


def print_outcome(outcome: Outcome) -> None:
    place = f"{outcome.file}:{outcome.line}"
    print(
        f"{outcome.status:<9} {place:<16} {outcome.description}  ({outcome.seconds:.0f} s)",
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=60, help="how many to sample (60)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sample (1)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at a time (2)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per mutant (120)")
    parser.add_argument("--json", type=Path, help="write the results to this file")
    parser.add_argument("--list", action="store_true", help="list every mutation site and stop")
    parser.add_argument(
        "--repo",
        type=Path,
        default=REPO,
        help="the tree whose src/, data/ and tests/ are used (default: this checkout)",
    )
    args = parser.parse_args(argv)
    repo: Path = args.repo.resolve()
    with tempfile.TemporaryDirectory(prefix="careers-mutation-") as temporary:
        # One snapshot of src/: others may edit the checkout while mutants run.
        snapshot = Path(temporary) / "snapshot"
        ignored = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(repo / "src", snapshot, ignore=ignored)
        return run(args, repo, snapshot, Path(temporary))


def run(args: argparse.Namespace, repo: Path, snapshot: Path, temporary: Path) -> int:
    sources = read_sources(snapshot)
    sites_by_file = {file: find_sites(file, sources[file]) for file in MODULES}
    if args.list:
        for sites in sites_by_file.values():
            for site in sites:
                print(f"{site.file}:{site.line}:{site.col}  {site.description}")
        print(f"{sum(len(s) for s in sites_by_file.values())} sites")
        return 0
    chosen = sample(sites_by_file, args.mutants, args.seed)
    files = list(dict.fromkeys(site.file for site in chosen))
    counts = ", ".join(
        f"{file} {sum(s.file == file for s in chosen)}/{len(sites_by_file[file])}" for file in files
    )
    print(f"{len(chosen)} mutants (seed {args.seed}) of {counts}", flush=True)

    started = time.monotonic()
    jobs = range(max(args.jobs, 1))
    workspaces = [Workspace(temporary / f"job{n}", snapshot, repo) for n in jobs]
    for workspace in workspaces:
        workspace.check_shadowing()
    print(f"subprocesses of {CAREERS_SCRIPT.name} run the copy: checked", flush=True)

    print("baseline: the tests on the unmutated copy", flush=True)
    tasks = [baseline_task({file: sources[file] for file in files})]
    baseline = in_parallel(workspaces, tasks, print_outcome)
    broken = [b for b in baseline if b.status != "passed"]
    if broken:
        for outcome in broken:
            print(f"  {outcome.file}: {outcome.status}: {outcome.failed}", file=sys.stderr)
        print(
            "abort: the tests fail on the unmutated copy; fix them (or the mapping) first",
            file=sys.stderr,
        )
        return 2
    limit = max(args.timeout, 2 * baseline[0].seconds)

    print("mutants", flush=True)
    tasks = [mutant_task(site, sources[site.file], limit) for site in chosen]
    results = in_parallel(workspaces, tasks, print_outcome)

    elapsed = time.monotonic() - started
    scored = [r for r in results if r.status != "invalid"]
    killed = [r for r in scored if r.status in ("killed", "timeout")]
    survivors = [r for r in scored if r.status == "survived"]
    percent = 100 * len(killed) / len(scored) if scored else 0.0
    print(f"\nscore: {len(killed)}/{len(scored)} ({percent:.1f}%) in {elapsed:.0f} s")
    if survivors:
        print("survivors:")
        for survivor in sorted(survivors, key=lambda r: (r.file, r.line, r.col)):
            print(f"  {survivor.file}:{survivor.line}:{survivor.col}  {survivor.description}")
    if args.json:
        document = {
            "seed": args.seed,
            "mutants": len(chosen),
            "killed": len(killed),
            "scored": len(scored),
            "percent": round(percent, 1),
            "seconds": round(elapsed, 1),
            "baseline": [asdict(b) for b in baseline],
            "results": [asdict(r) for r in results],
            "survivors": [asdict(s) for s in survivors],
        }
        args.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
