"""`careers import esco`: ESCO's CSV download in, a valid catalogue file out."""

from __future__ import annotations

import io
import re

import pytest

from careers_cli.catalogue import esco
from careers_cli.catalogue.esco.ids import slug, unique_ids
from careers_cli.present.progress import progress_bar
from tests.support.import_esco import (
    ARABIC,
    OCCUPATION_HEADER,
    OCCUPATIONS,
    RELATIONS,
    SAMPLE,
    SKILLS,
    arabic_titles_of_the_sample,
    links_of_the_sample,
    sample_rows,
)

OCCUPATION_HEADER += ["definition", "description"]


class TestTheSample:
    """The real excerpt imports whole, with the figures its files hold."""

    def test_counts_are_those_of_the_files(self) -> None:
        result = esco.import_esco(SAMPLE)
        essential, optional = links_of_the_sample("essential"), links_of_the_sample("optional")
        assert len(set(essential) | set(optional)) == len(essential) + len(optional)
        assert result.careers == len(sample_rows(OCCUPATIONS)) == 61
        assert result.skills == len(sample_rows(SKILLS)) == 1905
        assert result.essential_links == len(essential) == 1563
        assert result.optional_links == len(optional) == 1311
        assert result.arabic_titles == len(arabic_titles_of_the_sample()) == 58
        assert (result.dangling_relations, result.too_long, result.over_limit) == (0, 0, 0)
        assert result.languages == ("en", "ar")
        data = result.data
        assert len(data["careers"]) == 61
        assert len(data["skills"]) == 1905
        lines = [line for c in data["careers"] for line in c.get("required_skills", [])]
        assert (
            sum(len(line["skills"]) for line in lines if line["importance"] == "essential") == 1563
        )
        assert (
            sum(len(line["skills"]) for line in lines if line["importance"] == "optional") == 1311
        )
        assert sum(1 for c in data["careers"] if "ar" in c["title"]) == 58


class TestIds:
    """Ids are readable, valid, unique, and the same for the same release."""

    def test_a_uri_without_hex_gets_a_key_from_its_hash(self) -> None:
        ids = unique_ids({"urn:b": "manager", "urn:a": "manager", "urn:c": "مدير"}, "skill")
        assert ids["urn:a"] == "manager"
        assert re.fullmatch(r"manager-[0-9a-f]{8}", ids["urn:b"])
        assert re.fullmatch(r"skill-[0-9a-f]{8}", ids["urn:c"])

    @pytest.mark.parametrize(
        ("label", "expected"),
        [
            ("ICT buyer", "ict-buyer"),
            ("Café & crêpe manager", "cafe-crepe-manager"),
            ("  --stop-motion animator--  ", "stop-motion-animator"),
            ("مايسترو", ""),
            ("word-" * 30, "-".join(["word"] * 16)),  # 79 characters, cut at a hyphen
            ("x" * 100, "x" * 80),  # no hyphen to cut at
        ],
    )
    def test_slugs(self, label: str, expected: str) -> None:
        assert slug(label) == expected
        assert len(slug(label)) <= 80


class TestProgress:
    """A bar on a terminal only; nothing elsewhere."""

    class _Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_a_terminal_sees_each_file(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("TERM", "xterm")
        terminal = self._Terminal()
        with progress_bar(terminal) as progress:
            esco.import_esco(SAMPLE, progress=progress)
        shown = terminal.getvalue()
        for name in (OCCUPATIONS, SKILLS, RELATIONS, ARABIC):
            assert name in shown
        assert "100%" in shown

    def test_a_pipe_sees_nothing(self) -> None:
        pipe = io.StringIO()
        with progress_bar(pipe) as progress:
            esco.import_esco(SAMPLE, progress=progress)
        assert pipe.getvalue() == ""

    def test_progress_is_reported_per_file_to_the_end(self) -> None:
        calls: list[tuple[str, int, int]] = []
        esco.import_esco(SAMPLE, progress=lambda *call: calls.append(call))
        finished = {stage: done for stage, done, total in calls if done == total}
        assert set(finished) == {OCCUPATIONS, SKILLS, RELATIONS, ARABIC}
        assert len(calls) < 20  # not once per row
