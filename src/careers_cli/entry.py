"""The `careers` script: what runs before anything else, and how every run ends.

This module imports nothing heavy, so what it sets up holds from the first moment:

- Ctrl-C ends the program at once with status 130 and nothing printed, even while Typer, Rich
  and Pydantic are still being imported, removing the temporary file of what it was writing;
- standard output goes through `GuardedOutput`: a write that fails (a full disk, an I/O error,
  a closed stream) becomes a one-line error with status 74, and a reader that went away (a
  closed pipe) ends the program quietly with status 0;
- standard error never fails: where it cannot be written, there is nowhere to report to.
- a shell completion request is answered here, before the command line is parsed;
- the usual command lines of the commands that read the catalogue, and of `browse`, are
  answered without the option parser (`app.quick`), and every other by the Typer app.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted(signum: int, frame: object) -> None:
    atomic = sys.modules.get("careers_cli.userfiles.atomic")
    if atomic is not None:  # a file was being written: its temporary file goes too
        atomic.remove_unfinished()
    streams = sys.modules.get("careers_cli.app.streams")
    if streams is not None:  # a terminal told to take the program's bidi layout gets its own back
        streams.implicit_bidi_again()
    os._exit(130)


# Before any other import of the program's: Ctrl-C while modules load ends it quietly too.
signal.signal(signal.SIGINT, _interrupted)

from typing import NoReturn  # noqa: E402

from careers_cli.app.streams import (  # noqa: E402
    GuardedOutput,
    QuietErrors,
    implicit_bidi_again,
    silence_stdout,
)
from careers_cli.errors import ExitStatus  # noqa: E402


def main() -> NoReturn:
    """Entry point of the `careers` script."""
    sys.stdout = GuardedOutput(sys.stdout)
    sys.stderr = QuietErrors(sys.stderr)
    request = os.environ.get("_CAREERS_COMPLETE")
    if request is not None:
        _answer_completion(request)
    _give_completion_flags_a_value(sys.argv)
    _clamp_columns()
    from careers_cli.app.quick import run_quickly

    try:
        status = run_quickly(sys.argv[1:])  # the usual command lines, without the option parser
        if status is not None:
            sys.exit(status)
        from careers_cli.app.main import app

        app()  # exits with the status of the one error boundary, which flushes stdout inside it
    finally:
        implicit_bidi_again()
    sys.exit(ExitStatus.OK)


_COMPLETION_FLAGS = ("--install-completion", "--show-completion")


def _clamp_columns() -> None:
    """Hold `COLUMNS` to the widths output is laid out in (`consoles.terminal_size`), for what
    reads it itself, as the help does: `COLUMNS=0` or `COLUMNS=abc` is no width (the
    terminal's, or 80, is used), and `COLUMNS=10000000` is 1,000 columns, not 590 MB of help."""
    if "COLUMNS" not in os.environ:
        return
    from careers_cli.present.consoles import width_from_environment

    width = width_from_environment()
    if width is None:
        del os.environ["COLUMNS"]
    else:
        os.environ["COLUMNS"] = str(width)


def _give_completion_flags_a_value(argv: list[str]) -> None:
    """`careers --install-completion` alone means the user's shell: give the flag the empty
    value that stands for it, since the option parser has no options with optional values."""
    for position in range(len(argv) - 1, 0, -1):
        following = argv[position + 1] if position + 1 < len(argv) else None
        if argv[position] in _COMPLETION_FLAGS and (following is None or following[:1] == "-"):
            argv.insert(position + 1, "")


def _answer_completion(request: str) -> NoReturn:
    """Print the candidates for the command line the shell sent, and exit (always 0): from
    the catalogue alone where the quick path knows the position, else through Click's parser."""
    from careers_cli.app.completion import LINE_VAR, answer_request, click_candidates
    from careers_cli.app.quick_completion import quick_answer

    try:
        line = os.environ.get(LINE_VAR, "")
        answer = quick_answer(request, line)
        if answer is None:
            import typer

            from careers_cli.app.main import app

            command = typer.main.get_command(app)
            answer = answer_request(
                request,
                line,
                lambda words, incomplete: click_candidates(command, words, incomplete),
            )
        sys.stdout.write(answer)
        sys.stdout.flush()
    except Exception:  # nothing may reach the shell but candidates
        silence_stdout()
    sys.exit(ExitStatus.OK)
