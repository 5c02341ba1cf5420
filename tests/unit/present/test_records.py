"""`careers_cli.present.data`: the exact data behind `--format json`, `csv` and `markdown`.

A record's `document()` is the JSON shape (both languages) and `rows()` the flat CSV rows (the
chosen language, lists joined with "; "). Expected values are written out by hand from
data/careers.json. Documents hold tuples where the catalogue's records do; the JSON writer
writes tuples and lists alike as arrays.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from careers_cli.catalogue.domain import catalogue_from_data
from careers_cli.index.memory import MemoryIndex
from careers_cli.present.data import explore as explore_records
from careers_cli.present.data import matching as matching_records
from careers_cli.present.data import parts as parts_records
from careers_cli.rules.search import compare_careers, rank_by_skills, skill_page, skill_wanted
from careers_cli.text.language import Language
from tests.helpers import MANAGER_SKILL_IDS, raw_catalogue


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return MemoryIndex(catalogue_from_data(raw_catalogue()))


def types_of(value: dict[str, Any]) -> dict[str, type]:
    return {key: type(item) for key, item in value.items()}


class TestCareerList:
    def test_document_of_the_first_career(self, index: MemoryIndex) -> None:
        document = explore_records.career_list(index.careers(), "en").document()
        assert len(document) == 7
        assert document[0] == {
            "id": "social-media-manager",
            "title": {"en": "Social Media Manager", "ar": "مدير وسائل التواصل الاجتماعي"},
            "summary": {
                "en": "A social media manager is responsible for planning and carrying out"
                " digital marketing strategies across the various social media platforms,"
                " such as Facebook, Twitter, Instagram, LinkedIn and others.",
                "ar": "مدير وسائل التواصل الاجتماعي هو المسؤول عن تخطيط وتنفيذ استراتيجيات"
                " التسويق الرقمي عبر منصات التواصل الاجتماعي المختلفة مثل فيسبوك، تويتر،"
                " إنستغرام، لينكد إن، وغيرها.",
            },
            "skills": MANAGER_SKILL_IDS,
        }

    def test_the_document_does_not_depend_on_the_language(self, index: MemoryIndex) -> None:
        english = explore_records.career_list(index.careers(), "en").document()
        assert explore_records.career_list(index.careers(), "ar").document() == english

    def test_english_row_with_skills_once_each(self, index: MemoryIndex) -> None:
        # social-media-data-analyst tags analytics on two lines: it is listed once.
        rows = explore_records.career_list(index.careers(), "en").rows()
        assert rows[4] == {
            "id": "social-media-data-analyst",
            "title": "Social Media Data Analyst",
            "summary": "A data analyst uses data analysis tools to understand how marketing"
            " campaigns perform on social media.",
            "skills": "analytics; social-media-tools; reporting; market-research; strategy",
        }

    def test_arabic_row(self, index: MemoryIndex) -> None:
        assert explore_records.career_list(index.careers(), "ar").rows()[0] == {
            "id": "social-media-manager",
            "title": "مدير وسائل التواصل الاجتماعي",
            "summary": "مدير وسائل التواصل الاجتماعي هو المسؤول عن تخطيط وتنفيذ استراتيجيات"
            " التسويق الرقمي عبر منصات التواصل الاجتماعي المختلفة مثل فيسبوك، تويتر،"
            " إنستغرام، لينكد إن، وغيرها.",
            "skills": "; ".join(MANAGER_SKILL_IDS),
        }

    def test_markdown_rows_are_the_csv_rows_when_nothing_is_a_fallback(
        self, index: MemoryIndex
    ) -> None:
        listed = explore_records.career_list(index.careers(), "ar")
        assert listed.markdown_rows is not None
        assert listed.markdown_rows() == listed.rows()

    def test_markdown_marks_a_fallback_and_csv_does_not(self, index: MemoryIndex) -> None:
        """A title missing in Arabic shows the English one: marked `[en]` in Markdown (for
        people), as it is in CSV (for scripts, whose JSON says null)."""
        catalogue = index.catalogue
        first = catalogue.careers[0]
        untranslated = first._replace(title=first.title._replace(ar=""))
        partial = MemoryIndex(catalogue._replace(careers=(untranslated, *catalogue.careers[1:])))
        listed = explore_records.career_list(partial.careers(), "ar")
        assert listed.rows()[0]["title"] == "Social Media Manager"
        assert listed.markdown_rows is not None
        assert listed.markdown_rows()[0]["title"] == "Social Media Manager [en]"
        assert listed.markdown_rows()[1] == listed.rows()[1]
        assert listed.document()[0]["title"] == {"en": "Social Media Manager", "ar": None}


# influencer: content-creation, creativity, communication, relationship-building, marketing,
# credibility. digital-content-creator: written-communication, content-creation, creativity,
# video-editing, audience-understanding. Shared first, then the order of first mention.
COMPARED = [
    ("content-creation", True, True),
    ("creativity", True, True),
    ("communication", True, False),
    ("relationship-building", True, False),
    ("marketing", True, False),
    ("credibility", True, False),
    ("written-communication", False, True),
    ("video-editing", False, True),
    ("audience-understanding", False, True),
]


class TestComparison:
    @staticmethod
    def compared(index: MemoryIndex, language: Language = "en") -> parts_records.Records:
        careers = [index.careers_by_id[c] for c in ("influencer", "digital-content-creator")]
        return explore_records.comparison(index, compare_careers(careers), language)

    def test_document(self, index: MemoryIndex) -> None:
        document = self.compared(index).document()
        assert list(document) == ["careers", "skills", "shared_skills", "similarity"]
        assert [list(career) for career in document["careers"]] == [
            ["id", "title", "summary", "skills", "platforms"]
        ] * 2
        assert [c["id"] for c in document["careers"]] == ["influencer", "digital-content-creator"]
        assert document["careers"][0]["platforms"] == ()
        assert document["skills"][0] == {
            "id": "content-creation",
            "label": {"en": "Content creation", "ar": "إنشاء المحتوى"},
            "present": {"influencer": True, "digital-content-creator": True},
            "importance": {"influencer": "essential", "digital-content-creator": "essential"},
        }
        assert [
            (s["id"], s["present"]["influencer"], s["present"]["digital-content-creator"])
            for s in document["skills"]
        ] == COMPARED
        assert document["shared_skills"] == ["content-creation", "creativity"]
        assert document["similarity"] == 2 / 9

    def test_rows_say_yes_and_no(self, index: MemoryIndex) -> None:
        rows = self.compared(index).rows()
        assert rows[2] == {
            "skill": "communication",
            "label": "Communication",
            "influencer": "yes",
            "digital-content-creator": "no",
        }
        yes_no = {True: "yes", False: "no"}
        assert [(r["skill"], r["influencer"], r["digital-content-creator"]) for r in rows] == [
            (skill, yes_no[a], yes_no[b]) for skill, a, b in COMPARED
        ]

    def test_arabic_csv_keeps_yes_and_no_and_markdown_says_them_in_arabic(
        self, index: MemoryIndex
    ) -> None:
        result = self.compared(index, "ar")
        assert result.rows()[2] == {
            "skill": "communication",
            "label": "التواصل",
            "influencer": "yes",
            "digital-content-creator": "no",
        }
        assert result.markdown_rows is not None
        markdown = result.markdown_rows()
        assert markdown[2] == {
            "skill": "communication",
            "label": "التواصل",
            "influencer": "نعم",
            "digital-content-creator": "لا",
        }
        assert {r["influencer"] for r in markdown} | {
            r["digital-content-creator"] for r in markdown
        } == {"نعم", "لا"}


class TestMatchResults:
    """-s analytics: 1 of the analyst's 5 essential skills, of the specialist's 6, of the
    manager's 7."""

    @staticmethod
    def matched(index: MemoryIndex, language: Language = "en") -> parts_records.Records:
        wanted = [skill_wanted(index.skills_by_id["analytics"], "metrics")]
        return matching_records.match_results(rank_by_skills(index, wanted), language)

    def test_document(self, index: MemoryIndex) -> None:
        document = self.matched(index).document()
        # analytics is needed by 3 of the 7 careers: each scores ln(1 + 7/3), one rank; the
        # analyst, where it is 1 of 5 essential skills, first.
        assert [(m["rank"], m["id"]) for m in document] == [
            (1, "social-media-data-analyst"),
            (1, "social-media-marketing-specialist"),
            (1, "social-media-manager"),
        ]
        assert document[0] == {
            "rank": 1,
            "id": "social-media-data-analyst",
            "title": {
                "en": "Social Media Data Analyst",
                "ar": "محلل بيانات وسائل التواصل الاجتماعي",
            },
            "score": {
                "value": round(math.log(1 + 7 / 3), 2),
                "matched": 1,
                "optional": 0,
                "asked": 1,
                "centrality": 0.5,
            },
            "has_all": True,
            "matched": [
                {
                    "skill": "analytics",
                    "kind": "skill",
                    "label": {"en": "Data analysis", "ar": "تحليل البيانات"},
                    "query": "metrics",
                    "family_of": None,
                    "by_words": False,
                    "importance": "essential",
                    "careers": 3,
                    "specificity": round(math.log(1 + 7 / 3), 4),
                    "weight": round(math.log(1 + 7 / 3), 4),
                }
            ],
            "missing": ["social-media-tools", "reporting", "market-research", "strategy"],
            "missing_optional": [],
        }
        assert [types_of(m["score"]) for m in document] == [
            {"value": float, "matched": int, "optional": int, "asked": int, "centrality": float}
        ] * 3

    def test_rows_are_text(self, index: MemoryIndex) -> None:
        rows = self.matched(index).rows()
        assert rows[0] == {
            "rank": "1",
            "id": "social-media-data-analyst",
            "title": "Social Media Data Analyst",
            "score": f"{math.log(1 + 7 / 3):.2f}",
            "matched": "1",
            "asked": "1",
            "centrality": "0.50",
            "has": "analytics",
            "found_by": "metrics",
            "to_learn": "social-media-tools; reporting; market-research; strategy",
            "to_learn_optional": "",
        }
        assert [(r["rank"], r["centrality"]) for r in rows] == [
            ("1", "0.50"),
            ("1", "0.25"),
            ("1", "0.25"),
        ]
        assert self.matched(index, "ar").rows()[0]["title"] == "محلل بيانات وسائل التواصل الاجتماعي"

    def test_nothing_matched_is_an_empty_list(self, index: MemoryIndex) -> None:
        empty = matching_records.match_results([], "en")
        assert (empty.document(), empty.rows()) == ([], [])


class TestSkillList:
    def test_document_keys_and_types(self, index: MemoryIndex) -> None:
        document = explore_records.skill_list(
            index, sorted(index.skills(), key=lambda s: s.id), "en"
        ).document()
        assert len(document) == 25
        keys = ("id", "label", "aliases", "description", "careers")
        assert {tuple(s) for s in document} == {keys}
        for skill in document:
            assert types_of(skill) == {
                "id": str,
                "label": dict,
                "aliases": dict,
                "description": type(None),  # the built-in catalogue describes no skill
                "careers": list,
            }
            assert list(skill["aliases"]) == ["en", "ar"]
            assert all(isinstance(a, list) for a in skill["aliases"].values())
        assert [s["id"] for s in document] == sorted(s["id"] for s in document)

    def test_first_row(self, index: MemoryIndex) -> None:
        assert explore_records.skill_list(index, skill_page(index, None).items, "en").rows()[0] == {
            "id": "analytics",
            "label": "Data analysis",
            "aliases": "analytics; data analysis; data analytics; metrics; insights;"
            " performance analysis; measurement; kpis; interpreting data",
            "description": "",
            "careers": "social-media-manager; social-media-marketing-specialist;"
            " social-media-data-analyst",
        }


class TestNoteList:
    def test_document_keys_and_types(self, index: MemoryIndex) -> None:
        document = explore_records.note_list(index.catalogue.trends, "en").document()
        assert [n["id"] for n in document] == [
            "ai-and-data-analysis",
            "visual-and-interactive-content",
            "virtual-and-augmented-reality",
            "social-commerce",
            "security-and-privacy",
        ]
        for note in document:
            assert types_of(note) == {
                "id": str,
                "title": dict,
                "text": dict,
                "careers": tuple,
                "skills": tuple,
                "platforms": tuple,
            }

    def test_row_with_platforms(self, index: MemoryIndex) -> None:
        assert explore_records.note_list(index.catalogue.trends, "en").rows()[3] == {
            "id": "social-commerce",
            "title": "E-commerce through social media",
            "text": "E-commerce will keep growing through social media platforms, with direct"
            " purchasing features offered inside apps such as Instagram and Shopify.",
            "careers": "social-media-marketing-specialist; influencer",
            "skills": "marketing; social-media-advertising",
            "platforms": "instagram; shopify",
        }
        rows = explore_records.note_list(index.catalogue.tips, "ar").rows()
        assert {tuple(r) for r in rows} == {
            ("id", "title", "text", "careers", "skills", "platforms")
        }
        assert all(isinstance(v, str) for r in rows for v in r.values())
