"""Hostile input: catalogue text and arguments that try to be markup or terminal control."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careers_cli.catalogue import reading as catalogue_module
from tests.helpers import (
    DATA,
    REPO,
    invoke,
)
from tests.support.hostile import MIB


class TestMoreMalformedFiles:
    """Cases tests/test_loader.py does not have (it has empty, blank, number at the top, ...)."""

    def test_the_documented_limit_is_the_code_limit(self) -> None:
        """The README states the limit the loader applies."""
        limit_mib = catalogue_module.MAX_CATALOGUE_BYTES // MIB
        assert f"larger than {limit_mib} MiB" in (REPO / "README.md").read_text(encoding="utf-8")

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
    )
    def test_unreadable_file(self, tmp_path: Path) -> None:
        path = tmp_path / "secret.json"
        path.write_bytes(DATA.read_bytes())
        path.chmod(0)
        try:
            run = invoke(["list", "--data", str(path)])
        finally:
            path.chmod(0o600)
        assert run.exit_code == 3
        assert run.stderr == f"error: {path}: cannot be read (permission denied)\n"
