"""A catalogue compiled into SQLite, so that a command reads only what it needs.

The first time a user's catalogue is used it is read, validated and compiled into a store in
the user's cache directory (`cache` decides where, and when a store may be trusted); later
commands open the store and query it: `show` reads one career and its neighbours, `match` the
careers linked to the asked skills, name lookup and completion use indexes. A catalogue that
fails validation is never stored. The built-in catalogue is small and read from its file.

Records are kept as the JSON the file gave them and built with the same `domain` functions as
a catalogue read from its file, and every list comes in catalogue order (`position`), so a
`StoredIndex` answers exactly as a `MemoryIndex` does.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from careers_cli.catalogue import CatalogueSource, read_catalogue, read_catalogue_bytes
from careers_cli.domain import (
    Career,
    LinkedNote,
    Platform,
    Skill,
    bilingual_from_data,
    career_from_data,
    linked_skills,
    note_from_data,
    platform_from_data,
    requirement_skills,
    skill_from_data,
)
from careers_cli.errors import StoreError
from careers_cli.index import (
    CatalogueIndex,
    Completion,
    MemoryIndex,
    NoteKind,
    Overlap,
    SkillFit,
    normalised_career_names,
    skill_alias_terms,
    skill_name_terms,
)
from careers_cli.text import Language

Progress = Callable[[str, int, int], None]
"""Told (stage, done, total) while a store is compiled."""
Report = Callable[[str], None]
"""Told, in English, why a store was not used or not written (for `--debug`)."""

_TABLES = """
CREATE TABLE catalogue (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE careers (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, help TEXT NOT NULL,
    skill_count INTEGER NOT NULL, requirements INTEGER NOT NULL, record TEXT NOT NULL
);
CREATE TABLE skills (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, help TEXT NOT NULL,
    label_en TEXT NOT NULL, record TEXT NOT NULL
);
CREATE TABLE platforms (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE notes (
    kind TEXT NOT NULL, position INTEGER NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (kind, position)
);
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
    PRIMARY KEY (career, name_no)
) WITHOUT ROWID;
CREATE TABLE career_alt_titles (
    career INTEGER NOT NULL, title_no INTEGER NOT NULL, title TEXT NOT NULL,
    PRIMARY KEY (career, title_no)
) WITHOUT ROWID;
CREATE TABLE skill_terms (
    term TEXT NOT NULL, skill_id TEXT NOT NULL, term_no INTEGER NOT NULL,
    PRIMARY KEY (term, skill_id, term_no)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE career_name_words USING fts5(
    name, content='', tokenize='ascii', detail=none, columnsize=0
);
CREATE VIRTUAL TABLE skill_name_words USING fts5(
    term, content='', tokenize='ascii', detail=none, columnsize=0
);
CREATE VIRTUAL TABLE skill_alias_words USING fts5(
    term, content='', tokenize='ascii', detail=none, columnsize=0
);
"""
"""The word tables are full-text indexes of normalised names, one row per name, its rowid
`owner position * NAMES_PER_RECORD + name number`. Normalised names are words of letters and
digits separated by single spaces, so the `ascii` tokenizer (which splits only at ASCII
characters that are not letters or digits) splits them exactly where `normalise` did."""
_INDEXES = """
CREATE UNIQUE INDEX careers_by_id ON careers (id);
CREATE UNIQUE INDEX skills_by_id ON skills (id);
CREATE INDEX note_careers_by_career ON note_careers (career_id, kind);
CREATE INDEX career_names_by_name ON career_names (name, career);
CREATE INDEX career_alt_titles_by_title ON career_alt_titles (title);
CREATE INDEX skills_by_label ON skills (label_en);
"""
"""Made once the rows are in: one sort per index, rather than an index grown row by row."""
NAMES_PER_RECORD = 4_096
"""More than the names one career or skill can have: an id, two titles or labels and at most
600 other names per language."""
_BATCH = 2_000
"""Careers or skills compiled between two progress reports."""


def open_index(
    source: CatalogueSource,
    *,
    use_store: bool = True,
    progress: Progress | None = None,
    report: Report | None = None,
) -> CatalogueIndex:
    """The index of a catalogue: from its store when there is a trusted one, else read from
    the file (validated) and compiled into a store for the next time.

    Raises `CatalogueError` as `load_catalogue` does. A store that cannot be used or written is
    no error: the catalogue is read from its file, and `report` is told why.
    """
    from careers_cli import cache

    tell = report or _silent
    if source.bundled or not use_store or cache.caching_disabled():
        return MemoryIndex(read_catalogue(source).catalogue)
    try:
        stamp = cache.stamp_of(source.path)
        store_path = cache.store_path_for(source.path)
    except OSError:  # reading the file says what is wrong with it
        return MemoryIndex(read_catalogue(source).catalogue)
    connection = cache.open_trusted(store_path, stamp, lambda: read_catalogue_bytes(source.path))
    if connection is not None:
        return StoredIndex(connection, store_path)
    tell(f"no up-to-date store for {source.path} at {store_path}: compiling one")
    built_ns = time.time_ns()
    loaded = read_catalogue(source)  # a catalogue that fails validation stops here
    content_sha256 = hashlib.sha256(loaded.raw).hexdigest()

    def fill(connection: sqlite3.Connection) -> None:
        compile_store(connection, loaded.data, progress or _unwatched)

    cache.build_atomically(store_path, stamp, content_sha256, built_ns, fill, why=tell)
    return MemoryIndex(loaded.catalogue)


def _silent(_: str) -> None:
    """Reasons nobody asked for."""


def _unwatched(stage: str, done: int, total: int) -> None:
    """Progress nobody sees."""


# --- compiling ---------------------------------------------------------------------------------


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
    links: list[tuple[str, int, bool]] = []
    requirements: list[tuple[str, int, int]] = []
    for start in range(0, len(careers), _BATCH):
        progress("careers", start, len(careers))
        _compile_careers(connection, careers[start : start + _BATCH], start, links, requirements)
    links.sort()  # rows in key order: each lands at the end of its table
    connection.executemany("INSERT INTO links VALUES (?, ?, ?)", links)
    requirements.sort()
    connection.executemany("INSERT INTO requirements VALUES (?, ?, ?)", requirements)
    progress("careers", len(careers), len(careers))
    skills = data["skills"]
    terms: list[tuple[str, str, int]] = []
    for start in range(0, len(skills), _BATCH):
        progress("skills", start, len(skills))
        _compile_skills(connection, skills[start : start + _BATCH], start, terms)
    terms.sort()
    connection.executemany("INSERT INTO skill_terms VALUES (?, ?, ?)", terms)
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
    connection.executescript(_INDEXES)


def _compile_careers(
    connection: sqlite3.Connection,
    records: list[Any],
    start: int,
    links: list[tuple[str, int, bool]],
    requirements: list[tuple[str, int, int]],
) -> None:
    """Careers' rows, read from their JSON as `domain.career_from_data` reads it (without
    building what the rows do not need); their links are added to `links` and
    `requirements`, written at the end in key order."""
    rows: list[tuple[int, str, str, int, int, str]] = []
    names: list[tuple[int, int, str]] = []
    words: list[tuple[int, str]] = []
    alt_titles: list[tuple[int, int, str]] = []
    for position, record in enumerate(records, start):
        lines = record.get("required_skills", ())
        skill_ids, optional = linked_skills(lines)
        links += [(s, position, s in optional) for s in skill_ids]
        texts = ((line.get("text") is not None, line["skills"]) for line in lines)
        number = -1
        for number, skills in enumerate(requirement_skills(texts)):
            requirements += [(s, position, number) for s in dict.fromkeys(skills)]
        title = record["title"]
        alt = record.get("alt_titles", {})
        help_text = title.get("en") or title.get("ar") or ""
        rows.append((position, record["id"], help_text, len(skill_ids), number + 1, _dumps(record)))
        titles = (title.get("en"), title.get("ar"))
        other_titles = (*alt.get("en", ()), *alt.get("ar", ()))
        for name_no, name in enumerate(normalised_career_names(record["id"], titles, other_titles)):
            names.append((position, name_no, name))
            words.append((position * NAMES_PER_RECORD + name_no, name))
        alt_titles += [(position, no, t) for no, t in enumerate(alt.get("en", ()))]
    connection.executemany("INSERT INTO careers VALUES (?, ?, ?, ?, ?, ?)", rows)
    connection.executemany("INSERT INTO career_names VALUES (?, ?, ?)", names)
    connection.executemany("INSERT INTO career_name_words (rowid, name) VALUES (?, ?)", words)
    connection.executemany("INSERT INTO career_alt_titles VALUES (?, ?, ?)", alt_titles)


def _compile_skills(
    connection: sqlite3.Connection,
    records: list[Any],
    start: int,
    terms: list[tuple[str, str, int]],
) -> None:
    """Skills' rows; their normalised names are added to `terms`, written at the end in key
    order."""
    rows: list[tuple[int, str, str, str, str]] = []
    names: list[tuple[int, str]] = []
    aliases: list[tuple[int, str]] = []
    for position, record in enumerate(records, start):
        skill = skill_from_data(record)
        help_text = skill.label.in_language("en")
        rows.append((position, skill.id, help_text, skill.label.en, _dumps(record)))
        named = [(t, names) for t in skill_name_terms(skill)]
        named += [(t, aliases) for t in skill_alias_terms(skill)]
        for term_no, (term, words) in enumerate(named):
            terms.append((term, skill.id, term_no))
            words.append((position * NAMES_PER_RECORD + term_no, term))
    connection.executemany("INSERT INTO skills VALUES (?, ?, ?, ?, ?)", rows)
    connection.executemany("INSERT INTO skill_name_words (rowid, term) VALUES (?, ?)", names)
    connection.executemany("INSERT INTO skill_alias_words (rowid, term) VALUES (?, ?)", aliases)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- querying ----------------------------------------------------------------------------------

Record = TypeVar("Record")


class _Records(Mapping[str, Record], Generic[Record]):
    """Records of one table by id, read when first asked for and kept for the process."""

    def __init__(
        self,
        store: StoredIndex,
        table: str,
        build: Callable[[dict[str, Any]], Record],
        order: str,
    ) -> None:
        self._store = store
        self._table = table
        self._build = build
        self._order = order
        self._found: dict[str, Record] = {}

    def __getitem__(self, record_id: str) -> Record:
        if record_id not in self._found:
            row = self._store.one(f"SELECT record FROM {self._table} WHERE id = ?", (record_id,))
            if row is None:
                raise KeyError(record_id)
            self._found[record_id] = self._store.record(row[0], self._build)
        return self._found[record_id]

    def __contains__(self, record_id: object) -> bool:
        if not isinstance(record_id, str):
            return False
        if record_id in self._found:
            return True
        return (
            self._store.one(f"SELECT 1 FROM {self._table} WHERE id = ?", (record_id,)) is not None
        )

    def __iter__(self) -> Iterator[str]:
        rows = self._store.all(f"SELECT id FROM {self._table} ORDER BY {self._order}")
        return (row[0] for row in rows)

    def __len__(self) -> int:
        row = self._store.one(f"SELECT count(*) FROM {self._table}")
        return int(row[0]) if row else 0

    def from_rows(self, rows: Iterable[tuple[str, str]]) -> list[Record]:
        """The records of (id, record JSON) rows, each built once per process."""
        found = self._found
        records = []
        for record_id, record in rows:
            if record_id not in found:
                found[record_id] = self._store.record(record, self._build)
            records.append(found[record_id])
        return records


class StoredIndex(CatalogueIndex):
    """The answers of a compiled store: each question is a query."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path
        self._careers: _Records[Career] = _Records(self, "careers", career_from_data, "position")
        self._skills: _Records[Skill] = _Records(self, "skills", skill_from_data, "position")
        self.careers_by_id = self._careers
        self.skills_by_id = self._skills
        self.platforms_by_id: _Records[Platform] = _Records(
            self, "platforms", platform_from_data, "rowid"
        )
        header = dict(self.all("SELECT key, value FROM catalogue"))
        self.title = self.record(header.get("title", ""), bilingual_from_data)
        self.languages: tuple[Language, ...] = self.record(header.get("languages", ""), tuple)

    # Every query goes through these two: a store damaged after it was trusted is an error
    # that says so (and removes it), never a traceback or a wrong answer.

    def all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        if not _storable(parameters):
            return []
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise self._damaged(error) from None

    def one(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        if not _storable(parameters):
            return None
        try:
            return self._connection.execute(sql, parameters).fetchone()
        except sqlite3.Error as error:
            raise self._damaged(error) from None

    def record(self, text: str, build: Callable[[Any], Record]) -> Record:
        """A record built from its JSON: a store whose rows are not records the format
        allows was not written by this program, and is treated as damaged."""
        try:
            return build(json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise self._damaged(error) from None

    def _damaged(self, error: Exception) -> StoreError:
        self._connection.close()
        self.path.unlink(missing_ok=True)
        return StoreError("store.damaged", path=str(self.path), detail=str(error))

    def careers(self) -> list[Career]:
        return self._careers.from_rows(self.all("SELECT id, record FROM careers ORDER BY position"))

    def skills(self) -> list[Skill]:
        return self._skills.from_rows(self.all("SELECT id, record FROM skills ORDER BY position"))

    def notes(self, kind: NoteKind) -> tuple[LinkedNote, ...]:
        rows = self.all("SELECT record FROM notes WHERE kind = ? ORDER BY position", (kind,))
        return tuple(self.record(row[0], note_from_data) for row in rows)

    def careers_needing(self, skill_id: str) -> list[Career]:
        return self.careers_with_any((skill_id,))

    def careers_with_any(self, skill_ids: Iterable[str]) -> list[Career]:
        rows = self.all(
            "SELECT id, record FROM careers WHERE position IN "
            f"(SELECT career FROM links WHERE skill_id IN {_EACH}) ORDER BY position",
            (_json_list(skill_ids),),
        )
        return self._careers.from_rows(rows)

    def skill_fits(self, skill_ids: Collection[str]) -> list[SkillFit]:
        wanted = (_json_list(skill_ids),)
        matched: dict[int, set[str]] = {}
        optional: dict[int, set[str]] = {}
        links = f"SELECT career, skill_id, optional FROM links WHERE skill_id IN {_EACH}"
        for position, skill_id, is_optional in self.all(links, wanted):
            matched.setdefault(position, set()).add(skill_id)
            if is_optional:
                optional.setdefault(position, set()).add(skill_id)
        covered = dict(
            self.all(
                "SELECT career, count(DISTINCT number) FROM requirements "
                f"WHERE skill_id IN {_EACH} GROUP BY career",
                wanted,
            )
        )
        rows = self.all(
            "SELECT position, id, requirements FROM careers WHERE position IN "
            f"(SELECT career FROM links WHERE skill_id IN {_EACH}) ORDER BY position",
            wanted,
        )
        return [
            SkillFit(
                career_id,
                frozenset(matched[position]),
                frozenset(optional.get(position, ())),
                covered.get(position, 0),
                requirements,
            )
            for position, career_id, requirements in rows
        ]

    def overlaps(self, skill_ids: Collection[str]) -> list[Overlap]:
        rows = self.all(
            "SELECT careers.id, count(*), careers.skill_count FROM links JOIN careers "
            f"ON careers.position = links.career WHERE links.skill_id IN {_EACH} "
            "GROUP BY links.career ORDER BY links.career",
            (_json_list(skill_ids),),
        )
        return [Overlap(career_id, shared, skills) for career_id, shared, skills in rows]

    def career_ids_by_skill(self) -> dict[str, list[str]]:
        needing: dict[str, list[str]] = {}
        rows = self.all(
            "SELECT links.skill_id, careers.id FROM links JOIN careers "
            "ON careers.position = links.career ORDER BY careers.position"
        )
        for skill_id, career_id in rows:
            needing.setdefault(skill_id, []).append(career_id)
        return needing

    def notes_about(self, kind: NoteKind, career_id: str) -> tuple[LinkedNote, ...]:
        rows = self.all(
            "SELECT record FROM notes WHERE kind = ? AND position IN "
            "(SELECT note FROM note_careers WHERE kind = ? AND career_id = ?) ORDER BY position",
            (kind, kind, career_id),
        )
        return tuple(self.record(row[0], note_from_data) for row in rows)

    def career_ids_named(self, words: tuple[str, ...]) -> list[str]:
        rows = self.all(
            "SELECT id FROM careers WHERE position IN "
            "(SELECT career FROM career_names WHERE name = ?) ORDER BY position",
            (" ".join(words),),
        )
        return [row[0] for row in rows]

    def career_ids_starting(self, prefix: str) -> list[str]:
        where, parameters = _starting("id", prefix)
        rows = self.all(f"SELECT id FROM careers WHERE {where} ORDER BY position", parameters)
        return [row[0] for row in rows]

    def career_ids_with_words(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        rows = self.all(
            "SELECT id FROM careers WHERE position IN (SELECT rowid / ? FROM career_name_words "
            "WHERE career_name_words MATCH ?) ORDER BY position",
            (NAMES_PER_RECORD, _prefix_query(words)),
        )
        return [row[0] for row in rows]

    def career_names(self) -> dict[str, list[tuple[str, ...]]]:
        return self._all_career_names

    @cached_property
    def _all_career_names(self) -> dict[str, list[tuple[str, ...]]]:
        names: dict[str, list[tuple[str, ...]]] = {}
        rows = self.all(
            "SELECT careers.id, career_names.name FROM careers JOIN career_names "
            "ON career_names.career = careers.position ORDER BY careers.position, name_no"
        )
        for career_id, name in rows:
            names.setdefault(career_id, []).append(tuple(name.split()))
        return names

    def skill_ids_with_term(self, term: str) -> set[str]:
        rows = self.all("SELECT skill_id FROM skill_terms WHERE term = ?", (term,))
        return {row[0] for row in rows}

    def skill_ids_with_words(self, words: Sequence[str], *, names_only: bool) -> set[str]:
        if not words:
            return set()
        tables = ("skill_name_words",) if names_only else ("skill_name_words", "skill_alias_words")
        found = " UNION ".join(f"SELECT rowid / ? FROM {t} WHERE {t} MATCH ?" for t in tables)
        query = _prefix_query(words)
        rows = self.all(
            f"SELECT id FROM skills WHERE position IN ({found})",
            [value for _ in tables for value in (NAMES_PER_RECORD, query)],
        )
        return {row[0] for row in rows}

    def skill_terms(self) -> dict[str, set[str]]:
        terms: dict[str, set[str]] = {}
        for term, skill_id in self.all("SELECT term, skill_id FROM skill_terms"):
            terms.setdefault(term, set()).add(skill_id)
        return terms

    def complete_careers(self, incomplete: str) -> list[Completion]:
        where, parameters = _starting("id", incomplete)
        ids = self.all(f"SELECT id, help FROM careers WHERE {where} ORDER BY position", parameters)
        where, parameters = _starting("title", incomplete)
        titles = self.all(
            "SELECT title, careers.id FROM career_alt_titles JOIN careers "
            f"ON careers.position = career_alt_titles.career WHERE {where} "
            "ORDER BY careers.position, title_no",
            parameters,
        )
        return [(str(a), str(b)) for a, b in [*ids, *titles]]

    def complete_skills(self, incomplete: str) -> list[Completion]:
        where, parameters = _starting("id", incomplete)
        ids = self.all(f"SELECT id, help FROM skills WHERE {where} ORDER BY position", parameters)
        where, parameters = _starting("label_en", incomplete)
        labels = self.all(
            f"SELECT label_en, id FROM skills WHERE label_en != '' AND label_en != id AND {where} "
            "ORDER BY position",
            parameters,
        )
        return [(str(a), str(b)) for a, b in [*ids, *labels]]


def _starting(column: str, prefix: str) -> tuple[str, tuple[object, ...]]:
    """A condition for the values of `column` that start with `prefix`, as typed.

    Texts compare by code point, so they lie between the prefix and the prefix with its last
    character's successor: a range an index finds. `substr` then checks each value found."""
    check = f"substr({column}, 1, ?) = ?"
    if not prefix or ord(prefix[-1]) >= 0x10FFFF or "\x00" in prefix:
        return check, (len(prefix), prefix)
    following = ord(prefix[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:  # surrogates are not characters: the next one is U+E000
        following = 0xE000
    successor = prefix[:-1] + chr(following)
    return f"{column} >= ? AND {column} < ? AND {check}", (prefix, successor, len(prefix), prefix)


_EACH = "(SELECT value FROM json_each(?))"
"""The values of a JSON list given as one parameter: any number of them, where `IN (?, ?, ...)`
would meet SQLite's limit on parameters."""


def _json_list(values: Iterable[str]) -> str:
    return json.dumps(list(dict.fromkeys(values)))


def _prefix_query(words: Sequence[str]) -> str:
    """A full-text query for the names in which every word starts a word: `"w1"* AND "w2"*`
    (normalised words hold letters and digits only; a double quote would be doubled)."""
    return " AND ".join(f'"{word.replace(chr(34), chr(34) * 2)}"*' for word in words)


def _storable(parameters: Sequence[Any]) -> bool:
    """Whether SQLite can take the parameters: a text with a lone surrogate (a command-line
    argument that was not UTF-8) cannot be encoded, and equals nothing a store holds."""
    for value in parameters:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return False
    return True
