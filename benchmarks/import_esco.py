"""Time and memory of importing ESCO at full size (`careers import esco`).

    python benchmarks/import_esco.py [--runs 5]

Writes an ESCO-layout download of the full English release's size into a temporary folder:
3,039 occupations, 13,900 skills and 129,000 occupation-skill relations, in the columns of
ESCO's own files (multi-line alternative labels, " | "-separated skill labels, quoted commas),
with ESCO v1.2.1's Arabic files: an Arabic title in "masculine / feminine" form, some
alternative labels and a description for every occupation, an Arabic label, some alternative
labels and a description for every skill. The rows are
synthetic and the same on every run. Each run imports it and writes the catalogue in a fresh
interpreter, which reports the time of `import_esco` plus `write_catalogue` and its own peak
resident memory; the command itself (`careers import esco`, start-up included) is timed too.
Medians are reported. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

OCCUPATIONS = 3_039
SKILLS = 13_900
RELATIONS = 129_000
MB = 1_000_000


def _vocabulary(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _vocabulary(
    "data analyst engineer manager technician designer operator clerk officer inspector "
    "adviser specialist planner buyer seller writer nurse scientist researcher animator "
    "assistant supervisor coordinator trainer consultant developer integrator painter"
)
SKILL_WORDS = _vocabulary(
    "manage apply analyse use develop perform monitor maintain create plan ensure operate "
    "coordinate evaluate prepare staff budget data equipment safety quality content customers "
    "reports procedures software regulations materials projects contracts campaigns"
)
ARABIC_WORDS = _vocabulary("بيانات تسويق محتوى جودة مبيعات صيانة تصميم تدريب مشاريع عمليات")

_RUN = """
import resource, sys, time
from pathlib import Path
from careers_cli.catalogue.esco import import_esco, write_catalogue
start = time.perf_counter()
result = import_esco(Path(sys.argv[1]))
write_catalogue(result.data, Path(sys.argv[2]), force=True)
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, result.careers,
      result.skills, result.essential_links + result.optional_links, result.arabic_titles)
"""


def _uri(kind: str, rng: random.Random) -> str:
    return f"http://data.europa.eu/esco/{kind}/{uuid.UUID(int=rng.getrandbits(128))}"


def _words(rng: random.Random, words: Sequence[str], count: int) -> str:
    return " ".join(rng.choice(words) for _ in range(count))


def write_download(folder: Path, seed: int = 7) -> int:
    """Write the five files; return their size in bytes."""
    rng = random.Random(seed)
    occupations = [_uri("occupation", rng) for _ in range(OCCUPATIONS)]
    skills = [_uri("skill", rng) for _ in range(SKILLS)]
    titles = [f"{_words(rng, WORDS, 3)} {n}" for n in range(OCCUPATIONS)]
    _write(
        folder / "occupations_en.csv",
        "conceptType conceptUri iscoGroup preferredLabel altLabels hiddenLabels status "
        "modifiedDate regulatedProfessionNote scopeNote definition inScheme description code",
        (
            [
                "Occupation",
                uri,
                f"{rng.randrange(1000, 9999)}",
                title,
                "\n".join(_words(rng, WORDS, 3) for _ in range(rng.randrange(1, 20))),
                "",
                "released",
                "2024-01-16T14:20:04.406Z",
                "http://data.europa.eu/esco/regulated-professions/unregulated",
                "",
                "",
                "http://data.europa.eu/esco/concept-scheme/occupations,\n"
                "http://data.europa.eu/esco/concept-scheme/member-occupations",
                f"{title.capitalize()}s {_words(rng, SKILL_WORDS, 60)}, {_words(rng, WORDS, 5)}.",
                "2432.5",
            ]
            for uri, title in zip(occupations, titles, strict=True)
        ),
    )
    _write(
        folder / "occupations_ar.csv",
        "conceptType conceptUri iscoGroup preferredLabel altLabels hiddenLabels status "
        "modifiedDate regulatedProfessionNote scopeNote definition inScheme description code "
        "naceCode",
        (
            [
                "Occupation",
                uri,
                "2432",
                _arabic_title(rng, n),
                "\n".join(_arabic_title(rng, n) for _ in range(rng.randrange(0, 3))),
                "",
                "released",
                "",
                "",
                "",
                "",
                "",
                _words(rng, ARABIC_WORDS, 60) + ".",
                "2432.5",
                "",
            ]
            for n, uri in enumerate(occupations)
        ),
    )
    _write(
        folder / "skills_en.csv",
        "conceptType conceptUri skillType reuseLevel preferredLabel altLabels description",
        (
            [
                "KnowledgeSkillCompetence",
                uri,
                "skill/competence",
                "sector-specific",
                f"{_words(rng, SKILL_WORDS, 4)} {n}",
                " | ".join(_words(rng, SKILL_WORDS, 4) for _ in range(rng.randrange(0, 10))),
                _words(rng, SKILL_WORDS, 30).capitalize() + ".",
            ]
            for n, uri in enumerate(skills)
        ),
    )
    _write(
        folder / "skills_ar.csv",
        "conceptType conceptUri skillType reuseLevel preferredLabel altLabels hiddenLabels "
        "status modifiedDate scopeNote definition inScheme description",
        (
            [
                "KnowledgeSkillCompetence",
                uri,
                "skill/competence",
                "sector-specific",
                f"{_words(rng, ARABIC_WORDS, 4)} {n}",
                "\n".join(_words(rng, ARABIC_WORDS, 4) for _ in range(rng.randrange(0, 3))),
                "",
                "released",
                "",
                "",
                "",
                "",
                _words(rng, ARABIC_WORDS, 30) + ".",
            ]
            for n, uri in enumerate(skills)
        ),
    )
    _write(
        folder / "occupationSkillRelations_en.csv",
        "occupationUri relationType skillType skillUri",
        (
            [
                occupations[n * OCCUPATIONS // RELATIONS],
                "essential" if rng.random() < 0.55 else "optional",
                "skill/competence",
                rng.choice(skills),
            ]
            for n in range(RELATIONS)
        ),
    )
    return sum(path.stat().st_size for path in folder.iterdir())


def _arabic_title(rng: random.Random, number: int) -> str:
    field = _words(rng, ARABIC_WORDS, 2)
    return f"مدير {field} {number} / مديرة {field} {number}"


def _write(path: Path, header: str, rows: object) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header.split())
        writer.writerows(rows)  # type: ignore[arg-type]


def measure(download: Path, output: Path) -> tuple[float, float, str]:
    """Seconds of import and write, peak RSS in MB, and what was imported, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(download), str(output)],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed, peak_kib, *counts = done.stdout.split()
    careers, skills, links, arabic = (int(count) for count in counts)
    imported = f"{careers:,} careers, {skills:,} skills, {links:,} links, {arabic:,} Arabic titles"
    return float(elapsed), int(peak_kib) * 1024 / MB, imported


def time_command(download: Path, output: Path) -> float:
    """Wall time of the whole `careers import esco` command."""
    careers = Path(sys.executable).with_name("careers")
    start = time.perf_counter()
    subprocess.run(
        [str(careers), "import", "esco", str(download), "-o", str(output), "--force"],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        download, output = Path(temporary) / "esco", Path(temporary) / "esco.json"
        download.mkdir()
        size = write_download(download)
        print(f"Python {sys.version.split()[0]}; ESCO-layout download of {size / MB:.1f} MB")
        runs = [measure(download, output) for _ in range(args.runs)]
        commands = [time_command(download, output) for _ in range(args.runs)]
        print(f"imported: {runs[0][2]}; catalogue of {output.stat().st_size / MB:.1f} MB")
        times = [elapsed for elapsed, _, _ in runs]
        print(
            f"import_esco + write_catalogue: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)"
        )
        print(f"peak RSS: median {statistics.median(peak for _, peak, _ in runs):.0f} MB")
        print(
            f"careers import esco (start-up included): median {statistics.median(commands):.2f} s"
        )


if __name__ == "__main__":
    main()
