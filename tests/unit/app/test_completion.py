"""Shell completion: what `careers` answers, how each shell's script reads it, and real shells."""

from __future__ import annotations

import re
import shutil

import pytest

from careers_cli.app.completion import SHELLS, completion_script, quote_for_bash, split_command_line


class TestSplitting:
    """The command line up to the cursor, split as the shell splits it."""

    @pytest.mark.parametrize(
        ("line", "words", "incomplete", "quote"),
        [
            ("careers show ", ["careers", "show"], "", None),
            ("careers show inf", ["careers", "show"], "inf", None),
            ('careers match -s "Aud', ["careers", "match", "-s"], "Aud", '"'),
            ("careers match -s 'Aud ien", ["careers", "match", "-s"], "Aud ien", "'"),
            ("careers match -s Aud\\ e", ["careers", "match", "-s"], "Aud e", None),
            ('careers -s "a b" c', ["careers", "-s", "a b"], "c", None),
            ('careers "a\\"b" ', ["careers", 'a"b'], "", None),
            ("careers 'a\\' ", ["careers", "a\\"], "", None),
            ("careers x\\", ["careers"], "x", None),
            ("", [], "", None),
        ],
    )
    def test_words_incomplete_and_open_quote(
        self, line: str, words: list[str], incomplete: str, quote: str | None
    ) -> None:
        assert split_command_line(line) == (words, incomplete, quote)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
class TestBashQuoting:
    """Each value, quoted for where it lands, is read back by bash as exactly that value."""

    def test_arabic_is_not_escaped(self) -> None:
        assert quote_for_bash("مدون فيديو", None) == "مدون\\ فيديو"


class TestScripts:
    """The installed scripts read the answer as data."""

    @pytest.mark.parametrize("shell", SHELLS)
    def test_no_script_evaluates_anything(self, shell: str) -> None:
        code = [line for line in completion_script(shell).splitlines() if "#" not in line[:2]]
        assert not any(re.search(r"\beval\b", line) for line in code)
        script = completion_script(shell)
        assert "_CAREERS_COMPLETE_LINE=" in script
        assert f"_CAREERS_COMPLETE={shell}" in script
