"""The package layers hold: import-linter checks them (pyproject.toml's [tool.importlinter]),
and a module that imports the wrong way breaks the check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(source: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        cwd=source,
        timeout=120,
        check=False,
    )


def copy_of_the_package(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    shutil.copytree(
        REPO / "src" / "careers_cli",
        source / "careers_cli",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return source


def test_the_package_keeps_its_layers(tmp_path: Path) -> None:
    done = lint_imports(copy_of_the_package(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 3 kept, 0 broken." in done.stdout


@pytest.mark.parametrize(
    ("module", "added", "complaint"),
    [
        # the text rules importing the views: a lower layer reaching up
        (
            "text/language",
            "import careers_cli.present.views.explore",
            "careers_cli.text.language -> careers_cli.present.views.explore",
        ),
        # an error putting itself into words: the boundary does that, in the user's language
        (
            "errors",
            "import careers_cli.i18n.messages",
            "careers_cli.errors -> careers_cli.i18n.messages",
        ),
        # a rule about careers reaching for the terminal
        (
            "rules/search",
            "import rich.console",
            "careers_cli.rules is not allowed to import rich",
        ),
    ],
    ids=["wrong-way", "error-text", "terminal"],
)
def test_a_wrong_import_breaks_the_build(
    tmp_path: Path, module: str, added: str, complaint: str
) -> None:
    source = copy_of_the_package(tmp_path)
    path = source / "careers_cli" / f"{module}.py"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{added}\n")
    done = lint_imports(source)
    assert done.returncode == 1
    assert complaint in done.stdout
