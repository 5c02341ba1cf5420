"""Pages to share, opened in a real browser engine: `--format html` is a standalone page that
reads in its language's direction, shows its headings, fits an A4 page without scrolling
sideways and prints to PDF; catalogue text on it is text, never markup.

The pages are written by the installed `careers` and opened in Chromium (Debian's
`/usr/bin/chromium`) driven by Playwright, headless. Without either, the tests are skipped.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import raw_catalogue, run_installed, write_catalogue

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
A4_WIDTH = 794
"""210 mm at the 96 pixels an inch CSS uses."""

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="no Chromium to open the pages in (apt-get install chromium)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page(viewport={"width": A4_WIDTH, "height": 1123})
    yield opened
    opened.close()


def written(tmp_path: Path, name: str, *args: str) -> Path:
    run = run_installed([*args, "--format", "html"])
    assert run.exit_code == 0, run.stderr
    path = tmp_path / f"{name}.html"
    path.write_text(run.stdout, encoding="utf-8")
    return path


def opened(page: Any, path: Path) -> Any:
    page.goto(path.as_uri())
    return page


def fits_the_width(page: Any) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


class TestThePlan:
    """`careers gap A B --format html` is the plan a counsellor hands over, in either language."""

    def test_english_reads_left_to_right_with_its_steps_as_boxes(
        self, tmp_path: Path, page: Any
    ) -> None:
        path = written(tmp_path, "plan", "gap", "influencer", "social-media-data-analyst")
        opened(page, path)
        assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
        assert page.locator("h1").inner_text() == (
            "From Social Media Influencer to Social Media Data Analyst"
        )
        headings = page.locator("h2").all_inner_texts()
        assert headings == ["Carries over", "To learn, in this order", "Trends", "Tips"]
        assert all(page.locator("h2").nth(i).is_visible() for i in range(len(headings)))
        steps = page.locator("ul.checklist li").all_inner_texts()
        assert [step.split(" (")[0] for step in steps] == [
            "Market trends",
            "Clear reporting",
            "Strategy development",
            "Data analysis",
            "Social media tools",
        ]
        box = page.evaluate(
            "getComputedStyle(document.querySelector('ul.checklist li'), '::before').content"
        )
        assert box == '"☐"'
        assert fits_the_width(page)

    def test_arabic_reads_right_to_left_in_an_arabic_font(self, tmp_path: Path, page: Any) -> None:
        path = written(
            tmp_path, "plan-ar", "gap", "influencer", "social-media-data-analyst", "--lang", "ar"
        )
        opened(page, path)
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        font = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert font.startswith('"Noto Naskh Arabic"')
        assert page.locator("h2").first.inner_text() == "تنتقل"
        # The headings stand against the right edge of the page's column.
        column = page.locator("main").bounding_box()
        heading = page.evaluate(
            "(() => { const r = document.createRange();"
            " r.selectNodeContents(document.querySelector('h2'));"
            " const b = r.getBoundingClientRect(); return [b.left, b.right]; })()"
        )
        assert abs(heading[1] - (column["x"] + column["width"])) < 2
        assert heading[0] > column["x"] + column["width"] / 2
        assert page.locator("ul.checklist li").count() == 5
        assert fits_the_width(page)

    @pytest.mark.parametrize("language", ["en", "ar"])
    def test_it_prints_to_an_a4_pdf(self, tmp_path: Path, page: Any, language: str) -> None:
        path = written(
            tmp_path, "plan", "gap", "influencer", "social-media-manager", "--lang", language
        )
        opened(page, path)
        pdf = page.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF-")
        # Every page of it A4: 210 by 297 mm, 595 by 842 points (Chromium's 8.27 by 11.7 in).
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf)
        assert boxes
        assert all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)


class TestEveryPage:
    """Each command's page has its title, fits an A4 width and reads in its direction."""

    @pytest.mark.parametrize(
        ("args", "title"),
        [
            (["show", "influencer"], "Social Media Influencer (influencer)"),
            (["compare", "influencer", "social-media-manager"], "careers compare"),
            (["match", "-s", "analytics"], "careers match analytics"),
            (["next", "influencer"], "careers next influencer"),
        ],
    )
    @pytest.mark.parametrize("language", ["en", "ar"])
    def test_page(
        self, tmp_path: Path, page: Any, args: list[str], title: str, language: str
    ) -> None:
        path = written(tmp_path, args[0], *args, "--lang", language)
        opened(page, path)
        direction = "rtl" if language == "ar" else "ltr"
        assert page.evaluate("getComputedStyle(document.body).direction") == direction
        assert page.locator("h1").is_visible()
        if language == "en":
            assert page.locator("h1").inner_text().startswith(title)
        assert page.locator("table, section").count() >= 1
        assert fits_the_width(page)


class TestCatalogueTextIsText:
    """A title that is markup is shown as its characters: no element, no script runs."""

    def test_markup_in_a_title_is_shown_as_text(self, tmp_path: Path, page: Any) -> None:
        data = raw_catalogue()
        hostile = '<script>document.title="run"</script><img src=x onerror=alert(1)>'
        data["careers"][0]["title"]["en"] = hostile
        career_id = data["careers"][0]["id"]
        catalogue = write_catalogue(tmp_path / "hostile.json", data)
        path = written(tmp_path, "hostile", "show", career_id, "--data", str(catalogue))
        opened(page, path)
        assert page.locator("h1").inner_text() == f"{hostile} ({career_id})"
        assert page.locator("script, img").count() == 0
        assert page.title() == f"{hostile} ({career_id})"
