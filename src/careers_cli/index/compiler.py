"""Compiling a validated catalogue into a SQLite store: the schema, and the rows of every
record in catalogue order.

Records are kept as the JSON the file gave them, so a store answers with the same `domain`
functions as a catalogue read from its file.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from careers_cli.catalogue.domain import (
    linked_skills,
    requirement_skills,
    skill_from_data,
)
from careers_cli.catalogue.progress import Progress, unwatched
from careers_cli.catalogue.reading import (
    CatalogueSource,
    parse_catalogue_json,
    read_catalogue,
    read_catalogue_bytes,
)
from careers_cli.errors import OutputError, os_error_reason
from careers_cli.index import digest
from careers_cli.index.query import (
    completed_labels,
    completed_titles,
    normalised_career_names,
    normalised_skill_names,
)
from careers_cli.text.normalise import completion_key

_TABLES = """
CREATE TABLE catalogue (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE careers (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, help TEXT NOT NULL,
    skill_count INTEGER NOT NULL, optional_count INTEGER NOT NULL, isco TEXT NOT NULL,
    requirements INTEGER NOT NULL, record TEXT NOT NULL
);
CREATE TABLE skills (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, help TEXT NOT NULL,
    career_count INTEGER NOT NULL, record TEXT NOT NULL
);
CREATE TABLE platforms (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE notes (
    kind TEXT NOT NULL, position INTEGER NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (kind, position)
);
CREATE TABLE sections (position INTEGER PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE note_careers (kind TEXT NOT NULL, note INTEGER NOT NULL, career_id TEXT NOT NULL);
CREATE TABLE links (
    skill_id TEXT NOT NULL, career INTEGER NOT NULL, optional INTEGER NOT NULL,
    PRIMARY KEY (skill_id, career)
) WITHOUT ROWID;
CREATE TABLE requirements (
    skill_id TEXT NOT NULL, career INTEGER NOT NULL, number INTEGER NOT NULL,
    PRIMARY KEY (skill_id, career, number)
) WITHOUT ROWID;
CREATE TABLE career_names (
    career INTEGER NOT NULL, name_no INTEGER NOT NULL, name TEXT NOT NULL,
    alias INTEGER NOT NULL, PRIMARY KEY (career, name_no)
) WITHOUT ROWID;
CREATE TABLE platform_links (
    platform_id TEXT NOT NULL, career INTEGER NOT NULL, PRIMARY KEY (platform_id, career)
) WITHOUT ROWID;
CREATE TABLE career_completions (
    career INTEGER NOT NULL, title_no INTEGER NOT NULL, title TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (career, title_no)
) WITHOUT ROWID;
CREATE TABLE skill_completions (
    skill INTEGER NOT NULL, label_no INTEGER NOT NULL, label TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (skill, label_no)
) WITHOUT ROWID;
CREATE TABLE skill_names (
    skill INTEGER NOT NULL, name_no INTEGER NOT NULL, name TEXT NOT NULL,
    alias INTEGER NOT NULL, PRIMARY KEY (skill, name_no)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE career_name_words USING fts5(
    name, content='', tokenize="ascii tokenchars '+#.'", detail=none, columnsize=0
);
CREATE VIRTUAL TABLE skill_name_words USING fts5(
    name, content='', tokenize="ascii tokenchars '+#.'", detail=none, columnsize=0
);
"""
"""The word tables are full-text indexes of normalised names, one row per name, its rowid
`owner position * NAMES_PER_RECORD + name number`. Normalised names are words of letters,
digits and the symbols `+`, `#` and `.` separated by single spaces, so the `ascii` tokenizer
(which splits only at ASCII characters that are not letters, digits or its token characters)
splits them exactly where `normalise` did."""


_INDEXES = """
CREATE UNIQUE INDEX careers_by_id ON careers (id);
CREATE UNIQUE INDEX skills_by_id ON skills (id);
CREATE INDEX note_careers_by_career ON note_careers (career_id, kind);
CREATE INDEX platform_links_by_career ON platform_links (career);
CREATE INDEX career_names_by_name ON career_names (name, career);
CREATE INDEX links_by_career ON links (career, skill_id, optional);
CREATE INDEX skill_names_by_name ON skill_names (name, skill);
CREATE INDEX career_completions_by_key ON career_completions (key);
CREATE INDEX skill_completions_by_key ON skill_completions (key);
"""
"""Made once the rows are in: one sort per index, rather than an index grown row by row."""


NAMES_PER_RECORD = 4_096
"""More than the names one career or skill can have: an id, two titles or labels and at most
600 other names per language."""


_BATCH = 2_000
"""Careers or skills compiled between two progress reports."""


class Compiled(NamedTuple):
    """What `compile_catalogue` did."""

    store: Path
    compiled: bool
    """False when the store was up to date already, and left as it was."""


def compile_catalogue(source: CatalogueSource, *, progress: Progress | None = None) -> Compiled:
    """Compile the store of a catalogue of the user's now, in this process (`careers cache
    build`), unless an up-to-date one is there.

    Raises `CatalogueError` for a catalogue that cannot be read or is invalid (nothing is
    stored), and `OutputError` when the store cannot be written.
    """
    from careers_cli.index import cache, cache_build

    try:
        stamp = cache.stamp_of(source.path)
    except OSError as error:  # reading the file says what is wrong with it
        read_catalogue(source)
        reason = os_error_reason(error)
        raise OutputError("cache.not_written", path=str(source.path), reason=reason) from None
    store_path = cache.store_path_for(source.path)
    if cache.folder_untrusted_because(store_path.parent) is not None:
        read_catalogue(source)  # a catalogue that cannot be read says so first
        raise OutputError("cache.untrusted_folder", path=str(store_path.parent))
    connection = cache.open_trusted(store_path, stamp, lambda: read_catalogue_bytes(source.path))
    if connection is not None:
        connection.close()
        return Compiled(store_path, compiled=False)
    built_ns = time.time_ns()
    loaded = read_catalogue(source)
    content_sha256 = digest.sha256(loaded.raw).hexdigest()
    fill = filling(loaded.data, progress)
    cache_build.write_store(store_path, stamp, content_sha256, built_ns, fill)
    return Compiled(store_path, compiled=True)


def filling(
    data: dict[str, Any], progress: Progress | None
) -> Callable[[sqlite3.Connection], None]:
    """What writes the tables of a store for a valid catalogue's parsed JSON."""

    def fill(connection: sqlite3.Connection) -> None:
        compile_store(connection, data, progress or unwatched)

    return fill


def filling_from_bytes(raw: bytes, path: Path) -> Callable[[sqlite3.Connection], None]:
    """`filling` for the bytes of a catalogue already validated, parsed again where the store
    is compiled (in a process of its own, which nobody watches)."""

    def fill(connection: sqlite3.Connection) -> None:
        compile_store(connection, parse_catalogue_json(raw, path).data, unwatched)

    return fill


def compile_store(connection: sqlite3.Connection, data: dict[str, Any], progress: Progress) -> None:
    """Write the tables of a store for a valid catalogue's parsed JSON."""
    connection.executescript(_TABLES)
    header = {
        "schema_version": data["schema_version"],
        "languages": data.get("languages", ["en", "ar"]),
        "title": data["title"],
    }
    connection.executemany(
        "INSERT INTO catalogue VALUES (?, ?)",
        [(key, _dumps(value)) for key, value in header.items()],
    )
    careers = data["careers"]
    connection.executemany(
        "INSERT INTO platform_links VALUES (?, ?)",
        sorted(
            (platform_id, position)
            for position, career in enumerate(careers)
            for platform_id in set(career.get("platforms", ()))
        ),
    )
    links: dict[str, list[tuple[int, bool]]] = {}
    requirements: dict[str, list[tuple[int, int]]] = {}
    for start in range(0, len(careers), _BATCH):
        progress("careers", start, len(careers))
        _compile_careers(connection, careers[start : start + _BATCH], start, links, requirements)
    # Rows in key order, each landing at the end of its table: each skill's careers were
    # added in catalogue order, so sorting the skills is enough.
    connection.executemany(
        "INSERT INTO links VALUES (?, ?, ?)",
        (
            (skill_id, career, optional)
            for skill_id in sorted(links)
            for career, optional in links[skill_id]
        ),
    )
    connection.executemany(
        "INSERT INTO requirements VALUES (?, ?, ?)",
        (
            (skill_id, career, number)
            for skill_id in sorted(requirements)
            for career, number in requirements[skill_id]
        ),
    )
    progress("careers", len(careers), len(careers))
    skills = data["skills"]
    needing = {skill_id: len(careers_linked) for skill_id, careers_linked in links.items()}
    for start in range(0, len(skills), _BATCH):
        progress("skills", start, len(skills))
        _compile_skills(connection, skills[start : start + _BATCH], start, needing)
    progress("skills", len(skills), len(skills))
    connection.executemany(
        "INSERT INTO platforms VALUES (?, ?)",
        [(p["id"], _dumps(p)) for p in data.get("platforms", ())],
    )
    for kind in ("trends", "tips"):
        notes = data.get(kind, ())
        connection.executemany(
            "INSERT INTO notes VALUES (?, ?, ?)",
            [(kind, position, _dumps(note)) for position, note in enumerate(notes)],
        )
        connection.executemany(
            "INSERT INTO note_careers VALUES (?, ?, ?)",
            [
                (kind, position, career_id)
                for position, note in enumerate(notes)
                for career_id in dict.fromkeys(note.get("careers", ()))
            ],
        )
    connection.executemany(
        "INSERT INTO sections VALUES (?, ?)",
        [(position, _dumps(s)) for position, s in enumerate(data.get("sections", ()))],
    )
    connection.executescript(_INDEXES)


def _compile_careers(
    connection: sqlite3.Connection,
    records: list[Any],
    start: int,
    links: dict[str, list[tuple[int, bool]]],
    requirements: dict[str, list[tuple[int, int]]],
) -> None:
    """Careers' rows, read from their JSON as `domain.career_from_data` reads it (without
    building what the rows do not need); their links are added to `links` and
    `requirements` by skill, written at the end in key order."""
    rows: list[tuple[int, str, str, int, int, str, int, str]] = []
    names: list[tuple[int, int, str, bool]] = []
    words: list[tuple[int, str]] = []
    alt_titles: list[tuple[int, int, str, str]] = []
    for position, record in enumerate(records, start):
        lines = record.get("required_skills", ())
        skill_ids, optional = linked_skills(lines)
        for skill_id in skill_ids:
            links.setdefault(skill_id, []).append((position, skill_id in optional))
        texts = ((line.get("text") is not None, line["skills"]) for line in lines)
        number = -1
        for number, skills in enumerate(requirement_skills(texts)):
            for skill_id in dict.fromkeys(skills):
                requirements.setdefault(skill_id, []).append((position, number))
        title = record["title"]
        alt = record.get("alt_titles", {})
        help_text = title.get("en") or title.get("ar") or ""
        isco = next((o["isco_08"] for o in record.get("occupations", ()) if o.get("isco_08")), "")
        rows.append(
            (
                position,
                record["id"],
                help_text,
                len(skill_ids),
                len(optional),
                isco,
                number + 1,
                _dumps(record),
            )
        )
        titles = (title.get("en"), title.get("ar"))
        other_titles = (*alt.get("en", ()), *alt.get("ar", ()))
        named = normalised_career_names(record["id"], titles, other_titles)
        for name_no, (name, alias) in enumerate(named):
            names.append((position, name_no, name, alias))
            words.append((position * NAMES_PER_RECORD + name_no, name))
        offered = completed_titles(title.get("ar") or "", alt.get("en", ()), alt.get("ar", ()))
        alt_titles += [(position, no, t, completion_key(t)) for no, t in enumerate(offered)]
    connection.executemany("INSERT INTO careers VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.executemany("INSERT INTO career_names VALUES (?, ?, ?, ?)", names)
    connection.executemany("INSERT INTO career_name_words (rowid, name) VALUES (?, ?)", words)
    connection.executemany("INSERT INTO career_completions VALUES (?, ?, ?, ?)", alt_titles)


def _compile_skills(
    connection: sqlite3.Connection, records: list[Any], start: int, needing: dict[str, int]
) -> None:
    """Skills' rows (with how many careers need each: `needing`), and their normalised names."""
    rows: list[tuple[int, str, str, int, str]] = []
    names: list[tuple[int, int, str, bool]] = []
    words: list[tuple[int, str]] = []
    labels: list[tuple[int, int, str, str]] = []
    for position, record in enumerate(records, start):
        skill = skill_from_data(record)
        help_text = skill.label.in_language("en")
        needed = needing.get(skill.id, 0)
        rows.append((position, skill.id, help_text, needed, _dumps(record)))
        for name_no, (name, alias) in enumerate(normalised_skill_names(skill)):
            names.append((position, name_no, name, alias))
            words.append((position * NAMES_PER_RECORD + name_no, name))
        offered = completed_labels(skill.id, skill.label.en, skill.label.ar)
        labels += [(position, no, label, completion_key(label)) for no, label in enumerate(offered)]
    connection.executemany("INSERT INTO skills VALUES (?, ?, ?, ?, ?)", rows)
    connection.executemany("INSERT INTO skill_completions VALUES (?, ?, ?, ?)", labels)
    connection.executemany("INSERT INTO skill_names VALUES (?, ?, ?, ?)", names)
    connection.executemany("INSERT INTO skill_name_words (rowid, name) VALUES (?, ?)", words)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
