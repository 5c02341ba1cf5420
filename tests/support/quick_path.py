"""Running `careers` on its quick path and on its full path (Typer and Click), many command
lines in one process each: the program is imported once, then each command line runs in a
forked child whose stdout and stderr go to files, as the installed script runs it.

    python -m tests.support.quick_path quick|full < cases.json > outcomes.json

A case is `{"argv": [...], "env": {...}}`; an outcome `[stdout, stderr, status]`. `full` turns
the quick paths off (`run_quickly` and `quick_answer` answer None), so the Typer app answers.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# Not from tests.helpers, which imports the Typer app: the quick path's runs must not have it.
REPO = Path(__file__).resolve().parents[2]

Outcome = tuple[str, str, int]


def outcomes(
    mode: str, cases: Sequence[Mapping[str, Any]], env: Mapping[str, str]
) -> list[Outcome]:
    """What each case printed and its exit status, on the `mode` path ("quick" or "full")."""
    run = subprocess.run(
        [sys.executable, "-m", "tests.support.quick_path", mode],
        input=json.dumps(list(cases)),
        capture_output=True,
        text=True,
        # One hash seed for both paths: Click lists `-h` and `--help` in the order of a set.
        env={**env, "PYTHONHASHSEED": "0"},
        cwd=REPO,
        check=True,
        timeout=600,
    )
    return [tuple(o) for o in json.loads(run.stdout)]


def _run_cases(mode: str, cases: list[dict[str, Any]]) -> list[Outcome]:
    from careers_cli import entry

    if mode == "full":
        from careers_cli.app import quick, quick_completion

        quick.run_quickly = lambda argv: None
        quick_completion.quick_answer = lambda request, line: None
        import careers_cli.app.main
    else:  # what the quick paths import, once, before the children (not the Typer app)
        import careers_cli.app.answering
        import careers_cli.app.quick_completion  # noqa: F401
    results: list[Outcome] = []
    for case in cases:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:  # the child: one run of `careers`
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                os.environ.update(case["env"])
                sys.argv = ["careers", *case["argv"]]
                status = 0
                try:
                    entry.main()
                except SystemExit as end:
                    status = end.code if isinstance(end.code, int) else 1
                finally:
                    for stream in (sys.stdout, sys.stderr):
                        with contextlib.suppress(Exception):
                            stream.flush()
                os._exit(status)
            _, wait_status = os.waitpid(pid, 0)
            out.seek(0)
            err.seek(0)
            results.append(
                (
                    out.read().decode("utf-8", "replace"),
                    err.read().decode("utf-8", "replace"),
                    os.waitstatus_to_exitcode(wait_status),
                )
            )
    return results


if __name__ == "__main__":
    found = _run_cases(sys.argv[1], json.load(sys.stdin))
    sys.stdout.write(json.dumps(found))
