"""The run-time catalogue objects hold exactly what the validating models hold.

The built-in catalogue is read into `catalogue.domain` without Pydantic, so these tests pin
that the two readings of a file agree, defaults included.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from careers_cli.catalogue.domain import Catalogue, catalogue_from_data
from careers_cli.catalogue.format import CatalogueFile
from careers_cli.text.language import Bilingual
from tests.helpers import DATA, MANAGER_SKILL_IDS, REPO, TEST_DATA, raw_catalogue

EXAMPLE = REPO / "examples" / "small-catalogue.json"


FORMAT_1 = TEST_DATA / "careers-format-1.json"


FORMAT_2_FEATURES = TEST_DATA / "format-2-features.json"


def _plain(value: Any) -> Any:
    """Named tuples and tuples as the dicts and lists the models dump: a language missing from
    a text ("" in the domain) as None."""
    if isinstance(value, Bilingual):
        return {"en": value.en or None, "ar": value.ar or None}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {name: _plain(item) for name, item in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _as_in_the_file(document: dict[str, Any]) -> dict[str, Any]:
    """Without what the domain computes, and each occupation's label as the file has it."""
    for career in document["careers"]:
        del career["skill_ids"], career["optional_skills"]
        for occupation in career["occupations"]:
            occupation["label"], occupation["label_ar"] = (
                occupation["label"]["en"],
                occupation["label"]["ar"],
            )
    return document


@pytest.mark.parametrize(
    "path",
    [DATA, EXAMPLE, FORMAT_1, FORMAT_2_FEATURES],
    ids=["built-in", "example", "format 1", "format 2 features"],
)
def test_domain_reading_equals_model_reading(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    from_models = CatalogueFile.model_validate(data).model_dump()
    from_domain = _as_in_the_file(_plain(catalogue_from_data(data)))
    assert from_domain == from_models


def test_optional_skills_are_those_only_optional_lines_name() -> None:
    data = json.loads(FORMAT_2_FEATURES.read_text(encoding="utf-8"))
    careers = {c.id: c for c in catalogue_from_data(data).careers}
    assert careers["video-blogger"].optional_skills == {"photography"}
    assert careers["photographer"].optional_skills == {"video-editing", "storytelling"}
    assert careers["photographer"].skill_ids == ("photography", "video-editing", "storytelling")


def test_a_missing_language_falls_back_to_the_other_and_says_so() -> None:
    text = Bilingual("edit video", "")
    assert text.in_language("ar") == "edit video"
    assert text.is_fallback("ar") and not text.is_fallback("en")
    assert text.get("ar") is None and text.get("en") == "edit video"


def test_every_model_field_has_a_domain_field() -> None:
    """A field added to the format must be added to the run-time objects too."""
    model_fields = set(CatalogueFile.model_fields)
    domain_fields = set(Catalogue._fields)
    assert domain_fields == model_fields


def test_career_skill_ids_are_its_tags_in_order_of_first_mention() -> None:
    data = raw_catalogue()
    career = next(c for c in catalogue_from_data(data).careers if c.id == "social-media-manager")
    assert career.skill_ids == MANAGER_SKILL_IDS
