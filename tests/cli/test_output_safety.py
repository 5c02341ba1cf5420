"""Output that is safe where it goes."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.helpers import (
    SEVEN_IDS,
    invoke,
    raw_catalogue,
    write_catalogue,
)
from tests.support.output_safety import TOO_LONG, csv_table


def data_args(path: Path) -> list[str]:
    return ["--data", str(path)]


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
