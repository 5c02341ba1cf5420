"""Hostile input: catalogue text and arguments that try to be markup or terminal control."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from careers_cli.catalogue import reading as catalogue_module
from tests.helpers import (
    BIDI_CONTROLS,
    invoke,
    raw_catalogue,
    raw_controls,
    write_catalogue,
)
from tests.support import hostile as hostile_support
from tests.support.hostile import (
    AR_TITLE,
    C1_LINE,
    CLEAR,
    CLIPBOARD,
    COMMANDS,
    MARKUP_DESCRIPTION,
    MARKUP_SKILL,
    MARKUP_TITLE,
    MIB,
    MIXED_LINE,
    SEQUENCES,
    SGR,
    TITLE_OSC,
    UNBALANCED_TITLE,
    assert_clear,
    career,
    ok,
)


def coloured(monkeypatch: pytest.MonkeyPatch) -> None:
    """FORCE_COLOR=1 on an xterm, without the NO_COLOR that the pinned environment sets."""
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture(scope="module")
def markup_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_support.markup_catalogue(tmp_path_factory)


class TestMarkupIsText:
    """Rich markup in catalogue text is printed as it is written."""

    def test_list(self, markup_catalogue: Path) -> None:
        run = ok(invoke(["list", "--data", str(markup_catalogue)]))
        rows = {line.split()[0]: line for line in run.stdout.splitlines() if line[:1].isalpha()}
        assert rows["influencer"].split()[1] == MARKUP_TITLE
        assert rows["digital-content-creator"].split()[1] == UNBALANCED_TITLE
        assert MARKUP_DESCRIPTION in run.stdout
        assert run.stderr == ""

    @pytest.mark.parametrize(
        ("query", "title"),
        [("influencer", MARKUP_TITLE), ("digital-content-creator", UNBALANCED_TITLE)],
    )
    def test_show(self, markup_catalogue: Path, query: str, title: str) -> None:
        run = ok(invoke(["show", query, "--data", str(markup_catalogue)]))
        assert run.stdout.splitlines()[0].rstrip() == f"{title}  {query}"

    def test_show_description_and_related(self, markup_catalogue: Path) -> None:
        run = ok(invoke(["show", "influencer", "--data", str(markup_catalogue)]))
        assert f"  {MARKUP_DESCRIPTION} More text." in run.stdout
        run = ok(invoke(["show", "social-media-manager", "--data", str(markup_catalogue)]))
        assert MARKUP_TITLE in run.stdout  # the influencer among the related careers
        assert MARKUP_SKILL in run.stdout  # shared with the related data analyst

    def test_compare_and_match(self, markup_catalogue: Path) -> None:
        data = ["--data", str(markup_catalogue)]
        run = ok(invoke(["compare", "influencer", "digital-content-creator", *data]))
        assert MARKUP_TITLE in run.stdout
        assert UNBALANCED_TITLE in run.stdout
        run = ok(invoke(["match", "-s", "analytics", *data]))
        # analytics: 3 of the 7 careers need it, ln(1 + 7/3) = 1.20
        assert f"{MARKUP_SKILL} +1.20 ← analytics" in run.stdout
        run = ok(invoke(["skills", *data]))
        assert MARKUP_SKILL in run.stdout

    def test_with_forced_colour(
        self, markup_catalogue: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With colour on, markup would turn into styles: it still shows literally."""
        coloured(monkeypatch)
        run = ok(invoke(["show", "influencer", "--data", str(markup_catalogue)]))
        assert "\x1b[" in run.stdout
        plain = SGR.sub("", run.stdout)
        assert plain.splitlines()[0].rstrip() == f"{MARKUP_TITLE}  influencer"
        run = ok(invoke(["list", "--data", str(markup_catalogue)]))
        plain = SGR.sub("", run.stdout)
        assert MARKUP_TITLE in plain
        assert UNBALANCED_TITLE in plain


@pytest.fixture(scope="module")
def hostile_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_support.hostile_catalogue(tmp_path_factory)


def assert_neutralised(text: str) -> None:
    for sequence in SEQUENCES:
        assert sequence not in text, repr(sequence)
    assert raw_controls(text) == set(), sorted(raw_controls(text))


class TestControlCharactersNeverReachTheTerminal:
    """Every command's output holds no raw control character from the catalogue."""

    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_without_colour(self, hostile_catalogue: Path, command: str) -> None:
        run = ok(invoke([*COMMANDS[command], "--data", str(hostile_catalogue)]))
        assert run.stdout.strip()
        assert "\x1b" not in run.stdout + run.stderr
        assert_neutralised(run.stdout)
        assert_neutralised(run.stderr)

    @pytest.mark.parametrize("command", [c for c in COMMANDS if c not in ("csv", "markdown")])
    def test_with_forced_colour(
        self, hostile_catalogue: Path, command: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Our own colour codes appear; the data's sequences do not."""
        coloured(monkeypatch)
        run = ok(invoke([*COMMANDS[command], "--data", str(hostile_catalogue)]))
        if not command.startswith("markdown"):
            assert "\x1b[" in run.stdout  # colour is on, so the check below means something
        assert_neutralised(SGR.sub("", run.stdout))
        assert_neutralised(SGR.sub("", run.stderr))
        assert not re.search("[\u0080-\u009f]", run.stdout + run.stderr)

    def test_show_displays_control_pictures(self, hostile_catalogue: Path) -> None:
        """C0 become control pictures, C1 become U+FFFD, bidi controls are removed."""
        run = ok(invoke(["show", "influencer", "--data", str(hostile_catalogue)]))
        assert run.stdout.splitlines()[0].rstrip() == "Evil␛]0;pwned␇Title  influencer"
        assert "  Clip␛]52;c;cHduZWQ=␇board. Wipe␛[2Jscreen␛[H." in run.stdout
        assert "• CSI\ufffd31mred OSC\ufffd0;t\ufffd end" in run.stdout
        assert "abcdcba iso del␡ nul␀ cr␍ bs␈" in run.stdout
        assert "• Trend␛[?1049h" in run.stdout

    def test_other_views_display_control_pictures(self, hostile_catalogue: Path) -> None:
        data = ["--data", str(hostile_catalogue)]
        listed = ok(invoke(["list", *data])).stdout
        assert "Evil␛]0;pwned␇Title" in listed
        assert "Clip␛]52;c;cHduZWQ=␇board." in listed  # the summary: up to the first full stop
        skills = ok(invoke(["skills", *data])).stdout
        assert "Analy␛[5mtics" in skills
        assert "hidden␛[8malias" in skills
        assert "Tip␛P+q␛\\ text␛[6n." in ok(invoke(["tips", *data])).stdout
        compared = ok(invoke(["compare", "influencer", "social-media-data-analyst", *data]))
        assert "Google␛[31m Analytics (tool)" in compared.stdout

    def test_arabic_title(self, hostile_catalogue: Path) -> None:
        run = ok(invoke(["show", "influencer", "--lang", "ar", "--data", str(hostile_catalogue)]))
        assert run.stdout.splitlines()[0].strip() == "مؤثر␛]0;pwned␇اجتماعي  influencer"

    def test_validate_problems_are_neutralised(self, tmp_path: Path) -> None:
        """References and keys quoted by validate cannot carry control codes either."""
        data = raw_catalogue()
        data["trends"][0]["careers"].append("\x1b]0;pwned\x07")
        data["careers"][0]["\x1b[2J\u202e"] = "x"
        path = write_catalogue(tmp_path / "broken.json", data)
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        assert_neutralised(run.stderr)
        assert "unknown career '␛]0;pwned␇'" in run.stderr
        assert "salary" not in run.stderr
        assert ".␛[2J: Extra inputs are not permitted" in run.stderr

    def test_load_error_is_neutralised(self, tmp_path: Path) -> None:
        """The one-line error of a broken file quotes its data safely."""
        text = json.dumps(raw_catalogue(), ensure_ascii=False)
        text = text.replace('"id": "influencer",', '"id": "influencer", "\\u001b[2J": 1, ', 1)
        text = text.replace(
            '"id": "influencer",', '"id": "influencer", "\\u009b": 1, "\\u009b": 2,'
        )
        path = tmp_path / "keys.json"
        path.write_text(text, encoding="utf-8")
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert "\ufffd" in run.stderr  # the duplicate key, named
        assert_neutralised(run.stderr)


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


class TestEchoedQueries:
    """A user's words quoted in an error are neutralised and kept short."""

    def test_escape_sequence_in_a_career_name(self) -> None:
        run = invoke(["show", "\x1b[31mred"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches '␛[31mred'"
        assert "\x1b" not in run.stderr + run.stdout

    def test_c1_and_bidi_in_a_career_name(self) -> None:
        run = invoke(["show", "zz\x9b31m\u202eyy\x9d"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches 'zz\ufffd31myy\ufffd'"
        assert raw_controls(run.stderr) == set()

    def test_title_sequence_in_a_skill(self) -> None:
        run = invoke(["match", "-s", "qq\x1b]0;pwned\x07"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no skill matches 'qq␛]0;pwned␇'"
        assert raw_controls(run.stderr) == set()

    def test_in_compare(self) -> None:
        run = invoke(["compare", "influencer", "zz\x1b[2J"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches 'zz␛[2J'"

    def test_same_career_twice(self) -> None:
        """Both words are quoted in the 'same career' error, neutralised."""
        run = invoke(["compare", "influencer", "influencer\x1b[8m"])
        assert run.exit_code == 2
        assert run.stderr == (
            "error: 'influencer' and 'influencer␛[8m' are both influencer; name different careers\n"
        )

    def test_found_skill_echoes_the_word_safely(self) -> None:
        """`match` shows the word that found each skill: neutralised too."""
        run = ok(invoke(["match", "-s", "analytics\u202e"]))
        # the override is dropped from the echo; analytics adds ln(1 + 7/3) = 1.20
        assert "Data analysis +1.20 ← analytics" in run.stdout
        assert raw_controls(run.stdout) == set()
        assert run.stderr == ""  # without the override it is the alias "analytics": no guess

    def test_long_query_is_cut_to_60_characters(self) -> None:
        run = invoke(["show", "q" * 200])  # the longest name taken (longer is a usage error)
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches '" + "q" * 59 + "…'"

    def test_newline_in_a_query_stays_on_one_line(self) -> None:
        run = invoke(["show", "zz\nerror: fake\r\n"])
        assert run.exit_code == 1
        assert run.stderr.splitlines()[0] == "error: no career matches 'zz error: fake␍'"

    def test_data_path_with_escape_and_several_problems(self, tmp_path: Path) -> None:
        """The '... plus N problems not shown' hint repeats the path: neutralised like the error."""
        data = raw_catalogue()
        data["careers"][0]["title"]["en"] = ""
        data["careers"][1]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "red\x1b[31m.json", data)
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert len(run.stderr.splitlines()) == 2
        assert "red␛[31m.json" in run.stderr.splitlines()[1]
        assert "\x1b" not in run.stderr


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


class TestMoreMalformedFiles:
    """Cases tests/test_loader.py does not have (it has empty, blank, number at the top, ...)."""

    def test_file_over_the_size_limit(self, tmp_path: Path) -> None:
        """The limit and one byte: refused before it is read as JSON, quickly."""
        limit = catalogue_module.MAX_CATALOGUE_BYTES
        path = tmp_path / "huge.json"
        with path.open("wb") as stream:
            stream.truncate(limit + 1)  # sparse: costs no disk space
        started = time.perf_counter()
        run = invoke(["list", "--data", str(path)])
        elapsed = time.perf_counter() - started
        assert run.exit_code == 3, run.stderr
        message = f"larger than the {limit // MIB} MiB a catalogue may have"
        assert run.stderr == f"error: {path}: {message}\n"
        assert elapsed < 5.0, elapsed

    def test_file_over_the_size_limit_in_validate(self, tmp_path: Path) -> None:
        limit = catalogue_module.MAX_CATALOGUE_BYTES
        path = tmp_path / "huge.json"
        with path.open("wb") as stream:
            stream.truncate(limit + 1)
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        assert run.stderr.splitlines() == [
            f"{path}: 1 problem",
            f"  {path}: larger than the {limit // MIB} MiB a catalogue may have",
        ]

    def test_file_of_exactly_the_limit_is_read(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The limit itself is allowed: a file of exactly the limit (2 MiB here) of spaces is
        read (and is then blank), one more byte is refused."""
        monkeypatch.setattr(catalogue_module, "MAX_CATALOGUE_BYTES", 2 * MIB)
        path = tmp_path / "limit.json"
        path.write_bytes(b" " * (2 * MIB))
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert run.stderr == f"error: {path}: is empty; a catalogue is a JSON object\n"
        path.write_bytes(b" " * (2 * MIB + 1))
        run = invoke(["list", "--data", str(path)])
        assert run.stderr == f"error: {path}: larger than the 2 MiB a catalogue may have\n"

    def test_path_through_a_file(self, tmp_path: Path) -> None:
        """A path that treats a file as a folder cannot be read; said so, even as root."""
        (tmp_path / "file").write_text("{}", encoding="utf-8")
        path = tmp_path / "file" / "careers.json"
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert run.stderr == f"error: {path}: cannot be read (Not a directory)\n"

    def test_boolean_at_the_top(self, tmp_path: Path) -> None:
        path = tmp_path / "careers.json"
        path.write_text("true\n", encoding="utf-8")
        run = invoke(["list", "--data", str(path)])
        assert run.exit_code == 3
        assert run.stderr == f"error: {path}: the top level must be a JSON object, not boolean\n"

    def test_integer_too_long_to_convert(self, tmp_path: Path) -> None:
        """A 5,000-digit number (over Python's int conversion limit) is a bad file, not a crash."""
        path = tmp_path / "careers.json"
        path.write_text('{"schema_version": ' + "1" * 5_000 + "}", encoding="utf-8")
        for args in (["list", "--data", str(path)], ["validate", str(path)]):
            run = invoke(args)
            assert run.exit_code == 3, run.stderr
            assert "Traceback" not in run.stderr
            assert "unexpected error" not in run.stderr
            assert str(path) in run.stderr

    def test_control_characters_in_the_file_name(self, tmp_path: Path) -> None:
        """validate of a missing file with ESC in its name: the name is neutralised."""
        path = tmp_path / "a\x1b]0;x\x07b.json"
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        shown = str(tmp_path) + "/a␛]0;x␇b.json"
        assert run.stderr.splitlines() == [f"{shown}: 1 problem", f"  {shown}: no such file"]

    def test_newline_in_the_file_name(self, tmp_path: Path) -> None:
        """validate keeps its shape, heading then one line per problem, for a name with a
        newline (as the one-line error of the other commands does, with ␤)."""
        path = tmp_path / "two\nlines.json"
        run = invoke(["validate", str(path)])
        assert run.exit_code == 3
        lines = run.stderr.splitlines()
        assert len(lines) == 2, lines
        assert lines[0].endswith(": 1 problem")
        assert lines[1].startswith("  ") and lines[1].endswith(": no such file")
