"""Formats for people to keep or send: `--format html` (a standalone page), `--format svg` (a
picture of the table view), `--format csv-bom` (CSV that Excel on Windows opens as UTF-8), and
Markdown without needless backslashes. Browser checks of the pages are in
tests/system/test_pages.py."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import DATA_COMMANDS, invoke, raw_catalogue, write_catalogue

HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


class Elements(HTMLParser):
    """The tags of a page and the text inside each kind of element."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: dict[str, dict[str, str | None]] = {}
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.setdefault(tag, dict(attrs))
        if tag not in ("meta", "br"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.texts.setdefault(self._open[-1], []).append(data)


@pytest.fixture
def hostile_catalogue(tmp_path: Path) -> Path:
    data = raw_catalogue()
    data["careers"][0]["title"]["en"] = HOSTILE
    data["careers"][0]["description"]["en"] = "-5 =SUM(A1) " + HOSTILE
    return write_catalogue(tmp_path / "hostile.json", data)


class TestHtml:
    """A standalone page with the table view's content, in the chosen language's direction."""

    @pytest.mark.parametrize("command", sorted(DATA_COMMANDS))
    def test_every_data_command_writes_a_page(self, command: str) -> None:
        run = invoke([*DATA_COMMANDS[command], "--format", "html"])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">\n')
        assert run.stdout.endswith("</main>\n</body>\n</html>\n")
        page = Elements(run.stdout)
        assert page.tags.count("h1") == 1
        assert not {"script", "img", "a", "iframe", "link"} & set(page.tags)

    def test_show_is_the_career_with_its_sections(self) -> None:
        page = Elements(invoke(["show", "influencer", "-f", "html"]).stdout)
        assert page.texts["title"] == page.texts["h1"] == ["Social Media Influencer (influencer)"]
        assert page.texts["h2"][:3] == ["Description", "Responsibilities", "Required skills"]
        assert "Influences their followers' buying decisions" in page.texts["li"]

    def test_gap_is_a_plan_with_its_steps_to_tick(self) -> None:
        run = invoke(["gap", "influencer", "social-media-data-analyst", "-f", "html"])
        page = Elements(run.stdout)
        assert page.texts["h1"] == ["From Social Media Influencer to Social Media Data Analyst"]
        assert page.texts["title"] == page.texts["h1"]
        assert page.texts["h2"] == ["Carries over", "To learn, in this order", "Trends", "Tips"]
        assert '<ul class="checklist">' in run.stdout
        steps = [item for item in page.texts["li"] if "→" in item]
        assert steps == [
            "Market trends (market-research) → 26%",
            "Clear reporting (reporting) → 52%",
            "Strategy development (strategy) → 70% · also opens: social-media-manager",
            "Data analysis (analytics) → 85% · also opens: social-media-marketing-specialist",
            "Social media tools (social-media-tools) → 100% · also opens: "
            "online-community-manager, social-media-pr-manager",
        ]

    def test_arabic_reads_right_to_left_in_arabic_fonts(self) -> None:
        run = invoke(
            ["gap", "influencer", "social-media-data-analyst", "-f", "html", "--lang", "ar"]
        )
        assert '<html lang="ar" dir="rtl">' in run.stdout
        assert 'font-family: "Noto Naskh Arabic"' in run.stdout
        page = Elements(run.stdout)
        assert page.texts["h2"][:2] == ["تنتقل", "للتعلم، بهذا الترتيب"]
        assert page.texts["h1"] == [
            "من مؤثر وسائل التواصل الاجتماعي إلى محلل بيانات وسائل التواصل الاجتماعي"
        ]
        assert "الاتجاهات السوقية (market-research) ← 26%" in page.texts["li"]

    def test_a_table_result_is_a_table_titled_by_the_command(self) -> None:
        page = Elements(invoke(["match", "-s", "analytics", "-f", "html"]).stdout)
        assert page.texts["h1"] == ["careers match analytics"]
        assert page.texts["th"][:3] == ["rank", "id", "title"]
        assert page.tags.count("tr") == 1 + 3

    def test_catalogue_text_is_escaped(self, hostile_catalogue: Path) -> None:
        career = raw_catalogue()["careers"][0]["id"]
        run = invoke(["show", career, "-f", "html", "--data", str(hostile_catalogue)])
        assert "<script>" not in run.stdout and "<b>" not in run.stdout
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in run.stdout
        page = Elements(run.stdout)
        assert page.texts["h1"] == [f"{HOSTILE} ({career})"]


class TestSvg:
    """A picture of the table view: SVG that parses, its text escaped."""

    def test_show_is_a_picture_of_its_lines(self) -> None:
        run = invoke(["show", "influencer", "-f", "svg"], env={"COLUMNS": "80"})
        assert run.exit_code == 0, run.stderr
        root = ElementTree.fromstring(run.stdout)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        words = "".join(root.itertext()).replace("\xa0", " ")
        assert "Social Media Influencer" in words and "Required skills" in words

    def test_catalogue_text_is_escaped(self, hostile_catalogue: Path) -> None:
        career = raw_catalogue()["careers"][0]["id"]
        run = invoke(["show", career, "-f", "svg", "--data", str(hostile_catalogue)])
        assert "<script" not in run.stdout and "<b>" not in run.stdout
        root = ElementTree.fromstring(run.stdout)  # still well-formed
        assert "<script>alert" in "".join(root.itertext())

    def test_arabic_is_drawn_as_visual_mode_lays_it_out(self) -> None:
        """Each run of text is placed by the picture itself: Arabic comes shaped and in the
        order it is drawn (as `--rtl visual` lays it out), and the viewer is told not to
        reorder it; English text is left as it is."""
        arabic = invoke(["show", "influencer", "-f", "svg", "--lang", "ar"]).stdout
        english = invoke(["show", "influencer", "-f", "svg"]).stdout
        override = "text { unicode-bidi: bidi-override; direction: ltr; }"
        assert override in arabic and override not in english
        words = "".join(ElementTree.fromstring(arabic).itertext())
        assert any("\ufe70" <= c <= "\ufeff" for c in words)  # Arabic presentation forms
        assert "influencer" in words


class TestCsvBom:
    """`csv-bom` is CSV with a byte-order mark first; plain `csv` has none; both keep the
    formula rule."""

    def test_the_mark_comes_first_then_the_same_csv(self) -> None:
        marked = invoke(["list", "-f", "csv-bom"]).stdout
        plain = invoke(["list", "-f", "csv"]).stdout
        assert marked.startswith("\ufeffid,title,summary,skills\n")
        assert marked == "\ufeff" + plain
        assert not plain.startswith("\ufeff")

    def test_formulas_stay_text(self, hostile_catalogue: Path) -> None:
        career = raw_catalogue()["careers"][0]["id"]
        run = invoke(["show", career, "-f", "csv-bom", "--data", str(hostile_catalogue)])
        row = next(csv.DictReader(io.StringIO(run.stdout.removeprefix("\ufeff"))))
        assert row["description"].startswith("'-5 =SUM(A1) ")

    def test_arabic_is_written_once_and_readable_as_utf8_sig(self, tmp_path: Path) -> None:
        run = invoke(["list", "-f", "csv-bom", "--lang", "ar"])
        path = tmp_path / "careers.csv"
        path.write_bytes(run.stdout.encode("utf-8"))
        assert path.read_bytes().startswith(b"\xef\xbb\xbfid,")
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.DictReader(file))
        assert rows[0]["id"] == "social-media-manager"
        assert rows[0]["title"] == "مدير وسائل التواصل الاجتماعي"


class TestMarkdownForPeople:
    def test_show_influencer_has_no_needless_backslash(self) -> None:
        run = invoke(["show", "influencer", "-f", "markdown"])
        assert run.stdout.startswith("# Social Media Influencer (influencer)\n")
        assert "\\" not in run.stdout
