"""Corrected English translations in data/careers.json: this pins the corrections, so they cannot
silently revert.

Each row is (path into the catalogue, Arabic, corrected English). The Arabic is the article's own
text, copied verbatim, and must not change; the English must be the corrected translation of it.
A path step that is a string, taken on a list, picks the item with that id (careers, trends).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import SEED, raw_catalogue

FieldPath = tuple[str | int, ...]


CORRECTIONS: list[tuple[FieldPath, str, str]] = [
    # "has a large number of followers": having, not building.
    (
        ("careers", "influencer", "responsibilities", 0),
        "يمتلك عدد كبير من المتابعين على وسائل التواصل الاجتماعي",
        "Has a large number of followers on social media",
    ),
    (
        ("careers", "influencer", "responsibilities", 1),
        "يستخدم منصته للترويج للمنتجات والخدمات",
        "Uses their platform to promote products and services",
    ),
    (
        ("careers", "influencer", "responsibilities", 2),
        "التأثير في قرارات شراء متابعيه",
        "Influences their followers' buying decisions",
    ),
    # The analyst's list opens with a finite verb ("uses"); the rest follow that form.
    (
        ("careers", "social-media-data-analyst", "responsibilities", 0),
        "يستخدم أدوات تحليل البيانات لفهم أداء الحملات التسويقية على وسائل التواصل الاجتماعي",
        "Uses data analysis tools to understand how marketing campaigns perform on social media",
    ),
    (
        ("careers", "social-media-data-analyst", "responsibilities", 1),
        "جمع البيانات وتحليلها",
        "Collects and analyses the data",
    ),
    (
        ("careers", "social-media-data-analyst", "responsibilities", 2),
        "تقديم تقارير دقيقة تساعد الفرق الأخرى على اتخاذ قرارات مستنيرة",
        "Delivers accurate reports that help other teams make informed decisions",
    ),
    # The content creator's duty is whole: the things it creates stay under their verb.
    (
        ("careers", "digital-content-creator", "responsibilities", 0),
        "يبدعون النصوص، الصور، الفيديوهات، والرسوم البيانية التي تُنشر على وسائل التواصل الاجتماعي",
        "Create the texts, images, videos and infographics published on social media",
    ),
    # The campaigns' results are those of the campaigns in the same duty.
    (
        ("careers", "social-media-marketing-specialist", "responsibilities", 3),
        "تنفيذ الحملات الإعلانية المدفوعة، وقياس نتائجها لتحسين الأداء",
        "Running paid advertising campaigns and measuring their results to improve performance",
    ),
    # "الإعلاميين" are media people in general, not only journalists.
    (
        ("careers", "social-media-pr-manager", "description"),
        "مدير علاقات العامة عبر وسائل التواصل الاجتماعي يعمل على بناء وتعزيز صورة العلامة التجارية"
        " من خلال التفاعل مع الجمهور والإعلاميين والمؤثرين."
        " يهتم بالتواصل الفعال وإدارة السمعة عبر الإنترنت.",
        "A social media public relations manager works to build and strengthen the brand's image"
        " by engaging with the public, media professionals and influencers."
        " They take care of effective communication and online reputation management.",
    ),
    (
        ("careers", "social-media-pr-manager", "responsibilities", 1),
        "التفاعل مع الجمهور والإعلاميين والمؤثرين",
        "Engaging with the public, media professionals and influencers",
    ),
    (
        ("careers", "social-media-pr-manager", "required_skills", 2, "text"),
        "القدرة على كتابة البيانات الصحفية والمنشورات الرسمية.",
        "The ability to write press releases and official posts.",
    ),
    (
        ("careers", "social-media-manager", "required_skills", 0, "text"),
        "إتقان مهارات التواصل الكتابي واللفظي.",
        "Mastery of written and verbal communication skills.",
    ),
    (
        ("trends", "ai-and-data-analysis", "text"),
        "ستصبح أدوات الذكاء الاصطناعي وتحليل البيانات أكثر تطوراً، مما يساعد على تقديم رؤى أعمق"
        " وفهم أفضل لسلوك المستخدمين وتوجيه استراتيجيات التسويق بشكل أكثر دقة.",
        "Artificial intelligence and data analysis tools will become more advanced, helping to"
        " deliver deeper insights and a better understanding of user behaviour, and to guide"
        " marketing strategies more precisely.",
    ),
    (
        ("trends", "visual-and-interactive-content", "text"),
        "سيزداد التركيز على المحتوى المرئي مثل الفيديوهات والصور التفاعلية، حيث يُظهر هذا النوع"
        " من المحتوى قدرة أعلى على جذب الانتباه والتفاعل.",
        "The focus on visual content such as videos and interactive images will grow, as this"
        " kind of content shows a greater ability to attract attention and engagement.",
    ),
    (
        ("trends", "social-commerce", "text"),
        "ستستمر التجارة الإلكترونية في النمو عبر منصات التواصل الاجتماعي، مع تقديم ميزات شراء"
        " مباشرة داخل التطبيقات مثل إنستغرام وشوبيفاي.",
        "E-commerce will keep growing through social media platforms, with direct purchasing"
        " features offered inside apps such as Instagram and Shopify.",
    ),
]


def _at(data: Any, path: FieldPath) -> Any:
    node = data
    for step in path:
        if isinstance(step, str) and isinstance(node, list):
            matches = [item for item in node if item.get("id") == step]
            assert len(matches) == 1, f"no single item with id {step!r} on {path}"
            node = matches[0]
        else:
            node = node[step]
    return node


def _path_id(path: FieldPath) -> str:
    return ".".join(str(step) for step in path)


@pytest.mark.parametrize(
    ("path", "arabic", "english"), CORRECTIONS, ids=[_path_id(p) for p, *_ in CORRECTIONS]
)
def test_corrected_translation_beside_the_verbatim_arabic(
    path: FieldPath, arabic: str, english: str
) -> None:
    text = _at(raw_catalogue(), path)
    assert text["ar"] == arabic
    assert text["en"] == english


@pytest.mark.parametrize(
    "arabic", [arabic for _, arabic, _ in CORRECTIONS], ids=[_path_id(p) for p, *_ in CORRECTIONS]
)
def test_the_arabic_of_each_row_is_the_article_text(arabic: str) -> None:
    assert arabic in SEED.read_text(encoding="utf-8")


def test_every_row_names_a_different_field() -> None:
    paths = [path for path, *_ in CORRECTIONS]
    assert len(set(paths)) == len(paths)
