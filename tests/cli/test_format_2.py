"""Format 2 as a person and a script meet it: texts in one language, alternative titles,
essential and optional skills, careers without responsibilities, format-1 files beside it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import DATA, FORMAT_1_CATALOGUE, invoke
from tests.support.format_2 import FEATURES

WIDE = {"COLUMNS": "100"}


def run(*args: str) -> list[str]:
    """`careers ARGS --data FEATURES` at 100 columns: its lines, without trailing spaces."""
    result = invoke([*args, "--data", str(FEATURES)], env=WIDE)
    assert result.exit_code == 0, result.stderr
    return [line.rstrip() for line in result.stdout.splitlines()]


def document(*args: str) -> Any:
    result = invoke([*args, "--data", str(FEATURES), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


class TestAlternativeTitles:
    @pytest.mark.parametrize(
        "name", ["vlogger", "web video columnist", "مدونة فيديو", "مدون فيديو"]
    )
    def test_show_finds_a_career_by_an_alternative_title(self, name: str) -> None:
        assert document("show", name)["id"] == "video-blogger"

    def test_show_lists_them_in_the_reader_s_language(self) -> None:
        assert run("show", "video-blogger")[:2] == [
            "video blogger  video-blogger",
            "Also called: vlogger, web video columnist",
        ]
        arabic = run("show", "video-blogger", "--lang", "ar")
        assert arabic[1].strip() == "تُعرف أيضاً باسم: مدون فيديو، مدونة فيديو"

    def test_json_gives_them_per_language(self) -> None:
        assert document("show", "vlogger")["alt_titles"] == {
            "en": ["vlogger", "web video columnist"],
            "ar": ["مدون فيديو", "مدونة فيديو"],
        }


class TestOneLanguageTexts:
    def test_a_fallback_is_shown_and_marked_in_tables(self) -> None:
        english = run("show", "photographer")
        assert english[0] == "مصور [ar]  photographer"
        arabic = run("show", "video-blogger", "--lang", "ar")
        assert "Video bloggers make videos about topics and post them online. [en]" in [
            line.strip() for line in arabic
        ]

    def test_a_text_in_the_reader_s_language_is_not_marked(self) -> None:
        arabic = run("show", "video-blogger", "--lang", "ar")
        assert arabic[0].strip() == "مدون فيديو / مدونة فيديو  video-blogger"
        assert not any("[ar]" in line for line in arabic)

    def test_json_says_null_for_the_missing_language(self) -> None:
        listed = {item["id"]: item for item in document("list")}
        assert listed["photographer"]["title"] == {"en": None, "ar": "مصور"}
        assert listed["video-blogger"]["summary"] == {
            "en": "Video bloggers make videos about topics and post them online.",
            "ar": None,
        }

    def test_markdown_marks_and_csv_keeps_the_text(self) -> None:
        markdown = run("list", "-f", "markdown")
        # Markdown escapes the brackets, so the mark renders as written: مصور [ar]
        assert any(line.startswith("| photographer | مصور \\[ar\\] |") for line in markdown)
        csv_rows = run("list", "-f", "csv")
        assert any(line.startswith("photographer,مصور,") for line in csv_rows), csv_rows


class TestEssentialAndOptional:
    def test_show_parts_required_and_optional_skills(self) -> None:
        lines = run("show", "video-blogger")
        required, optional = lines.index("Required skills"), lines.index("Optional skills")
        assert [line.split() for line in lines[required + 3 : optional - 1]] == [
            ["edit", "video", "video-editing"],
            ["tell", "stories", "storytelling"],
        ]
        assert lines[optional + 3].split() == ["التصوير", "[ar]", "photography"]

    def test_no_responsibilities_means_no_heading(self) -> None:
        lines = run("show", "video-blogger")
        assert "Responsibilities" not in lines
        assert lines[lines.index("Description") + 2 : lines.index("Description") + 4] == [
            "",
            "Required skills",
        ]
        assert "Responsibilities" in run("show", "photographer")

    def test_show_json_gives_each_line_its_importance(self) -> None:
        shown = document("show", "photographer")
        assert shown["required_skills"] == [
            {
                "text": {"en": "A good eye for light.", "ar": None},
                "skills": ["photography"],
                "importance": "essential",
            },
            {"text": None, "skills": ["video-editing", "storytelling"], "importance": "optional"},
        ]
        assert shown["optional_skills"] == ["video-editing", "storytelling"]
        assert shown["occupations"][0]["isco_08"] is None
        assert shown["occupations"][0]["label_ar"] is None

    def test_compare_marks_optional_skills(self) -> None:
        rows = run("compare", "video-blogger", "photographer", "-f", "csv")
        assert rows == [
            "skill,label,video-blogger,photographer",
            "video-editing,edit video,yes,optional",
            "storytelling,tell stories,yes,optional",
            "photography,التصوير,optional,yes",
        ]
        compared = document("compare", "video-blogger", "photographer")
        assert compared["skills"][2]["importance"] == {
            "video-blogger": "optional",
            "photographer": "essential",
        }

    def test_match_counts_an_optional_skill_half(self) -> None:
        """Asked for photography: the photographer needs it, the video blogger only may use it."""
        # Both of the 2 careers list photography, so it tells ln(1 + 2/2) = ln 2 = 0.6931: the
        # photographer's whole score (0.69); half of it, 0.3466, the video blogger's (0.35).
        ranked = document("match", "-s", "photography")
        assert [
            (m["rank"], m["id"], m["score"]["value"], m["score"]["optional"]) for m in ranked
        ] == [
            (1, "photographer", 0.69, 0),
            (2, "video-blogger", 0.35, 1),
        ]
        assert [
            (
                m["matched"][0]["importance"],
                m["matched"][0]["careers"],
                m["matched"][0]["specificity"],
                m["matched"][0]["weight"],
            )
            for m in ranked
        ] == [
            ("essential", 2, 0.6931, 0.6931),
            ("optional", 2, 0.6931, 0.3466),
        ]
        assert ranked[1]["missing"] == ["video-editing", "storytelling"]
        assert ranked[0]["missing_optional"] == ["video-editing", "storytelling"]

    def test_match_shows_optional_in_its_score_and_lists(self) -> None:
        lines = run("match", "-s", "photography")
        # Each career has 3 requirements (a line with text is one, a line without is one per
        # skill), and photography names 1 of them: 33%. Scores as worked out above.
        assert lines[0] == "1. photographer  score 0.69 · 1/1 · 33%"
        second = lines.index("2. video-blogger  score 0.35 · 1/1 (1 optional) · 33%")
        assert "التصوير [ar] (optional) +0.35 ← photography" in lines[second + 2]
        first_block = lines[:second]
        assert "التصوير [ar] +0.69 ← photography" in first_block[2]
        assert any(
            line.split()[:2] == ["also", "helps"] and "edit video, tell stories" in line
            for line in first_block
        ), first_block


class TestFormatOne:
    def test_a_format_1_file_lists_like_the_built_in_catalogue(self) -> None:
        for language in ("en", "ar"):
            old = invoke(["list", "--data", str(FORMAT_1_CATALOGUE), "--lang", language], WIDE)
            new = invoke(["list", "--data", str(DATA), "--lang", language], WIDE)
            assert old.exit_code == 0, old.stderr
            assert old.stdout == new.stdout

    def test_without_arabic_occupation_titles_the_english_label_is_marked(self) -> None:
        """Format 1 has no `label_ar`: in Arabic the crosswalk shows ESCO's English label,
        marked; the built-in catalogue (format 2) shows ESCO's Arabic title."""
        old = invoke(
            ["show", "influencer", "--lang", "ar", "--data", str(FORMAT_1_CATALOGUE)], WIDE
        )
        assert "• vlogger [en] · ISCO-08 2642" in old.stdout
        new = invoke(["show", "influencer", "--lang", "ar"], WIDE)
        assert "• مدون فيديو / مدونة فيديو · ISCO-08 2642" in new.stdout

    def test_the_schema_is_format_2(self) -> None:
        schema = json.loads(invoke(["schema"]).stdout)
        assert "languages" in schema["required"]
        assert schema["properties"]["schema_version"]["enum"] == [1, 2]
