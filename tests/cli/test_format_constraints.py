"""Every constraint of the catalogue format (catalogue/entries.py), broken once at its edge."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import TEST_DATA, Run, invoke, raw_catalogue, write_catalogue
from tests.support.format_constraints import (
    BLANK,
    EXTRA,
    NOT_AN_ID,
    REQUIRED,
    longer,
    too_few,
    too_many,
    unknown,
    used_earlier,
)

FORMAT_1 = TEST_DATA / "careers-format-1.json"


INVALID_CATALOGUE = 3


Change = Callable[[dict[str, Any]], None]


Place = tuple[str | int, ...]


def _parent(data: Any, path: Place) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def put(path: Place, value: Any) -> Change:
    """Set the value at `path`."""

    def change(data: dict[str, Any]) -> None:
        _parent(data, path)[path[-1]] = copy.deepcopy(value)

    return change


def remove(path: Place) -> Change:
    """Drop the key at `path`."""

    def change(data: dict[str, Any]) -> None:
        del _parent(data, path)[path[-1]]

    return change


def resize(path: Place, length: int) -> Change:
    """Make the list at `path` `length` items long: cut it, or repeat its items."""

    def change(data: dict[str, Any]) -> None:
        items = _parent(data, path)[path[-1]]
        _parent(data, path)[path[-1]] = (items * length)[:length]

    return change


def fill(path: Place, item: Any, length: int) -> Change:
    """Make the list at `path` `length` copies of `item`."""
    return put(path, [item] * length)


def append_copy(collection: str) -> Change:
    """Add a copy of the collection's first record at its end: the same id twice."""

    def change(data: dict[str, Any]) -> None:
        data[collection].append(copy.deepcopy(data[collection][0]))

    return change


def both(*changes: Change) -> Change:
    def change(data: dict[str, Any]) -> None:
        for one in changes:
            one(data)

    return change


@dataclass(frozen=True)
class Case:
    """One change, and the problem lines `careers validate` prints for it (none: valid)."""

    change: Change
    problems: tuple[str, ...] = ()
    then: str = ""
    """Text that every further problem holds: what the one change leaves dangling."""


def refused(change: Change, *problems: str, then: str = "") -> Case:
    return Case(change, problems, then)


def valid(change: Change) -> Case:
    return Case(change)


# Places as `careers validate` names them: a record by its index and id, then the field path.
MANAGER = "careers[0] (id 'social-media-manager')"


OCCUPATION = f"{MANAGER}.occupations[0]"


ANALYTICS = "skills[0] (id 'analytics')"


FACEBOOK = "platforms[0] (id 'facebook')"


INTRODUCTION = "sections[0] (id 'introduction')"


FIRST_TREND = "trends[0] (id 'ai-and-data-analysis')"


FIRST_TIP = "tips[0] (id 'learn-analytics-and-tools')"


VERSIONS = "Input should be 1 or 2"


def _english_only(data: dict[str, Any], but_one: bool = False) -> None:
    """Drop every Arabic text (but the first career's title, if `but_one`)."""
    from careers_cli.catalogue.validation import texts_of

    for _, text in texts_of(data):
        text.pop("ar", None)
        if "en" not in text:
            text["en"] = "English"
    if but_one:
        data["careers"][0]["title"]["ar"] = "مدير"


def not_matching(pattern: str) -> str:
    return f"String should match pattern '{pattern}'"


ISCO = not_matching("^[0-9]{4}$")


URI = not_matching(r"^https?://\S+$")


URI_500 = "https://example.org/" + "a" * (500 - len("https://example.org/"))


# id, one past the edge (refused), and where there is one, exactly at the edge (valid).
CASES: list[tuple[str, Case, Case | None]] = [
    # --- ids: a slug of at most 80 characters ---------------------------------------------
    (
        "id of 81 characters",
        refused(
            put(("sections", 0, "id"), "a" * 81),
            f"sections[0] (id '{'a' * 81}').id: {longer(80)}",
        ),
        valid(put(("sections", 0, "id"), "a" * 80)),
    ),
    (
        "id with a capital letter",
        refused(
            put(("sections", 0, "id"), "Introduction"),
            f"sections[0] (id 'Introduction').id: {NOT_AN_ID}",
        ),
        valid(put(("sections", 0, "id"), "a")),
    ),
    (
        "id with two hyphens in a row",
        refused(
            put(("sections", 0, "id"), "intro--duction"),
            f"sections[0] (id 'intro--duction').id: {NOT_AN_ID}",
        ),
        valid(put(("sections", 0, "id"), "intro-duction-2")),
    ),
    (
        "id starting with a hyphen",
        refused(put(("sections", 0, "id"), "-intro"), f"sections[0] (id '-intro').id: {NOT_AN_ID}"),
        valid(put(("sections", 0, "id"), "7")),
    ),
    (
        "id ending with a hyphen",
        refused(put(("sections", 0, "id"), "intro-"), f"sections[0] (id 'intro-').id: {NOT_AN_ID}"),
        None,
    ),
    (
        "id with an underscore",
        refused(
            put(("sections", 0, "id"), "intro_duction"),
            f"sections[0] (id 'intro_duction').id: {NOT_AN_ID}",
        ),
        None,
    ),
    (
        "empty id",
        refused(put(("sections", 0, "id"), ""), f"sections[0] (id '').id: {NOT_AN_ID}"),
        None,
    ),
    # --- labels: at most 200 characters, counted as characters -----------------------------
    (
        "English title of 201 characters",
        refused(
            put(("careers", 0, "title", "en"), "T" * 201), f"{MANAGER}.title.en: {longer(200)}"
        ),
        valid(put(("careers", 0, "title", "en"), "T" * 200)),
    ),
    (
        "Arabic title of 201 characters",
        refused(
            put(("careers", 0, "title", "ar"), "م" * 201), f"{MANAGER}.title.ar: {longer(200)}"
        ),
        valid(put(("careers", 0, "title", "ar"), "م" * 200)),
    ),
    (
        "source of 201 characters",
        refused(put(("source",), "s" * 201), f"source: {longer(200)}"),
        valid(put(("source",), "s" * 200)),
    ),
    (
        "alias of 201 characters",
        refused(
            put(("skills", 0, "aliases", "en", 0), "a" * 201),
            f"{ANALYTICS}.aliases.en[0]: {longer(200)}",
        ),
        valid(put(("skills", 0, "aliases", "en", 0), "a" * 200)),
    ),
    (
        "occupation basis of 201 characters",
        refused(
            put(("careers", 0, "occupations", 0, "basis"), "b" * 201),
            f"{OCCUPATION}.basis: {longer(200)}",
        ),
        valid(put(("careers", 0, "occupations", 0, "basis"), "b" * 200)),
    ),
    # --- texts: at most 20,000 characters -------------------------------------------------
    (
        "description of 20,001 characters",
        refused(
            put(("careers", 0, "description", "en"), "d" * 20_001),
            f"{MANAGER}.description.en: {longer(20000)}",
        ),
        valid(put(("careers", 0, "description", "en"), "d" * 20_000)),
    ),
    (
        "paragraph of 20,001 characters",
        refused(
            put(("sections", 0, "paragraphs", 0, "ar"), "ف" * 20_001),
            f"{INTRODUCTION}.paragraphs[0].ar: {longer(20000)}",
        ),
        valid(put(("sections", 0, "paragraphs", 0, "ar"), "ف" * 20_000)),
    ),
    # --- no blank text --------------------------------------------------------------------
    (
        "empty title",
        refused(put(("careers", 0, "title", "en"), ""), f"{MANAGER}.title.en: {BLANK}"),
        valid(put(("careers", 0, "title", "en"), "x")),
    ),
    (
        "description of only white space",
        refused(
            put(("careers", 0, "description", "ar"), " \n\t "), f"{MANAGER}.description.ar: {BLANK}"
        ),
        valid(put(("careers", 0, "description", "ar"), " \n. \t")),
    ),
    (
        "blank responsibility",
        refused(
            put(("careers", 0, "responsibilities", 0, "en"), "   "),
            f"{MANAGER}.responsibilities[0].en: {BLANK}",
        ),
        None,
    ),
    (
        "blank alias",
        refused(put(("skills", 0, "aliases", "ar", 0), ""), f"{ANALYTICS}.aliases.ar[0]: {BLANK}"),
        None,
    ),
    (
        "blank source",
        refused(put(("source",), " "), f"source: {BLANK}"),
        valid(put(("source",), None)),
    ),
    # --- lists of at least one ------------------------------------------------------------
    (
        "a required-skill line without skills",
        refused(
            put(("careers", 0, "required_skills", 0, "skills"), []),
            f"{MANAGER}.required_skills[0].skills: {too_few()}",
        ),
        # format 2: a career may list no responsibilities and no skills
        valid(
            both(
                put(("careers", 0, "responsibilities"), []),
                put(("careers", 0, "required_skills"), []),
            )
        ),
    ),
    (
        "a required-skill line tagged with no skill",
        refused(
            put(("careers", 0, "required_skills", 0, "skills"), []),
            f"{MANAGER}.required_skills[0].skills: {too_few()}",
        ),
        valid(resize(("careers", 0, "required_skills", 0, "skills"), 1)),
    ),
    (
        "a section with no paragraph",
        refused(put(("sections", 0, "paragraphs"), []), f"{INTRODUCTION}.paragraphs: {too_few()}"),
        valid(resize(("sections", 0, "paragraphs"), 1)),
    ),
    (
        "no careers",
        # The trends and tips name careers that are gone.
        refused(put(("careers",), []), f"careers: {too_few()}", then="unknown career '"),
        None,
    ),
    (
        "no skills",
        # Every required-skill line names a skill that is gone.
        refused(put(("skills",), []), f"skills: {too_few()}", then="unknown skill '"),
        None,
    ),
    # --- lists of at most MAX_ITEMS (500) -------------------------------------------------
    (
        "501 responsibilities",
        refused(
            resize(("careers", 0, "responsibilities"), 501),
            f"{MANAGER}.responsibilities: {too_many(500)}",
        ),
        valid(resize(("careers", 0, "responsibilities"), 500)),
    ),
    (
        "501 platforms of a career",
        refused(
            fill(("careers", 0, "platforms"), "facebook", 501),
            f"{MANAGER}.platforms: {too_many(500)}",
        ),
        valid(fill(("careers", 0, "platforms"), "facebook", 500)),
    ),
    (
        "501 occupations",
        refused(
            resize(("careers", 0, "occupations"), 501), f"{MANAGER}.occupations: {too_many(500)}"
        ),
        valid(resize(("careers", 0, "occupations"), 500)),
    ),
    (
        "501 paragraphs",
        refused(
            resize(("sections", 0, "paragraphs"), 501),
            f"{INTRODUCTION}.paragraphs: {too_many(500)}",
        ),
        valid(resize(("sections", 0, "paragraphs"), 500)),
    ),
    # --- lists of at most MAX_LINKS (1,500) -----------------------------------------------
    (
        "1,501 required-skill lines",
        refused(
            resize(("careers", 0, "required_skills"), 1501),
            f"{MANAGER}.required_skills: {too_many(1500)}",
        ),
        valid(resize(("careers", 0, "required_skills"), 1500)),
    ),
    (
        "1,501 skills on one line",
        refused(
            fill(("careers", 0, "required_skills", 0, "skills"), "analytics", 1501),
            f"{MANAGER}.required_skills[0].skills: {too_many(1500)}",
        ),
        valid(fill(("careers", 0, "required_skills", 0, "skills"), "analytics", 1500)),
    ),
    (
        "1,501 careers of a trend",
        refused(
            fill(("trends", 0, "careers"), "influencer", 1501),
            f"{FIRST_TREND}.careers: {too_many(1500)}",
        ),
        valid(fill(("trends", 0, "careers"), "influencer", 1500)),
    ),
    (
        "1,501 skills of a trend",
        refused(
            fill(("trends", 0, "skills"), "analytics", 1501),
            f"{FIRST_TREND}.skills: {too_many(1500)}",
        ),
        valid(fill(("trends", 0, "skills"), "analytics", 1500)),
    ),
    (
        "1,501 platforms of a trend",
        refused(
            fill(("trends", 0, "platforms"), "facebook", 1501),
            f"{FIRST_TREND}.platforms: {too_many(1500)}",
        ),
        valid(fill(("trends", 0, "platforms"), "facebook", 1500)),
    ),
    (
        "1,501 careers of a tip",
        refused(
            fill(("tips", 0, "careers"), "influencer", 1501),
            f"{FIRST_TIP}.careers: {too_many(1500)}",
        ),
        valid(fill(("tips", 0, "careers"), "influencer", 1500)),
    ),
    # --- aliases: at most MAX_ALIASES (600) per language ----------------------------------
    (
        "601 English aliases",
        refused(
            fill(("skills", 0, "aliases", "en"), "metric", 601),
            f"{ANALYTICS}.aliases.en: {too_many(600)}",
        ),
        valid(fill(("skills", 0, "aliases", "en"), "metric", 600)),
    ),
    (
        "601 Arabic aliases",
        refused(
            fill(("skills", 0, "aliases", "ar"), "مقياس", 601),
            f"{ANALYTICS}.aliases.ar: {too_many(600)}",
        ),
        valid(fill(("skills", 0, "aliases", "ar"), "مقياس", 600)),
    ),
    # --- an occupation: ISCO-08 code, URI, match, scheme ----------------------------------
    (
        "ISCO-08 code of 3 digits",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "243"), f"{OCCUPATION}.isco_08: {ISCO}"
        ),
        valid(put(("careers", 0, "occupations", 0, "isco_08"), "0000")),
    ),
    (
        "ISCO-08 code of 5 digits",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "24321"),
            f"{OCCUPATION}.isco_08: {ISCO}",
        ),
        valid(put(("careers", 0, "occupations", 0, "isco_08"), "9999")),
    ),
    (
        "ISCO-08 code with a letter",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "243a"),
            f"{OCCUPATION}.isco_08: {ISCO}",
        ),
        None,
    ),
    (
        "ISCO-08 code in Arabic-Indic digits",
        refused(
            put(("careers", 0, "occupations", 0, "isco_08"), "٢٤٣٢"),
            f"{OCCUPATION}.isco_08: {ISCO}",
        ),
        None,
    ),
    (
        "URI of 501 characters",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), URI_500 + "a"),
            f"{OCCUPATION}.uri: {longer(500)}",
        ),
        valid(put(("careers", 0, "occupations", 0, "uri"), URI_500)),
    ),
    (
        "URI with nothing after the scheme",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), "https://"), f"{OCCUPATION}.uri: {URI}"
        ),
        valid(put(("careers", 0, "occupations", 0, "uri"), "http://a")),
    ),
    (
        "URI of another scheme",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), "ftp://example.org/x"),
            f"{OCCUPATION}.uri: {URI}",
        ),
        None,
    ),
    (
        "URI with a space",
        refused(
            put(("careers", 0, "occupations", 0, "uri"), "https://example.org/a b"),
            f"{OCCUPATION}.uri: {URI}",
        ),
        None,
    ),
    (
        "match that is not one of the three",
        refused(
            put(("careers", 0, "occupations", 0, "match"), "partial"),
            f"{OCCUPATION}.match: Input should be 'exact', 'close' or 'approximate'",
        ),
        valid(put(("careers", 0, "occupations", 0, "match"), "approximate")),
    ),
    (
        "match in capitals",
        refused(
            put(("careers", 0, "occupations", 0, "match"), "Exact"),
            f"{OCCUPATION}.match: Input should be 'exact', 'close' or 'approximate'",
        ),
        valid(put(("careers", 0, "occupations", 0, "match"), "exact")),
    ),
    (
        "scheme other than ESCO",
        refused(
            put(("careers", 0, "occupations", 0, "scheme"), "ISCO"),
            f"{OCCUPATION}.scheme: Input should be 'ESCO'",
        ),
        valid(remove(("careers", 0, "occupations", 0, "scheme"))),
    ),
    # --- a platform's kind ----------------------------------------------------------------
    (
        "kind that is neither platform nor tool",
        refused(
            put(("platforms", 0, "kind"), "app"),
            f"{FACEBOOK}.kind: Input should be 'platform' or 'tool'",
        ),
        valid(put(("platforms", 0, "kind"), "tool")),
    ),
    # --- schema_version: the JSON integer 1 or 2 ------------------------------------------
    (
        "schema_version 3",
        refused(put(("schema_version",), 3), f"schema_version: {VERSIONS}"),
        valid(put(("schema_version",), 2)),
    ),
    (
        "schema_version 0",
        refused(put(("schema_version",), 0), f"schema_version: {VERSIONS}"),
        None,
    ),
    (
        "schema_version as a string",
        refused(put(("schema_version",), "2"), f"schema_version: {VERSIONS}"),
        None,
    ),
    (
        "schema_version 2.0",
        refused(put(("schema_version",), 2.0), f"schema_version: {VERSIONS}"),
        None,
    ),
    (
        "schema_version true",
        refused(put(("schema_version",), True), f"schema_version: {VERSIONS}"),
        None,
    ),
    # --- languages: en, ar or both, each once; every text in one of them -------------------
    (
        "no languages",
        refused(remove(("languages",)), f"languages: {REQUIRED}"),
        valid(put(("languages",), ["ar", "en"])),
    ),
    (
        "an empty list of languages",
        refused(put(("languages",), []), f"languages: {too_few()}"),
        None,
    ),
    (
        "a language not in the format",
        refused(put(("languages",), ["en", "fr"]), "languages[1]: Input should be 'en' or 'ar'"),
        None,
    ),
    (
        "a language twice",
        refused(put(("languages",), ["en", "en"]), "languages: a language is listed twice"),
        None,
    ),
    (
        "Arabic text in an English catalogue",
        refused(
            both(put(("languages",), ["en"]), lambda data: _english_only(data, but_one=True)),
            f"{MANAGER}.title.ar: text in 'ar', which is not one of the catalogue's languages",
        ),
        valid(both(put(("languages",), ["en"]), _english_only)),
    ),
    (
        "a title in no language",
        refused(
            put(("careers", 0, "title"), {}),
            f"{MANAGER}.title: text needs at least one language: en or ar",
        ),
        valid(remove(("careers", 0, "title", "en"))),
    ),
    (
        "a description in no language",
        refused(
            put(("careers", 0, "description"), {"en": None, "ar": None}),
            f"{MANAGER}.description: text needs at least one language: en or ar",
        ),
        valid(put(("careers", 0, "description", "ar"), None)),
    ),
    # --- format 2's new fields --------------------------------------------------------------
    (
        "importance neither essential nor optional",
        refused(
            put(("careers", 0, "required_skills", 0, "importance"), "nice"),
            f"{MANAGER}.required_skills[0].importance: Input should be 'essential' or 'optional'",
        ),
        valid(put(("careers", 0, "required_skills", 0, "importance"), "optional")),
    ),
    (
        "601 alternative titles",
        refused(
            put(("careers", 0, "alt_titles"), {"en": ["community lead"] * 601}),
            f"{MANAGER}.alt_titles.en: {too_many(600)}",
        ),
        valid(put(("careers", 0, "alt_titles"), {"ar": ["مدير"] * 600})),
    ),
    (
        "an Arabic occupation label of 201 characters",
        refused(
            put(("careers", 0, "occupations", 0, "label_ar"), "م" * 201),
            f"{OCCUPATION}.label_ar: {longer(200)}",
        ),
        valid(remove(("careers", 0, "occupations", 0, "isco_08"))),
    ),
    (
        "a required-skill line without text or skills",
        refused(
            put(("careers", 0, "required_skills", 0), {"importance": "essential"}),
            f"{MANAGER}.required_skills[0].skills: {REQUIRED}",
        ),
        valid(remove(("careers", 0, "required_skills", 0, "text"))),
    ),
    (
        "no schema_version",
        refused(remove(("schema_version",)), f"schema_version: {REQUIRED}"),
        None,
    ),
    # --- no field beyond the format's -----------------------------------------------------
    ("unknown top-level field", refused(put(("version",), 1), f"version: {EXTRA}"), None),
    (
        "unknown career field",
        refused(put(("careers", 0, "salary"), "high"), f"{MANAGER}.salary: {EXTRA}"),
        None,
    ),
    (
        "a third language",
        refused(put(("careers", 0, "title", "fr"), "Gestionnaire"), f"{MANAGER}.title.fr: {EXTRA}"),
        None,
    ),
    (
        "unknown occupation field",
        refused(
            put(("careers", 0, "occupations", 0, "notes"), "x"), f"{OCCUPATION}.notes: {EXTRA}"
        ),
        None,
    ),
    (
        "aliases in a third language",
        refused(put(("skills", 0, "aliases", "fr"), []), f"{ANALYTICS}.aliases.fr: {EXTRA}"),
        None,
    ),
    # --- required fields ------------------------------------------------------------------
    ("no catalogue title", refused(remove(("title",)), f"title: {REQUIRED}"), None),
    (
        "no description",
        refused(remove(("careers", 0, "description")), f"{MANAGER}.description: {REQUIRED}"),
        None,
    ),
    (
        "no skill label",
        refused(remove(("skills", 0, "label")), f"{ANALYTICS}.label: {REQUIRED}"),
        None,
    ),
    (
        "no occupation basis",
        refused(
            remove(("careers", 0, "occupations", 0, "basis")), f"{OCCUPATION}.basis: {REQUIRED}"
        ),
        None,
    ),
    # --- ids unique within their collection -----------------------------------------------
    (
        "a career id twice",
        refused(
            append_copy("careers"),
            f"careers[7] (id 'social-media-manager').id: {used_earlier('social-media-manager')}",
        ),
        # Unique within a collection: a platform may share a skill's id.
        valid(both(append_copy("platforms"), put(("platforms", 7, "id"), "analytics"))),
    ),
    (
        "a skill id twice",
        refused(
            append_copy("skills"), f"skills[25] (id 'analytics').id: {used_earlier('analytics')}"
        ),
        None,
    ),
    (
        "a platform id twice",
        refused(
            append_copy("platforms"), f"platforms[7] (id 'facebook').id: {used_earlier('facebook')}"
        ),
        None,
    ),
    (
        "a trend id twice",
        refused(
            append_copy("trends"),
            f"trends[5] (id 'ai-and-data-analysis').id: {used_earlier('ai-and-data-analysis')}",
        ),
        None,
    ),
    (
        "a tip id twice",
        refused(
            append_copy("tips"),
            "tips[5] (id 'learn-analytics-and-tools').id: "
            + used_earlier("learn-analytics-and-tools"),
        ),
        None,
    ),
    (
        "a section id twice",
        refused(
            append_copy("sections"),
            f"sections[7] (id 'introduction').id: {used_earlier('introduction')}",
        ),
        None,
    ),
    # --- references to records that exist, of the kind named ------------------------------
    (
        "a required skill that is not in the vocabulary",
        refused(
            put(("careers", 0, "required_skills", 0, "skills", 0), "telepathy"),
            f"{MANAGER}.required_skills[0].skills[0]: {unknown('skill', 'telepathy')}",
        ),
        None,
    ),
    (
        "a career's id where a skill belongs",
        refused(
            put(("careers", 0, "required_skills", 0, "skills", 0), "influencer"),
            f"{MANAGER}.required_skills[0].skills[0]: {unknown('skill', 'influencer')}",
        ),
        None,
    ),
    (
        "a career's platform that is not listed",
        refused(
            put(("careers", 0, "platforms", 0), "myspace"),
            f"{MANAGER}.platforms[0]: {unknown('platform', 'myspace')}",
        ),
        None,
    ),
    (
        "a trend's career that does not exist",
        refused(
            put(("trends", 0, "careers", 0), "astronaut"),
            f"{FIRST_TREND}.careers[0]: {unknown('career', 'astronaut')}",
        ),
        None,
    ),
    (
        "a trend's skill that does not exist",
        refused(
            put(("trends", 0, "skills", 1), "telepathy"),
            f"{FIRST_TREND}.skills[1]: {unknown('skill', 'telepathy')}",
        ),
        None,
    ),
    (
        "a tip's platform that does not exist",
        refused(
            put(("tips", 0, "platforms", 1), "myspace"),
            f"{FIRST_TIP}.platforms[1]: {unknown('platform', 'myspace')}",
        ),
        None,
    ),
]


REFUSED = [pytest.param(case, id=name) for name, case, _ in CASES]


AT_THE_EDGE = [pytest.param(edge, id=name) for name, _, edge in CASES if edge is not None]


def validate(tmp_path: Path, change: Change) -> tuple[Path, Run]:
    data = raw_catalogue()
    change(data)
    path = write_catalogue(tmp_path / "careers.json", data)
    return path, invoke(["validate", str(path), "--limit", "all"])


@pytest.mark.parametrize("case", REFUSED)
def test_one_past_the_edge_is_refused_with_its_problem(tmp_path: Path, case: Case) -> None:
    path, run = validate(tmp_path, case.change)
    assert run.exit_code == INVALID_CATALOGUE, (run.stdout, run.stderr)
    assert run.stdout == ""
    heading, *lines = run.stderr.splitlines()
    count = len(lines)
    assert heading == f"{path}: {count} problem{'' if count == 1 else 's'}"
    assert all(line.startswith("  ") for line in lines), run.stderr
    problems = [line[2:] for line in lines]
    if not case.then:
        assert problems == list(case.problems)
    else:
        assert problems[: len(case.problems)] == list(case.problems)
        rest = problems[len(case.problems) :]
        assert rest, "the change should leave references dangling"
        assert all(case.then in problem for problem in rest), rest


@pytest.mark.parametrize("case", AT_THE_EDGE)
def test_at_the_edge_is_valid(tmp_path: Path, case: Case) -> None:
    path, run = validate(tmp_path, case.change)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(f"{path}: valid: ")
    assert run.stderr == ""


FORMAT_1_CASES = [
    pytest.param(
        put(("careers", 0, "title", "ar"), None),
        f"{MANAGER}.title.ar: {REQUIRED}",
        id="no Arabic title",
    ),
    pytest.param(
        remove(("careers", 0, "responsibilities", 0, "en")),
        f"{MANAGER}.responsibilities[0].en: {REQUIRED}",
        id="a responsibility without English",
    ),
    pytest.param(
        put(("careers", 0, "responsibilities"), []),
        f"{MANAGER}.responsibilities: {too_few()}",
        id="no responsibilities",
    ),
    pytest.param(
        remove(("careers", 0, "required_skills")),
        f"{MANAGER}.required_skills: {REQUIRED}",
        id="no required skills",
    ),
    pytest.param(
        remove(("careers", 0, "required_skills", 1, "text")),
        f"{MANAGER}.required_skills[1].text: {REQUIRED}",
        id="a line without text",
    ),
    pytest.param(
        remove(("careers", 0, "occupations", 0, "isco_08")),
        f"{OCCUPATION}.isco_08: {REQUIRED}",
        id="an occupation without ISCO-08",
    ),
    pytest.param(
        put(("languages",), ["en", "ar"]),
        "languages: 'languages' is a field of format 2: set schema_version to 2 to use it",
        id="languages",
    ),
    pytest.param(
        put(("careers", 0, "alt_titles"), {"en": ["community lead"]}),
        f"{MANAGER}.alt_titles: 'alt_titles' is a field of format 2: set schema_version to 2 "
        "to use it",
        id="alternative titles",
    ),
    pytest.param(
        put(("careers", 0, "required_skills", 0, "importance"), "essential"),
        f"{MANAGER}.required_skills[0].importance: 'importance' is a field of format 2: set "
        "schema_version to 2 to use it",
        id="importance",
    ),
    pytest.param(
        put(("careers", 0, "occupations", 0, "label_ar"), "مدير"),
        f"{OCCUPATION}.label_ar: 'label_ar' is a field of format 2: set schema_version to 2 "
        "to use it",
        id="an Arabic occupation label",
    ),
]


@pytest.mark.parametrize(("change", "problem"), FORMAT_1_CASES)
def test_format_1_keeps_its_rules(tmp_path: Path, change: Change, problem: str) -> None:
    """A format-1 file is held to format 1: both languages everywhere, ... (tests/data has the
    built-in catalogue as it was in format 1)."""
    data = json.loads(FORMAT_1.read_text(encoding="utf-8"))
    path = write_catalogue(tmp_path / "careers.json", data)
    assert invoke(["validate", str(path)]).exit_code == 0
    change(data)
    write_catalogue(path, data)
    run = invoke(["validate", str(path)])
    assert run.exit_code == INVALID_CATALOGUE, run.stdout
    assert run.stderr.splitlines() == [f"{path}: 1 problem", f"  {problem}"]
