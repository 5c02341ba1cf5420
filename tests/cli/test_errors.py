"""The error boundary: unexpected errors, --debug and Ctrl-C.

A bug must not show a user a traceback unless they ask for it, and an interrupted command ends
quietly with the conventional exit code 130.
"""

from __future__ import annotations

import pytest

from careers_cli.present.views import explore as views
from tests.helpers import invoke


def _explode(*_: object) -> None:
    raise RuntimeError("boom")


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


class TestUnexpectedError:
    """An error that is a bug in `careers`, not a mistake of the user's."""

    def test_is_one_line_with_how_to_see_more(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without --debug: exit 70 and one line naming the error and --debug."""
        monkeypatch.setattr(views, "career_list", _explode)
        run = invoke(["list"])
        assert run.exit_code == 70
        assert run.stdout == ""
        assert run.stderr.splitlines() == [
            "error: unexpected error: RuntimeError: boom "
            "(run again with --debug for the traceback, and report it)"
        ]

    @pytest.mark.parametrize(
        ("args", "env"),
        [(["list", "--debug"], {}), (["--debug", "list"], {}), (["list"], {"CAREERS_DEBUG": "1"})],
        ids=["after-the-command", "before-the-command", "environment"],
    )
    def test_debug_lets_the_traceback_through(
        self, monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str]
    ) -> None:
        """With --debug or CAREERS_DEBUG=1 the original exception propagates (and prints)."""
        monkeypatch.setattr(views, "career_list", _explode)
        with pytest.raises(RuntimeError, match="boom"):
            invoke(args, env)

    def test_careers_debug_zero_means_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(views, "career_list", _explode)
        assert invoke(["list"], {"CAREERS_DEBUG": "0"}).exit_code == 70


class TestInterrupt:
    """Ctrl-C while a command runs."""

    def test_ends_quietly_with_130(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(views, "career_list", _interrupt)
        run = invoke(["list"])
        assert run.exit_code == 130
        assert run.stdout == ""
        assert run.stderr == ""
