"""`careers` as a whole rather than one command group: `--version` and help, the common
options, usage errors and exit codes, the error boundary, what every command does alike (names
typed in another form, narrow terminals, the machine formats) and the README."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import time
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, overload

import pytest
import typer
from markdown_it import MarkdownIt
from rich.cells import cell_len

import careers_cli
from careers_cli.app.main import app
from careers_cli.catalogue.domain import Career, Catalogue, catalogue_from_data
from careers_cli.i18n.messages import message
from careers_cli.present.views import explore as views
from careers_cli.text.normalise import normalise
from tests.helpers import (
    BIDI_CONTROLS,
    DATA_COMMANDS,
    LIST_ROWS,
    SEVEN_IDS,
    Run,
    imported_esco_sample,
    invoke,
    raw_catalogue,
    raw_controls,
    shows_id,
    write_catalogue,
)
from tests.support import hostile as hostile_support
from tests.support import shell as shell_support
from tests.support.docs import readme_section
from tests.support.formats import MACHINE_FORMATS
from tests.support.hostile import (
    AR_TITLE,
    C1_LINE,
    CLEAR,
    CLIPBOARD,
    MIXED_LINE,
    TITLE_OSC,
    assert_clear,
    coloured,
    ok,
)
from tests.support.output_safety import TOO_LONG, csv_table
from tests.support.shell import COMMANDS
from tests.support.widths import BUILT_IN, MODES, WIDTHS, check

# --- version and help ------------------------------------------------------------------------


def test_version() -> None:
    run = invoke(["--version"])
    assert run.exit_code == 0
    assert run.stdout == f"careers {careers_cli.__version__}\n"
    assert run.stderr == ""


HELP_COMMANDS = ["list", "show", "compare", "match", "skills", "trends", "tips"]


@pytest.mark.parametrize("command", HELP_COMMANDS)
def test_help_has_a_one_line_purpose_and_an_example(command: str) -> None:
    run = invoke([command, "--help"])
    assert run.exit_code == 0, run.stderr
    lines = [line.strip(" │") for line in run.stdout.splitlines()]
    usage = next(i for i, line in enumerate(lines) if line.startswith("Usage:"))
    purpose = next(line for line in lines[usage + 1 :] if line)
    assert purpose.endswith("."), purpose
    assert len(purpose.split()) >= 4, purpose
    heading = next(i for i, line in enumerate(lines) if line in ("Example", "Examples"))
    assert heading > usage
    example = next(line for line in lines[heading + 1 :] if line)
    assert example.startswith(f"careers {command}"), example


HELP_PAGES = [[], *([c] for c in [*HELP_COMMANDS, "validate", "schema"])]


def _prose_paragraphs(help_page: str) -> list[list[str]]:
    """The paragraphs above the first option panel, each as its lines without padding."""
    prose = help_page.split("╭")[0]
    paragraphs: list[list[str]] = [[]]
    for line in prose.splitlines():
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p and not p[0].startswith("Usage:")]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "careers")
def test_help_prose_wraps_to_the_terminal(command: list[str], width: int) -> None:
    """Each line of a help paragraph is as full as the width allows: the next word would not
    have fitted. A line break kept from the source would leave a short line mid-paragraph."""
    run = invoke([*command, "--help"], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    paragraphs = _prose_paragraphs(run.stdout)
    assert len(paragraphs) >= 2, run.stdout
    for lines in paragraphs:
        for line, following in itertools.pairwise(lines):
            next_word = following.split()[0]
            assert cell_len(line) + 1 + cell_len(next_word) > width - 2, (line, following)


@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "careers")
def test_help_shows_no_value_type_for_flags(command: list[str]) -> None:
    """`--all`, `--no-color`, `--help` take no value; a `<bool>` after them would say they do."""
    run = invoke([*command, "--help"], env={"COLUMNS": "100"})
    assert run.exit_code == 0, run.stderr
    assert "<bool>" not in run.stdout
    assert "BOOLEAN" not in run.stdout
    help_line = next(line for line in run.stdout.splitlines() if "--help" in line)
    assert re.search(r"--help\s+-h\s+Show this message and exit\.", help_line), help_line


# --- the common options ----------------------------------------------------------------------


def lines(run: Run) -> list[str]:
    return run.stderr.splitlines()


class TestChoices:
    def test_a_bad_value_typed_is_blamed_on_the_option(self) -> None:
        run = invoke(["list", "--lang", "xx"], env={"CAREERS_LANG": "en"})
        assert run.exit_code == 2
        assert lines(run) == [
            "error: --lang must be one of 'en' or 'ar' (got 'xx')",
            "try 'careers list -h' for help",
        ]

    def test_a_bad_value_from_the_environment_is_blamed_on_the_variable(self) -> None:
        run = invoke(["list"], env={"CAREERS_LANG": "fr"})
        assert run.exit_code == 2
        assert lines(run)[0] == "error: $CAREERS_LANG must be one of 'en' or 'ar' (got 'fr')"
        rtl = invoke(["list"], env={"CAREERS_RTL": "sideways"})
        assert lines(rtl)[0] == (
            "error: $CAREERS_RTL must be one of 'logical' or 'visual' (got 'sideways')"
        )

    def test_in_arabic(self) -> None:
        run = invoke(["list", "--lang", "ar", "-f", "xml"])
        assert lines(run) == [
            "خطأ: --format / -f يجب أن يكون أحد الخيارات 'table' أو 'json' أو 'csv' أو "
            "'csv-bom' أو 'markdown' أو 'html' أو 'svg' (القيمة 'xml')",
            "للمساعدة جرّب 'careers list -h'",
        ]

    @pytest.mark.parametrize("value", ["JSON", "Json"])
    def test_choices_ignore_case(self, value: str) -> None:
        run = invoke(["list", "-f", value])
        assert run.exit_code == 0
        assert run.stdout.startswith("[")


class TestCommonOptionsBeforeTheCommand:
    def test_format_before_the_command(self) -> None:
        run = invoke(["--format", "json", "list"])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith("[\n  {\n")

    def test_format_after_the_command_wins(self) -> None:
        run = invoke(["--format", "json", "list", "-f", "csv"])
        assert run.stdout.splitlines()[0] == "id,title,summary,skills"

    def test_rtl_before_the_command(self) -> None:
        before = invoke(["--rtl", "visual", "show", "influencer", "--lang", "ar"])
        after = invoke(["show", "influencer", "--lang", "ar", "--rtl", "visual"])
        logical = invoke(["show", "influencer", "--lang", "ar", "--rtl", "logical"])
        assert before.exit_code == 0
        assert before.stdout == after.stdout
        assert before.stdout != logical.stdout


class TestEmptyPath:
    @pytest.mark.parametrize("args", [["list", "--data", ""], ["--data", " ", "list"]])
    def test_an_empty_data_path_says_so(self, args: list[str]) -> None:
        run = invoke(args)
        assert run.exit_code == 2
        assert lines(run)[0] == "error: --data: the path is empty"

    def test_in_arabic(self) -> None:
        run = invoke(["list", "--lang", "ar", "--data", ""])
        assert lines(run)[0] == "خطأ: --data: المسار فارغ"


def test_bad_option_value_error_is_arabic() -> None:
    run = invoke(["list", "--lang", "ar", "-f", "xml"])
    assert run.exit_code == 2
    assert message("error.prefix", "ar") in run.stderr
    assert "يجب أن يكون أحد" in run.stderr  # the fixed part of messages' "option.bad_value"
    assert "xml" in run.stderr
    assert "Invalid value" not in run.stderr


# --- usage errors ----------------------------------------------------------------------------


ARABIC_FORMS = [["--lang", "ar"], ["--lang=ar"], ["--lang", "AR"]]


class TestInEnglishAndArabic:
    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_a_limit_below_one_is_arabic_throughout(self, lang: list[str]) -> None:
        run = invoke(["match", "-s", "analytics", "--limit", "0", *lang])
        assert run.exit_code == 2
        assert lines(run) == [
            "خطأ: --limit يجب أن يكون عدداً صحيحاً لا يقل عن 1، أو 'all' (القيمة '0')",
            "للمساعدة جرّب 'careers match -h'",
        ]

    @pytest.mark.parametrize("value", ["0", "-3", "x", "1.5", "٣"])
    def test_a_limit_that_is_not_a_whole_number_of_at_least_one(self, value: str) -> None:
        run = invoke(["match", "-s", "analytics", "-n", value])
        assert run.exit_code == 2
        assert lines(run)[0] == (
            f"error: --limit must be a whole number of at least 1, or 'all' (got '{value}')"
        )

    def test_a_limit_of_one_works(self) -> None:
        run = invoke(["match", "-s", "analytics", "-n", "1", "-f", "csv"])
        assert run.exit_code == 0
        assert len(run.stdout.splitlines()) == 2

    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_compare_without_careers_names_the_argument(self, lang: list[str]) -> None:
        """`careers` is an argument, not an option (الوسيط, not الخيار), named as Arabic help
        names it."""
        run = invoke(["compare", *lang])
        assert run.exit_code == 2
        assert lines(run) == ["خطأ: الوسيط المهنة... مطلوب", "للمساعدة جرّب 'careers compare -h'"]
        english = invoke(["compare"])
        assert lines(english) == [
            "error: missing argument CAREER...",
            "try 'careers compare -h' for help",
        ]

    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_a_missing_option(self, lang: list[str]) -> None:
        run = invoke(["match", *lang])
        assert run.exit_code == 2
        assert lines(run)[0] == "خطأ: الخيار --skill / -s مطلوب"
        english = invoke(["match"])
        assert (english.exit_code, lines(english)[0]) == (2, "error: missing --skill / -s")

    def test_an_option_without_its_value(self) -> None:
        run = invoke(["list", "--format"])
        assert run.exit_code == 2
        assert lines(run)[0] == "error: option --format needs a value"
        arabic = invoke(["list", "--lang=ar", "--data"])
        assert lines(arabic)[0] == "خطأ: الخيار --data يحتاج إلى قيمة"

    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_an_unknown_option(self, lang: list[str]) -> None:
        run = invoke(["list", "--colour-scheme", *lang])
        assert run.exit_code == 2
        assert lines(run) == [
            "خطأ: لا يوجد خيار باسم --colour-scheme",
            "للمساعدة جرّب 'careers list -h'",
        ]


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


ODD_ARGUMENTS = {
    "empty": "",
    "space": " ",
    "spaces": "     ",
    "tabs-newlines": "\t\n\r\n",
    "nbsp": "\u00a0\u2003",
    "esc": "\x1b",
    "nul": "\x00",
    "controls": "".join(chr(c) for c in range(0x20))
    + "\x7f"
    + "".join(map(chr, range(0x80, 0xA0))),
    "bidi": BIDI_CONTROLS,
    "zero-width": "\u200b\u200c\u200d\ufeff",
    "lone-surrogate": "\udcff",
    "emoji": "👩‍💻🚀",
    "combining": "e\u0301" * 500,
    "arabic": "مؤثر",
    "arabic-diacritics": "مُؤَثِّر",
    "cjk": "影响者",
    "markup": "[bold]influencer[/]",
    "punctuation": "-/.,;:!?*%$#@",
    "option-like": "--help",
    "long-ascii": "a" * 10_000,
    "long-words": "influencer " * 1_000,
    "long-arabic": "تحليل " * 2_000,
    "long-emoji": "🚀" * 10_000,
    "long-controls": "\x1b[2J" * 2_500,
}


class TestOddArguments:
    """Any Unicode, control characters, 10,000-character queries, empty or blank strings."""

    @pytest.mark.parametrize("value", list(ODD_ARGUMENTS.values()), ids=list(ODD_ARGUMENTS))
    @pytest.mark.parametrize(
        "shape",
        ["show", "compare-first", "compare-second", "match", "match-second"],
    )
    def test_in_process(self, value: str, shape: str) -> None:
        args = {
            "show": ["show", value],
            "compare-first": ["compare", value, "influencer"],
            "compare-second": ["compare", "influencer", value],
            "match": ["match", "-s", value],
            "match-second": ["match", "-s", "analytics", "-s", value],
        }[shape]
        started = time.perf_counter()
        run = invoke(args)
        elapsed = time.perf_counter() - started
        assert_clear(run)
        assert elapsed < 2.0, elapsed

    @pytest.mark.parametrize("value", ["", "   "], ids=["empty", "spaces"])
    def test_blank_names_are_explained(self, value: str) -> None:
        run = invoke(["show", value])
        assert (run.exit_code, run.stderr) == (2, "error: a career name cannot be empty\n")
        run = invoke(["match", "-s", value])
        assert (run.exit_code, run.stderr) == (2, "error: a skill cannot be empty\n")

    @pytest.mark.parametrize(
        "args",
        [["list", "-f", "\x1b[31mjson"], ["show", "x", "--lang", "\x9b2J"], ["\x1b]0;x\x07"]],
        ids=["format", "lang", "command"],
    )
    def test_bad_option_values_are_quoted_safely(self, args: list[str]) -> None:
        """The option parser's own messages quote the value without control codes."""
        run = invoke(args)
        assert run.exit_code == 2
        assert run.stderr.startswith("error: ")
        assert raw_controls(run.stdout + run.stderr) == set()
        assert "Traceback" not in run.stderr

    def test_dash_dash_makes_an_option_a_name(self) -> None:
        run = invoke(["show", "--", "--help"])
        assert run.exit_code == 1
        assert run.stderr.startswith("error: no career matches '--help'")

    def test_long_data_path(self) -> None:
        """A 10,000-character --data path is a catalogue error (3), not a crash."""
        run = invoke(["list", "--data", "x" * 10_000])
        assert run.exit_code == 3
        assert run.stderr.startswith("error: ")
        assert run.stderr.rstrip().endswith("(File name too long)")
        assert "Traceback" not in run.stderr


class TestTypingAsPeopleType:
    """Forgotten `--skill`, unquoted names of several words (commas in one `--skill` value:
    test_matching.py)."""

    @pytest.mark.parametrize(
        ("args", "first_line"),
        [
            (
                ["match", "analytics"],
                "error: unexpected: analytics; did you mean: careers match --skill analytics",
            ),
            (
                ["match", "-s", "metrics", "analytics", "content creation"],
                "error: unexpected: analytics 'content creation'; did you mean: careers match "
                "-s metrics --skill analytics --skill 'content creation'",
            ),
            (
                ["list", "analytics"],
                "error: unexpected: analytics; did you mean: careers list --skill analytics",
            ),
            (
                ["show", "social", "media", "manager"],
                "error: unexpected: media manager; a name of several words goes in quotes: "
                "careers show 'social media manager'",
            ),
            (
                ["gap", "social", "media", "influencer"],
                "error: unexpected: influencer; a name of several words goes in quotes",
            ),
        ],
    )
    def test_words_after_the_arguments_get_a_hint(self, args: list[str], first_line: str) -> None:
        run = invoke(args)
        assert (run.exit_code, run.stdout) == (2, "")
        assert run.stderr.splitlines() == [first_line, f"try 'careers {args[0]} -h' for help"]

    def test_the_hint_keeps_the_options_typed(self) -> None:
        run = invoke(["--lang", "en", "show", "social", "media", "manager", "-f", "json"])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            "error: unexpected: media manager; a name of several words goes in quotes: "
            "careers --lang en show 'social media manager' -f json"
        )

    def test_the_hint_in_arabic(self) -> None:
        run = invoke(["--lang", "ar", "show", "social", "media", "manager"])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            "خطأ: كلمات غير متوقعة: media manager؛ ضع الاسم المكوّن من عدة كلمات بين علامتي "
            "تنصيص: careers --lang ar show 'social media manager'"
        )


# --- exit codes ------------------------------------------------------------------------------


@pytest.fixture
def empty_catalogue(tmp_path: Path) -> Path:
    return shell_support.empty_catalogue(tmp_path)


class TestExitCodes:
    """0 success, 1 not found, 2 usage, 3 invalid catalogue, for every command."""

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_success_is_0(self, command: str) -> None:
        run = invoke(COMMANDS[command])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.strip()

    @pytest.mark.parametrize(
        ("args", "complaint"),
        [
            (["show", "astronaut"], "no career matches 'astronaut'"),
            (["compare", "influencer", "astronaut"], "no career matches 'astronaut'"),
            (["compare", "astronaut", "influencer"], "no career matches 'astronaut'"),
            (["match", "-s", "juggling"], "no skill matches 'juggling'"),
        ],
    )
    def test_not_found_is_1(self, args: list[str], complaint: str) -> None:
        run = invoke(args)
        assert run.exit_code == 1
        assert run.stdout == ""
        assert complaint in run.stderr

    def test_one_unknown_skill_among_several_is_1_and_the_rest_is_matched(self) -> None:
        """Like `ls` with one missing file among several: the skills found are still matched
        and printed, the unknown one is reported on stderr, and the exit code says not all of
        the question was answered."""
        run = invoke(["match", "-s", "analytics", "-s", "juggling"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no skill matches 'juggling'"
        # analytics alone: the 3 careers that need it, one score (ln(1 + 7/3) = 1.20) and one
        # rank; the larger share of essential skills asked first (1 of 5, 1 of 6, 1 of 7).
        headings = [line.split()[:2] for line in run.stdout.splitlines() if line[:1].isdigit()]
        assert headings == [
            ["1.", "social-media-data-analyst"],
            ["1.", "social-media-marketing-specialist"],
            ["1.", "social-media-manager"],
        ]
        assert "juggling" not in run.stdout

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_unknown_option_is_2(self, command: str) -> None:
        run = invoke([*COMMANDS[command], "--colour-scheme"])
        assert run.exit_code == 2
        assert run.stdout == ""
        assert run.stderr.splitlines()[0] == "error: no such option: --colour-scheme"

    @pytest.mark.parametrize(
        ("args", "complaint"),
        [
            (["compare", "influencer"], "compare needs at least 2 careers"),
            (["list", "--format", "xml"], "xml"),
            (["show", "influencer", "-f", "xml"], "xml"),
            (["list", "--lang", "fr"], "fr"),
            (["show", "influencer", "--lang", "fr"], "fr"),
            (["match"], "--skill"),
            (["match", "--all"], "--skill"),
        ],
    )
    def test_usage_error_is_2(self, args: list[str], complaint: str) -> None:
        run = invoke(args)
        assert run.exit_code == 2
        assert run.stdout == ""
        assert complaint in run.stderr

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_invalid_catalogue_is_3_whatever_the_format(
        self, command: str, empty_catalogue: Path
    ) -> None:
        run = invoke([*COMMANDS[command], "-f", "json", "--data", str(empty_catalogue)])
        assert run.exit_code == 3
        assert run.stdout == ""


# --- the error boundary ----------------------------------------------------------------------


def _explode(*_: object) -> None:
    raise RuntimeError("boom")


class TestUnexpectedError:
    """An error that is a bug in `careers`, not a mistake of the user's."""

    def test_is_one_line_with_how_to_see_more(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without --debug: exit 70 and one line naming the error and --debug."""
        monkeypatch.setattr(views, "career_list", _explode)
        run = invoke(["list"])
        assert run.exit_code == 70
        assert run.stdout == ""
        assert run.stderr.splitlines() == [
            "error: unexpected error: RuntimeError: boom "
            "(run again with --debug for the traceback, and report it)"
        ]

    @pytest.mark.parametrize(
        ("args", "env"),
        [(["list", "--debug"], {}), (["--debug", "list"], {}), (["list"], {"CAREERS_DEBUG": "1"})],
        ids=["after-the-command", "before-the-command", "environment"],
    )
    def test_debug_lets_the_traceback_through(
        self, monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str]
    ) -> None:
        """With --debug or CAREERS_DEBUG=1 the original exception propagates (and prints)."""
        monkeypatch.setattr(views, "career_list", _explode)
        with pytest.raises(RuntimeError, match="boom"):
            invoke(args, env)

    def test_careers_debug_zero_means_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(views, "career_list", _explode)
        assert invoke(["list"], {"CAREERS_DEBUG": "0"}).exit_code == 70


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


class TestInterrupt:
    """Ctrl-C while a command runs."""

    def test_ends_quietly_with_130(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(views, "career_list", _interrupt)
        run = invoke(["list"])
        assert run.exit_code == 130
        assert run.stdout == ""
        assert run.stderr == ""


# --- names typed with Arabic marks, for careers and skills alike -----------------------------


def career_names() -> list[str]:
    """Every name a career can be called by: id, English and Arabic title."""
    return [
        n for c in raw_catalogue()["careers"] for n in (c["id"], c["title"]["en"], c["title"]["ar"])
    ]


def test_career_typo_with_tashkeel_resolves_through_the_fuzzy_matcher() -> None:
    query = "المُؤَثِّرر"  # "المؤثر" with diacritics and a doubled last letter
    wanted = normalise(query)
    # Neither a whole name nor the start of a word of one: only the typo path can find it ...
    names = [normalise(n) for n in career_names()]
    assert wanted not in names
    assert not any(word.startswith(w) for n in names for word in n.split() for w in wanted.split())
    # ... and only on normalised text: the raw query is no name, raw or normalised.
    assert query not in career_names()
    by_typo = invoke(["show", query])
    assert by_typo.exit_code == 0, by_typo.stderr
    assert by_typo.stdout == invoke(["show", "influencer"]).stdout
    run = invoke(["show", query, "-f", "json"])
    assert json.loads(run.stdout)["id"] == "influencer"


def skill_names() -> list[str]:
    """Every name a skill can be called by: id, labels and aliases in both languages."""
    return [
        name
        for s in raw_catalogue()["skills"]
        for name in (
            s["id"],
            s["label"]["en"],
            s["label"]["ar"],
            *s["aliases"]["en"],
            *s["aliases"]["ar"],
        )
    ]


def test_skill_typo_with_tashkeel_resolves_through_the_fuzzy_matcher() -> None:
    query = "اَلتَّحْلِيْلل"  # "التحليل" (an alias of analytics) with diacritics and a typo
    wanted = normalise(query)
    terms = [normalise(n) for n in skill_names()]
    assert wanted not in terms
    assert not any(t.startswith(wanted) for term in terms for t in term.split())
    assert query not in skill_names()
    by_typo = invoke(["match", "-s", query, "-f", "json"])
    by_id = invoke(["match", "-s", "analytics", "-f", "json"])
    assert by_typo.exit_code == 0, by_typo.stderr
    ranked = [(r["id"], r["score"]) for r in json.loads(by_typo.stdout)]
    assert ranked == [(r["id"], r["score"]) for r in json.loads(by_id.stdout)]
    assert ranked[0][0] == "social-media-data-analyst"


# --- every command's views: any width, no trailing spaces ------------------------------------


NARROW_COMMANDS = [
    ["list"],
    ["show", "influencer"],
    ["match", "-s", "communication"],
    ["compare", "influencer", "analyst"],
    ["skills"],
]


@pytest.mark.parametrize("args", NARROW_COMMANDS, ids=lambda a: " ".join(a))
def test_at_40_columns_lines_fit_and_ids_are_shown(args: list[str]) -> None:
    run = invoke(args, env={"COLUMNS": "40"})
    assert run.exit_code == 0, run.stderr
    too_wide = [line for line in run.stdout.splitlines() if cell_len(line) > 40]
    assert too_wide == []
    assert shows_id(run.stdout, "influencer"), run.stdout


@pytest.mark.parametrize(
    "args",
    [*NARROW_COMMANDS, ["trends"], ["tips"], ["show", "social-media-marketing-specialist"]],
    ids=lambda a: " ".join(a),
)
def test_at_20_columns_nothing_crashes(args: list[str]) -> None:
    run = invoke(args, env={"COLUMNS": "20"})
    assert run.exit_code == 0, run.stderr
    assert "Traceback" not in run.stderr
    # "analyst" is a word of one title only (Social Media Data Analyst): found by its words, a
    # guess, which one line on stderr names (whole, however narrow the terminal). Ids are quiet.
    guesses = [
        f"using social-media-data-analyst, the closest match to '{arg}'\n"
        for arg in args
        if arg == "analyst"
    ]
    assert run.stderr == "".join(guesses)
    assert run.stdout.strip()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", BUILT_IN)
def test_built_in_catalogue(command: str, mode: str, width: int) -> None:
    args, ids = BUILT_IN[command]
    check(args, ids, mode, width)


class TestPlainOutput:
    """Printed to a pipe or a file, no line of a view ends with the spaces Rich pads it with."""

    @pytest.mark.parametrize("language", ["en", "ar"])
    @pytest.mark.parametrize("command", DATA_COMMANDS, ids=list(DATA_COMMANDS))
    def test_no_line_ends_with_a_space(self, command: str, language: str) -> None:
        run = invoke([*DATA_COMMANDS[command], "--lang", language])
        assert run.exit_code == 0, run.stderr
        padded = [line for line in run.stdout.splitlines() if line != line.rstrip()]
        assert padded == []
        assert run.stdout.endswith("\n")


# --- the machine formats: --format json, csv and markdown ------------------------------------


ALL_FORMATS = ("table", *MACHINE_FORMATS)


def run_ok(args: Sequence[str]) -> Run:
    run = invoke(args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run


class TestEveryCommandTakesEveryFormat:
    """`--format` / `-f` works after the name of each of the seven commands."""

    @pytest.mark.parametrize("output_format", ALL_FORMATS)
    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_long_option(self, command: str, output_format: str) -> None:
        run = run_ok([*COMMANDS[command], "--format", output_format])
        assert run.stdout.strip()

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_short_option_is_the_same_as_the_long_one(self, command: str) -> None:
        short = run_ok([*COMMANDS[command], "-f", "json"]).stdout
        long = run_ok([*COMMANDS[command], "--format", "json"]).stdout
        assert short == long
        json.loads(short)

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_machine_formats_differ_from_the_table(self, command: str) -> None:
        outputs = {f: run_ok([*COMMANDS[command], "-f", f]).stdout for f in ALL_FORMATS}
        assert len(set(outputs.values())) == len(ALL_FORMATS)


ARRAY_COMMANDS = ("list", "match", "skills", "trends", "tips")


OBJECT_COMMANDS = ("show", "compare")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return catalogue_from_data(raw_catalogue())


@overload
def career(catalogue: Catalogue, career_id: str) -> Career: ...


@overload
def career(catalogue: dict[str, Any], career_id: str) -> dict[str, Any]: ...


def career(catalogue: Catalogue | dict[str, Any], career_id: str) -> Career | dict[str, Any]:
    """The career with this id: a record of a catalogue, or an object of its JSON."""
    if isinstance(catalogue, dict):
        return hostile_support.career(catalogue, career_id)
    return next(c for c in catalogue.careers if c.id == career_id)


def json_of(args: Sequence[str]) -> Any:
    return json.loads(run_ok(args).stdout)


class TestJson:
    """JSON: an array for collections, an object for one result, both languages, no escapes."""

    @pytest.mark.parametrize("command", ARRAY_COMMANDS)
    def test_collections_are_arrays(self, command: str) -> None:
        document = json_of([*COMMANDS[command], "-f", "json"])
        assert isinstance(document, list)
        assert document
        assert all(isinstance(item, dict) for item in document)

    @pytest.mark.parametrize("command", OBJECT_COMMANDS)
    def test_single_results_are_objects(self, command: str) -> None:
        assert isinstance(json_of([*COMMANDS[command], "-f", "json"]), dict)

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_arabic_is_written_as_utf8_not_escaped(
        self, command: str, catalogue: Catalogue
    ) -> None:
        stdout = run_ok([*COMMANDS[command], "-f", "json"]).stdout
        assert "\\u06" not in stdout
        arabic_titles = [c.title.ar for c in catalogue.careers]
        arabic_titles += [s.label.ar for s in catalogue.skills]
        arabic_titles += [n.title.ar for n in [*catalogue.trends, *catalogue.tips]]
        assert any(title in stdout for title in arabic_titles)

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_json_is_the_same_whatever_the_language(self, command: str) -> None:
        english = json_of([*COMMANDS[command], "-f", "json"])
        arabic = json_of([*COMMANDS[command], "-f", "json", "--lang", "ar"])
        assert english == arabic

    def test_list_gives_the_catalogue_careers_in_order(self, catalogue: Catalogue) -> None:
        document = json_of(["list", "-f", "json"])
        assert [item["id"] for item in document] == [c.id for c in catalogue.careers]
        for item, expected in zip(document, catalogue.careers, strict=True):
            assert item["title"] == {"en": expected.title.en, "ar": expected.title.ar}
            assert item["skills"] == list(expected.skill_ids)
        assert [item["summary"]["en"] for item in document] == [row[2] for row in LIST_ROWS]
        for item, expected in zip(document, catalogue.careers, strict=True):
            # the first sentence of the Arabic description, up to and including its full stop
            description = expected.description.ar
            assert item["summary"]["ar"] == description[: description.index(".") + 1]

    def test_show_gives_the_whole_career_in_both_languages(self, catalogue: Catalogue) -> None:
        document = json_of(["show", "influencer", "-f", "json"])
        expected = career(catalogue, "influencer")
        assert document["id"] == "influencer"
        assert document["title"] == {"en": expected.title.en, "ar": expected.title.ar}
        assert document["description"] == {
            "en": expected.description.en,
            "ar": expected.description.ar,
        }
        assert document["responsibilities"] == [
            {"en": r.en, "ar": r.ar} for r in expected.responsibilities
        ]
        assert document["required_skills"] == [
            {
                "text": {"en": line.text.en, "ar": line.text.ar},
                "skills": list(line.skills),
                "importance": "essential",
            }
            for line in expected.required_skills
            if line.text is not None
        ]
        assert len(document["required_skills"]) == len(expected.required_skills)
        assert document["skills"] == list(expected.skill_ids)
        assert document["optional_skills"] == []
        # data/careers.json: the influencer has Arabic alternative titles only (the feminine
        # form of its title, and the bare word for influencer in both genders).
        assert document["alt_titles"] == {
            "en": [],
            "ar": ["مؤثرة وسائل التواصل الاجتماعي", "مؤثر", "مؤثرة"],
        }
        assert document["alt_titles"] == {
            "en": list(expected.alt_titles.en),
            "ar": list(expected.alt_titles.ar),
        }
        assert document["occupations"] == [
            {
                "scheme": "ESCO",
                "label": "vlogger",
                "label_ar": "مدون فيديو / مدونة فيديو",
                "isco_08": "2642",
                "uri": "http://data.europa.eu/esco/occupation/51ec004e-aec8-4f89-b114-952bcc56b0b0",
                "match": "approximate",
                "basis": expected.occupations[0].basis,
            }
        ]
        expected_trends = [n.id for n in catalogue.trends if "influencer" in n.careers]
        assert [t["id"] for t in document["trends"]] == expected_trends
        expected_tips = [n.id for n in catalogue.tips if "influencer" in n.careers]
        assert [t["id"] for t in document["tips"]] == expected_tips

    def test_show_lists_the_careers_platforms(self, catalogue: Catalogue) -> None:
        document = json_of(["show", "social-media-manager", "-f", "json"])
        expected = career(catalogue, "social-media-manager")
        assert expected.platforms
        assert {p["id"] for p in document["platforms"]} == set(expected.platforms)
        facebook = next(p for p in document["platforms"] if p["id"] == "facebook")
        assert facebook == {
            "id": "facebook",
            "name": {"en": "Facebook", "ar": "فيسبوك"},
            "kind": "platform",
        }

    def test_compare_has_each_career_and_a_skill_grid(self, catalogue: Catalogue) -> None:
        ids = ["influencer", "digital-content-creator"]
        document = json_of(["compare", *ids, "-f", "json"])
        assert [c["id"] for c in document["careers"]] == ids
        first, second = (career(catalogue, i) for i in ids)
        shared = set(first.skill_ids) & set(second.skill_ids)
        assert set(document["shared_skills"]) == shared
        assert {row["id"] for row in document["skills"]} == set(first.skill_ids) | set(
            second.skill_ids
        )
        for row in document["skills"]:
            assert row["present"] == {
                "influencer": row["id"] in first.skill_ids,
                "digital-content-creator": row["id"] in second.skill_ids,
            }
        # shared: content-creation, creativity; union: 6 + 5 - 2 = 9
        assert document["shared_skills"] == ["content-creation", "creativity"]
        assert document["similarity"] == pytest.approx(2 / 9)

    def test_show_gives_related_careers_with_their_shared_skills(self) -> None:
        # influencer has 6 skills. The manager (7) shares 3: 3/10. The content creator (5)
        # shares 2: 2/9. The community manager (6) shares 2: 2/10. The PR manager (8) shares
        # 2 too, but 2/12 puts it fourth, and only three are shown.
        related = json_of(["show", "influencer", "-f", "json"])["related"]
        assert [(r["id"], r["shared_skills"], r["similarity"]) for r in related] == [
            ("social-media-manager", ["communication", "content-creation", "creativity"], 0.3),
            ("digital-content-creator", ["content-creation", "creativity"], pytest.approx(2 / 9)),
            ("online-community-manager", ["communication", "relationship-building"], 0.2),
        ]

    def test_match_says_which_careers_have_all_and_what_each_misses(self) -> None:
        # analytics: manager, marketing specialist, data analyst; communication: manager, PR
        # manager, influencer, community manager. Only the manager has both (and comes first);
        # each misses its other skills, in the order its required-skill lines name them.
        document = json_of(["match", "-s", "analytics", "-s", "communication", "-f", "json"])
        assert document[0]["id"] == "social-media-manager"
        assert {m["id"]: (m["has_all"], m["missing"]) for m in document} == {
            "social-media-manager": (
                True,
                [
                    "written-communication",
                    "social-media-platforms",
                    "strategy",
                    "content-creation",
                    "creativity",
                ],
            ),
            "social-media-marketing-specialist": (
                False,
                [
                    "social-media-advertising",
                    "audience-understanding",
                    "campaign-management",
                    "marketing",
                    "budget-management",
                ],
            ),
            "social-media-data-analyst": (
                False,
                ["social-media-tools", "reporting", "market-research", "strategy"],
            ),
            "social-media-pr-manager": (
                False,
                [
                    "relationship-building",
                    "crisis-management",
                    "reputation-management",
                    "written-communication",
                    "media-relations",
                    "social-listening",
                    "social-media-tools",
                ],
            ),
            "influencer": (
                False,
                [
                    "content-creation",
                    "creativity",
                    "relationship-building",
                    "marketing",
                    "credibility",
                ],
            ),
            "online-community-manager": (
                False,
                [
                    "relationship-building",
                    "customer-care",
                    "community-management",
                    "social-media-tools",
                    "audience-engagement",
                ],
            ),
        }

    def test_match_analytics_ranks_the_data_analyst_first(self) -> None:
        # analytics is needed by 3 of the 7 careers (the manager, the marketing specialist and
        # the data analyst), so it adds ln(1 + 7/3) = ln(10/3) = 1.2040 to each: one score,
        # 1.20, and one shared rank. The data analyst comes first: analytics is 1 of its 5
        # essential skills, against 1 of 6 for the specialist and 1 of 7 for the manager.
        document = json_of(["match", "-s", "analytics", "-f", "json"])
        assert [(item["rank"], item["id"]) for item in document] == [
            (1, "social-media-data-analyst"),
            (1, "social-media-marketing-specialist"),
            (1, "social-media-manager"),
        ]
        first = document[0]
        assert first["score"] == {
            "value": 1.2,
            "matched": 1,
            "optional": 0,
            "asked": 1,
            "centrality": 0.5,
        }
        assert first["has_all"] is True
        assert first["matched"] == [
            {
                "skill": "analytics",
                "kind": "skill",
                "label": {"en": "Data analysis", "ar": "تحليل البيانات"},
                "query": "analytics",
                "family_of": None,
                "by_words": False,
                "importance": "essential",
                "careers": 3,
                "specificity": 1.204,  # ln(10/3) = 1.20397, to 4 decimals
                "weight": 1.204,  # essential: the whole specificity
            }
        ]
        assert [item["score"]["centrality"] for item in document] == [0.5, 0.25, 0.25]
        assert {item["score"]["value"] for item in document} == {1.2}

    def test_match_with_no_result_is_an_empty_array(self) -> None:
        run = invoke(
            ["match", "-s", "budget-management", "-s", "crisis-management", "--all", "-f", "json"]
        )
        assert run.exit_code == 0
        assert json.loads(run.stdout) == []
        assert "no career has all of the skills asked for" in run.stderr

    def test_skills_gives_the_whole_vocabulary(self, catalogue: Catalogue) -> None:
        document = json_of(["skills", "-f", "json"])
        assert sorted(s["id"] for s in document) == sorted(s.id for s in catalogue.skills)
        by_id = {s.id: s for s in catalogue.skills}
        for item in document:
            skill = by_id[item["id"]]
            assert item["label"] == {"en": skill.label.en, "ar": skill.label.ar}
            assert item["aliases"] == {"en": list(skill.aliases.en), "ar": list(skill.aliases.ar)}
            assert item["careers"] == [c.id for c in catalogue.careers if skill.id in c.skill_ids]

    @pytest.mark.parametrize("command", ["trends", "tips"])
    def test_notes_are_the_catalogues(self, command: str, catalogue: Catalogue) -> None:
        notes = catalogue.trends if command == "trends" else catalogue.tips
        document = json_of([command, "-f", "json"])
        assert document == [
            {
                "id": n.id,
                "title": {"en": n.title.en, "ar": n.title.ar},
                "text": {"en": n.text.en, "ar": n.text.ar},
                "careers": list(n.careers),
                "skills": list(n.skills),
                "platforms": list(n.platforms),
            }
            for n in notes
        ]


def keys(value: Any) -> set[str]:
    assert isinstance(value, dict), value
    return set(value)


BILINGUAL = {"en", "ar"}


CAREER_REF = {"id", "title"}


class TestJsonContract:
    """The exact keys of every JSON object (the shapes of src/careers_cli/records.py)."""

    def test_list(self) -> None:
        for item in json_of(["list", "-f", "json"]):
            assert keys(item) == {"id", "title", "summary", "skills"}
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["summary"]) == BILINGUAL

    def test_show(self) -> None:
        document = json_of(["show", "social-media-manager", "-f", "json"])
        assert keys(document) == {
            "id",
            "title",
            "summary",
            "description",
            "alt_titles",
            "responsibilities",
            "required_skills",
            "skills",
            "optional_skills",
            "platforms",
            "trends",
            "tips",
            "occupations",
            "related",
        }
        assert keys(document["alt_titles"]) == BILINGUAL
        for name in ("title", "summary", "description"):
            assert keys(document[name]) == BILINGUAL
        assert document["responsibilities"]
        for duty in document["responsibilities"]:
            assert keys(duty) == BILINGUAL
        assert document["required_skills"]
        for line in document["required_skills"]:
            assert keys(line) == {"text", "skills", "importance"}
            assert keys(line["text"]) == BILINGUAL
        assert document["platforms"]
        for platform in document["platforms"]:
            assert keys(platform) == {"id", "name", "kind"}
            assert keys(platform["name"]) == BILINGUAL
        assert document["trends"] or document["tips"]
        for note in [*document["trends"], *document["tips"]]:
            assert keys(note) == {"id", "title"}
            assert keys(note["title"]) == BILINGUAL
        assert document["occupations"]
        for occupation in document["occupations"]:
            assert keys(occupation) == {
                "scheme",
                "label",
                "label_ar",
                "isco_08",
                "uri",
                "match",
                "basis",
            }
        assert document["related"]
        for related in document["related"]:
            assert keys(related) == {*CAREER_REF, "shared_skills", "similarity"}
            assert keys(related["title"]) == BILINGUAL

    def test_compare(self) -> None:
        ids = ["influencer", "digital-content-creator", "social-media-manager"]
        document = json_of(["compare", *ids, "-f", "json"])
        assert keys(document) == {"careers", "skills", "shared_skills", "similarity"}
        for item in document["careers"]:
            assert keys(item) == {*CAREER_REF, "summary", "skills", "platforms"}
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["summary"]) == BILINGUAL
        assert document["skills"]
        for row in document["skills"]:
            assert keys(row) == {"id", "label", "present", "importance"}
            assert keys(row["label"]) == BILINGUAL
            assert keys(row["present"]) == set(ids)
            assert keys(row["importance"]) == set(ids)

    def test_match(self) -> None:
        document = json_of(["match", "-s", "analytics", "-s", "communication", "-f", "json"])
        assert document
        for item in document:
            assert keys(item) == {
                "rank",
                *CAREER_REF,
                "score",
                "has_all",
                "matched",
                "missing",
                "missing_optional",
            }
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["score"]) == {"value", "matched", "optional", "asked", "centrality"}
            for found in item["matched"]:
                assert keys(found) == {
                    "skill",
                    "kind",
                    "label",
                    "query",
                    "family_of",
                    "by_words",
                    "importance",
                    "careers",
                    "specificity",
                    "weight",
                }
                assert keys(found["label"]) == BILINGUAL

    def test_skills(self) -> None:
        for item in json_of(["skills", "-f", "json"]):
            assert keys(item) == {"id", "label", "aliases", "description", "careers"}
            assert keys(item["label"]) == BILINGUAL
            assert keys(item["aliases"]) == BILINGUAL

    @pytest.mark.parametrize("command", ["trends", "tips"])
    def test_notes(self, command: str) -> None:
        for item in json_of([command, "-f", "json"]):
            assert keys(item) == {"id", "title", "text", "careers", "skills", "platforms"}
            assert keys(item["title"]) == BILINGUAL
            assert keys(item["text"]) == BILINGUAL


def csv_rows(args: Sequence[str]) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(run_ok(args).stdout))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


class TestCsv:
    """CSV: a header row, one row per record, list values joined with "; "."""

    @pytest.mark.parametrize(
        ("command", "header"),
        [
            ("list", ["id", "title", "summary", "skills"]),
            (
                "show",
                [
                    "id",
                    "title",
                    "alt_titles",
                    "description",
                    "responsibilities",
                    "required_skills",
                    "optional_skills",
                    "skills",
                    "platforms",
                    "trends",
                    "tips",
                    "occupations",
                    "related",
                ],
            ),
            ("compare", ["skill", "label", "influencer", "digital-content-creator"]),
            (
                "match",
                [
                    "rank",
                    "id",
                    "title",
                    "score",
                    "matched",
                    "asked",
                    "centrality",
                    "has",
                    "found_by",
                    "to_learn",
                    "to_learn_optional",
                ],
            ),
            ("skills", ["id", "label", "aliases", "description", "careers"]),
            ("trends", ["id", "title", "text", "careers", "skills", "platforms"]),
            ("tips", ["id", "title", "text", "careers", "skills", "platforms"]),
        ],
    )
    def test_header_row(self, command: str, header: list[str]) -> None:
        fieldnames, rows = csv_rows([*COMMANDS[command], "-f", "csv"])
        assert fieldnames == header
        assert rows

    def test_list_has_one_row_per_career(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["list", "-f", "csv"])
        assert len(rows) == 7
        assert [r["id"] for r in rows] == [c.id for c in catalogue.careers]
        assert [r["title"] for r in rows] == [c.title.en for c in catalogue.careers]
        assert [r["skills"] for r in rows] == ["; ".join(c.skill_ids) for c in catalogue.careers]

    def test_skills_has_one_row_per_skill(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["skills", "-f", "csv"])
        assert len(catalogue.skills) == 25
        assert len(rows) == len(catalogue.skills)
        by_id = {s.id: s for s in catalogue.skills}
        for row in rows:
            skill = by_id[row["id"]]
            assert row["label"] == skill.label.en
            assert row["aliases"] == "; ".join(skill.aliases.en)

    def test_trends_has_one_row_per_trend(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["trends", "-f", "csv"])
        assert len(rows) == 5
        assert [r["id"] for r in rows] == [n.id for n in catalogue.trends]
        assert [r["careers"] for r in rows] == ["; ".join(n.careers) for n in catalogue.trends]

    def test_show_is_one_row_with_lists_joined(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["show", "influencer", "-f", "csv"])
        expected = career(catalogue, "influencer")
        assert len(rows) == 1
        row = rows[0]
        assert row["id"] == "influencer"
        assert row["description"] == expected.description.en
        assert row["responsibilities"] == "; ".join(r.en for r in expected.responsibilities)
        assert row["skills"] == "; ".join(expected.skill_ids)

    def test_compare_marks_each_skill_yes_or_no(self) -> None:
        # The two shared skills first, then the others in the order they are first named.
        _, rows = csv_rows(["compare", "influencer", "digital-content-creator", "-f", "csv"])
        assert [(r["skill"], r["influencer"], r["digital-content-creator"]) for r in rows] == [
            ("content-creation", "yes", "yes"),
            ("creativity", "yes", "yes"),
            ("communication", "yes", "no"),
            ("relationship-building", "yes", "no"),
            ("marketing", "yes", "no"),
            ("credibility", "yes", "no"),
            ("written-communication", "no", "yes"),
            ("video-editing", "no", "yes"),
            ("audience-understanding", "no", "yes"),
        ]

    def test_match_row_gives_the_score(self) -> None:
        _, rows = csv_rows(["match", "-s", "analytics", "-f", "csv"])
        first = rows[0]
        assert first["rank"] == "1"
        assert first["id"] == "social-media-data-analyst"
        assert (first["matched"], first["asked"], first["centrality"]) == ("1", "1", "0.50")
        assert first["score"] == "1.20"  # ln(1 + 7/3): 3 of the 7 careers need analytics
        assert first["has"] == "analytics"

    def test_arabic_csv_has_the_catalogues_arabic_titles(self, catalogue: Catalogue) -> None:
        _, rows = csv_rows(["list", "--lang", "ar", "-f", "csv"])
        assert [r["title"] for r in rows] == [c.title.ar for c in catalogue.careers]
        skill_rows = csv_rows(["skills", "--lang", "ar", "-f", "csv"])[1]
        labels = {s.id: s.label.ar for s in catalogue.skills}
        assert {r["id"]: r["label"] for r in skill_rows} == labels


class TestMarkdown:
    """Markdown: a pipe table for collections, a heading and sections for `show`."""

    def test_list_is_a_pipe_table(self, catalogue: Catalogue) -> None:
        lines = run_ok(["list", "-f", "markdown"]).stdout.splitlines()
        assert lines[0] == "| id | title | summary | skills |"
        assert lines[1] == "| --- | --- | --- | --- |"
        body = lines[2:]
        assert len(body) == 7
        for line, expected in zip(body, catalogue.careers, strict=True):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            assert cells[0] == expected.id
            assert cells[1] == expected.title.en

    def test_arabic_list_table_has_arabic_titles(self, catalogue: Catalogue) -> None:
        stdout = run_ok(["list", "--lang", "ar", "-f", "markdown"]).stdout
        for expected in catalogue.careers:
            assert f"| {expected.id} | {expected.title.ar} |" in stdout

    def test_arabic_tables_have_arabic_headers(self) -> None:
        """Markdown is for people: its headers are in their language (CSV keeps its keys)."""
        listed = run_ok(["list", "--lang", "ar", "-f", "markdown"]).stdout.splitlines()
        assert listed[0] == "| المعرف | المسمى | نبذة | المهارات |"
        matched = run_ok(["match", "-s", "analytics", "--lang", "ar", "-f", "markdown"])
        assert matched.stdout.splitlines()[0] == (
            "| الترتيب | المعرف | المسمى | الدرجة | المهارات المطابقة | المهارات التي أدخلتها "
            "| نسبة التغطية | لديها | الكلمات التي وجدتها | للتعلم | اختيارية للتعلم |"
        )
        csv_header = run_ok(["list", "--lang", "ar", "-f", "csv"]).stdout.splitlines()[0]
        assert csv_header == "id,title,summary,skills"

    def test_arabic_compare_says_yes_and_no_in_arabic(self) -> None:
        args = ["compare", "influencer", "digital-content-creator", "--lang", "ar"]
        lines = run_ok([*args, "-f", "markdown"]).stdout.splitlines()
        assert lines[0] == "| المهارة | الاسم | influencer | digital-content-creator |"
        cells = [line.strip("|").split(" | ")[2:] for line in lines[2:]]
        assert {cell.strip() for row in cells for cell in row} == {"نعم", "لا"}
        english = run_ok([args[0], *args[1:3], "-f", "markdown"]).stdout.splitlines()
        assert {c.strip() for line in english[2:] for c in line.strip("|").split(" | ")[2:]} == {
            "yes",
            "no",
        }

    @pytest.mark.parametrize("command", ["skills", "trends", "tips", "match", "compare"])
    def test_other_collections_are_pipe_tables(self, command: str) -> None:
        lines = run_ok([*COMMANDS[command], "-f", "markdown"]).stdout.splitlines()
        assert lines[0].startswith("| ")
        assert lines[0].endswith(" |")
        columns = lines[0].count(" | ") + 1
        assert lines[1] == "|" + "|".join(" --- " for _ in range(columns)) + "|"
        assert len(lines) > 2
        assert all(line.startswith("| ") and line.endswith(" |") for line in lines[2:])

    def test_show_is_a_heading_then_sections(self, catalogue: Catalogue) -> None:
        stdout = run_ok(["show", "influencer", "-f", "markdown"]).stdout
        lines = stdout.splitlines()
        # Text escapes Markdown punctuation, parentheses too: see tests/test_output_safety.py.
        assert lines[0] == "# Social Media Influencer (influencer)"  # no needless backslash
        headings = [line for line in lines if line.startswith("## ")]
        assert headings[:3] == ["## Description", "## Responsibilities", "## Required skills"]
        assert "## Related careers" in headings
        expected = career(catalogue, "influencer")
        description = lines.index("## Description")
        assert expected.description.en in lines[description + 1 : description + 3]
        for duty in expected.responsibilities:
            assert f"- {duty.en}" in lines

    def test_show_in_arabic_titles_the_document_in_arabic(self, catalogue: Catalogue) -> None:
        stdout = run_ok(["show", "influencer", "--lang", "ar", "-f", "markdown"]).stdout
        title = career(catalogue, "influencer").title.ar
        assert stdout.splitlines()[0] == f"# {title} (influencer)"
        assert sum(line.startswith("## ") for line in stdout.splitlines()) >= 3


def test_a_career_row_splits_essential_from_optional_skills(tmp_path: Path) -> None:
    """As the catalogue has them: each line's skills, by their labels, under its importance."""
    esco = imported_esco_sample(tmp_path)
    data = json.loads(esco.read_text(encoding="utf-8"))
    labels = {skill["id"]: skill["label"]["en"] for skill in data["skills"]}
    career = next(c for c in data["careers"] if c["id"] == "advertising-specialist")
    by_importance: dict[str, list[str]] = {"essential": [], "optional": []}
    for line in career["required_skills"]:
        by_importance[line.get("importance", "essential")] += [labels[s] for s in line["skills"]]
    run = invoke(["show", "advertising-specialist", "--data", str(esco), "-f", "csv"])
    (row,) = csv.DictReader(io.StringIO(run.stdout))
    assert row["required_skills"] == "; ".join(by_importance["essential"])
    assert row["optional_skills"] == "; ".join(by_importance["optional"])
    assert by_importance["essential"] and by_importance["optional"]


def test_a_step_s_weights_as_data_have_four_decimals() -> None:
    run = invoke(["gap", "social-media-data-analyst", "social-media-manager", "-f", "json"])
    steps = json.loads(run.stdout)["to_learn"]
    # The learning order: one career needs social-media-platforms, ln(1 + 7/1) = 2.0794;
    # three content creation, ln(1 + 7/3) = 1.2040.
    assert [(s["skill"], s["specificity"], s["weight"]) for s in steps[:2]] == [
        ("social-media-platforms", 2.0794, 2.0794),
        ("content-creation", 1.204, 1.204),
    ]


@pytest.fixture(scope="module")
def hostile_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_support.hostile_catalogue(tmp_path_factory)


class TestJsonKeepsTheData:
    """In JSON, control characters stay escaped and come back unchanged."""

    @pytest.mark.parametrize(
        "char",
        ["\x1b", "\x07", "\x00", "\r", "\x08", "\x7f", "\x9b", "\x9d", "\u202e", "\u2066"],
        ids=["esc", "bel", "nul", "cr", "bs", "del", "csi", "osc", "rlo", "lri"],
    )
    @pytest.mark.parametrize("command", ["list", "show"])
    def test_control_character(self, tmp_path: Path, char: str, command: str) -> None:
        data = raw_catalogue()
        title = f"A{char}B[bold]"
        career(data, "influencer")["title"]["en"] = title
        path = write_catalogue(tmp_path / "careers.json", data)
        args = ["list"] if command == "list" else ["show", "influencer"]
        run = ok(invoke([*args, "-f", "json", "--data", str(path)]))
        assert char not in run.stdout
        assert re.search(r'"A\\(u[0-9a-fA-F]{4}|[bfnrt])B\[bold\]"', run.stdout), run.stdout[:300]
        document = json.loads(run.stdout)
        found = document if command == "show" else career({"careers": document}, "influencer")
        assert found["title"]["en"] == title

    def test_whole_hostile_catalogue_round_trips(
        self, hostile_catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every hostile string of the profile comes back exactly, even with FORCE_COLOR."""
        coloured(monkeypatch)
        run = ok(invoke(["show", "influencer", "-f", "json", "--data", str(hostile_catalogue)]))
        assert "\x1b" not in run.stdout
        document = json.loads(run.stdout)
        assert document["title"] == {"en": TITLE_OSC, "ar": AR_TITLE}
        assert document["description"]["en"] == CLIPBOARD + CLEAR
        assert document["responsibilities"][0]["en"] == C1_LINE
        assert document["required_skills"][0]["text"]["en"] == MIXED_LINE


# --- the machine formats: text that stays text -----------------------------------------------


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
        # ln(1 + 7/3) = 1.20 each, one shared rank; the larger share of essential skills asked
        # first: the data analyst (1 of 5), the specialist (1 of 6), the manager (1 of 7).
        assert [row[:9] for row in table[1:]] == [
            ["1", "social-media-data-analyst", "'\t=1+2",
             "1.20", "1", "1", "0.50", "analytics", "'+analytics"],
            ["1", "social-media-marketing-specialist", "'@SUM(1)",
             "1.20", "1", "1", "0.25", "analytics", "'+analytics"],
            ["1", "social-media-manager", "'" + HYPERLINK,
             "1.20", "1", "1", "0.25", "analytics", "'+analytics"],
        ]  # fmt: skip


SCRIPT = "<script>alert(1)</script>"


IMG = "<img src=x onerror=alert(1)>"


JS_LINK = "[click](javascript:alert(1))"


IMAGE = "![x](http://x)"


AUTOLINK = "<http://x> <!-- hidden --> a | b"


MIXED = "*bold* _em_ ~~gone~~ `code` AT&amp;T {x} \\ C++ #1"


TITLES = [SCRIPT, IMG, JS_LINK, IMAGE, AUTOLINK, MIXED]


ESCAPED_TITLES = [  # only what would be markup is escaped: "<", "](", "*", "_", "~", "`", "&amp;"
    "\\<script>alert(1)\\</script>",
    "\\<img src=x onerror=alert(1)>",
    "\\[click\\](javascript:alert(1))",
    "![x\\](http://x)",
    "\\<http://x> \\<!-- hidden --> a \\| b",
    "\\*bold\\* \\_em\\_ \\~\\~gone\\~\\~ \\`code\\` AT\\&amp;T {x} \\\\ C++ #1",
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
    "\\<div onclick=alert(1)>",
    "\\===",
    "\\---",
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
            "| social-media-manager | \\<script>alert(1)\\</script> | "
            "\\# Not a heading: \\<b>bold\\</b> [x\\](http://evil.example). | "
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
            "# \\<script>alert(1)\\</script> (social-media-manager)",
            "",
            "## Description",
            "",
            "\\# Not a heading: \\<b>bold\\</b> [x\\](http://evil.example). The rest.",
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


# --- the README ------------------------------------------------------------------------------


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


@pytest.mark.parametrize("command", _command_names())
def test_every_command_is_in_the_readme_and_has_help_with_an_example(command: str) -> None:
    assert f"careers {command}" in readme_section("Using it")
    run = invoke([command, "--help"])
    assert run.exit_code == 0
    assert "Example" in run.stdout


@pytest.mark.parametrize("command", ["list", "match", "show", "compare", "skills"])
def test_json_keys_in_the_readme_are_the_output_keys(command: str) -> None:
    """The README names each command's top-level keys (nested ones in parentheses)."""
    bullet = re.search(
        rf"^- `{command}`: (.*?)(?=^- |\n\n)", readme_section("Using it"), re.MULTILINE | re.DOTALL
    )
    assert bullet, f"README lists no JSON keys for {command}"
    top_level = re.sub(r"\([^)]*\)", "", bullet.group(1).split(";")[0])
    document = json.loads(invoke([*DATA_COMMANDS[command], "-f", "json"]).stdout)
    first = document[0] if isinstance(document, list) else document
    assert set(re.findall(r"`(\w+)`", top_level)) == set(first)
