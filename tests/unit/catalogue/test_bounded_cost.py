"""An invalid catalogue costs no more to refuse than a valid one of its size costs to load."""

from __future__ import annotations

from careers_cli.catalogue import entries
from careers_cli.catalogue import format as catalogue_format
from careers_cli.catalogue import reading as catalogue_module
from tests.helpers import REPO
from tests.support.bounded_cost import example


def test_the_readme_states_the_bounds_the_code_applies() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert f"stops after {entries.MAX_PROBLEMS:,} problems" in readme
    assert f"an object with more than {catalogue_module.MAX_OBJECT_KEYS} keys" in readme
    assert "`python benchmarks/memory.py`" in readme
    assert (REPO / "benchmarks" / "memory.py").is_file()


class TestValidFilesAreUnchanged:
    """The bounded path builds exactly what pydantic builds for a valid file."""

    def test_long_lists_of_records_build_the_same_model(self) -> None:
        """Lists longer than the split point are validated item by item, then put back."""
        data = example()
        analyst = data["careers"][0]
        analyst["responsibilities"] *= 40
        analyst["required_skills"] *= 30
        built = catalogue_format.CatalogueFile.model_validate(data)
        assert built.model_dump(exclude_unset=True) == data
        assert len(built.careers[0].responsibilities) == len(analyst["responsibilities"]) == 80
        assert isinstance(built.careers[0].required_skills[59], entries.SkillRequirementEntry)
        catalogue_format.check_catalogue(data)  # raises nothing
