"""`careers validate PATH` and `careers schema`: checking your own catalogue before using it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    DATA,
    REPO,
    catalogue_alone_in_a_folder,
    folder_snapshot,
    invoke,
    raw_catalogue,
    run_installed,
    write_catalogue,
)
from tests.support import validate as validate_support
from tests.support.validate import EXAMPLE, problems_of


class TestValidFiles:
    """A valid catalogue: exit 0 and one line on stdout with what it holds."""

    def test_example_catalogue_in_the_installed_script(self) -> None:
        """`careers validate examples/small-catalogue.json`, typed in the checkout."""
        run = run_installed(["validate", "examples/small-catalogue.json"], cwd=REPO)
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[0] == (
            "examples/small-catalogue.json: valid: 2 careers, 2 skills, 0 trends, 1 tip"
        )
        assert run.stderr == ""


class TestEveryProblemWithItsPlace:
    """An invalid catalogue: exit 3, `PATH: N problems`, then one indented line per problem."""

    def test_in_the_installed_script(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        data["careers"][5]["title"]["en"] = ""
        data["careers"][0]["salary"] = "high"
        path = write_catalogue(tmp_path / "broken.json", data)
        run = run_installed(["validate", str(path)], cwd=tmp_path)
        assert problems_of(run, path) == [
            "careers[0] (id 'social-media-manager').salary: Extra inputs are not permitted",
            "careers[5] (id 'influencer').title.en: text must not be empty or only white space",
        ]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return validate_support.schema()


class TestSchema:
    """`careers schema` prints the format as JSON Schema, generated from the models."""

    def test_output_is_plain_json(self) -> None:
        """Indented, one document, nothing else on stdout; the installed script agrees."""
        run = run_installed(["schema"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert run.stdout.startswith("{\n")
        assert run.stdout.endswith("}\n")
        assert json.loads(run.stdout) == json.loads(invoke(["schema"]).stdout)


def _broken(path: Path) -> None:
    data = raw_catalogue()
    data["careers"][0]["title"]["en"] = ""
    data["trends"][0]["careers"].append("nobody")
    write_catalogue(path, data)


@pytest.mark.parametrize(
    ("make", "status"),
    [
        (lambda path: path.write_bytes(DATA.read_bytes()), 0),
        (lambda path: path.write_bytes(EXAMPLE.read_bytes()), 0),
        (_broken, 3),
        (lambda path: path.write_text('{"schema_version": 1,', encoding="utf-8"), 3),
    ],
    ids=["shipped", "example", "invalid-content", "bad-json"],
)
@pytest.mark.parametrize("how", ["in-process", "installed"])
def test_validate_never_writes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], object],
    status: int,
    how: str,
) -> None:
    """validate leaves the file's bytes and mtime alone and creates nothing beside it or in the
    working directory."""
    path = catalogue_alone_in_a_folder(tmp_path, make)
    folder = path.parent
    before = folder_snapshot(folder)
    monkeypatch.chdir(folder)
    if how == "installed":
        run = run_installed(["validate", "careers.json"], cwd=folder)
    else:
        run = invoke(["validate", "careers.json"])
    assert run.exit_code == status, run.stderr
    assert run.stdout.startswith("careers.json: valid: ") == (status == 0)
    assert folder_snapshot(folder) == before
    assert sorted(os.listdir(tmp_path)) == ["catalogues"]


def test_schema_never_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """schema, run next to a catalogue that $CAREERS_DATA names, writes nothing anywhere near."""
    path = catalogue_alone_in_a_folder(tmp_path, lambda p: p.write_bytes(EXAMPLE.read_bytes()))
    folder = path.parent
    before = folder_snapshot(folder)
    monkeypatch.chdir(folder)
    for run in (
        invoke(["schema"], env={"CAREERS_DATA": str(path)}),
        run_installed(["schema"], env={"CAREERS_DATA": str(path)}, cwd=folder),
    ):
        assert run.exit_code == 0, run.stderr
        assert json.loads(run.stdout)["title"] == "CatalogueFile"
    assert folder_snapshot(folder) == before
    assert sorted(os.listdir(tmp_path)) == ["catalogues"]
