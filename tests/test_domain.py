"""The run-time catalogue objects hold exactly what the validating models hold.

The built-in catalogue is read into `careers_cli.domain` without Pydantic, so these tests pin
that the two readings of a file agree, defaults included.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from careers_cli.domain import Catalogue, catalogue_from_data
from careers_cli.models import CatalogueFile
from tests.helpers import DATA, MANAGER_SKILL_IDS, REPO, raw_catalogue

EXAMPLE = REPO / "examples" / "small-catalogue.json"


def _plain(value: Any) -> Any:
    """Named tuples and tuples as the dicts and lists the models dump."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {name: _plain(item) for name, item in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _without_computed(document: dict[str, Any]) -> dict[str, Any]:
    for career in document["careers"]:
        del career["skill_ids"]
    return document


@pytest.mark.parametrize("path", [DATA, EXAMPLE], ids=["built-in", "example"])
def test_domain_reading_equals_model_reading(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    from_models = CatalogueFile.model_validate(data).model_dump()
    from_domain = _without_computed(_plain(catalogue_from_data(data)))
    assert from_domain == from_models


def test_every_model_field_has_a_domain_field() -> None:
    """A field added to the format must be added to the run-time objects too."""
    model_fields = set(CatalogueFile.model_fields)
    domain_fields = set(Catalogue._fields)
    assert domain_fields == model_fields


def test_career_skill_ids_are_its_tags_in_order_of_first_mention() -> None:
    data = raw_catalogue()
    career = next(c for c in catalogue_from_data(data).careers if c.id == "social-media-manager")
    assert career.skill_ids == MANAGER_SKILL_IDS
