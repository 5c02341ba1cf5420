"""The language and `--rtl` mode an error is told in when the command line could not be parsed:
read from the arguments as they are, then from the environment."""

from __future__ import annotations

import pytest

from careers_cli.app.session import language_from_arguments, rtl_from_arguments


@pytest.mark.parametrize(
    ("argv", "environment", "language"),
    [
        (["show", "--lang", "ar", "--bad"], "", "ar"),
        (["show", "--lang=AR"], "", "ar"),
        (["show", "--lang", "EN"], "ar", "en"),  # the command line before the environment
        (["show", "--lang", "xx"], "ar", "ar"),  # a value that is no language: not a choice
        (["show", "--lang"], "ar", "ar"),
        (["show"], " AR ", "ar"),
        (["show"], "", "en"),
    ],
)
def test_the_language(
    argv: list[str], environment: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERS_LANG", environment)
    assert language_from_arguments(argv) == language


@pytest.mark.parametrize(
    ("argv", "environment", "mode"),
    [
        (["list", "--rtl", "VISUAL", "--rtl", "logical"], "", "visual"),  # the first that is one
        (["list", "--rtl=logical"], "visual", "logical"),
        (["list", "--rtl", "sideways"], "visual", "visual"),
        (["list"], "", None),
        (["list"], "upside", None),
    ],
)
def test_the_rtl_mode(
    argv: list[str], environment: str, mode: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERS_RTL", environment)
    assert rtl_from_arguments(argv) == mode
