"""The program's own words exist in both languages and take the same values."""

from __future__ import annotations

import re
import string

import pytest

from careers_cli.i18n.messages import Alternatives, Count, labels, message, message_templates
from tests.helpers import REPO


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
        for path in (REPO / "src" / "careers_cli").rglob("*.py")
        if path.name != "messages.py"
        for match in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "no message keys found in the code"
    assert used - keys == set()


@pytest.mark.parametrize(
    ("count", "english", "arabic"),
    [
        (0, "0 problems", "0 مشكلات"),
        (1, "1 problem", "مشكلة واحدة"),
        (2, "2 problems", "مشكلتان"),
        (3, "3 problems", "3 مشكلات"),
        (10, "10 problems", "10 مشكلات"),
        (11, "11 problems", "11 مشكلة"),
        (99, "99 problems", "99 مشكلة"),
        (100, "100 problems", "100 مشكلة"),
        (102, "102 problems", "102 مشكلة"),
        (103, "103 problems", "103 مشكلات"),
        (111, "111 problems", "111 مشكلة"),
    ],
)
def test_a_count_takes_the_form_its_number_needs(count: int, english: str, arabic: str) -> None:
    """Arabic: the singular after 1 (with "one" after it), the dual alone for 2, the plural
    after 0 and 3 to 10 (also 103 to 110, ...), the singular after any other number."""
    assert f"{Count(count):en:problem}" == english
    assert f"{Count(count):ar:problem}" == arabic


def test_one_agrees_with_the_gender_of_its_noun() -> None:
    assert f"{Count(1):ar:trend}" == "توجه واحد"
    assert f"{Count(1):ar:tip}" == "نصيحة واحدة"


def test_messages_count_their_integers() -> None:
    path = "my.json"
    counts = {"careers": 1, "skills": 2, "trends": 3, "tips": 11}
    assert message("validate.ok", "en", path=path, **counts) == (
        "my.json: valid: 1 career, 2 skills, 3 trends, 11 tips"
    )
    assert message("validate.ok", "ar", path=path, **counts) == (
        "my.json: صالح: مهنة واحدة، مهارتان، 3 توجهات، 11 نصيحة"
    )


@pytest.mark.parametrize(
    ("values", "english", "arabic"),
    [
        (["1"], "1", "1"),
        (["'a'", "'b'"], "'a' or 'b'", "'a' أو 'b'"),
        (["'a'", "'b'", "'c'"], "'a', 'b' or 'c'", "'a' أو 'b' أو 'c'"),
    ],
)
def test_alternatives_are_joined_as_each_language_joins_them(
    values: list[str], english: str, arabic: str
) -> None:
    assert f"{Alternatives(values):en}" == english
    assert f"{Alternatives(values):ar}" == arabic


# Keys the code builds from data: a Pydantic error type, an occupation's match, a platform's kind.
# Keys a lookup builds from its subject ("career", "skill", "note.trends", "note.tips") and the
# kind of answer: names.py's f"{lookup.subject}.not_found" and its kin.
_BUILT_KEYS = re.compile(
    r"problem\.\w+|match\.(exact|close|approximate)|kind\.(platform|tool)"
    r"|(career|skill|section|note\.trends|note\.tips)\.(not_found|did_you_mean|ambiguous|empty_query)"
    r"|note\.(trends|tips)\.none"
)


def test_every_message_and_label_is_used() -> None:
    """A key no code names is dead text that still has to be kept in two languages."""
    code = "".join(
        path.read_text(encoding="utf-8")
        for path in (REPO / "src" / "careers_cli").rglob("*.py")
        if path.name != "messages.py"
    )
    unused = [
        key
        for key in [*message_templates(), *labels()]
        if f'"{key}"' not in code and f"'{key}'" not in code and not _BUILT_KEYS.fullmatch(key)
    ]
    assert unused == []
