"""Output that is safe where it goes."""

from __future__ import annotations

import html
import io
import json
import re

import pytest

from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.index.memory import MemoryIndex
from careers_cli.present.consoles import markdown_text, write_csv, write_json
from careers_cli.rules import completing
from careers_cli.text.language import Bilingual
from tests.support.output_safety import csv_table, strictly_unicode


class TestCsvFormulasStayText:
    """A cell that starts with = + - @, a tab or a carriage return gets a leading quote."""

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


class TestMarkdownStaysText:
    """Catalogue text is escaped so that it renders as exactly itself."""

    def test_arabic_and_ordinary_punctuation_stay_as_they_are(self) -> None:
        text = "مؤثر وسائل التواصل: 'quoted', \"double\"; a/b. e-mail found_by 0.50 ؟"
        assert markdown_text(text) == text

    @pytest.mark.parametrize(
        ("text", "escaped"),
        [
            ("-x", "-x"),
            ("x-", "x-"),
            ("a - b", "a - b"),
            ("- x", "\\- x"),
            ("1) x", "1\\) x"),
            ("Social Media Influencer (influencer)", "Social Media Influencer (influencer)"),
            ("C# and C++", "C# and C++"),
            ("[ar] label", "\\[ar] label"),
            ("label [ar]", "label [ar]"),
            ("[x](http://evil.example)", "\\[x\\](http://evil.example)"),
            ("3 > 2 & 1 < 2", "3 > 2 & 1 \\< 2"),
            ("&amp; a|b *c* ~d~ `e`", "\\&amp; a\\|b \\*c\\* \\~d\\~ \\`e\\`"),
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
        """Only what would change the rendering is escaped: a hyphen, "=", "#" or "[" after
        the start, parentheses, and an underscore between letters or digits are inert."""
        assert markdown_text(text) == escaped


class TestJsonHasNoLoneSurrogates:
    """An argument's undecodable byte reaches JSON as U+FFFD, never as a \\udcXX escape.

    A catalogue cannot bring one in: validation refuses a lone surrogate in its text (see
    tests/test_validate.py), so arguments are the only way in.
    """

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


class TestQueryLength:
    """A career name or skill query longer than 200 characters, as typed, is a usage error."""

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


HOSTILE_LINES = [
    "Social Media Influencer (influencer)",
    "[ar] [x](http://e) ![i](u) [r]: http://e [^1]",
    "<b>bold</b> <http://x> <!-- c --> &amp; &#65; a & b",
    "*em* _em_ __strong__ ~~gone~~ `code` a|b \\*",
    "# h",
    "C# ends in a hash #",
    "> quote",
    "- item",
    "+ item",
    "* item",
    "1. one",
    "2) two",
    "===",
    "---",
    "[ ] task",
    "3 > 2, e-mail, found_by, 10.5 x, C++",
]


class TestMarkdownRendersAsTheText:
    """Escaped, each line renders as exactly its text, as a paragraph, a list item, a heading
    and a table cell (CommonMark, with GitHub's tables and strikethrough)."""

    @pytest.mark.parametrize("text", HOSTILE_LINES)
    @pytest.mark.parametrize(
        ("wrap", "tag"),
        [("{}", "p"), ("- {}", "li"), ("## {}", "h2"), ("| h |\n| --- |\n| {} |", "td")],
    )
    def test_rendered(self, text: str, wrap: str, tag: str) -> None:
        from markdown_it import MarkdownIt

        renderer = MarkdownIt("commonmark").enable(["table", "strikethrough"])
        rendered = renderer.render(wrap.format(markdown_text(text))).strip()
        inner = re.fullmatch(
            rf"(?:<ul>\s*<li>|<table>.*<td>|<{tag}>)(.*?)</{tag}>.*", rendered, re.S
        )
        assert inner is not None, rendered
        assert "<" not in inner.group(1), rendered  # no element inside: text only
        assert html.unescape(inner.group(1)) == text
