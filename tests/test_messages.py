"""The program's own words exist in both languages and take the same values."""

from __future__ import annotations

import re
import string

import pytest

from careers_cli.messages import labels, message_templates
from tests.conftest import REPO


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(("key", "templates"), sorted(message_templates().items()))
def test_message_has_both_languages_with_the_same_fields(
    key: str, templates: tuple[str, str]
) -> None:
    english, arabic = templates
    assert english.strip(), key
    assert arabic.strip(), key
    assert _fields(english) == _fields(arabic), key


@pytest.mark.parametrize(("key", "texts"), sorted(labels().items()))
def test_label_has_both_languages(key: str, texts: tuple[str, str]) -> None:
    english, arabic = texts
    assert english.strip(), key
    assert arabic.strip(), key


def test_every_message_key_in_the_code_exists() -> None:
    """A misspelt key would turn a user's error into an internal one."""
    keys = set(message_templates())
    prefixes = {key.split(".")[0] for key in keys}
    pattern = re.compile(rf'"((?:{"|".join(sorted(prefixes))})\.[a-z_]+)"')
    used = {
        match
        for path in (REPO / "src" / "careers_cli").glob("*.py")
        if path.name != "messages.py"
        for match in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "no message keys found in the code"
    assert used - keys == set()
