"""`careers read`: the catalogue's prose sections, all or one, in every format and language;
and where a summary's first sentence ends."""

from __future__ import annotations

import json

from tests.helpers import (
    run_installed,
)
from tests.support.read import section


class TestOtherCatalogues:
    def test_the_installed_script_reads_a_section(self) -> None:
        run = run_installed(["read", "conclusion", "-f", "json"])
        assert run.exit_code == 0, run.stderr
        assert (
            json.loads(run.stdout)[0]["paragraphs"][0]["ar"]
            == (section("conclusion")["paragraphs"][0]["ar"])
        )
