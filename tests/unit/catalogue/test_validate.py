"""`careers validate PATH` and `careers schema`: checking your own catalogue before using it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel

from careers_cli.catalogue import entries
from careers_cli.catalogue import format as catalogue_format
from careers_cli.catalogue import format as models
from tests.helpers import (
    DATA,
    raw_catalogue,
)
from tests.support import validate as validate_support
from tests.support.validate import EXAMPLE


class TestTranslationCoverage:
    """`validate` tells, as information after the summary, how much is in each language."""

    def test_large_counts_have_thousands_separators(self) -> None:
        from careers_cli.i18n.messages import message

        line = message(
            "validate.coverage",
            "en",
            language="ar",
            titles=2937,
            careers=3039,
            descriptions=0,
            skill_labels=0,
            skills=13900,
        )
        assert (
            line == "ar: 2,937 of 3,039 titles, 0 of 3,039 descriptions, 0 of 13,900 skill labels"
        )


# Every model of the format, by the name `careers schema` gives its definition.
MODEL_CLASSES: dict[str, type[BaseModel]] = {
    name: cls
    for name, cls in vars(models).items()
    if isinstance(cls, type) and issubclass(cls, entries.Entry) and cls is not entries.Entry
}


MODEL_DEFINITIONS = sorted(set(MODEL_CLASSES) - {"CatalogueFile", "LinkedNoteEntry"})


def required_fields(model: type[BaseModel]) -> set[str]:
    return {name for name, field in model.model_fields.items() if field.is_required()}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return validate_support.schema()


def _object_schemas(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "CatalogueFile", schema
    yield from schema["$defs"].items()


class TestSchema:
    """`careers schema` prints the format as JSON Schema, generated from the models."""

    def test_defines_every_model(self, schema: dict[str, Any]) -> None:
        entries = {"CareerEntry", "SkillEntry", "TrendEntry", "TipEntry", "PlatformEntry"}
        assert entries | {"SectionEntry"} <= set(schema["$defs"])
        assert set(MODEL_DEFINITIONS) <= set(schema["$defs"])

    def test_top_level_required_keys_are_the_models(self, schema: dict[str, Any]) -> None:
        assert set(schema["required"]) == required_fields(catalogue_format.CatalogueFile)
        assert set(schema["required"]) == {
            "schema_version",
            "languages",
            "title",
            "careers",
            "skills",
        }
        assert set(schema["properties"]) == set(catalogue_format.CatalogueFile.model_fields)

    @pytest.mark.parametrize("name", MODEL_DEFINITIONS)
    def test_each_definition_matches_its_model(self, schema: dict[str, Any], name: str) -> None:
        definition = schema["$defs"][name]
        model = MODEL_CLASSES[name]
        assert set(definition.get("required", [])) == required_fields(model)
        assert set(definition["properties"]) == set(model.model_fields)

    def test_unknown_fields_are_refused_everywhere(self, schema: dict[str, Any]) -> None:
        objects = [(n, s) for n, s in _object_schemas(schema) if s.get("type") == "object"]
        assert len(objects) == len(schema["$defs"]) + 1
        for name, object_schema in objects:
            assert object_schema.get("additionalProperties") is False, name

    def test_ids_are_slugs(self, schema: dict[str, Any]) -> None:
        pattern = schema["$defs"]["CareerEntry"]["properties"]["id"]["pattern"]
        assert re.fullmatch(pattern, "data-analyst")
        assert not re.fullmatch(pattern, "Data_Analyst")

    def test_shipped_and_example_have_the_required_keys(self, schema: dict[str, Any]) -> None:
        """Without a JSON Schema library: the files have every required top-level key and no
        key the schema does not know."""
        for path in (DATA, EXAMPLE):
            document = json.loads(path.read_text(encoding="utf-8"))
            assert set(schema["required"]) <= set(document), path
            assert set(document) <= set(schema["properties"]), path

    @pytest.mark.parametrize("path", [DATA, EXAMPLE], ids=["shipped", "example"])
    def test_files_validate_with_jsonschema(self, schema: dict[str, Any], path: Path) -> None:
        """The shipped and example files pass the schema, checked by `jsonschema`."""
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(
            json.loads(path.read_text(encoding="utf-8"))
        )

    def test_jsonschema_refuses_an_unknown_field(self, schema: dict[str, Any]) -> None:
        data = raw_catalogue()
        data["careers"][0]["salary"] = "high"
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        assert errors


def test_a_kind_of_problem_without_its_own_message_is_framed_in_arabic() -> None:
    """Pydantic's English text, after "invalid value" in Arabic, for any other error type."""
    from pydantic_core import InitErrorDetails, ValidationError

    from careers_cli.catalogue.reading import describe_problems
    from careers_cli.i18n.messages import message

    detail = InitErrorDetails(type="int_parsing", loc=("careers", 0, "id"), input="x")
    error = ValidationError.from_exception_data("Catalogue", [detail])
    data = {"careers": [{"id": "influencer"}]}
    [(key, params)] = list(describe_problems(error, data))
    english = "Input should be a valid integer, unable to parse string as an integer"
    place = "careers[0] (id 'influencer').id"
    assert message(key, "en", **params) == f"{place}: {english}"
    assert message(key, "ar", **params) == f"{place}: قيمة غير صالحة: {english}"
