"""The shipped catalogue: the seven careers, verbatim Arabic from the source, and sound links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from careers_cli.catalogue.entries import (
    BilingualLabel,
    BilingualText,
    CareerEntry,
    LinkedNoteEntry,
)
from careers_cli.catalogue.format import CatalogueFile
from careers_cli.catalogue.reading import find_catalogue, load_catalogue
from careers_cli.text.normalise import normalise
from tests.helpers import DATA, REPO, SEED, SEVEN_IDS, raw_catalogue

SEVEN_PLATFORMS = {
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "google-analytics",
    "hootsuite",
    "shopify",
}


CROSSWALK = REPO / "tests" / "data" / "esco-crosswalk.md"


DUTIES_MARKER = "المهام والمسؤوليات:"


SKILLS_MARKER = "المهارات المطلوبة:"


TRENDS_HEADING = "التوجهات المستقبلية"


TIPS_HEADING_START = "نصائح للنجاح"


SUMMARY_HEADING = "الخلاصة"


CONCLUSION_HEADING = "الخاتمة"


STRUCTURAL_LINES = {DUTIES_MARKER, SKILLS_MARKER, "-"}


NUMBERED_HEADING = re.compile(r"^(\d+)\. (.+)$")


@pytest.fixture(scope="module")
def catalogue() -> CatalogueFile:
    """The shipped file, validated by the models (the program itself trusts it at run time)."""
    return CatalogueFile.model_validate_json(DATA.read_bytes())


def _both(text: BilingualText | BilingualLabel | None) -> tuple[str, str]:
    """A text of the built-in catalogue, which has every text in both languages."""
    assert text is not None and text.en is not None and text.ar is not None
    return text.en, text.ar


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = raw_catalogue()
    return data


@dataclass(frozen=True)
class SeedCareer:
    number: int
    title: str
    description: str
    skills: list[str]


@dataclass(frozen=True)
class Seed:
    lines: list[str]
    careers: list[SeedCareer]
    trends: list[str]
    tips: list[str]


def _index_of(lines: list[str], predicate_text: str, start: int = 0) -> int:
    for index in range(start, len(lines)):
        if lines[index].startswith(predicate_text):
            return index
    raise AssertionError(f"seed has no line starting with {predicate_text!r}")


def _dash_items(lines: list[str], start: int, end: int) -> list[str]:
    """The lines that follow a lone "-" line between `start` and `end`."""
    return [lines[i + 1] for i in range(start, end) if lines[i] == "-"]


def _parse_seed(text: str) -> Seed:
    lines = text.splitlines()
    headings = [i for i, line in enumerate(lines) if NUMBERED_HEADING.match(line)]
    conclusion = lines.index(CONCLUSION_HEADING)
    careers: list[SeedCareer] = []
    for position, start in enumerate(headings):
        end = headings[position + 1] if position + 1 < len(headings) else conclusion
        block = lines[start:end]
        match = NUMBERED_HEADING.match(block[0])
        assert match is not None
        description = block[block.index(DUTIES_MARKER) + 1]
        skills_at = block.index(SKILLS_MARKER)
        bullets = [line[2:] for line in block[skills_at + 1 :] if line.startswith("- ")]
        careers.append(SeedCareer(int(match[1]), match[2], description, bullets))
    trends_at = lines.index(TRENDS_HEADING)
    tips_at = _index_of(lines, TIPS_HEADING_START, trends_at)
    summary_at = lines.index(SUMMARY_HEADING)
    return Seed(
        lines=lines,
        careers=careers,
        trends=_dash_items(lines, trends_at, tips_at),
        tips=_dash_items(lines, tips_at, summary_at),
    )


@pytest.fixture(scope="module")
def seed() -> Seed:
    parsed = _parse_seed(SEED.read_text(encoding="utf-8"))
    # The parse itself must have found what the article has, or every comparison is vacuous.
    assert [c.number for c in parsed.careers] == [1, 2, 3, 4, 5, 6, 7]
    assert all(len(c.skills) == 4 for c in parsed.careers)
    assert len(parsed.trends) == 5
    assert len(parsed.tips) == 5
    return parsed


def _arabic_strings(node: Any) -> Iterator[str]:
    """Every Arabic string of the raw catalogue: values under "ar" keys, and lists of them."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "ar" and isinstance(value, str):
                yield value
            elif key == "ar" and isinstance(value, list):
                yield from (item for item in value if isinstance(item, str))
            else:
                yield from _arabic_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _arabic_strings(item)


def _note_line(note: LinkedNoteEntry) -> str:
    return f"{note.title.ar}: {note.text.ar}"


def _career(catalogue: CatalogueFile, career_id: str) -> CareerEntry:
    return next(c for c in catalogue.careers if c.id == career_id)


def test_the_seven_careers_in_source_order(catalogue: CatalogueFile) -> None:
    assert [career.id for career in catalogue.careers] == SEVEN_IDS


def test_the_built_in_catalogue_is_the_repository_file() -> None:
    source = find_catalogue(None)
    assert source.bundled
    assert source.path.read_bytes() == DATA.read_bytes()
    assert [c.id for c in load_catalogue(source).careers] == SEVEN_IDS


def test_the_file_is_valid_for_the_schema_alone() -> None:
    catalogue = CatalogueFile.model_validate_json(DATA.read_bytes())
    assert len(catalogue.careers) == 7


@pytest.mark.parametrize("career_id", SEVEN_IDS)
def test_each_career_has_four_bilingual_tagged_required_skills(
    catalogue: CatalogueFile, career_id: str
) -> None:
    career = _career(catalogue, career_id)
    known = {skill.id for skill in catalogue.skills}
    assert len(career.required_skills) == 4
    for line in career.required_skills:
        english, arabic = _both(line.text)
        assert english.strip()
        assert arabic.strip()
        assert len(line.skills) >= 1
        assert set(line.skills) <= known, f"{career_id}: unknown {set(line.skills) - known}"


def test_catalogue_title_is_the_seed_first_line(catalogue: CatalogueFile, seed: Seed) -> None:
    assert catalogue.title.ar == seed.lines[0]


@pytest.mark.parametrize("position", range(7), ids=SEVEN_IDS)
def test_career_title_is_the_seed_heading_without_its_number(
    catalogue: CatalogueFile, seed: Seed, position: int
) -> None:
    assert catalogue.careers[position].title.ar == seed.careers[position].title


@pytest.mark.parametrize("position", range(7), ids=SEVEN_IDS)
def test_career_description_is_the_seed_duties_paragraph(
    catalogue: CatalogueFile, seed: Seed, position: int
) -> None:
    assert catalogue.careers[position].description.ar == seed.careers[position].description


@pytest.mark.parametrize("position", range(7), ids=SEVEN_IDS)
def test_required_skills_are_the_seed_bullets_in_order(
    catalogue: CatalogueFile, seed: Seed, position: int
) -> None:
    texts = [_both(line.text)[1] for line in catalogue.careers[position].required_skills]
    assert texts == seed.careers[position].skills


@pytest.mark.parametrize("career_id", SEVEN_IDS)
def test_responsibilities_are_quoted_from_the_description(
    catalogue: CatalogueFile, career_id: str
) -> None:
    career = _career(catalogue, career_id)
    for duty in career.responsibilities:
        assert _both(duty)[1] in _both(career.description)[1], duty.ar


def test_trends_are_the_seed_trend_lines_in_order(catalogue: CatalogueFile, seed: Seed) -> None:
    assert [_note_line(trend) for trend in catalogue.trends] == seed.trends


def test_tips_are_the_seed_tip_lines_in_order(catalogue: CatalogueFile, seed: Seed) -> None:
    assert [_note_line(tip) for tip in catalogue.tips] == seed.tips


def test_section_paragraphs_and_headings_are_whole_seed_lines(
    catalogue: CatalogueFile, seed: Seed
) -> None:
    lines = set(seed.lines)
    assert catalogue.sections, "the catalogue has no prose sections"
    for section in catalogue.sections:
        if section.heading is not None:
            assert section.heading.ar in lines, f"{section.id}: heading not a seed line"
        if section.part is not None:
            assert section.part.ar in lines, f"{section.id}: part heading not a seed line"
        for paragraph in section.paragraphs:
            assert paragraph.ar in lines, f"{section.id}: paragraph not a seed line"


def test_every_seed_line_appears_in_the_catalogue(
    catalogue: CatalogueFile, raw: dict[str, Any], seed: Seed
) -> None:
    texts = [*_arabic_strings(raw), *map(_note_line, [*catalogue.trends, *catalogue.tips])]
    missing = []
    for line in seed.lines:
        if line in STRUCTURAL_LINES:
            continue
        heading = NUMBERED_HEADING.match(line)
        # Numbered headings are titles without their number; bullets lose their "- ".
        wanted = heading[2] if heading else line.removeprefix("- ")
        if not any(wanted in text for text in texts):
            missing.append(line)
    assert missing == []


def test_numbered_headings_are_present_only_without_their_number(
    raw: dict[str, Any], seed: Seed
) -> None:
    texts = list(_arabic_strings(raw))
    for career in seed.careers:
        numbered = f"{career.number}. {career.title}"
        assert career.title in texts
        assert not any(numbered in text for text in texts)


def test_the_seven_named_platforms(catalogue: CatalogueFile) -> None:
    assert {platform.id for platform in catalogue.platforms} == SEVEN_PLATFORMS
    assert len(catalogue.platforms) == len(SEVEN_PLATFORMS)


def test_every_platform_is_referenced(catalogue: CatalogueFile) -> None:
    referenced = {
        *(p for career in catalogue.careers for p in career.platforms),
        *(p for note in [*catalogue.trends, *catalogue.tips] for p in note.platforms),
    }
    assert referenced == SEVEN_PLATFORMS


def test_platform_arabic_names_are_in_the_seed(catalogue: CatalogueFile, seed: Seed) -> None:
    text = "\n".join(seed.lines)
    for platform in catalogue.platforms:
        assert _both(platform.name)[1] in text, platform.id


def test_platforms_named_in_a_description_are_linked_to_that_career(
    catalogue: CatalogueFile,
) -> None:
    manager = _career(catalogue, "social-media-manager")
    analyst = _career(catalogue, "social-media-data-analyst")
    assert set(manager.platforms) == {"facebook", "twitter", "instagram", "linkedin"}
    assert set(analyst.platforms) == {"google-analytics", "hootsuite"}


def test_skill_ids_are_unique(catalogue: CatalogueFile) -> None:
    ids = [skill.id for skill in catalogue.skills]
    assert len(ids) == len(set(ids))


def test_no_normalised_term_names_two_skills(catalogue: CatalogueFile) -> None:
    owners: dict[str, set[str]] = {}
    for skill in catalogue.skills:
        terms = [
            skill.id,
            *_both(skill.label),
            *skill.aliases.en,
            *skill.aliases.ar,
        ]
        for term in terms:
            owners.setdefault(normalise(term), set()).add(skill.id)
    clashes = {term: ids for term, ids in owners.items() if len(ids) > 1}
    assert clashes == {}
    assert "" not in owners, "a term normalises to nothing"


def test_analytics_is_found_by_its_usual_names(catalogue: CatalogueFile) -> None:
    analytics = next(skill for skill in catalogue.skills if skill.id == "analytics")
    assert {"data analysis", "metrics"} <= set(analytics.aliases.en)
    assert "تحليل البيانات" in {analytics.label.ar, *analytics.aliases.ar}


# Lines of different careers that ask for the same ability, read from the Arabic text.
SAME_ABILITY = {
    "analytics": [
        ("social-media-manager", 2),  # القدرة على تحليل البيانات واستخلاص الرؤى
        ("social-media-marketing-specialist", 1),  # القدرة على تحليل النتائج
        ("social-media-data-analyst", 0),  # معرفة عميقة بأدوات تحليل البيانات
        ("social-media-data-analyst", 1),  # القدرة على تفسير البيانات
    ],
    "communication": [
        ("social-media-manager", 0),  # مهارات التواصل الكتابي واللفظي
        ("social-media-pr-manager", 0),  # مهارات تواصل ممتازة
        ("influencer", 1),  # مهارات تواصل قوية
        ("online-community-manager", 0),  # مهارات تواصل قوية
    ],
    "relationship-building": [
        ("social-media-pr-manager", 0),  # وبناء العلاقات
        ("influencer", 1),  # وبناء العلاقات مع المتابعين
        ("online-community-manager", 0),  # وقدرة على بناء العلاقات
    ],
    "content-creation": [
        ("social-media-manager", 3),  # في إنشاء المحتوى الجذاب
        ("influencer", 0),  # القدرة على إنشاء محتوى جذاب وجديد
    ],
    "creativity": [
        ("social-media-manager", 3),  # الإبداع والابتكار
        ("digital-content-creator", 0),  # كتابة ... إبداعية
        ("digital-content-creator", 3),  # توليد أفكار جديدة
    ],
    "audience-understanding": [
        ("social-media-marketing-specialist", 0),  # استهداف الجمهور بدقة
        ("digital-content-creator", 2),  # فهم جيد للجمهور المستهدف
    ],
    "marketing": [
        ("social-media-marketing-specialist", 2),  # أساليب التسويق الرقمي
        ("influencer", 2),  # أساليب التسويق والترويج
    ],
    "written-communication": [
        ("social-media-manager", 0),  # التواصل الكتابي
        ("digital-content-creator", 0),  # مهارات كتابة
        ("social-media-pr-manager", 2),  # كتابة البيانات الصحفية
    ],
    "social-media-tools": [
        ("social-media-data-analyst", 0),  # Google Analytics، و Hootsuite
        ("social-media-pr-manager", 3),  # أدوات مراقبة وتحليل السمعة
        ("online-community-manager", 2),  # أدوات إدارة المجتمعات
    ],
}


@pytest.mark.parametrize("skill_id", sorted(SAME_ABILITY))
def test_the_same_ability_gets_the_same_skill_id_across_careers(
    catalogue: CatalogueFile, skill_id: str
) -> None:
    for career_id, line_index in SAME_ABILITY[skill_id]:
        line = _career(catalogue, career_id).required_skills[line_index]
        assert skill_id in line.skills, f"{career_id} line {line_index}: {line.text}"


@pytest.mark.parametrize("kind", ["trends", "tips"])
def test_five_notes_each_linked_to_careers_and_skills(catalogue: CatalogueFile, kind: str) -> None:
    notes: list[LinkedNoteEntry] = list(getattr(catalogue, kind))
    careers = {career.id for career in catalogue.careers}
    skills = {skill.id for skill in catalogue.skills}
    platforms = {platform.id for platform in catalogue.platforms}
    assert len(notes) == 5
    assert len({note.id for note in notes}) == 5
    for note in notes:
        assert note.careers, f"{note.id} concerns no career"
        assert note.skills, f"{note.id} concerns no skill"
        assert set(note.careers) <= careers, note.id
        assert set(note.skills) <= skills, note.id
        assert set(note.platforms) <= platforms, note.id


def test_notes_naming_platforms_are_linked_to_them(catalogue: CatalogueFile) -> None:
    commerce = next(t for t in catalogue.trends if t.id == "social-commerce")
    tools = next(t for t in catalogue.tips if t.id == "learn-analytics-and-tools")
    assert set(commerce.platforms) == {"instagram", "shopify"}
    assert set(tools.platforms) == {"google-analytics", "hootsuite"}


Occupation = tuple[str, str, str]  # (uri, isco_08, label)


@pytest.fixture(scope="module")
def crosswalk() -> dict[str, set[Occupation]]:
    rows: dict[str, set[Occupation]] = {}
    for line in CROSSWALK.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not cells[3].startswith("http"):
            continue
        career, label, isco, uri, _why = cells
        career_id = re.sub(r"\s*\(also\)$", "", career).lower().replace(" ", "-")
        label = re.sub(r"\s*\(.*\)$", "", label)
        rows.setdefault(career_id, set()).add((uri, isco, label))
    assert set(rows) == set(SEVEN_IDS), "the crosswalk table was not parsed"
    return rows


@pytest.mark.parametrize("career_id", SEVEN_IDS)
def test_occupations_come_from_the_crosswalk(
    catalogue: CatalogueFile, crosswalk: dict[str, set[Occupation]], career_id: str
) -> None:
    career = _career(catalogue, career_id)
    found = {(o.uri, o.isco_08, o.label) for o in career.occupations}
    assert len(career.occupations) >= 1
    assert found <= crosswalk[career_id]


@pytest.mark.parametrize("career_id", SEVEN_IDS)
def test_every_crosswalk_row_is_in_the_catalogue(
    catalogue: CatalogueFile, crosswalk: dict[str, set[Occupation]], career_id: str
) -> None:
    career = _career(catalogue, career_id)
    assert {(o.uri, o.isco_08, o.label) for o in career.occupations} == crosswalk[career_id]


def test_influencer_match_is_approximate(catalogue: CatalogueFile) -> None:
    assert [o.match for o in _career(catalogue, "influencer").occupations] == ["approximate"]


def test_online_community_manager_match_is_exact(catalogue: CatalogueFile) -> None:
    occupations = _career(catalogue, "online-community-manager").occupations
    assert [o.match for o in occupations] == ["exact"]


def test_the_format_is_2_in_both_languages(catalogue: CatalogueFile, raw: dict[str, Any]) -> None:
    assert catalogue.schema_version == 2
    assert raw["schema_version"] == 2
    assert raw["languages"] == ["en", "ar"]


def test_every_text_is_in_both_languages(raw: dict[str, Any]) -> None:
    """Format 2 allows a text in one language; the built-in catalogue keeps both, everywhere."""
    from careers_cli.catalogue.validation import texts_of

    texts = list(texts_of(raw))
    assert len(texts) > 100
    incomplete = [loc for loc, text in texts if not (text.get("en") and text.get("ar"))]
    assert incomplete == []


def _object_schemas(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "CatalogueFile", schema
    definitions: dict[str, dict[str, Any]] = schema.get("$defs", {})
    yield from definitions.items()


def test_json_schema_forbids_unknown_fields() -> None:
    schema = CatalogueFile.model_json_schema()
    models = [(name, s) for name, s in _object_schemas(schema) if s.get("type") == "object"]
    names = {name for name, _ in models}
    assert {"CatalogueFile", "CareerEntry", "SkillEntry", "BilingualText"} <= names
    assert "OccupationMatchEntry" in names
    for name, model_schema in models:
        assert model_schema.get("additionalProperties") is False, name
