"""Arabic as a first-class language: `--lang ar`, Arabic search, and right-to-left display."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import pytest
from rich.cells import cell_len

from careers_cli.i18n.messages import label, message
from tests.helpers import DATA, Run, invoke, raw_catalogue
from tests.support.arabic import (
    ARABIC_LETTER,
    PRESENTATION_FORM,
    assert_visual,
    career,
    expected_visual,
    reads_in_order,
    squeeze,
)

WIDE = {"COLUMNS": "400"}  # nothing wraps: catalogue text can be found verbatim


catalogue = raw_catalogue


def catalogue_skill(skill_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in raw_catalogue()["skills"] if s["id"] == skill_id)
    return found


def titles_ar(*career_ids: str) -> list[str]:
    return [career(c)["title"]["ar"] for c in career_ids]


def run_ok(args: Sequence[str], env: dict[str, str] | None = None) -> Run:
    run = invoke(args, env)
    assert run.exit_code == 0, run.stderr
    return run


def cells_before(line: str, edge: int) -> str:
    """The part of `line` that fills its first `edge` terminal cells."""
    taken = ""
    for char in line:
        if cell_len(taken + char) > edge:
            break
        taken += char
    return taken


def cells_after(line: str, edge: int) -> str:
    """The part of `line` after its first `edge` terminal cells."""
    return line[len(cells_before(line, edge)) :]


def cell_end(line: str, text: str) -> int:
    """The terminal cell just after `text` in `line`."""
    return cell_len(line[: line.index(text) + len(text)])


# Each command, and the labels (from messages.py) its table output must show.
COMMANDS: dict[str, tuple[list[str], list[str]]] = {
    "list": (["list"], ["id", "career", "skills"]),
    "show": (
        ["show", "influencer"],
        [
            "description",
            "responsibilities",
            "required_skills",
            "skill",
            "tagged_as",
            "trends",
            "tips",
            "occupations",
            "related",
            "shared_skills",
        ],
    ),
    "compare": (
        ["compare", "influencer", "digital-content-creator"],
        ["summary", "present", "platforms", "similarity"],
    ),
    "match": (["match", "-s", "analytics"], ["title", "has", "to_learn"]),
    "skills": (["skills"], ["aliases", "needed_by"]),
    "trends": (["trends"], ["careers", "skills"]),
    "tips": (["tips"], ["careers", "skills"]),
}


def catalogue_text_shown(command: str) -> list[str]:
    """Arabic catalogue text each command must print verbatim in Arabic."""
    data = catalogue()
    if command == "list":
        return titles_ar(*(c["id"] for c in data["careers"]))
    if command == "show":
        return titles_ar("influencer")
    if command == "compare":
        return titles_ar("influencer", "digital-content-creator")
    if command == "match":
        return titles_ar(
            "social-media-data-analyst", "social-media-manager", "social-media-marketing-specialist"
        )
    if command == "skills":
        return [s["label"]["ar"] for s in data["skills"]]
    return [n["title"]["ar"] for n in data[command]]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_arabic_output_of_every_command(command: str) -> None:
    args, labels = COMMANDS[command]
    run = run_ok([*args, "--lang", "ar"], WIDE)
    for key in labels:
        assert label(key, "ar") in run.stdout, key
    for text in catalogue_text_shown(command):
        assert text in run.stdout
    english = run_ok(args, WIDE).stdout
    for key in labels:
        assert label(key, "en") in english, key
        assert label(key, "ar") not in english, key


ARABIC_LEGEND = (
    "الدرجة: مجموع ما تضيفه كل مهارة من مهاراتك (+)؛ المهارة التي تحتاجها مهن أقل تضيف أكثر، "
    "والاختيارية نصف ذلك · مهاراتك التي تتطلبها المهنة / المهارات التي أدخلتها · نسبة "
    "متطلباتها التي تغطيها"
)


def test_match_legend_is_arabic() -> None:
    run = run_ok(["match", "-s", "analytics", "--lang", "ar"], WIDE)
    lines = [line.strip() for line in run.stdout.splitlines() if line.strip()]
    assert lines[-1].startswith("الدرجة: مجموع ما تضيفه كل مهارة من مهاراتك (+)")
    assert squeeze(run.stdout).endswith(ARABIC_LEGEND)
    # the heading's word for the score is Arabic too: analytics, 3 of 7 careers, ln(10/3) = 1.20
    assert lines[0] == "1. social-media-data-analyst  الدرجة 1.20 · 1/1 · 50%"
    assert "score" not in run.stdout


def test_validate_summary_is_arabic() -> None:
    run = run_ok(["validate", str(DATA), "--lang", "ar"], WIDE)
    assert run.stdout.splitlines() == [
        f"{DATA}: صالح: 7 مهن، 25 مهارة، 5 توجهات، 5 نصائح",
        "  الإنجليزية: المسميات 7 من 7، الأوصاف 7 من 7، أسماء المهارات 25 من 25",
        "  العربية: المسميات 7 من 7، الأوصاف 7 من 7، أسماء المهارات 25 من 25",
    ]


ALL_COMMANDS = [*COMMANDS.values(), (["validate", str(DATA)], [])]


@pytest.mark.parametrize("args", [args for args, _ in ALL_COMMANDS], ids=lambda a: a[0])
def test_lang_before_the_command_and_from_the_environment(args: list[str]) -> None:
    after = run_ok([*args, "--lang", "ar"], WIDE).stdout
    assert ARABIC_LETTER.search(after)
    assert run_ok(["--lang", "ar", *args], WIDE).stdout == after
    assert run_ok(args, {**WIDE, "CAREERS_LANG": "ar"}).stdout == after
    english = run_ok(args, WIDE).stdout
    assert english != after
    # An explicit --lang wins over the environment, and after the command over before it.
    assert run_ok([*args, "--lang", "en"], {**WIDE, "CAREERS_LANG": "ar"}).stdout == english
    assert run_ok(["--lang", "en", *args, "--lang", "ar"], WIDE).stdout == after
    assert run_ok(["--lang", "ar", *args, "--lang", "en"], WIDE).stdout == english


def allowed_latin_words() -> set[str]:
    """Latin words an Arabic screen may hold: ids, URIs, ESCO's English occupation labels and
    the Latin inside the catalogue's Arabic text (Google Analytics)."""
    data = catalogue()
    words: set[str] = {"ESCO", "ISCO-08"}
    for key in ("careers", "skills", "platforms", "trends", "tips"):
        words.update(record["id"] for record in data[key])

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("ar"), str):
                words.update(latin_words(node["ar"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    for record in data["careers"]:
        for occupation in record.get("occupations", []):
            words.update(latin_words(occupation["label"]))
            words.add(occupation["uri"])
    return words


def latin_words(text: str) -> set[str]:
    return {w.rstrip(".:/-") for w in re.findall(r"[A-Za-z][A-Za-z0-9._:/-]*", text)}


@pytest.mark.parametrize("args", [args for args, _ in ALL_COMMANDS], ids=lambda a: a[0])
def test_everything_read_in_arabic_is_arabic(args: list[str]) -> None:
    run = run_ok([*args, "--lang", "ar"], WIDE)
    allowed = allowed_latin_words() | latin_words(str(DATA))
    assert latin_words(run.stdout + run.stderr) - allowed == set()


def test_show_influencer_in_arabic_prints_the_catalogue_verbatim() -> None:
    record = career("influencer")
    out = run_ok(["show", "influencer", "--lang", "ar"], WIDE).stdout
    assert record["title"]["ar"] in out
    assert record["description"]["ar"] in out
    for line in record["required_skills"]:
        assert line["text"]["ar"] in out
    for item in record["responsibilities"]:
        assert item["ar"] in out
    for key in ("description", "responsibilities", "required_skills", "related"):
        assert label(key, "ar") in out
    for key in ("description", "responsibilities", "required_skills", "related"):
        assert label(key, "en") not in out
    assert record["title"]["en"] not in out
    assert record["description"]["en"] not in out


def test_show_influencer_in_arabic_at_the_default_width() -> None:
    """At 120 columns Rich wraps the description: compare with the words joined."""
    record = career("influencer")
    out = squeeze(run_ok(["show", "influencer", "--lang", "ar"]).stdout)
    assert squeeze(record["description"]["ar"]) in out
    for line in record["required_skills"]:
        assert squeeze(line["text"]["ar"]) in out
    assert label("required_skills", "ar") in out


def test_list_in_arabic_has_arabic_headers() -> None:
    out = run_ok(["list", "--lang", "ar"]).stdout
    header = out.splitlines()[0].split()
    assert header == [label("id", "ar"), label("career", "ar"), label("skills", "ar")]
    assert label("career", "en") not in header


def test_unknown_career_error_is_arabic() -> None:
    run = invoke(["show", "xyzzy", "--lang", "ar"])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "لا توجد مهنة تطابق" in run.stderr
    assert run.stderr.startswith(message("error.prefix", "ar") + ": ")
    assert message("career.not_found", "ar", query="xyzzy") in run.stderr
    assert "no career" not in run.stderr


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_missing_catalogue_error_is_arabic(before: bool) -> None:
    args = ["--data", "missing.json", "list"] if before else ["list", "--data", "missing.json"]
    run = invoke([*args, "--lang", "ar"])
    assert run.exit_code == 3
    assert "الملف غير موجود" in run.stderr
    assert message("catalogue.missing", "ar", path="missing.json") in run.stderr
    assert "no such file" not in run.stderr


def test_unknown_skill_error_is_arabic() -> None:
    run = invoke(["match", "-s", "zzzzqqq", "--lang", "ar"])
    assert run.exit_code == 1
    assert message("skill.not_found", "ar", query="zzzzqqq") in run.stderr
    assert "no skill" not in run.stderr
    # the query, and the command the hint names, are the only Latin
    assert latin_words(run.stderr) - {"zzzzqqq", "careers", "skills"} == set()


def test_ambiguous_career_error_is_arabic() -> None:
    # "manager" is a word of the names of 3 careers (3 takes the plural مهن): best first, the
    # shortest of their names the word is in (20, 23 and 24 characters).
    run = invoke(["show", "manager", "--lang", "ar"])
    assert run.exit_code == 1
    lines = run.stderr.splitlines()
    assert lines[0] == "خطأ: 'manager' يطابق 3 مهن؛ استخدم أحد هذه المعرفات (الأقرب أولاً):"
    assert lines[0] == "خطأ: " + message("career.ambiguous", "ar", query="manager", count=3)
    ids = ["social-media-manager", "social-media-pr-manager", "online-community-manager"]
    assert [line.split()[0] for line in lines[1:]] == ids
    for line, title in zip(lines[1:], titles_ar(*ids), strict=True):
        assert line.endswith(title)
    assert "Social Media Manager" not in run.stderr


def test_compare_usage_error_is_arabic() -> None:
    run = invoke(["compare", "influencer", "--lang", "ar"])
    assert run.exit_code == 2
    assert run.stderr == "خطأ: المقارنة تحتاج إلى مهنتين على الأقل\n"


def test_missing_skill_option_error_is_arabic() -> None:
    """A usage error is an error too: `match` without --skill, in Arabic."""
    run = invoke(["match", "--lang", "ar"])
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == "خطأ: الخيار --skill / -s مطلوب"
    assert "Missing option" not in run.stderr


def test_bad_option_value_error_is_arabic() -> None:
    run = invoke(["list", "--lang", "ar", "-f", "xml"])
    assert run.exit_code == 2
    assert message("error.prefix", "ar") in run.stderr
    assert "يجب أن يكون أحد" in run.stderr  # the fixed part of messages' "option.bad_value"
    assert "xml" in run.stderr
    assert "Invalid value" not in run.stderr


SHOW_BY_ARABIC_NAME = [
    ("المؤثر", "influencer"),
    ("مدير المجتمع", "online-community-manager"),
    ("المُؤثِّر", "influencer"),  # with tashkeel
    ("المـؤثر", "influencer"),  # with tatweel
    ("ﻣﺆﺛﺮ", "influencer"),  # presentation forms, as copied from a shaped terminal
    ("\u200fالمؤثر\u200f", "influencer"),  # with right-to-left marks
    ("مدير المجتمع الالكتروني", "online-community-manager"),  # alef without hamza
    ("مدير المجتمع الإلكترونى", "online-community-manager"),  # and alef maksura for yeh
    ("محلل بيانات", "social-media-data-analyst"),
]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(("query", "career_id"), SHOW_BY_ARABIC_NAME)
def test_show_by_arabic_name_equals_show_by_id(query: str, career_id: str, lang: str) -> None:
    by_name = run_ok(["show", query, "--lang", lang])
    by_id = run_ok(["show", career_id, "--lang", lang])
    assert by_name.stdout == by_id.stdout
    assert career(career_id)["title"][lang] in by_name.stdout


def test_compare_by_arabic_names_equals_compare_by_ids() -> None:
    by_name = run_ok(["compare", "المؤثر", "مدير المجتمع", "--lang", "ar"])
    by_id = run_ok(["compare", "influencer", "online-community-manager", "--lang", "ar"])
    assert by_name.stdout == by_id.stdout


def ranked(args: Sequence[str]) -> list[tuple[Any, ...]]:
    """The ranked results of `match`, without the user's words (which the output echoes)."""
    rows = json.loads(run_ok([*args, "-f", "json"]).stdout)
    return [(r["rank"], r["id"], r["score"], r["has_all"], r["missing"]) for r in rows]


def ranking_lines(args: Sequence[str]) -> list[str]:
    """`1. social-media-data-analyst  1/1 · 50%`: rank, id and score of each table block."""
    out = run_ok(args).stdout
    return [line for line in out.splitlines() if re.match(r"\d+\. ", line)]


@pytest.mark.parametrize(
    "skill", ["تحليل البيانات", "التحليل", "تَحْلِيل البَيَانَات", "تحليل الأداء", "البيانات"]
)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_match_by_arabic_skill_equals_match_by_id(skill: str, lang: str) -> None:
    expected = ranked(["match", "-s", "analytics", "--lang", lang])
    assert [row[1] for row in expected] == [
        "social-media-data-analyst",
        "social-media-manager",
        "social-media-marketing-specialist",
    ]
    assert ranked(["match", "-s", skill, "--lang", lang]) == expected
    assert ranking_lines(["match", "-s", skill, "--lang", lang]) == ranking_lines(
        ["match", "-s", "analytics", "--lang", lang]
    )
    found = json.loads(run_ok(["match", "-s", skill, "-f", "json"]).stdout)[0]["matched"]
    assert [(m["skill"], m["query"]) for m in found] == [("analytics", skill)]


def test_default_output_is_logical_arabic() -> None:
    out = run_ok(["show", "influencer", "--lang", "ar"], WIDE).stdout
    assert career("influencer")["title"]["ar"] in out
    assert not PRESENTATION_FORM.search(out)


def test_rtl_logical_option_wins_over_the_environment() -> None:
    logical = run_ok(["show", "influencer", "--lang", "ar"]).stdout
    assert run_ok(["show", "influencer", "--lang", "ar", "--rtl", "logical"]).stdout == logical
    overridden = run_ok(
        ["show", "influencer", "--lang", "ar", "--rtl", "logical"], {"CAREERS_RTL": "visual"}
    )
    assert overridden.stdout == logical


NARROW = {"COLUMNS": "70"}


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "influencer"],
        ["compare", "influencer", "social-media-data-analyst", "social-media-manager"],
        [
            "compare",
            "social-media-data-analyst",
            "online-community-manager",
            "social-media-pr-manager",
        ],
        ["match", "-s", "analytics"],
        ["skills"],
        ["trends"],
        ["tips"],
    ],
    ids=["list", "show", "compare", "compare-numbered", "match", "skills", "trends", "tips"],
)
def test_visual_mode_shapes_every_arabic_letter_of_every_view(args: list[str]) -> None:
    """No part of a view escapes visual mode: every Arabic letter reaches the terminal in its
    shaped presentation form, the same number of lines is printed as in logical order, and a
    line with no Arabic on it (ids in a header, a rule) holds the same characters as in logical
    order (its cells mirrored, so maybe in another order)."""
    logical = run_ok([*args, "--lang", "ar"], {"COLUMNS": "80"}).stdout.splitlines()
    visual = run_ok([*args, "--lang", "ar", "--rtl", "visual"], {"COLUMNS": "80"}).stdout
    assert ARABIC_LETTER.search("\n".join(logical))
    assert not ARABIC_LETTER.search(visual), visual
    assert len(visual.splitlines()) == len(logical)
    without_arabic = [
        (logical_line, visual_line)
        for logical_line, visual_line in zip(logical, visual.splitlines(), strict=True)
        if not ARABIC_LETTER.search(logical_line)
    ]
    assert without_arabic
    for logical_line, visual_line in without_arabic:
        assert sorted(visual_line.replace(" ", "")) == sorted(logical_line.replace(" ", ""))


@pytest.mark.parametrize("visual_env", [False, True], ids=["option", "environment"])
def test_show_in_visual_mode_reorders_each_rendered_line(visual_env: bool) -> None:
    args = ["show", "social-media-data-analyst", "--lang", "ar"]
    logical = run_ok(args, NARROW).stdout.splitlines()
    if visual_env:
        visual = run_ok(args, {**NARROW, "CAREERS_RTL": "visual"}).stdout.splitlines()
    else:
        visual = run_ok([*args, "--rtl", "visual"], NARROW).stdout.splitlines()
    assert len(visual) == len(logical)
    assert not ARABIC_LETTER.search("\n".join(visual))
    assert_visual(visual[0].strip(), logical[0].strip())

    # The description: one paragraph, wrapped, each line reordered on its own, right-aligned,
    # indented by 2 from the right edge as English indents it from the left.
    start = next(i for i, line in enumerate(logical) if line.strip() == label("description", "ar"))
    assert_visual(visual[start].strip(), label("description", "ar"))
    end = next(i for i in range(start + 1, len(logical)) if not logical[i].strip())
    assert end - start > 2  # it wraps
    for i in range(start + 1, end):
        assert_visual(visual[i].strip(), logical[i].strip())
        assert visual[i] == visual[i].rstrip()
        assert cell_len(visual[i]) == 70 - 2
        assert cell_len(logical[i]) == 70

    # The required skills: the Arabic column, cell line by cell line. It is the table's first
    # column: the left one in logical order, the right one in the mirrored visual layout, where
    # the table stands 2 cells from the right edge (English indents it 2 from the left). Its
    # cells are the last ones of a visual line: from 70 - edge (the column and its indent).
    heading = next(
        i for i, line in enumerate(logical) if line.strip() == label("required_skills", "ar")
    )
    assert logical[heading].endswith(label("required_skills", "ar"))  # right-aligned
    header = heading + 1
    edge = cell_end(logical[header], label("skill", "ar"))
    assert cell_len(visual[header]) == 70 - 2  # indented by 2, from the right
    assert_visual(cells_after(visual[header], 70 - edge).strip(), label("skill", "ar"))
    rows = range(header + 2, next(i for i in range(header, len(logical)) if not logical[i]))
    cells = [cells_before(logical[i], edge).strip() for i in rows]
    assert squeeze(" ".join(cells)) == squeeze(
        " ".join(
            line["text"]["ar"] for line in career("social-media-data-analyst")["required_skills"]
        )
    )
    assert len(cells) > 4  # some cells wrap
    for i, cell in zip(rows, cells, strict=True):
        shown = cells_after(visual[i], 70 - edge)
        assert_visual(shown.strip(), cell)
        assert cell_len(visual[i]) == 70 - 2  # right-aligned in its column, the table's right
        assert cells_before(logical[i], edge).rstrip() == cells_before(logical[i], edge)
    assert any("Google Analytics" in cells_after(visual[i], 70 - edge) for i in rows)


@pytest.mark.parametrize("mode", ["logical", "visual"])
def test_list_arabic_titles_end_at_the_column_right_edge(mode: str) -> None:
    lines = run_ok(["list", "--lang", "ar", "--rtl", mode]).stdout.splitlines()
    shown = (lambda s: s) if mode == "logical" else expected_visual
    edge = cell_end(lines[0], shown(label("career", "ar")))
    for title in titles_ar(*(c["id"] for c in catalogue()["careers"])):
        line = next(line for line in lines if shown(title) in line)
        assert cell_end(line, shown(title)) == edge
    for line in lines[2:]:  # every line of the column, titles and summaries, ends at the edge
        assert cells_before(line, edge)[-1] != " "


def test_visual_list_is_mirrored() -> None:
    """In visual mode an Arabic table reads from the right: the id column stands at the right
    edge, the count of skills at the left, and the rule under the header spans the table."""
    lines = run_ok(["list", "--lang", "ar", "--rtl", "visual"], NARROW).stdout.splitlines()
    logical = run_ok(["list", "--lang", "ar"], NARROW).stdout.splitlines()
    assert lines[0].endswith(expected_visual(label("id", "ar")))
    assert lines[0].startswith(expected_visual(label("skills", "ar")))
    assert logical[0].startswith(label("id", "ar"))
    for entry in catalogue()["careers"]:
        row = next(line for line in lines if entry["id"] in line)
        assert row.endswith(entry["id"])
        assert row.split()[0].isdigit()  # the count of skills, at the left


def test_visual_labels_stand_right_of_their_values() -> None:
    """`skills` in visual mode: each label (the other names, the careers that need it) at the
    right end of its line, its value to the left, ids in reading order from the right."""
    lines = run_ok(["skills", "analytics", "--lang", "ar", "--rtl", "visual"]).stdout
    needed = next(line for line in lines.splitlines() if "social-media-manager" in line)
    assert needed.rstrip().endswith(expected_visual(label("needed_by", "ar")))
    ids = [word.strip("،") for word in needed.split() if "-" in word]
    assert ids == [
        "social-media-data-analyst",
        "social-media-marketing-specialist",
        "social-media-manager",
    ]  # read from the right: manager, then marketing specialist, then data analyst


def _positions(line: str, *parts: str) -> list[int]:
    return [line.index(part) for part in parts]


def test_match_arrow_points_from_the_users_word_to_the_skill_found() -> None:
    """`has`: the arrow points from the word the user typed to the skill it found, in English
    (left) and in Arabic as shown on a visual terminal (right)."""
    args = ["match", "-s", "analytics"]
    english = next(line for line in run_ok(args).stdout.splitlines() if "← analytics" in line)
    skill = catalogue_skill("analytics")
    assert _positions(english, skill["label"]["en"], "←", "analytics") == sorted(
        _positions(english, skill["label"]["en"], "←", "analytics")
    )
    visual = run_ok([*args, "--lang", "ar", "--rtl", "visual"]).stdout.splitlines()
    line = next(line for line in visual if "analytics →" in line)
    name = expected_visual(skill["label"]["ar"])
    assert line.index("analytics") < line.index("→") < line.index(name)


def test_gap_arrow_points_from_the_skill_to_the_coverage_it_brings() -> None:
    args = ["gap", "influencer", "social-media-manager"]
    english = next(line for line in run_ok(args).stdout.splitlines() if "→" in line)
    name_en = catalogue_skill("analytics")["label"]["en"]
    assert english.index(name_en) < english.index("→") < english.index("49%")
    visual = run_ok([*args, "--lang", "ar", "--rtl", "visual"]).stdout.splitlines()
    line = next(line for line in visual if "←" in line)
    name = expected_visual(catalogue_skill("analytics")["label"]["ar"])
    assert line.index("49") < line.index("←") < line.index(name)  # read from the right
    assert line.rstrip().endswith(".1")  # the step's number at the right edge


def test_visual_mode_shapes_every_command() -> None:
    for args, _ in COMMANDS.values():
        out = run_ok([*args, "--lang", "ar", "--rtl", "visual"]).stdout
        assert PRESENTATION_FORM.search(out), args
        assert not ARABIC_LETTER.search(out), args


def test_visual_mode_shapes_error_lines() -> None:
    logical = invoke(["show", "xyzzy", "--lang", "ar"])
    visual = invoke(["show", "xyzzy", "--lang", "ar", "--rtl", "visual"])
    assert visual.exit_code == logical.exit_code == 1
    first = logical.stderr.splitlines()[0]
    assert_visual(visual.stderr.splitlines()[0].strip(), first)


def test_visual_mode_shapes_notices() -> None:
    args = ["match", "-s", "analytics", "-s", "credibility", "--all", "--lang", "ar"]
    logical = run_ok(args)
    visual = run_ok([*args, "--rtl", "visual"])
    assert logical.stderr.strip() == message("match.none", "ar")
    assert_visual(visual.stderr.strip(), message("match.none", "ar"))


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_machine_formats_are_the_same_in_visual_mode(command: str, fmt: str) -> None:
    args = [*COMMANDS[command][0], "--lang", "ar", "-f", fmt]
    plain = run_ok(args).stdout
    assert run_ok([*args, "--rtl", "visual"]).stdout == plain
    assert run_ok(args, {"CAREERS_RTL": "visual"}).stdout == plain
    assert not PRESENTATION_FORM.search(plain)
    for text in machine_text_shown(command):
        assert text in plain


def machine_text_shown(command: str) -> list[str]:
    """Arabic catalogue text each command's machine formats carry (compare: skill labels)."""
    if command != "compare":
        return catalogue_text_shown(command)
    shared = set(career("influencer")["required_skills"][0]["skills"])
    return [s["label"]["ar"] for s in catalogue()["skills"] if s["id"] in shared]


class TestBracketsInVisualMode:
    """A right-to-left run reverses the brackets it holds; visual mode mirrors them back."""

    def test_a_latin_word_in_brackets_reads_in_order(self) -> None:
        run = run_ok(["show", "influencer", "--lang", "ar", "--rtl", "visual"])
        assert "(ESCO)" in run.stdout
        assert ")ESCO(" not in run.stdout

    def test_every_line_of_the_arabic_views_reads_in_order(self) -> None:
        commands = [
            ["show", "influencer"],
            ["match", "-s", "analytics"],
            ["compare", "influencer", "social-media-manager"],
            ["next", "influencer"],
            ["gap", "influencer", "social-media-manager"],
        ]
        for command in commands:
            run = run_ok([*command, "--lang", "ar", "--rtl", "visual"])
            for line in run.stdout.splitlines():
                assert reads_in_order(line), (command, line)


def test_arabic_tables_stand_against_the_right_edge_like_the_headings() -> None:
    """In logical order too, an Arabic view keeps one edge: at 160 columns `show`'s
    required-skills table ends at the right edge, where its heading ends."""
    wide = {"COLUMNS": "160"}
    lines = run_ok(["show", "influencer", "--lang", "ar"], wide).stdout.splitlines()
    heading = lines.index(
        " " * (160 - cell_len(label("required_skills", "ar"))) + label("required_skills", "ar")
    )
    rows = lines[heading + 1 : lines.index("", heading)]
    assert len(rows) > 3
    rule = rows[1]
    assert set(rule.strip()) == {"─"}
    assert cell_len(rule) == 160  # the table's full width ends at the right edge
    assert max(cell_len(row) for row in rows) == 160
    english = run_ok(["show", "influencer"], wide).stdout.splitlines()
    at = english.index(label("required_skills", "en"))
    assert english[at + 1].startswith("  " + label("skill", "en"))  # English keeps the left
