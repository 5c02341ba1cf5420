"""Hostile input: catalogue text and arguments that try to be markup or terminal control."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import (
    BASE_ENV,
    CAREERS_SCRIPT,
    raw_controls,
    run_coloured,
    run_installed,
)
from tests.support import hostile as hostile_support
from tests.support.hostile import (
    COMMANDS,
    SEQUENCES,
    SGR,
    UNBALANCED_TITLE,
    assert_clear,
    ok,
)


@pytest.fixture(scope="module")
def markup_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_support.markup_catalogue(tmp_path_factory)


class TestMarkupIsText:
    """Rich markup in catalogue text is printed as it is written."""

    def test_in_the_installed_script(self, markup_catalogue: Path) -> None:
        run = ok(
            run_installed(["show", "digital-content-creator", "--data", str(markup_catalogue)])
        )
        assert run.stdout.splitlines()[0].rstrip() == f"{UNBALANCED_TITLE}  digital-content-creator"


@pytest.fixture(scope="module")
def hostile_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_support.hostile_catalogue(tmp_path_factory)


class TestControlCharactersNeverReachTheTerminal:
    """Every command's output holds no raw control character from the catalogue."""

    @pytest.mark.parametrize("command", ["list", "show", "compare", "trends", "tips"])
    def test_with_forced_colour_in_the_installed_script(
        self, hostile_catalogue: Path, command: str
    ) -> None:
        run = ok(run_coloured([*COMMANDS[command], "--data", str(hostile_catalogue)]))
        assert "\x1b[" in run.stdout
        for sequence in SEQUENCES:
            assert sequence not in run.stdout, repr(sequence)
        assert raw_controls(SGR.sub("", run.stdout)) == set()
        assert not re.search("[\u0080-\u009f]", run.stdout)


class TestEchoedQueries:
    """A user's words quoted in an error are neutralised and kept short."""

    @pytest.mark.parametrize(
        "args",
        [
            ["show", "\x1b[31mred"],
            ["match", "-s", "\x1b]52;c;cHduZWQ=\x07"],
            ["compare", "\x9b2J", "influencer"],
        ],
        ids=["show", "match", "compare"],
    )
    def test_in_the_installed_script(self, args: list[str]) -> None:
        run = run_installed(args)
        assert run.exit_code == 1, run.stderr
        assert run.stderr.startswith("error: no ")
        assert raw_controls(run.stderr + run.stdout) == set()
        assert "Traceback" not in run.stderr


class TestOddArguments:
    """Any Unicode, control characters, 10,000-character queries, empty or blank strings."""

    @pytest.mark.parametrize(
        "value",
        ["", "   ", "\x1b[2J\u202e", "a" * 10_000, "تحليل " * 2_000, "👩‍💻"],
        ids=["empty", "spaces", "controls", "long-ascii", "long-arabic", "emoji"],
    )
    def test_in_the_installed_script(self, value: str) -> None:
        for args in (["show", value], ["compare", "influencer", value], ["match", "-s", value]):
            assert_clear(run_installed(args))


# Bytes that are not UTF-8 in argv (a shell's $'\x9b') reach Python as lone surrogates; passed
# to a subprocess, "\udc9b" becomes the byte 0x9B again: an 8-bit CSI.
INVALID_UTF8_ARGUMENTS = {
    "show": ["show", "zz\udc9b31m"],
    "match-not-found": ["match", "-s", "zz\udc9b31m"],
    "match-found": ["match", "-s", "analytics\udc9b31m"],
    "compare": ["compare", "influencer", "zz\udc9d0;t"],
}


class TestInvalidUtf8Arguments:
    """Arguments that are not valid UTF-8: a result or a message, and no raw C1 byte."""

    @pytest.mark.parametrize(
        "args", list(INVALID_UTF8_ARGUMENTS.values()), ids=list(INVALID_UTF8_ARGUMENTS)
    )
    def test_with_pythonioencoding_utf8(self, args: list[str]) -> None:
        """In the pinned environment (PYTHONIOENCODING=utf-8): no crash on the echo."""
        run = run_installed(args)
        assert run.exit_code in (0, 1, 2), (run.exit_code, run.stderr)
        assert "Traceback" not in run.stderr
        assert "unexpected error" not in run.stderr
        assert raw_controls(run.stdout + run.stderr) == set()

    @pytest.mark.parametrize(
        "args", list(INVALID_UTF8_ARGUMENTS.values()), ids=list(INVALID_UTF8_ARGUMENTS)
    )
    def test_in_a_utf8_locale(self, args: list[str]) -> None:
        """With only LC_ALL=C.UTF-8 (Python then writes undecodable input back as raw bytes):
        neither the C1 character nor its raw byte reaches the terminal."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
        env.update(BASE_ENV)
        env.pop("PYTHONIOENCODING")
        env["LC_ALL"] = "C.UTF-8"
        completed = subprocess.run(
            [str(CAREERS_SCRIPT), *args], capture_output=True, env=env, timeout=60, check=False
        )
        output = (completed.stdout + completed.stderr).decode("utf-8", "surrogateescape")
        assert completed.returncode in (0, 1, 2), output
        assert "Traceback" not in output
        assert "unexpected error" not in output
        raw_bytes = {ch for ch in output if "\udc80" <= ch <= "\udc9f"}  # undecodable 0x80-0x9F
        assert raw_bytes == set(), sorted(raw_bytes)
        assert raw_controls(output) == set()
