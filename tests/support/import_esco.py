"""What the import esco tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.helpers import REPO, Run, invoke

SAMPLE = REPO / "tests" / "data" / "esco-sample"
ARABIC_PACK = REPO / "tests" / "data" / "esco-arabic-v1.2.1"
"""Three occupations and five skills in the layout of ESCO v1.2.1, with its Arabic files."""


OCCUPATIONS, SKILLS, RELATIONS = (
    "occupations_en.csv",
    "skills_en.csv",
    "occupationSkillRelations_en.csv",
)


ARABIC = "occupations_ar.csv"


def sample_rows(name: str, folder: Path = SAMPLE) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def arabic_titles_of_the_sample() -> dict[str, str]:
    english = {row["conceptUri"] for row in sample_rows(OCCUPATIONS)}
    return {
        row["conceptUri"]: row["preferredLabel"]
        for row in sample_rows(ARABIC)
        if row["conceptUri"] in english and row["preferredLabel"].strip()
    }


def links_of_the_sample(kind: str) -> list[tuple[str, str]]:
    return [
        (row["occupationUri"], row["skillUri"])
        for row in sample_rows(RELATIONS)
        if row["relationType"] == kind
    ]


def import_to(source: Path, output: Path, *extra: str) -> Run:
    return invoke(["import", "esco", str(source), "--output", str(output), *extra])


def imported(source: Path, output: Path, *extra: str) -> dict[str, Any]:
    run = import_to(source, output, *extra)
    assert run.exit_code == 0, run.stderr
    data: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return data


def career(data: dict[str, Any], career_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["careers"] if c["id"] == career_id)
    return found


OCCUPATION_HEADER = [
    "conceptType",
    "conceptUri",
    "iscoGroup",
    "preferredLabel",
    "altLabels",
    "definition",
    "description",
]


SKILL_HEADER = ["conceptType", "conceptUri", "skillType", "preferredLabel", "altLabels"]


RELATION_HEADER = ["occupationUri", "relationType", "skillType", "skillUri"]


def occupation_uri(number: int) -> str:
    return f"http://data.europa.eu/esco/occupation/{number:08x}-0000-4000-8000-000000000000"


def skill_uri(number: int) -> str:
    return f"http://data.europa.eu/esco/skill/{number:08x}-0000-5000-8000-000000000000"


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def small_download(
    folder: Path,
    occupations: Sequence[tuple[int, str, str]] = (
        (1, "data analyst", "analyst\nnumber cruncher"),
    ),
    skills: Sequence[tuple[int, str, str]] = ((1, "analyse data", ""), (2, "use spreadsheets", "")),
    relations: Sequence[tuple[int, str, int]] = ((1, "essential", 1), (1, "optional", 2)),
) -> Path:
    """An ESCO-layout folder: occupations (number, label, alt labels), skills (number,
    label, alt labels) and relations (occupation number, type, skill number)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(
        folder / OCCUPATIONS,
        OCCUPATION_HEADER,
        [
            ["Occupation", occupation_uri(n), "2511", label, alts, "", f"What a {label} does."]
            for n, label, alts in occupations
        ],
    )
    write_csv(
        folder / SKILLS,
        SKILL_HEADER,
        [
            ["KnowledgeSkillCompetence", skill_uri(n), "skill", label, alts]
            for n, label, alts in skills
        ],
    )
    write_csv(
        folder / RELATIONS,
        RELATION_HEADER,
        [[occupation_uri(o), kind, "skill", skill_uri(s)] for o, kind, s in relations],
    )
    return folder
