"""Output without colour is laid out without Rich rendering it (`present.layout.plain`, and a
table's rows in `layout.TableRows`): it must be, character for character, what Rich prints."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from careers_cli.app import session
from careers_cli.present.layout import plain
from tests.helpers import invoke
from tests.support import plain as plain_support


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[str]]]:
    yield from plain_support.catalogues(tmp_path_factory)


def test_the_plain_path_is_taken(catalogues: dict[str, list[str]]) -> None:
    """The views of a long list are laid out by it, not handed back to Rich, in either
    language."""
    shown: list[bool] = []
    original = plain.plain_lines

    def watched(*args: object) -> list[str] | None:
        lines = original(*args)  # type: ignore[arg-type]
        shown.append(lines is not None)
        return lines

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(session, "plain_lines", watched)
        for command in (["list", "-n", "all"], ["skills", "-n", "all"]):
            for language in ("en", "ar"):
                args = [*command, *catalogues["generated"], "--lang", language]
                run = invoke(args, {"COLUMNS": "80"})
                assert run.exit_code == 0
    assert len(shown) > 10
    assert all(shown)
