"""`careers read`: the catalogue's prose sections, all or one, in every format and language;
and where a summary's first sentence ends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import (
    invoke,
    raw_catalogue,
    same_from_store,
    settled_copy,
    write_catalogue,
)
from tests.support.read import section, sections


class TestEverySection:
    def test_json_carries_every_section_whole_in_both_languages(self) -> None:
        run = invoke(["read", "-f", "json"])
        assert run.exit_code == 0, run.stderr
        expected = [
            {
                "id": s["id"],
                "heading": s.get("heading"),
                "paragraphs": [{"en": p["en"], "ar": p["ar"]} for p in s["paragraphs"]],
            }
            for s in sections()
        ]
        assert json.loads(run.stdout) == expected

    def test_the_table_prints_every_paragraph_in_full_and_in_order(self) -> None:
        run = invoke(["read"], env={"COLUMNS": "1000"})
        assert run.exit_code == 0, run.stderr
        text = run.stdout
        places = []
        for s in sections():
            heading = s["heading"]["en"] if s.get("heading") else s["id"]
            places.append(text.index(heading))
            for paragraph in s["paragraphs"]:
                assert paragraph["en"] in text
        assert places == sorted(places)
        # The introduction has no heading: its id names it, once.
        assert text.splitlines()[0].strip() == "introduction"

    def test_arabic_prints_the_arabic_text(self) -> None:
        run = invoke(["read", "--lang", "ar"], env={"COLUMNS": "1000"})
        assert run.exit_code == 0, run.stderr
        for s in sections():
            for paragraph in s["paragraphs"]:
                assert paragraph["ar"] in run.stdout
        assert section("career-outlook")["heading"]["ar"] in run.stdout

    def test_csv_has_a_row_per_paragraph(self) -> None:
        run = invoke(["read", "-f", "csv"])
        assert run.exit_code == 0, run.stderr
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        expected = [
            (s["id"], s["heading"]["en"] if s.get("heading") else s["id"], p["en"])
            for s in sections()
            for p in s["paragraphs"]
        ]
        assert [(r["id"], r["heading"], r["text"]) for r in rows] == expected

    def test_markdown_is_a_document_with_a_heading_per_section(self) -> None:
        run = invoke(["read", "-f", "markdown"])
        assert run.exit_code == 0, run.stderr
        headings = [line for line in run.stdout.splitlines() if line.startswith("#")]
        assert headings == [
            "# About the field",
            *(f"## {s['heading']['en'] if s.get('heading') else s['id']}" for s in sections()),
        ]


class TestOneSection:
    @pytest.mark.parametrize(
        ("name", "guessed"),
        [
            ("career-outlook", False),
            ("The career outlook in social media", False),  # its whole heading
            ("المستقبل المهني في وسائل التواصل الاجتماعي", False),  # in Arabic
            ("outlook", True),  # a word of the heading: a guess, said on stderr
            ("continous learning", True),  # misspelt
        ],
    )
    def test_by_id_heading_or_words(self, name: str, guessed: bool) -> None:
        run = invoke(["read", name, "-f", "json"])
        assert run.exit_code == 0, run.stderr
        [found] = json.loads(run.stdout)
        expected = "continuous-learning" if "contin" in name else "career-outlook"
        assert found["id"] == expected
        notice = f"using {expected}, the closest match to '{name}'\n"
        assert run.stderr == (notice if guessed else "")

    def test_a_word_of_several_headings_is_ambiguous(self) -> None:
        # "social" and "media" are in several headings; "media" alone fits them equally.
        run = invoke(["read", "media"])
        assert run.exit_code == 1
        lines = run.stderr.splitlines()
        having = [
            s["id"]
            for s in sections()
            if s.get("heading") and "media" in s["heading"]["en"].casefold().split()
        ]
        assert lines[0] == (
            f"error: 'media' fits {len(having)} sections; use one of these ids (best first):"
        )
        assert sorted(line.split()[0] for line in lines[1:]) == sorted(having)

    def test_an_unknown_section_is_not_found(self) -> None:
        run = invoke(["read", "zzqx"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert run.stderr.splitlines()[0] == "error: no section matches 'zzqx'"


class TestOtherCatalogues:
    def test_a_catalogue_without_sections_says_so(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        data["sections"] = []
        path = write_catalogue(tmp_path / "bare.json", data)
        run = invoke(["read", "--data", str(path)])
        assert (run.exit_code, run.stdout) == (0, "")
        assert run.stderr == "this catalogue has no prose sections\n"
        assert json.loads(invoke(["read", "--data", str(path), "-f", "json"]).stdout) == []

    @pytest.mark.parametrize("args", [["read"], ["read", "outlook"], ["read", "-f", "csv"]])
    def test_the_store_answers_as_the_file_does(self, tmp_path: Path, args: list[str]) -> None:
        path = settled_copy(tmp_path)
        run = same_from_store(args, path, tmp_path / "cache")
        assert run.exit_code == 0, run.stderr


class TestFirstSentence:
    """A summary is the description's first sentence: abbreviations and initials do not end
    it, nor a stop before a word in lower case."""

    def test_an_esco_summary_is_not_cut_at_ie(self, tmp_path: Path) -> None:
        data = raw_catalogue()
        description = (
            "Clothing technologists design products in different sizes (i.e. for many body "
            "types). They test fabrics."
        )
        data["careers"][0]["description"]["en"] = description
        path = write_catalogue(tmp_path / "c.json", data)
        run = invoke(["list", "--data", str(path), "-f", "csv"])
        first = next(csv.DictReader(io.StringIO(run.stdout)))
        assert first["summary"] == (
            "Clothing technologists design products in different sizes (i.e. for many body types)."
        )
