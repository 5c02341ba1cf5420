"""Write a valid, deterministic catalogue of N careers for the scale benchmark.

Each career has about 15 skill tags from a vocabulary of max(50, N/5) skills with aliases in both
languages; there are trends and tips too. The same N always gives the same file. The shipped
career `influencer` is kept (as the first career) so `careers show influencer` works at any size.

    python benchmarks/generate_catalogue.py --careers 10000 --output /tmp/careers-10k.json
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ARABIC_WORDS = ["تحليل", "محتوى", "تسويق", "بيانات", "تواصل", "إدارة", "إبداع", "جمهور", "حملات"]
ENGLISH_WORDS = [
    "analysis",
    "content",
    "marketing",
    "data",
    "outreach",
    "design",
    "budget",
    "media",
]


def _text(rng: random.Random, words: list[str], count: int) -> str:
    return " ".join(rng.choice(words) for _ in range(count)) + "."


def _bilingual(rng: random.Random, count: int) -> dict[str, str]:
    return {"en": _text(rng, ENGLISH_WORDS, count), "ar": _text(rng, ARABIC_WORDS, count)}


def generate(careers: int, seed: int = 7) -> dict[str, Any]:
    """A catalogue of `careers` careers, the same for the same arguments."""
    rng = random.Random(seed * 1_000_003 + careers)
    shipped = json.loads((REPO / "data" / "careers.json").read_text(encoding="utf-8"))
    vocabulary_size = max(50, careers // 5)
    skills: list[dict[str, Any]] = [
        {
            "id": "analytics" if i == 0 else f"skill-{i}",
            "label": {"en": f"Skill {i}", "ar": f"مهارة {i}"},
            "aliases": {"en": [f"ability {i}", f"competence {i}"], "ar": [f"قدرة {i}"]},
        }
        for i in range(vocabulary_size)
    ]
    skill_ids: list[str] = [s["id"] for s in skills]
    influencer = next(c for c in shipped["careers"] if c["id"] == "influencer")
    influencer = {**influencer, "platforms": [], "required_skills": _requirements(rng, skill_ids)}
    generated = [influencer] + [_career(rng, i, skill_ids) for i in range(1, careers)]
    career_ids = [c["id"] for c in generated]
    notes = [
        {
            "id": f"note-{i}",
            "title": _bilingual(rng, 3),
            "text": _bilingual(rng, 20),
            "careers": rng.sample(career_ids, 5),
            "skills": rng.sample(skill_ids, 3),
            "platforms": [],
        }
        for i in range(10)
    ]
    return {
        "schema_version": 2,
        "languages": ["en", "ar"],
        "title": {"en": f"{careers} generated careers", "ar": f"{careers} مهنة مولدة"},
        "careers": generated,
        "skills": skills,
        "platforms": [],
        "trends": notes[:5],
        "tips": notes[5:],
        "sections": [],
    }


def _requirements(rng: random.Random, skill_ids: list[str]) -> list[dict[str, Any]]:
    tags = rng.sample(skill_ids, 15)
    return [{"text": _bilingual(rng, 8), "skills": tags[i * 3 : i * 3 + 3]} for i in range(5)]


def _career(rng: random.Random, index: int, skill_ids: list[str]) -> dict[str, Any]:
    return {
        "id": f"career-{index}",
        "title": {"en": f"Career {index}", "ar": f"مهنة {index}"},
        "description": _bilingual(rng, 30),
        "responsibilities": [_bilingual(rng, 5) for _ in range(3)],
        "required_skills": _requirements(rng, skill_ids),
        "platforms": [],
        "occupations": [],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--careers", type=int, required=True, help="how many careers")
    parser.add_argument("--output", type=Path, required=True, help="where to write the JSON")
    args = parser.parse_args()
    catalogue = generate(args.careers)
    args.output.write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
