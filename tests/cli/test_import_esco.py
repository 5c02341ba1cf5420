"""`careers import esco`: ESCO's CSV download in, a valid catalogue file out."""

from __future__ import annotations

import csv
import json
import os
import random
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import invoke
from tests.support.import_esco import (
    ARABIC,
    OCCUPATION_HEADER,
    OCCUPATIONS,
    RELATIONS,
    SAMPLE,
    SKILLS,
    arabic_titles_of_the_sample,
    career,
    import_to,
    imported,
    links_of_the_sample,
    occupation_uri,
    sample_rows,
    skill_uri,
    small_download,
    write_csv,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


COMMUNITY_MANAGER_URI = "http://data.europa.eu/esco/occupation/137b1d11-c4bc-4016-89ba-45345d4c71f0"


def career_ids_by_uri(data: dict[str, Any]) -> dict[str, str]:
    return {c["occupations"][0]["uri"]: c["id"] for c in data["careers"]}


def skill_ids_by_label(data: dict[str, Any]) -> dict[str, str]:
    return {s["label"]["en"]: s["id"] for s in data["skills"]}


def keys_anywhere(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from keys_anywhere(item)
    elif isinstance(value, list):
        for item in value:
            yield from keys_anywhere(item)


OCCUPATION_HEADER += ["definition", "description"]


def copy_of_the_sample(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in (OCCUPATIONS, SKILLS, RELATIONS, ARABIC):
        shutil.copyfile(SAMPLE / name, folder / name)
    return folder


def rewrite_rows(path: Path, change: Any) -> None:
    """Rewrite a CSV file through `change(header, rows) -> (header, rows)`."""
    with path.open(encoding="utf-8", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    header, rows = change(header, rows)
    write_csv(path, header, rows)


def files_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


class TestTheSample:
    """The real excerpt imports whole, with the figures its files hold."""

    def test_the_summary_line_says_what_was_imported(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = import_to(SAMPLE, output)
        assert run.exit_code == 0
        assert run.stdout == (
            f"Imported 61 careers, 1905 skills and 2874 skill links (1563 essential, 1311 "
            f"optional) from ESCO into {output}; Arabic titles for 58 of 61 careers.\n"
        )
        assert run.stderr == ""

    def test_the_catalogue_heading(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        assert data["schema_version"] == 2
        assert data["languages"] == ["en", "ar"]
        assert data["title"] == {
            "en": "ESCO occupations and skills",
            "ar": "المهن والمهارات في تصنيف ESCO",
        }
        assert data["source"] == "ESCO, © European Union, https://esco.ec.europa.eu"
        assert [c["id"] for c in data["careers"]] == sorted(c["id"] for c in data["careers"])
        assert [s["id"] for s in data["skills"]] == sorted(s["id"] for s in data["skills"])

    def test_the_online_community_manager_whole(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        found = career(data, "online-community-manager")
        row = next(r for r in sample_rows(OCCUPATIONS) if r["conceptUri"] == COMMUNITY_MANAGER_URI)
        arabic = "مدير المجتمع عبر الإنترنت / مديرة المجتمع عبر الإنترنت"
        label_of = {s["id"]: s["label"]["en"] for s in data["skills"]}
        skill_label = {r["conceptUri"]: r["preferredLabel"] for r in sample_rows(SKILLS)}
        expected_lines = [
            {
                "importance": kind,
                "skills": [
                    skill_label[s]
                    for o, s in links_of_the_sample(kind)
                    if o == COMMUNITY_MANAGER_URI
                ],
            }
            for kind in ("essential", "optional")
        ]
        lines = [
            {"importance": line["importance"], "skills": [label_of[i] for i in line["skills"]]}
            for line in found.pop("required_skills")
        ]
        assert lines == expected_lines
        assert len(lines[0]["skills"]) > 40
        assert found == {
            "id": "online-community-manager",
            "title": {"en": "online community manager", "ar": arabic},
            "alt_titles": {
                "en": [
                    "interactive media specialist",
                    "online community specialist",
                    "social media manager",
                    "social media strategist",
                    "social media reachout manager",
                    "online reachout manager",
                    "online content and community manager",
                    "digital community manager",
                    "social media specialist",
                    "online community managers",
                ],
                "ar": ["مدير المجتمع عبر الإنترنت", "مديرة المجتمع عبر الإنترنت"],
            },
            "description": {"en": row["description"]},
            "occupations": [
                {
                    "scheme": "ESCO",
                    "label": "online community manager",
                    "label_ar": arabic,
                    "isco_08": "2432",
                    "uri": COMMUNITY_MANAGER_URI,
                    "match": "exact",
                    "basis": "imported from ESCO",
                }
            ],
        }

    def test_arabic_titles_keep_their_forms(self, tmp_path: Path) -> None:
        """A title of one form, or of one form twice, has no Arabic alternative titles."""
        data = imported(SAMPLE, tmp_path / "esco.json")
        vlogger = career(data, "vlogger")
        assert vlogger["title"]["ar"] == "مدون فيديو / مدونة فيديو"
        assert vlogger["alt_titles"]["ar"] == ["مدون فيديو", "مدونة فيديو"]
        conductor = career(data, "musical-conductor")
        assert conductor["title"]["ar"] == "مايسترو"
        assert "ar" not in conductor["alt_titles"]
        blogger = career(data, "blogger")
        assert blogger["title"]["ar"] == "مدونة / مدونة"
        assert "ar" not in blogger["alt_titles"]

    def test_careers_without_an_arabic_row_have_no_arabic(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        with_arabic = set(arabic_titles_of_the_sample())
        without = [c for c in data["careers"] if c["occupations"][0]["uri"] not in with_arabic]
        assert sorted(c["id"] for c in without) == [
            "medical-physics-expert",
            "medical-writer",
            "procurement-department-manager",
        ]
        for found in without:
            assert "ar" not in found["title"]
            assert "label_ar" not in found["occupations"][0]

    def test_skills_carry_their_alternative_labels(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        skill = next(s for s in data["skills"] if s["id"] == "develop-energy-saving-concepts")
        assert skill["label"] == {"en": "develop energy saving concepts"}
        assert skill["aliases"]["en"][:2] == [
            "create concepts for energy saving",
            "energy saving concepts developing",
        ]
        assert len(skill["aliases"]["en"]) == 7
        plain = next(s for s in data["skills"] if s["id"] == "analyse-goal-progress")
        assert plain == {"id": "analyse-goal-progress", "label": {"en": "analyse goal progress"}}


class TestIds:
    """Ids are readable, valid, unique, and the same for the same release."""

    def test_ids_are_valid_unique_slugs(self, tmp_path: Path) -> None:
        data = imported(SAMPLE, tmp_path / "esco.json")
        for collection in ("careers", "skills"):
            ids = [record["id"] for record in data[collection]]
            assert len(ids) == len(set(ids)), collection
            assert all(SLUG.match(i) and len(i) <= 80 for i in ids), collection

    def test_two_runs_write_the_same_bytes(self, tmp_path: Path) -> None:
        first, second = tmp_path / "first.json", tmp_path / "second.json"
        imported(SAMPLE, first)
        imported(SAMPLE, second)
        assert first.read_bytes() == second.read_bytes()

    def test_the_file_is_compact_utf8_json_with_a_newline(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        imported(SAMPLE, output)
        raw = output.read_bytes()
        assert raw.endswith(b"}\n")
        assert raw.count(b"\n") == 1
        assert "مدير المجتمع".encode() in raw  # not \u escapes

    def test_shuffled_rows_give_the_same_catalogue(self, tmp_path: Path) -> None:
        """Ids do not depend on row order; with the relations in their order, nor do bytes."""
        shuffled = copy_of_the_sample(tmp_path / "shuffled")
        shuffler = random.Random(7)

        def shuffle(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
            shuffler.shuffle(rows)
            return header, rows

        for name in (OCCUPATIONS, SKILLS, ARABIC):
            rewrite_rows(shuffled / name, shuffle)
        original, reordered = tmp_path / "original.json", tmp_path / "reordered.json"
        imported(SAMPLE, original)
        imported(shuffled, reordered)
        assert original.read_bytes() == reordered.read_bytes()
        rewrite_rows(shuffled / RELATIONS, shuffle)
        relinked = imported(shuffled, tmp_path / "relinked.json")
        expected = json.loads(original.read_text(encoding="utf-8"))
        assert career_ids_by_uri(relinked) == career_ids_by_uri(expected)
        assert skill_ids_by_label(relinked) == skill_ids_by_label(expected)
        links = {
            c["id"]: {line["importance"]: set(line["skills"]) for line in c["required_skills"]}
            for c in relinked["careers"]
        }
        assert links == {
            c["id"]: {line["importance"]: set(line["skills"]) for line in c["required_skills"]}
            for c in expected["careers"]
        }

    def test_labels_that_make_the_same_slug_are_told_apart_by_uri(self, tmp_path: Path) -> None:
        occupations = [
            (0xB0, "Data Analyst", ""),
            (0xA0, "data-analyst", ""),
            (0xC0, "data analyst!", ""),
            (0xD0, "مايسترو", ""),
        ]
        forwards = imported(small_download(tmp_path / "a", occupations), tmp_path / "a.json")
        backwards = small_download(tmp_path / "b", occupations[::-1])
        assert career_ids_by_uri(imported(backwards, tmp_path / "b.json")) == career_ids_by_uri(
            forwards
        )
        assert career_ids_by_uri(forwards) == {
            occupation_uri(0xA0): "data-analyst",  # the first URI in order keeps the slug
            occupation_uri(0xB0): "data-analyst-000000b0",
            occupation_uri(0xC0): "data-analyst-000000c0",
            occupation_uri(0xD0): "occupation-000000d0",  # nothing ASCII to make a slug of
        }


class TestInputs:
    """A folder or a zip, in any column order, in one language or two."""

    def test_the_zip_as_downloaded_gives_the_same_catalogue(self, tmp_path: Path) -> None:
        download = tmp_path / "ESCO_dataset_v1.2.0_classification_en_csv.zip"
        with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(SAMPLE.iterdir()):
                name = path.name.upper() if path.name == SKILLS else path.name  # any case
                archive.write(path, f"ESCO dataset - v1.2.0 - classification - en - csv/{name}")
        from_folder, from_zip = tmp_path / "folder.json", tmp_path / "zip.json"
        imported(SAMPLE, from_folder)
        imported(download, from_zip)
        assert from_zip.read_bytes() == from_folder.read_bytes()

    def test_a_folder_inside_the_folder_is_searched(self, tmp_path: Path) -> None:
        inner = copy_of_the_sample(tmp_path / "download" / "ESCO dataset - v1.2.0")
        assert inner.exists()
        data = imported(tmp_path / "download", tmp_path / "esco.json")
        assert len(data["careers"]) == 61

    def test_english_only(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = import_to(SAMPLE, output, "--lang", "en")
        assert run.exit_code == 0, run.stderr
        assert "Arabic" not in run.stdout
        assert run.stdout.startswith("Imported 61 careers, 1905 skills and 2874 skill links")
        data = json.loads(output.read_text(encoding="utf-8"))
        assert data["languages"] == ["en"]
        assert data["title"] == {"en": "ESCO occupations and skills"}
        keys = set(keys_anywhere(data))
        assert "ar" not in keys
        assert "label_ar" not in keys
        assert not re.search("[\u0600-\u06ff]", output.read_text(encoding="utf-8"))

    def test_a_download_in_english_alone_has_no_arabic(self, tmp_path: Path) -> None:
        folder = copy_of_the_sample(tmp_path / "en")
        (folder / ARABIC).unlink()
        data = imported(folder, tmp_path / "esco.json")
        assert data["languages"] == ["en"]
        assert "ar" not in set(keys_anywhere(data))

    def test_arabic_asked_for_is_the_default(self, tmp_path: Path) -> None:
        asked, default = tmp_path / "asked.json", tmp_path / "default.json"
        imported(SAMPLE, asked, "--lang", "ar", "--lang", "en")
        imported(SAMPLE, default)
        assert asked.read_bytes() == default.read_bytes()

    def test_arabic_asked_for_but_missing_is_an_error(self, tmp_path: Path) -> None:
        folder = copy_of_the_sample(tmp_path / "en")
        (folder / ARABIC).unlink()
        run = import_to(folder, tmp_path / "esco.json", "--lang", "ar")
        assert run.exit_code == 3
        assert run.stderr == (
            f"error: {folder}: has no occupations_ar.csv, so it has no Arabic titles; "
            "download ESCO in Arabic too\n"
        )

    def test_an_unknown_language_is_a_usage_error(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = import_to(SAMPLE, output, "--lang", "fr")
        assert run.exit_code == 2
        assert run.stderr.splitlines() == [
            "error: cannot import language 'fr': ESCO is imported in 'en' or 'ar'",
            "try 'careers import esco -h' for help",
        ]
        assert not output.exists()

    def test_columns_in_another_order_with_one_more(self, tmp_path: Path) -> None:
        folder = copy_of_the_sample(tmp_path / "reordered")

        def reorder(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
            order = list(reversed(range(len(header))))
            return (
                ["releaseNote", *(header[i] for i in order)],
                [["new in this release", *(row[i] for i in order)] for row in rows],
            )

        for name in (OCCUPATIONS, SKILLS, RELATIONS, ARABIC):
            rewrite_rows(folder / name, reorder)
        original, reordered = tmp_path / "original.json", tmp_path / "reordered.json"
        imported(SAMPLE, original)
        imported(folder, reordered)
        assert reordered.read_bytes() == original.read_bytes()

    def test_either_separator_of_alternative_labels_in_either_file(self, tmp_path: Path) -> None:
        folder = small_download(
            tmp_path / "download",
            occupations=[
                (1, "data analyst", "analyst | number cruncher\nDATA ANALYST\n\n analyst ")
            ],
            skills=[(1, "analyse data", "data analysis\ninterpret data | Analyse Data")],
            relations=[(1, "essential", 1)],
        )
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["alt_titles"] == {"en": ["analyst", "number cruncher"]}
        assert data["skills"][0]["aliases"] == {"en": ["data analysis", "interpret data"]}

    def test_a_skill_linked_twice_keeps_its_first_place_and_essential_wins(
        self, tmp_path: Path
    ) -> None:
        folder = small_download(
            tmp_path / "download",
            skills=[(n, f"skill {n}", "") for n in range(1, 5)],
            relations=[
                (1, "optional", 1),
                (1, "essential", 2),
                (1, "optional", 3),
                (1, "essential", 1),  # also optional above: essential wins
                (1, "essential", 2),  # twice: keeps its first place
                (1, "optional", 2),  # essential already
            ],
        )
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["required_skills"] == [
            {"importance": "essential", "skills": ["skill-2", "skill-1"]},
            {"importance": "optional", "skills": ["skill-3"]},
        ]
        # every skill of the file is in the vocabulary, also one no career links to
        assert [s["id"] for s in data["skills"]] == ["skill-1", "skill-2", "skill-3", "skill-4"]

    def test_empty_lines_are_left_out(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download", relations=[(1, "optional", 1)])
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["required_skills"] == [
            {"importance": "optional", "skills": ["analyse-data"]}
        ]
        lonely = small_download(tmp_path / "lonely", relations=[])
        assert "required_skills" not in imported(lonely, tmp_path / "lonely.json")["careers"][0]

    def test_isco_group_only_when_it_is_four_digits(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / OCCUPATIONS, lambda h, rows: (h, [[*r[:2], "25", *r[3:]] for r in rows])
        )
        occupation = imported(folder, tmp_path / "esco.json")["careers"][0]["occupations"][0]
        assert "isco_08" not in occupation
        assert occupation["uri"] == occupation_uri(1)

    def test_the_definition_stands_in_for_a_missing_description(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / OCCUPATIONS,
            lambda h, rows: (h, [[*r[:5], "Looks at data.", ""] for r in rows]),
        )
        data = imported(folder, tmp_path / "esco.json")
        assert data["careers"][0]["description"] == {"en": "Looks at data."}

    def test_what_exceeds_the_format_is_left_out_and_counted(self, tmp_path: Path) -> None:
        too_long = "x" * 201
        many = "\n".join(f"name {n}" for n in range(603))
        folder = small_download(
            tmp_path / "download",
            occupations=[(1, "data analyst", f"analyst\n{too_long}"), (2, too_long, "")],
            skills=[(1, "analyse data", many)],
            relations=[(1, "essential", 1), (2, "essential", 1)],
        )
        output = tmp_path / "esco.json"
        run = import_to(folder, output)
        assert run.exit_code == 0
        assert run.stderr == (
            "warning: skipped 1 relation naming an occupation or skill that is not imported; "
            "2 texts longer than the catalogue format allows; 3 items past the format's limits "
            "(other names of a record, skills of a line)\n"
        )
        data = json.loads(output.read_text(encoding="utf-8"))
        assert [c["id"] for c in data["careers"]] == ["data-analyst"]
        assert data["careers"][0]["alt_titles"] == {"en": ["analyst"]}
        assert len(data["skills"][0]["aliases"]["en"]) == 600

    def test_dangling_relations_are_a_warning(self, tmp_path: Path) -> None:
        folder = small_download(
            tmp_path / "download",
            relations=[(1, "essential", 1), (9, "essential", 1), (1, "optional", 9)],
        )
        output = tmp_path / "esco.json"
        run = import_to(folder, output)
        assert run.exit_code == 0
        assert run.stdout == (
            "Imported 1 career, 2 skills and 1 skill link (1 essential, 0 optional) from ESCO "
            f"into {output}.\n"
        )
        assert run.stderr == (
            "warning: skipped 2 relations naming an occupation or skill that is not imported\n"
        )
        assert json.loads(output.read_text(encoding="utf-8"))["careers"][0]["required_skills"] == [
            {"importance": "essential", "skills": ["analyse-data"]}
        ]


class TestBadInput:
    """Every download an import cannot read is exit 3 and one line naming the file (and the
    line); nothing is written, and no temporary file is left."""

    @pytest.fixture
    def out_dir(self, tmp_path: Path) -> Path:
        folder = tmp_path / "out"
        folder.mkdir()
        return folder

    def refused(self, source: Path, out_dir: Path) -> str:
        run = import_to(source, out_dir / "esco.json")
        assert run.exit_code == 3, run.stdout + run.stderr
        assert run.stdout == ""
        assert files_in(out_dir) == []
        lines = run.stderr.splitlines()
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith("error: ")
        return lines[0].removeprefix("error: ")

    def test_a_missing_path(self, tmp_path: Path, out_dir: Path) -> None:
        missing = tmp_path / "nowhere"
        assert self.refused(missing, out_dir) == f"{missing}: no such file or folder"

    def test_a_folder_without_occupations(self, tmp_path: Path, out_dir: Path) -> None:
        folder = tmp_path / "photos"
        folder.mkdir()
        (folder / "skills_en.csv").write_text("conceptUri,preferredLabel\n", encoding="utf-8")
        assert self.refused(folder, out_dir) == (
            f"{folder}: is not an ESCO CSV download: it has no occupations_en.csv"
        )

    @pytest.mark.parametrize("name", [SKILLS, RELATIONS])
    def test_a_folder_without_another_english_file(
        self, tmp_path: Path, out_dir: Path, name: str
    ) -> None:
        folder = small_download(tmp_path / "download")
        (folder / name).unlink()
        assert self.refused(folder, out_dir) == (
            f"{folder}: is not an ESCO CSV download: it has no {name}"
        )

    def test_a_zip_without_occupations(self, tmp_path: Path, out_dir: Path) -> None:
        download = tmp_path / "other.zip"
        with zipfile.ZipFile(download, "w") as archive:
            archive.writestr("readme.txt", "not ESCO")
        assert self.refused(download, out_dir) == (
            f"{download}: is not an ESCO CSV download: it has no occupations_en.csv"
        )

    def test_a_file_that_is_neither_a_folder_nor_a_zip(self, tmp_path: Path, out_dir: Path) -> None:
        single = shutil.copyfile(SAMPLE / OCCUPATIONS, tmp_path / OCCUPATIONS)
        assert self.refused(single, out_dir).startswith(
            f"{single}: is neither a folder nor a zip file;"
        )

    def test_a_broken_zip(self, tmp_path: Path, out_dir: Path) -> None:
        download = tmp_path / "esco.zip"
        download.write_bytes(b"PK\x03\x04 this is not really a zip")
        assert self.refused(download, out_dir).startswith(
            f"{download}: is not a readable zip file ("
        )

    def test_a_zip_member_past_the_size_limit(
        self, tmp_path: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        download = tmp_path / "esco.zip"
        with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in (OCCUPATIONS, SKILLS, RELATIONS):
                archive.write(SAMPLE / name, f"esco/{name}")
        monkeypatch.setattr("careers_cli.catalogue.esco.download.MAX_FILE_BYTES", 100_000)
        # the first member past the limit: occupations_en.csv is 58 kB, skills_en.csv 439 kB
        assert self.refused(download, out_dir).startswith(f"{download}/esco/{SKILLS}: larger than")

    def test_a_missing_column(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / OCCUPATIONS,
            lambda h, rows: ([("label" if c == "preferredLabel" else c) for c in h], rows),
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / OCCUPATIONS}:1: no column 'preferredLabel' in the header"
        )

    def test_a_missing_relation_column(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        rewrite_rows(
            folder / RELATIONS, lambda h, rows: (h[:1] + h[2:], [r[:1] + r[2:] for r in rows])
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / RELATIONS}:1: no column 'relationType' in the header"
        )

    def test_a_broken_quote(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", skills=[(n, f"skill {n}", "") for n in range(5)]
        )
        path = folder / SKILLS
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[3] = lines[3].replace("skill 2", '"skill" 2')
        path.write_text("".join(lines), encoding="utf-8")
        assert self.refused(folder, out_dir) == (
            f"{path}:4: broken CSV in the row that starts on this line: ',' expected after '\"'"
        )

    def test_an_unclosed_quote_names_the_row_it_opens(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", skills=[(n, f"skill {n}", "") for n in range(5)]
        )
        path = folder / SKILLS
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[2] = lines[2].replace("skill 1", '"skill 1')
        path.write_text("".join(lines), encoding="utf-8")
        assert self.refused(folder, out_dir).startswith(f"{path}:3: broken CSV")

    def test_a_byte_that_is_not_utf8(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        path = folder / OCCUPATIONS
        raw = path.read_bytes()
        line_two = raw.index(b"\n") + 1
        path.write_bytes(
            b"\xef\xbb\xbf" + raw[:line_two] + raw[line_two:].replace(b"data", b"d\xe9ta", 1)
        )
        offset = 3 + line_two + raw[line_two:].index(b"data") + 1
        assert self.refused(folder, out_dir) == (
            f"{path}:2: is not valid UTF-8 (byte {offset}); ESCO's files are UTF-8"
        )

    def test_a_byte_order_mark_is_fine(self, tmp_path: Path) -> None:
        folder = small_download(tmp_path / "download")
        for name in (OCCUPATIONS, SKILLS, RELATIONS):
            path = folder / name
            path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
        assert imported(folder, tmp_path / "esco.json")["careers"][0]["id"] == "data-analyst"

    def test_an_unknown_relation_type(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", relations=[(1, "essential", 1), (1, "nice", 2)]
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / RELATIONS}:3: relationType 'nice' is neither 'essential' nor 'optional'"
        )

    def test_no_occupations(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download", occupations=[], relations=[])
        assert self.refused(folder, out_dir) == f"{folder / OCCUPATIONS}: has no occupations"

    def test_an_empty_file(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download")
        (folder / RELATIONS).write_bytes(b"")
        assert self.refused(folder, out_dir) == (
            f"{folder / RELATIONS}: is empty; an ESCO file starts with a line of column names"
        )

    def test_a_uri_given_twice(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(
            tmp_path / "download", skills=[(1, "analyse data", ""), (1, "again", "")]
        )
        assert self.refused(folder, out_dir) == (
            f"{folder / SKILLS}:3: {skill_uri(1)} appears twice (first on line 2)"
        )

    def test_an_empty_label(self, tmp_path: Path, out_dir: Path) -> None:
        folder = small_download(tmp_path / "download", occupations=[(1, "  ", "")])
        assert self.refused(folder, out_dir) == (
            f"{folder / OCCUPATIONS}:2: the preferredLabel cell is empty"
        )

    def test_a_result_the_format_refuses_names_its_place(
        self, tmp_path: Path, out_dir: Path
    ) -> None:
        """A career needs a description: an occupation with neither description nor
        definition is outside ESCO's shape."""
        folder = small_download(tmp_path / "download")
        rewrite_rows(folder / OCCUPATIONS, lambda h, rows: (h, [[*r[:5], "", ""] for r in rows]))
        message = self.refused(folder, out_dir)
        assert message.startswith(f"{folder}: does not make a valid catalogue (")
        assert "careers[0] (id 'data-analyst').description" in message


class TestWriting:
    """The output is written whole or not at all, and never over a file unasked."""

    def test_an_existing_output_needs_force(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        output.write_text("mine\n", encoding="utf-8")
        run = import_to(SAMPLE, output)
        assert run.exit_code == 2
        assert run.stderr == f"error: {output}: already exists; add --force to replace it\n"
        assert output.read_text(encoding="utf-8") == "mine\n"
        assert files_in(tmp_path) == ["esco.json"]

    def test_force_replaces_it(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        output.write_text("mine\n", encoding="utf-8")
        run = import_to(SAMPLE, output, "--force")
        assert run.exit_code == 0, run.stderr
        assert json.loads(output.read_text(encoding="utf-8"))["schema_version"] == 2
        assert files_in(tmp_path) == ["esco.json"]

    def test_a_directory_is_not_an_output(self, tmp_path: Path) -> None:
        run = import_to(SAMPLE, tmp_path, "--force")
        assert run.exit_code == 2
        assert run.stderr == (
            f"error: {tmp_path}: is a directory; give the name of the catalogue file to write\n"
        )

    @pytest.mark.parametrize("parent", ["missing-folder", "a-file"])
    def test_an_output_that_cannot_be_written(self, tmp_path: Path, parent: str) -> None:
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        output = tmp_path / parent / "esco.json"
        run = import_to(SAMPLE, output)
        assert run.exit_code == 74
        reason = "No such file or directory" if parent == "missing-folder" else "Not a directory"
        assert run.stderr == f"error: {output}: cannot be written ({reason})\n"
        assert run.stdout == ""

    def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        output = tmp_path / "esco.json"
        output.write_text("mine\n", encoding="utf-8")

        def full_disk(source: Any, target: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("careers_cli.userfiles.atomic.os.replace", full_disk)
        run = import_to(SAMPLE, output, "--force")
        assert run.exit_code == 74
        assert run.stderr == f"error: {output}: cannot be written (No space left on device)\n"
        assert output.read_text(encoding="utf-8") == "mine\n"
        assert files_in(tmp_path) == ["esco.json"]

    def test_the_written_file_is_readable_by_others(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        imported(SAMPLE, output)
        umask = os.umask(0)
        os.umask(umask)
        assert output.stat().st_mode & 0o777 == 0o666 & ~umask


class TestCommandLine:
    """What a counsellor sees: the installed command, its streams and its language."""

    def test_messages_follow_the_language_before_the_command(self, tmp_path: Path) -> None:
        missing = tmp_path / "nowhere"
        run = invoke(["--lang", "ar", "import", "esco", str(missing), "-o", str(tmp_path / "x")])
        assert run.exit_code == 3
        assert run.stderr == f"خطأ: {missing}: لا يوجد ملف أو مجلد بهذا الاسم\n"

    def test_messages_follow_careers_lang(self, tmp_path: Path) -> None:
        output = tmp_path / "esco.json"
        run = invoke(["import", "esco", str(SAMPLE), "-o", str(output)], {"CAREERS_LANG": "ar"})
        assert run.exit_code == 0
        assert run.stdout == (
            f"استُورد من ESCO إلى {output}: 61 مهنة، و1905 مهارات، و2874 رابط مهارة "
            "(منها 1563 أساسية و1311 اختيارية)؛ وعدد المهن التي لها عنوان عربي: 58 من 61.\n"
        )

    def test_the_language_to_import_is_not_the_language_of_messages(self, tmp_path: Path) -> None:
        missing = tmp_path / "nowhere"
        run = invoke(["import", "esco", str(missing), "-o", str(tmp_path / "x"), "--lang", "ar"])
        assert run.exit_code == 3
        assert run.stderr == f"error: {missing}: no such file or folder\n"

    def test_the_output_is_required(self) -> None:
        run = invoke(["import", "esco", str(SAMPLE)])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == "error: missing --output / -o"

    def test_help_has_examples(self) -> None:
        for args in (["import", "--help"], ["import", "esco", "--help"]):
            run = invoke(args)
            assert run.exit_code == 0
            assert "Example" in run.stdout
            assert "careers import esco" in run.stdout


def test_white_space_inside_labels_is_one_plain_space(tmp_path: Path) -> None:
    """ESCO writes some alternative labels with no-break spaces ("chemical metallurgy\\xa0expert");
    they are imported with plain spaces, as a person would type them."""
    source = SAMPLE / "occupations_en.csv"
    assert "chemical metallurgy\xa0expert" in source.read_text(encoding="utf-8")
    output = tmp_path / "esco.json"
    assert invoke(["import", "esco", str(SAMPLE), "--output", str(output)]).exit_code == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    names = [
        name
        for career in data["careers"]
        for name in [career["title"]["en"], *career.get("alt_titles", {}).get("en", [])]
    ]
    assert "chemical metallurgy expert" in names
    assert not [name for name in names if "\xa0" in name or "  " in name]
