"""Output that is safe where it goes.

CSV that a spreadsheet shows as text rather than running as formulas; Markdown in which catalogue
text renders as that text, never as HTML, links, images or block structure; JSON that strict
parsers accept even when an argument held bytes that are not UTF-8; messages on stderr that stay
one line each whatever path or query they echo; and career names and skill queries of a bounded
length, so a huge query is refused at once instead of being normalised and fuzzy-matched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.index.memory import MemoryIndex
from careers_cli.present.consoles import markdown_text, write_csv, write_json
from careers_cli.rules import completing
from careers_cli.text.language import Bilingual
from tests.helpers import (
    BASE_ENV,
    CAREERS_SCRIPT,
    SEVEN_IDS,
    Run,
    invoke,
    raw_catalogue,
    run_installed,
    write_catalogue,
)


def data_args(path: Path) -> list[str]:
    return ["--data", str(path)]


def csv_table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# --- CSV: formulas stay text -------------------------------------------------------------------

HYPERLINK = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture(scope="module")
def formula_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped catalogue with titles, a summary and a label a spreadsheet would run."""
    data = raw_catalogue()
    careers = data["careers"]
    careers[0]["title"]["en"] = HYPERLINK
    careers[1]["title"]["en"] = "@SUM(1)"
    careers[2]["title"]["en"] = "+1"
    careers[3]["title"]["en"] = "-2"
    careers[4]["title"]["en"] = "\t=1+2"
    careers[5]["description"]["en"] = "-5 is where this summary starts. The rest follows."
    analytics = next(s for s in data["skills"] if s["id"] == "analytics")
    analytics["label"]["en"] = "-5"
    return write_catalogue(tmp_path_factory.mktemp("formulas") / "careers.json", data)


class TestCsvFormulasStayText:
    """A cell that starts with = + - @, a tab or a carriage return gets a leading quote."""

    def test_list_quotes_titles_and_summaries_that_start_a_formula(
        self, formula_catalogue: Path
    ) -> None:
        run = invoke(["list", "-f", "csv", *data_args(formula_catalogue)])
        assert run.exit_code == 0, run.stderr
        table = csv_table(run.stdout)
        assert table[0] == ["id", "title", "summary", "skills"]
        assert [row[0] for row in table[1:]] == SEVEN_IDS
        assert [row[1] for row in table[1:]] == [
            "'" + HYPERLINK,
            "'@SUM(1)",
            "'+1",
            "'-2",
            "'\t=1+2",
            "Social Media Influencer",
            "Online Community Manager",
        ]
        assert table[6][2] == "'-5 is where this summary starts."
        assert table[1][3] == (
            "communication; written-communication; social-media-platforms; analytics; "
            "strategy; content-creation; creativity"
        )

    def test_show_quotes_the_description(self, formula_catalogue: Path) -> None:
        run = invoke(["show", "influencer", "-f", "csv", *data_args(formula_catalogue)])
        assert run.exit_code == 0, run.stderr
        header, row = csv_table(run.stdout)
        assert row[header.index("description")] == (
            "'-5 is where this summary starts. The rest follows."
        )

    def test_a_label_that_reads_as_a_negative_number_is_text(self, formula_catalogue: Path) -> None:
        run = invoke(["skills", "-f", "csv", *data_args(formula_catalogue)])
        assert run.exit_code == 0, run.stderr
        rows = {row[0]: row for row in csv_table(run.stdout)[1:]}
        assert rows["analytics"][1] == "'-5"
        assert rows["audience-engagement"][1] == "Audience engagement"

    def test_match_keeps_its_numbers_and_quotes_text_and_echoed_words(
        self, formula_catalogue: Path
    ) -> None:
        """Ranks, counts and scores are written as they are; a title and the user's own word
        that start a formula are quoted."""
        args = ["match", "-s", "+analytics", "-f", "csv", *data_args(formula_catalogue)]
        run = invoke(args)
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""  # the whole name "analytics" (an alias): not a guess
        table = csv_table(run.stdout)
        assert table[0][:9] == [
            "rank", "id", "title", "score", "matched", "asked", "centrality", "has", "found_by"
        ]  # fmt: skip
        # "+analytics" is analytics ("+" is not part of a word), which 3 of the 7 careers need:
        # ln(1 + 7/3) = 1.20 each, one shared rank; the data analyst first (analytics is on 2 of
        # its 4 lines, 0.50), then the manager and the specialist (1 of 4, 0.25) by id.
        assert [row[:9] for row in table[1:]] == [
            ["1", "social-media-data-analyst", "'\t=1+2",
             "1.20", "1", "1", "0.50", "analytics", "'+analytics"],
            ["1", "social-media-manager", "'" + HYPERLINK,
             "1.20", "1", "1", "0.25", "analytics", "'+analytics"],
            ["1", "social-media-marketing-specialist", "'@SUM(1)",
             "1.20", "1", "1", "0.25", "analytics", "'+analytics"],
        ]  # fmt: skip

    def test_every_owasp_first_character(self) -> None:
        """The writer itself: the six characters, and cells that merely contain them. A
        carriage return is shown as its control picture first, so that cell starts with ␍."""
        stream = io.StringIO()
        cells = {
            "a": "=1",
            "b": "+1",
            "c": "-1",
            "d": "@x",
            "e": "\tx",
            "f": "\rx",
            "g": "5",
            "h": "x=1",
            "i": " =1",
        }
        write_csv(stream, [cells])
        assert csv_table(stream.getvalue()) == [
            list(cells),
            ["'=1", "'+1", "'-1", "'@x", "'\tx", "␍x", "5", "x=1", " =1"],
        ]


# --- Markdown: catalogue text stays text -------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[click](javascript:alert(1))"
IMAGE = "![x](http://x)"
AUTOLINK = "<http://x> <!-- hidden --> a | b"
MIXED = "*bold* _em_ ~~gone~~ `code` AT&amp;T {x} \\ C++ #1"
TITLES = [SCRIPT, IMG, JS_LINK, IMAGE, AUTOLINK, MIXED]
ESCAPED_TITLES = [
    "\\<script\\>alert\\(1\\)\\</script\\>",
    "\\<img src=x onerror=alert\\(1\\)\\>",
    "\\[click\\]\\(javascript:alert\\(1\\)\\)",
    "\\!\\[x\\]\\(http://x\\)",
    "\\<http://x\\> \\<\\!\\-\\- hidden \\-\\-\\> a \\| b",
    "\\*bold\\* \\_em\\_ \\~\\~gone\\~\\~ \\`code\\` AT\\&amp;T \\{x\\} \\\\ C\\+\\+ \\#1",
]
DUTIES = [
    "- a nested list",
    "+ another",
    "> a quote",
    "1. an ordered list",
    "2) another",
    "# a heading",
    "```python",
    "~~~",
    "<div onclick=alert(1)>",
    "===",
    "---",
    "    indented code",
    "| a | b |",
]
ESCAPED_DUTIES = [
    "\\- a nested list",
    "\\+ another",
    "\\> a quote",
    "1\\. an ordered list",
    "2\\) another",
    "\\# a heading",
    "\\`\\`\\`python",
    "\\~\\~\\~",
    "\\<div onclick=alert\\(1\\)\\>",
    "\\===",
    "\\-\\-\\-",
    "indented code",
    "\\| a \\| b \\|",
]
DESCRIPTION = "# Not a heading: <b>bold</b> [x](http://evil.example). The rest."


@pytest.fixture(scope="module")
def markup_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped catalogue with HTML, links, images and block markup in its text."""
    data = raw_catalogue()
    for career, title in zip(data["careers"], TITLES, strict=False):
        career["title"]["en"] = title
    manager = data["careers"][0]
    manager["description"]["en"] = DESCRIPTION
    manager["responsibilities"] = [{"en": duty, "ar": "مهمة"} for duty in DUTIES]
    return write_catalogue(tmp_path_factory.mktemp("markup") / "careers.json", data)


class RenderedHtml(HTMLParser):
    """The tags, comments and per-element text of rendered HTML."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.comments: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, parts = self._open.pop()
            self.texts.setdefault(name, []).append("".join(parts))
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def assert_no_active_html(html: str) -> None:
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert "<a " not in html
    assert "<!--" not in html


def commonmark(text: str) -> str:
    return str(MarkdownIt("commonmark").render(text))


def with_tables(text: str) -> RenderedHtml:
    """Rendered as GitHub would structure it: pipe tables and ~~strikethrough~~ on."""
    return RenderedHtml(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text))


class TestMarkdownStaysText:
    """Catalogue text is escaped so that it renders as exactly itself."""

    def test_list_table_escapes_titles(self, markup_catalogue: Path) -> None:
        run = invoke(["list", "-f", "markdown", *data_args(markup_catalogue)])
        assert run.exit_code == 0, run.stderr
        lines = run.stdout.splitlines()
        assert lines[:2] == ["| id | title | summary | skills |", "| --- | --- | --- | --- |"]
        for line, career_id, title in zip(lines[2:], SEVEN_IDS, ESCAPED_TITLES, strict=False):
            assert line.startswith(f"| {career_id} | {title} | "), line
        assert lines[2].startswith(
            "| social-media-manager | \\<script\\>alert\\(1\\)\\</script\\> | "
            "\\# Not a heading: \\<b\\>bold\\</b\\> \\[x\\]\\(http://evil.example\\). | "
        )

    def test_list_table_renders_as_text_in_seven_rows_of_four_cells(
        self, markup_catalogue: Path
    ) -> None:
        stdout = invoke(["list", "-f", "markdown", *data_args(markup_catalogue)]).stdout
        assert_no_active_html(commonmark(stdout))
        html = with_tables(stdout)
        assert set(html.tags) == {"table", "thead", "tbody", "tr", "th", "td"}
        assert html.comments == []
        assert html.tags.count("tr") == 8
        cells = html.texts["td"]
        assert len(cells) == 7 * 4
        assert [cells[4 * n + 1] for n in range(len(TITLES))] == TITLES
        assert cells[2] == "# Not a heading: <b>bold</b> [x](http://evil.example)."

    def test_show_document_escapes_text_but_keeps_its_own_headings(
        self, markup_catalogue: Path
    ) -> None:
        args = ["show", "social-media-manager", "-f", "markdown", *data_args(markup_catalogue)]
        run = invoke(args)
        assert run.exit_code == 0, run.stderr
        lines = run.stdout.splitlines()
        assert lines[:5] == [
            "# \\<script\\>alert\\(1\\)\\</script\\> \\(social-media-manager\\)",
            "",
            "## Description",
            "",
            "\\# Not a heading: \\<b\\>bold\\</b\\> \\[x\\]\\(http://evil.example\\). The rest.",
        ]
        start = lines.index("## Responsibilities")
        assert lines[start : start + 2 + len(DUTIES)] == [
            "## Responsibilities",
            "",
            *(f"- {duty}" for duty in ESCAPED_DUTIES),
        ]

    def test_show_document_renders_as_one_heading_sections_and_flat_lists(
        self, markup_catalogue: Path
    ) -> None:
        args = ["show", "social-media-manager", "-f", "markdown", *data_args(markup_catalogue)]
        stdout = invoke(args).stdout
        assert_no_active_html(commonmark(stdout))
        html = with_tables(stdout)
        # No link, image, emphasis, code, quote, rule, table or heading the program did not write.
        assert set(html.tags) == {"h1", "h2", "p", "ul", "li"}
        assert html.comments == []
        assert html.texts["h1"] == [f"{SCRIPT} (social-media-manager)"]
        assert html.texts["h2"][:3] == ["Description", "Responsibilities", "Required skills"]
        assert html.texts["p"] == [DESCRIPTION]
        assert html.texts["li"][: len(DUTIES)] == [" ".join(duty.split()) for duty in DUTIES]

    def test_arabic_and_ordinary_punctuation_stay_as_they_are(self) -> None:
        text = "مؤثر وسائل التواصل: 'quoted', \"double\"; a/b. e-mail found_by 0.50 ؟"
        assert markdown_text(text) == text

    @pytest.mark.parametrize(
        ("text", "escaped"),
        [
            ("-x", "\\-x"),
            ("x-", "x\\-"),
            ("a - b", "a \\- b"),
            ("_x_", "\\_x\\_"),
            ("10. x", "10\\. x"),
            ("10.5 x", "10.5 x"),
            ("= x", "\\= x"),
            ("a = b", "a = b"),
            ("a\nb\tc", "a b c"),
        ],
    )
    def test_hyphens_underscores_full_stops_and_equals_where_they_matter(
        self, text: str, escaped: str
    ) -> None:
        """A hyphen or underscore between letters or digits, a full stop after a number that
        does not start the text, and "=" after the start are inert, so they are not escaped."""
        assert markdown_text(text) == escaped


# --- JSON: no lone surrogates -------------------------------------------------------------------


def installed_with_bytes(
    args: Sequence[str | bytes], **env: str
) -> subprocess.CompletedProcess[bytes]:
    """The installed script with arguments that may not be UTF-8, its output as bytes."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERS_")}
    full_env.update(BASE_ENV)
    full_env.update(env)
    return subprocess.run(
        [str(CAREERS_SCRIPT), *args], capture_output=True, env=full_env, timeout=60, check=False
    )


def strings_of(value: Any) -> list[str]:
    """Every string of a JSON value, object keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *strings_of(v)]]
    if isinstance(value, list):
        return [s for item in value for s in strings_of(item)]
    return []


def strictly_unicode(document: Any) -> None:
    """Every string can be encoded as UTF-8: no lone surrogate anywhere."""
    for text in strings_of(document):
        text.encode("utf-8", errors="strict")


class TestJsonHasNoLoneSurrogates:
    """An argument's undecodable byte reaches JSON as U+FFFD, never as a \\udcXX escape.

    A catalogue cannot bring one in: validation refuses a lone surrogate in its text (see
    tests/test_validate.py), so arguments are the only way in.
    """

    def test_an_undecodable_byte_in_a_skill_query(self) -> None:
        completed = installed_with_bytes(["match", "-s", b"analytics\xff", "-f", "json"])
        assert completed.returncode == 0, completed.stderr
        assert b"\\ud" not in completed.stdout
        document = json.loads(completed.stdout.decode("utf-8", errors="strict"))
        strictly_unicode(document)
        # The query is echoed as typed, the byte replaced; the rest is analytics as it is
        # for 3 of the 7 careers: ln(1 + 7/3) = 1.2040.
        assert document[0]["matched"] == [
            {
                "skill": "analytics",
                "kind": "skill",
                "label": {"en": "Data analysis", "ar": "تحليل البيانات"},
                "query": "analytics\ufffd",
                "importance": "essential",
                "careers": 3,
                "specificity": 1.204,
                "weight": 1.204,
            }
        ]
        assert {m["matched"][0]["query"] for m in document} == {"analytics\ufffd"}

    def test_an_undecodable_byte_on_an_ascii_stream(self) -> None:
        """Escaped as ASCII, the replacement character is still a character."""
        completed = installed_with_bytes(
            ["match", "-s", b"analytics\xff", "-f", "json"], PYTHONIOENCODING="ascii"
        )
        assert completed.returncode == 0, completed.stderr
        assert b'"query": "analytics\\ufffd"' in completed.stdout
        document = json.loads(completed.stdout.decode("ascii"))
        strictly_unicode(document)
        assert document[0]["title"]["ar"] == "محلل بيانات وسائل التواصل الاجتماعي"

    @pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
    def test_the_writer_replaces_them_in_keys_values_and_lists(self, encoding: str) -> None:
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding)
        document = {
            "a\udcff": ["x\ud800y", ("\udfff",), {"k": "\ud83d\ude80"}],
            "rocket": "🚀",
            "n": 1,
        }
        write_json(stream, document)
        stream.flush()
        text = raw.getvalue().decode(encoding, errors="strict")
        parsed = json.loads(text)
        strictly_unicode(parsed)
        assert parsed == {
            "a\ufffd": ["x\ufffdy", ["\ufffd"], {"k": "\ufffd\ufffd"}],
            "rocket": "🚀",
            "n": 1,
        }


# --- stderr: one line per message ---------------------------------------------------------------


def stderr_lines(run: Run) -> list[str]:
    return run.stderr.split("\n")[:-1] if run.stderr.endswith("\n") else [run.stderr]


class TestEchoedTextStaysOnOneLine:
    """A path or a query with a newline is echoed with U+2424 (␤) or a space in its place."""

    def test_validate_summary_of_a_file_named_with_a_newline(self, tmp_path: Path) -> None:
        path = write_catalogue(tmp_path / "a\nb.json", raw_catalogue())
        run = run_installed(["validate", str(path)])
        assert run.exit_code == 0, run.stderr
        assert (
            run.stdout.splitlines()[0]
            == f"{tmp_path}/a␤b.json: valid: 7 careers, 25 skills, 5 trends, 5 tips"
        )

    def test_validate_problems_of_a_file_named_with_a_newline(self, tmp_path: Path) -> None:
        path = tmp_path / "x\ny.json"
        path.write_text("{}\n", encoding="utf-8")
        run = run_installed(["validate", str(path)])
        assert run.exit_code == 3
        assert run.stdout == ""
        assert stderr_lines(run) == [
            f"{tmp_path}/x␤y.json: 5 problems",
            "  schema_version: Field required",
            "  languages: Field required",
            "  title: Field required",
            "  careers: Field required",
            "  skills: Field required",
        ]

    def test_load_error_and_its_hint_of_a_file_named_with_a_newline(self, tmp_path: Path) -> None:
        path = tmp_path / "x\ny.json"
        path.write_text("{}\n", encoding="utf-8")
        run = run_installed(["list", "--data", str(path)])
        assert run.exit_code == 3
        shown = f"{tmp_path}/x␤y.json"
        assert stderr_lines(run) == [
            f"error: {shown}: schema_version: Field required",
            f"... plus 4 problems not shown; run 'careers validate {shown}' to see them all",
        ]

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (["show", "x\ny"], ["error: no career matches 'x y'"]),
            (["compare", "influencer", "x\ny"], ["error: no career matches 'x y'"]),
            (
                ["match", "-s", "x\ny"],
                ["error: no skill matches 'x y'", "'careers skills' lists every skill"],
            ),
        ],
        ids=["show", "compare", "match"],
    )
    def test_a_query_with_a_newline(self, args: list[str], expected: list[str]) -> None:
        run = run_installed(args)
        assert run.exit_code == 1
        assert stderr_lines(run) == expected


# --- queries: at most 200 characters ------------------------------------------------------------

TOO_LONG = "error: a career or skill name may have at most 200 characters; this one has {}\n"
TOO_LONG_AR = "خطأ: اسم المهنة أو المهارة طويل جداً: عدد أحرفه {} والحد الأقصى 200\n"


class TestQueryLength:
    """A career name or skill query longer than 200 characters, as typed, is a usage error."""

    @pytest.mark.parametrize(
        "args",
        [
            ["show", "q" * 201],
            ["match", "-s", "q" * 201],
            ["match", "-s", "analytics", "-s", "q" * 201],
            ["compare", "influencer", "q" * 201],
        ],
        ids=["show", "match", "match-second", "compare"],
    )
    def test_201_characters_are_refused(self, args: list[str]) -> None:
        run = invoke(args)
        assert (run.exit_code, run.stdout, run.stderr) == (2, "", TOO_LONG.format(201))

    def test_in_arabic(self) -> None:
        run = invoke(["show", "q" * 201, "--lang", "ar"])
        assert (run.exit_code, run.stderr) == (2, TOO_LONG_AR.format(201))

    def test_counted_as_typed_before_normalising(self) -> None:
        """White space that normalising would drop still counts: 200 characters are looked up,
        201 are refused."""
        found = invoke(["show", "influencer" + " " * 190, "-f", "csv"])
        assert found.exit_code == 0, found.stderr
        assert csv_table(found.stdout)[1][0] == "influencer"
        refused = invoke(["show", "influencer" + " " * 191])
        assert (refused.exit_code, refused.stderr) == (2, TOO_LONG.format(201))

    def test_200_characters_are_looked_up(self) -> None:
        run = invoke(["show", "a" * 200])
        assert run.exit_code == 1
        assert run.stderr == "error: no career matches '" + "a" * 59 + "…'\n"
        run = invoke(["match", "-s", "a" * 200])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no skill matches '" + "a" * 59 + "…'"

    @pytest.mark.parametrize(
        "args",
        [["compare", "zz-unknown", "q" * 201], ["match", "-s", "zz-unknown", "-s", "q" * 201]],
        ids=["compare", "match"],
    )
    def test_refused_before_any_name_is_looked_up(self, args: list[str]) -> None:
        """The first name alone is not found (exit 1); the over-long second one is refused
        before the first is looked up."""
        run = invoke(args)
        assert (run.exit_code, run.stderr) == (2, TOO_LONG.format(201))

    def test_a_query_that_grows_under_nfkc_is_refused_at_once(self, tmp_path: Path) -> None:
        """U+FDFA is one character that NFKC makes eighteen: 40,000 of them took over a minute
        to normalise and match against 1,000 careers, which this catalogue has."""
        from benchmarks.generate_catalogue import generate

        path = write_catalogue(tmp_path / "careers-1000.json", generate(1_000))
        query = ("\ufdfa" * 40_000).encode()
        completed = installed_with_bytes(["show", query, "--data", str(path)])
        assert completed.returncode == 2
        assert completed.stderr.decode() == TOO_LONG.format(40_000)

    def test_completion_offers_nothing_for_an_over_long_word(self) -> None:
        """Even where a record's id or label is longer than the file format allows."""
        catalogue = load_catalogue(find_catalogue(None))
        long_id = "a" * 250
        career = catalogue.careers[0]._replace(id=long_id)
        skill = catalogue.skills[0]._replace(label=Bilingual("b" * 250, "ب"))
        index = MemoryIndex(
            catalogue._replace(careers=(career,), skills=(skill, *catalogue.skills[1:]))
        )
        assert completing.complete_career_ids(index, "a" * 200) == [(long_id, career.title.en)]
        assert completing.complete_career_ids(index, "a" * 201) == []
        assert completing.complete_skill_names(index, "b" * 200) == [("b" * 250, "analytics")]
        assert completing.complete_skill_names(index, "b" * 201) == []
