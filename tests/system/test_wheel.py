"""The built wheel: it ships the catalogue and works in a fresh venv, from any folder.

The wheel is built once, installed with pip into a new virtual environment that sees the
project's dependencies (through a .pth line) but not its editable install, and run from a folder
outside the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

import careers_cli
from tests.helpers import BASE_ENV, DATA, REPO, SEVEN_IDS

pytestmark = pytest.mark.slow

_NOT_INHERITED = (
    "CAREERS_DATA",
    "CAREERS_LANG",
    "CAREERS_RTL",
    "CAREERS_DEBUG",
    "FORCE_COLOR",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "PYTHONUSERBASE",
    "VIRTUAL_ENV",
)

_PIP: list[str | Path] = [sys.executable, "-m", "pip"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env.update(BASE_ENV)
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", PYTHONNOUSERSITE="1")
    return env


def _run(args: Sequence[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        cwd=cwd,
        timeout=120,
        check=False,
    )


def _ok(completed: subprocess.CompletedProcess[str]) -> str:
    assert completed.returncode == 0, (completed.args, completed.stdout, completed.stderr)
    assert "Traceback" not in completed.stderr
    return completed.stdout


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    python: Path
    site_packages: Path
    elsewhere: Path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    _ok(
        _run(
            [*_PIP, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, REPO],
            cwd=root,
        )
    )
    wheels = sorted(dist.glob("*.whl"))
    assert len(wheels) == 1, wheels

    venv = root / "venv"
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=root))
    python = venv / "bin" / "python"
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site_packages = Path(_ok(_run([python, "-c", code], cwd=root)).strip())
    assert site_packages.is_relative_to(venv)

    # A path line in a .pth adds that folder to sys.path without reading the .pth files in it,
    # so the dependencies are importable but the editable careers_cli is not.
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site_packages / "project_dependencies.pth").write_text("\n".join(ours) + "\n")

    _ok(
        _run(
            [*_PIP, "--python", python, "install", "--no-deps", "--no-index", wheels[0]],
            cwd=root,
        )
    )
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return Installed(wheels[0], venv, python, site_packages, elsewhere)


def test_wheel_is_named_with_the_package_version(installed: Installed) -> None:
    assert installed.wheel.name == f"careers_cli-{careers_cli.__version__}-py3-none-any.whl"


def test_wheel_ships_the_catalogue_unchanged(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        assert "careers_cli/data/careers.json" in names
        assert wheel.read("careers_cli/data/careers.json") == DATA.read_bytes()
        assert "careers_cli/__init__.py" in names
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "careers = careers_cli.entry:main" in wheel.read(entry_points).decode()


def test_installed_script_lists_the_seven_careers_from_another_folder(
    installed: Installed,
) -> None:
    completed = _run([installed.venv / "bin" / "careers", "list"], cwd=installed.elsewhere)
    stdout = _ok(completed)
    assert completed.stderr == ""
    first_words = [line.split()[0] for line in stdout.splitlines() if line[:1].isalpha()]
    assert first_words[1:] == SEVEN_IDS
    assert "Social Media Influencer" in stdout
    assert sorted(os.listdir(installed.elsewhere)) == []


def test_module_reports_the_package_version(installed: Installed) -> None:
    completed = _run([installed.python, "-m", "careers_cli", "--version"], cwd=installed.elsewhere)
    assert _ok(completed).strip() == f"careers {careers_cli.__version__}"


def test_package_is_imported_from_the_fresh_venv(installed: Installed) -> None:
    code = "import careers_cli; print(careers_cli.__file__)"
    location = Path(_ok(_run([installed.python, "-c", code], cwd=installed.elsewhere)).strip())
    assert location.resolve().is_relative_to(installed.site_packages.resolve())
    assert not location.resolve().is_relative_to((REPO / "src").resolve())


def test_built_in_catalogue_is_the_one_inside_the_installed_package(
    installed: Installed,
) -> None:
    code = (
        "from careers_cli.catalogue.reading import find_catalogue\n"
        "source = find_catalogue(None)\n"
        "print(source.bundled, source.path, sep='\\n')"
    )
    out = _ok(_run([installed.python, "-c", code], cwd=installed.elsewhere)).splitlines()
    assert out[0] == "True"
    path = Path(out[1]).resolve()
    assert path == (installed.site_packages / "careers_cli" / "data" / "careers.json").resolve()
    assert path.read_bytes() == DATA.read_bytes()


def test_installed_script_refuses_a_missing_catalogue(installed: Installed) -> None:
    completed = _run(
        [installed.venv / "bin" / "careers", "list", "--data", "missing.json"],
        cwd=installed.elsewhere,
    )
    assert completed.returncode == 3
    assert completed.stdout == ""
    assert completed.stderr == "error: missing.json: no such file\n"
