"""Property-based tests: any text in the catalogue, any text as an argument.

(1) Random Unicode (controls, bidi controls and markup included) put into a field of a copy of
the shipped catalogue: `list`, `show` and `match` never crash, exit 0-3, and print no ESC, no C1
control and no bidi embedding/override/isolate; JSON gives the text back unchanged.
(2) Random text as the argument of `show`, `match -s` or `compare`: exit 0-2, no traceback,
nothing raw, and each call takes under a second (queries up to 10,000 characters).
(3) Random values in reference lists: the reference checks report exactly the unknown ids that a
walk over every reference finds, with the same places.

How many examples each test draws is the Hypothesis profile's (tests/properties/conftest.py).
The CLI runs in-process (CliRunner): no subprocess per example.
"""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from tests.helpers import BIDI_CONTROLS, Run, invoke, raw_catalogue, raw_controls

_BASE: dict[str, Any] = raw_catalogue()


QUERY_SECONDS = 1.0


ERROR_PREFIXES = ("error: ", "خطأ: ")


# Pieces an attacker would use, so that random text often contains whole sequences.
FRAGMENTS = [
    "\x1b[31m",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1bP+q\x1b\\",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\x7f",
    "\x00",
    "\r",
    "\n",
    "\t",
    *BIDI_CONTROLS,
    "\u200f",
    "[bold]",
    "[/]",
    "[/bold]",
    "[link=x]",
    ":smile:",
    "مؤثر",
    "تحليل",
    "analytics",
    "influencer",
    " ",
]


_controls = st.sampled_from(
    [*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)), *BIDI_CONTROLS, "\u200f", "[", "]"]
)


_interesting = st.one_of(st.sampled_from(FRAGMENTS), _controls)


hostile_text = st.one_of(
    st.text(),
    st.text(alphabet=st.one_of(st.characters(codec="utf-8"), _controls)),
    st.lists(st.one_of(_interesting, st.text(max_size=3)), max_size=12).map("".join),
)


long_text = st.builds(
    lambda piece, times: (piece * times)[:10_000],
    st.one_of(st.text(min_size=1, max_size=12), _interesting),
    st.integers(min_value=100, max_value=10_000),
)


query_text = st.one_of(hostile_text, long_text)


def terminal_controls(text: str) -> set[str]:
    """ESC, C1 controls and bidi controls: what the issue forbids in every output."""
    return {ch for ch in text if ch == "\x1b" or 0x80 <= ord(ch) <= 0x9F or ch in BIDI_CONTROLS}


def assert_safe(run: Run, statuses: set[int], *, table: bool = True) -> None:
    """Exit status, no traceback, and nothing raw: in tables (and messages) no control at all
    but newline and tab; in JSON no ESC, C1 or bidi control (DEL: see tests/test_hostile.py)."""
    assert run.exit_code in statuses, (run.exit_code, run.stdout[-300:], run.stderr[-300:])
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    assert "unexpected error" not in run.stderr
    assert "\x1b" not in output
    assert terminal_controls(output) == set(), sorted(terminal_controls(output))
    if table:
        assert raw_controls(output) == set(), sorted(raw_controls(output))


# Where the text goes: a path into the catalogue, and the language that shows it.
FIELDS: dict[str, tuple[tuple[str | int, ...], str]] = {
    "title-en": (("careers", 5, "title", "en"), "en"),
    "title-ar": (("careers", 5, "title", "ar"), "ar"),
    "description-en": (("careers", 5, "description", "en"), "en"),
    "description-ar": (("careers", 5, "description", "ar"), "ar"),
    "responsibility": (("careers", 5, "responsibilities", 0, "en"), "en"),
    "required-skill-line": (("careers", 5, "required_skills", 0, "text", "ar"), "ar"),
    "skill-label": (("skills", 0, "label", "en"), "en"),
    "skill-alias": (("skills", 0, "aliases", "en", 0), "en"),
    "trend-title": (("trends", 1, "title", "en"), "en"),
    "platform-name": (("platforms", 0, "name", "en"), "en"),
}


assert _BASE["careers"][5]["id"] == "influencer"


assert _BASE["skills"][0]["id"] == "analytics"


assert "influencer" in _BASE["trends"][1]["careers"]


def with_text(path: tuple[str | int, ...], value: str) -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    node: Any = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


@pytest.fixture(scope="module")
def catalogue_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file, rewritten by each example (function-scoped tmp_path is not reset by them)."""
    return tmp_path_factory.mktemp("properties") / "careers.json"


@given(field=st.sampled_from(sorted(FIELDS)), value=hostile_text)
def test_any_catalogue_text_is_shown_safely(catalogue_file: Path, field: str, value: str) -> None:
    path, language = FIELDS[field]
    catalogue_file.write_text(
        json.dumps(with_text(path, value), ensure_ascii=False), encoding="utf-8"
    )
    data = ["--data", str(catalogue_file), "--lang", language]
    runs = [
        invoke(["list", *data]),
        invoke(["show", "influencer", *data]),
        invoke(["match", "-s", "analytics", "-s", "communication", *data]),
        invoke(["compare", "influencer", "social-media-data-analyst", *data]),
    ]
    for run in runs:
        assert_safe(run, {0, 1, 2, 3})
    loaded = {run.exit_code != 3 for run in runs}
    assert len(loaded) == 1, [run.exit_code for run in runs]  # all load the file, or none
    if not value.strip():  # blank text is refused, wherever it is
        assert loaded == {False}
    if loaded == {False}:
        assert not value.strip() or len(value) > 200  # the two rules a string can break
        assert all(run.stderr.startswith(ERROR_PREFIXES) for run in runs)
        assert all(run.stdout == "" for run in runs)
    else:
        assert runs[0].exit_code == runs[1].exit_code == 0  # list, and show by id, work
        assert "influencer" in runs[0].stdout


@given(field=st.sampled_from(["title-en", "title-ar", "description-en", "responsibility"]),
       value=hostile_text.filter(lambda v: bool(v.strip()) and len(v) <= 200))  # fmt: skip
def test_json_gives_back_any_catalogue_text(catalogue_file: Path, field: str, value: str) -> None:
    path, _ = FIELDS[field]
    catalogue_file.write_text(
        json.dumps(with_text(path, value), ensure_ascii=False), encoding="utf-8"
    )
    run = invoke(["show", "influencer", "-f", "json", "--data", str(catalogue_file)])
    assert_safe(run, {0}, table=False)
    document = json.loads(run.stdout)
    node: Any = {"careers": {5: document}}
    for step in path:
        node = node[step]
    assert node == value


SHAPES = {
    "show": lambda q: ["show", q],
    "match": lambda q: ["match", "-s", q],
    "match-second": lambda q: ["match", "-s", "analytics", "-s", q],
    "compare-first": lambda q: ["compare", q, "influencer"],
    "compare-second": lambda q: ["compare", "influencer", q],
    "show-ar": lambda q: ["show", q, "--lang", "ar"],
}


@given(shape=st.sampled_from(sorted(SHAPES)), query=query_text)
def test_any_argument_gets_an_answer(shape: str, query: str) -> None:
    args: list[str] = SHAPES[shape](query)
    started = time.perf_counter()
    run = invoke(args)
    elapsed = time.perf_counter() - started
    assert_safe(run, {0, 1, 2})
    if run.exit_code:
        first = run.stderr.splitlines()[0]
        assert first.startswith((*ERROR_PREFIXES, "Usage: ")), run.stderr
        if not query.startswith("-"):  # a query is echoed cut to 60 characters (an unknown
            assert len(first) < 200, first  # option is named whole, by the option parser)
    else:
        assert run.stdout.strip()
    assert elapsed < QUERY_SECONDS, (elapsed, len(query))


@given(first=query_text, second=query_text)
def test_any_two_skills_or_careers(first: str, second: str) -> None:
    for args in (["match", "-s", first, "-s", second, "--all"], ["compare", first, second]):
        started = time.perf_counter()
        run = invoke(args)
        elapsed = time.perf_counter() - started
        assert_safe(run, {0, 1, 2})
        assert elapsed < QUERY_SECONDS, (elapsed, len(first), len(second))


_SKILL_IDS = [skill["id"] for skill in _BASE["skills"]]


_CAREER_IDS = [career["id"] for career in _BASE["careers"]]


# What a hand-edited file may hold where a list of ids belongs: ids, unknown ids, other values.
reference_value = st.one_of(
    st.sampled_from([*_SKILL_IDS, *_CAREER_IDS]),
    st.text(max_size=4),
    st.integers(),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


reference_list = st.one_of(st.lists(reference_value, max_size=5), reference_value)


def _unknown_references(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Every string in a reference list that names no record of its kind, with its place,
    found by visiting each reference in turn."""
    from careers_cli.catalogue.validation import REFERENCES

    known = {
        name: {r["id"] for r in data[name] if isinstance(r, dict) and isinstance(r.get("id"), str)}
        for name in ("careers", "skills", "platforms")
    }
    found = []
    for collection, path, target in REFERENCES:
        for index, record in enumerate(data[collection]):
            places: list[tuple[Any, tuple[Any, ...]]] = [(record, (collection, index))]
            for step in path:
                if step == "*":
                    places = [
                        (item, (*loc, i))
                        for node, loc in places
                        if isinstance(node, list)
                        for i, item in enumerate(node)
                    ]
                else:
                    places = [
                        (n.get(step), (*loc, step)) for n, loc in places if isinstance(n, dict)
                    ]
            for node, loc in places:
                if isinstance(node, list):
                    found += [
                        ((*loc, i), ref)
                        for i, ref in enumerate(node)
                        if isinstance(ref, str) and ref not in known[target]
                    ]
    return found


@given(
    career_lists=st.dictionaries(
        st.tuples(st.integers(0, len(_CAREER_IDS) - 1), st.integers(0, 3)), reference_list
    ),
    tip_lists=st.dictionaries(st.integers(0, len(_BASE["tips"]) - 1), reference_list),
)
def test_reference_checks_report_what_a_walk_over_every_reference_finds(
    career_lists: dict[tuple[int, int], Any], tip_lists: dict[int, Any]
) -> None:
    from careers_cli.catalogue.validation import cross_record_problems

    data = copy.deepcopy(_BASE)
    for (career, line), refs in career_lists.items():
        lines = data["careers"][career]["required_skills"]
        lines[line % len(lines)]["skills"] = refs
    for tip, refs in tip_lists.items():
        data["tips"][tip]["careers"] = refs
    reported = [
        (tuple(problem["loc"]), problem["input"])
        for problem in cross_record_problems(data)
        if isinstance(kind := problem["type"], PydanticCustomError)
        and kind.type.startswith("unknown_")
    ]
    assert sorted(reported, key=repr) == sorted(_unknown_references(data), key=repr)
