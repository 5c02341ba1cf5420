"""`careers import esco`: ESCO's CSV download in, a valid catalogue file out."""

from __future__ import annotations

import io
import re

import pytest

from careers_cli.catalogue import esco
from careers_cli.catalogue.esco.concepts import english_forms
from careers_cli.catalogue.esco.ids import MAX_ID_LENGTH, slug, unique_ids
from careers_cli.present.progress import progress_bar
from tests.support.import_esco import (
    ARABIC,
    OCCUPATIONS,
    RELATIONS,
    SAMPLE,
    SKILLS,
    arabic_titles_of_the_sample,
    links_of_the_sample,
    sample_rows,
)


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
            ("word-" * 30, "-".join(["word"] * 12)),  # 59 characters, cut at a hyphen
            ("x" * 100, "x" * 60),  # no hyphen to cut at
            ("C", "c"),
            ("C#", "c-sharp"),
            ("C++", "c-plus-plus"),
            ("F#", "f-sharp"),
            (".NET", "dot-net"),
            ("ASP.NET", "asp-dot-net"),
            ("Microsoft Visual C++", "microsoft-visual-c-plus-plus"),
            ("A+ certification", "a-plus-certification"),
            ("Node.js", "node-js"),
            ("lift loads of 5,700 kg", "lift-loads-of-5700-kg"),
            ("services+H40", "services-h40"),  # a stray plus inside a word is a separator
        ],
    )
    def test_slugs(self, label: str, expected: str) -> None:
        assert slug(label) == expected
        assert len(slug(label)) <= MAX_ID_LENGTH == 60

    def test_a_long_label_is_not_cut_inside_a_number(self) -> None:
        assert slug("x" * 56 + " 5.700 kg") == "x" * 56  # not x...-5
        assert slug("a " * 29 + "12.5 kg") == "a-" * 28 + "a"  # not a-...-12
        assert slug("a " * 28 + "12.5 kg") == "a-" * 28 + "12-5"

    def test_a_shortened_id_that_another_record_has_takes_a_key(self) -> None:
        # Two labels alike in their first 60 characters: the first by URI keeps the slug, the
        # other gets a key of its URI, and the id is still at most 60 characters long.
        start = "operate solar thermal energy systems for hot water and heating"
        ids = unique_ids({"urn:b": start + " in ships", "urn:a": start + " in homes"}, "skill")
        assert (
            ids["urn:a"] == slug(start) == "operate-solar-thermal-energy-systems-for-hot-water-and"
        )
        assert re.fullmatch(
            r"operate-solar-thermal-energy-systems-for-hot-water-[0-9a-f]{8}", ids["urn:b"]
        )
        assert all(len(i) <= MAX_ID_LENGTH for i in ids.values())

    def test_a_label_spelled_out_whole_keeps_its_slug(self) -> None:
        # "C#" and "c sharp" make the same slug; the label it spells out whole keeps it, though
        # its URI sorts last, and the symbol's label gets a key: never the plain slug.
        ids = unique_ids({"urn:a": "C#", "urn:z": "C sharp", "urn:y": "C"}, "skill")
        assert ids["urn:z"] == "c-sharp"
        assert ids["urn:y"] == "c"
        assert re.fullmatch(r"c-sharp-[0-9a-f]{8}", ids["urn:a"])

    def test_ids_do_not_depend_on_the_order_of_rows(self) -> None:
        labels = {"urn:c": "C++", "urn:b": "c plus plus", "urn:a": "C#", "urn:d": "C"}
        reversed_labels = dict(reversed(labels.items()))
        assert unique_ids(labels, "skill") == unique_ids(reversed_labels, "skill")


class TestEnglishForms:
    """An English title that names both forms of a job gives each as a title of its own."""

    @pytest.mark.parametrize(
        ("label", "forms"),
        [
            ("actor/actress", ["actor", "actress"]),
            ("head waiter/head waitress", ["head waiter", "head waitress"]),
            ("airport host/hostess", ["airport host", "airport hostess"]),
            ("steward/stewardess", ["steward", "stewardess"]),
            ("copy editor/fact checker", []),  # two jobs, not two forms of one
            ("video/graphics technician", []),
            ("naval engineer/architect", []),
            ("fabricator/welder", []),
            ("software developer", []),
            ("a/b/c", []),
        ],
    )
    def test_forms(self, label: str, forms: list[str]) -> None:
        assert english_forms(label) == forms


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
