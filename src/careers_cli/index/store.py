"""A catalogue compiled into SQLite, so that a command reads only what it needs.

The first time a user's catalogue is used it is read and validated, the command answers from
it, and a process of its own compiles it into a store in the user's cache directory (`cache`
decides where, and when a store may be trusted; `careers cache build` compiles one at once);
later commands open the store and query it: `show` reads one career and its neighbours,
`match` the careers linked to the asked skills, name lookup and completion use indexes. A
catalogue that fails validation is never stored. The built-in catalogue is small and read from
its file.

Records are kept as the JSON the file gave them and built with the same `domain` functions as
a catalogue read from its file, and every list comes in catalogue order (`position`), so a
`StoredIndex` answers exactly as a `MemoryIndex` does.
"""

from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from careers_cli.catalogue.domain import (
    Career,
    LinkedNote,
    Platform,
    Section,
    Skill,
    bilingual_from_data,
    career_from_data,
    linked_skills,
    note_from_data,
    platform_from_data,
    requirement_skills,
    section_from_data,
    skill_from_data,
)
from careers_cli.catalogue.reading import (
    CatalogueSource,
    parse_catalogue_json,
    read_catalogue,
    read_catalogue_bytes,
)
from careers_cli.errors import OutputError, StoreError
from careers_cli.index.query import (
    CatalogueIndex,
    Completion,
    MemoryIndex,
    NameEntry,
    NoteKind,
    Overlap,
    SkillFit,
    normalised_career_names,
    normalised_skill_names,
)
from careers_cli.text.language import Language

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
    label_en TEXT NOT NULL, career_count INTEGER NOT NULL, record TEXT NOT NULL
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
CREATE TABLE career_alt_titles (
    career INTEGER NOT NULL, title_no INTEGER NOT NULL, title TEXT NOT NULL,
    PRIMARY KEY (career, title_no)
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
    later: list[Callable[[], None]] | None = None,
) -> CatalogueIndex:
    """The index of a catalogue: from its store when there is a trusted one, else read from
    the file (validated) and compiled into a store for the next time.

    Where stores are built in the background (`cache.builds_in_background`), a process of its
    own compiles the store: started by the caller once the command has answered when `later`
    is given (the start is appended to it), else at once. Otherwise the store is compiled here,
    before returning. Raises `CatalogueError` as `load_catalogue` does. A store that cannot be
    used or written is no error: the catalogue is read from its file, and `report` is told why.
    """
    from careers_cli.index import cache

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
        # What is allocated by now (the imported modules, above all) lives as long as the
        # process: out of the collector's sight, its later runs and the last one at exit have
        # little to traverse, as after a catalogue is read from its file.
        gc.freeze()
        return StoredIndex(connection, store_path)
    tell(f"no up-to-date store for {source.path} at {store_path}: compiling one")
    built_ns = time.time_ns()
    loaded = read_catalogue(source)  # a catalogue that fails validation stops here
    if cache.builds_in_background():
        # Only the file's bytes are kept for the process that compiles: the parsed catalogue
        # is let go of with the command, before that process shares this one's memory (what
        # this process frees after the fork, the system must copy first).
        raw = loaded.raw

        def build_in_background() -> None:
            fill = _filling_from_bytes(raw, source.path)
            started = cache.build_in_background(store_path, stamp, raw, built_ns, fill, why=tell)
            if started is not None:
                tell(f"compiling {store_path} in the background (process {started})")

        if later is None:
            build_in_background()
        else:
            later.append(build_in_background)
    else:
        content_sha256 = hashlib.sha256(loaded.raw).hexdigest()
        fill = _filling(loaded.data, progress)
        cache.build_atomically(store_path, stamp, content_sha256, built_ns, fill, why=tell)
    return MemoryIndex(loaded.catalogue)


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
    from careers_cli.index import cache

    try:
        stamp = cache.stamp_of(source.path)
    except OSError as error:  # reading the file says what is wrong with it
        read_catalogue(source)
        reason = error.strerror or type(error).__name__
        raise OutputError("cache.not_written", path=str(source.path), reason=reason) from None
    store_path = cache.store_path_for(source.path)
    connection = cache.open_trusted(store_path, stamp, lambda: read_catalogue_bytes(source.path))
    if connection is not None:
        connection.close()
        return Compiled(store_path, compiled=False)
    built_ns = time.time_ns()
    loaded = read_catalogue(source)
    content_sha256 = hashlib.sha256(loaded.raw).hexdigest()
    fill = _filling(loaded.data, progress)
    cache.write_store(store_path, stamp, content_sha256, built_ns, fill)
    return Compiled(store_path, compiled=True)


def _filling(
    data: dict[str, Any], progress: Progress | None
) -> Callable[[sqlite3.Connection], None]:
    """What writes the tables of a store for a valid catalogue's parsed JSON."""

    def fill(connection: sqlite3.Connection) -> None:
        compile_store(connection, data, progress or _unwatched)

    return fill


def _filling_from_bytes(raw: bytes, path: Path) -> Callable[[sqlite3.Connection], None]:
    """`_filling` for the bytes of a catalogue already validated, parsed again where the store
    is compiled (in a process of its own, which nobody watches)."""

    def fill(connection: sqlite3.Connection) -> None:
        compile_store(connection, parse_catalogue_json(raw, path).data, _unwatched)

    return fill


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
    rows: list[tuple[int, str, str, int, int, str]] = []
    names: list[tuple[int, int, str, bool]] = []
    words: list[tuple[int, str]] = []
    alt_titles: list[tuple[int, int, str]] = []
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
        rows.append((position, record["id"], help_text, len(skill_ids), number + 1, _dumps(record)))
        titles = (title.get("en"), title.get("ar"))
        other_titles = (*alt.get("en", ()), *alt.get("ar", ()))
        named = normalised_career_names(record["id"], titles, other_titles)
        for name_no, (name, alias) in enumerate(named):
            names.append((position, name_no, name, alias))
            words.append((position * NAMES_PER_RECORD + name_no, name))
        alt_titles += [(position, no, t) for no, t in enumerate(alt.get("en", ()))]
    connection.executemany("INSERT INTO careers VALUES (?, ?, ?, ?, ?, ?)", rows)
    connection.executemany("INSERT INTO career_names VALUES (?, ?, ?, ?)", names)
    connection.executemany("INSERT INTO career_name_words (rowid, name) VALUES (?, ?)", words)
    connection.executemany("INSERT INTO career_alt_titles VALUES (?, ?, ?)", alt_titles)


def _compile_skills(
    connection: sqlite3.Connection, records: list[Any], start: int, needing: dict[str, int]
) -> None:
    """Skills' rows (with how many careers need each: `needing`), and their normalised names."""
    rows: list[tuple[int, str, str, str, int, str]] = []
    names: list[tuple[int, int, str, bool]] = []
    words: list[tuple[int, str]] = []
    for position, record in enumerate(records, start):
        skill = skill_from_data(record)
        help_text = skill.label.in_language("en")
        needed = needing.get(skill.id, 0)
        rows.append((position, skill.id, help_text, skill.label.en, needed, _dumps(record)))
        for name_no, (name, alias) in enumerate(normalised_skill_names(skill)):
            names.append((position, name_no, name, alias))
            words.append((position * NAMES_PER_RECORD + name_no, name))
    connection.executemany("INSERT INTO skills VALUES (?, ?, ?, ?, ?, ?)", rows)
    connection.executemany("INSERT INTO skill_names VALUES (?, ?, ?, ?)", names)
    connection.executemany("INSERT INTO skill_name_words (rowid, name) VALUES (?, ?)", words)


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

    def careers(self, limit: int | None = None) -> list[Career]:
        rows = self.all(
            "SELECT id, record FROM careers ORDER BY position LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return self._careers.from_rows(rows)

    def skills(self) -> list[Skill]:
        return self._skills.from_rows(self.all("SELECT id, record FROM skills ORDER BY position"))

    def notes(self, kind: NoteKind) -> tuple[LinkedNote, ...]:
        rows = self.all("SELECT record FROM notes WHERE kind = ? ORDER BY position", (kind,))
        return tuple(self.record(row[0], note_from_data) for row in rows)

    def sections(self) -> tuple[Section, ...]:
        rows = self.all("SELECT record FROM sections ORDER BY position")
        return tuple(self.record(row[0], section_from_data) for row in rows)

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

    def career_ids_by_skill(self, skill_ids: Collection[str] | None = None) -> dict[str, list[str]]:
        needing: dict[str, list[str]] = {}
        where: str = ""
        parameters: tuple[str, ...] = ()
        if skill_ids is not None:
            where, parameters = f"WHERE links.skill_id IN {_EACH} ", (_json_list(skill_ids),)
        rows = self.all(
            "SELECT links.skill_id, careers.id FROM links JOIN careers "
            f"ON careers.position = links.career {where}ORDER BY careers.position",
            parameters,
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

    def career_count(self) -> int:
        return len(self._careers)

    def skill_career_counts(self, skill_ids: Iterable[str]) -> dict[str, int]:
        wanted = list(dict.fromkeys(skill_ids))
        counts = dict(
            self.all(
                f"SELECT id, career_count FROM skills WHERE id IN {_EACH}", (_json_list(wanted),)
            )
        )
        return {s: int(counts.get(s, 0)) for s in wanted}

    def skills_of(self, career_ids: Collection[str]) -> dict[str, dict[str, bool]]:
        found: dict[str, dict[str, bool]] = {}
        rows = self.all(
            "SELECT careers.id, links.skill_id, links.optional FROM careers JOIN links "
            f"ON links.career = careers.position WHERE careers.id IN {_EACH} "
            "ORDER BY careers.position, links.skill_id",
            (_json_list(career_ids),),
        )
        for career_id, skill_id, optional in rows:
            found.setdefault(career_id, {})[skill_id] = bool(optional)
        return found

    def careers_using(self, platform_ids: Collection[str]) -> dict[str, frozenset[str]]:
        using: dict[str, set[str]] = {}
        rows = self.all(
            "SELECT careers.id, platform_links.platform_id FROM platform_links JOIN careers "
            "ON careers.position = platform_links.career "
            f"WHERE platform_links.platform_id IN {_EACH} ORDER BY careers.position",
            (_json_list(platform_ids),),
        )
        for career_id, platform_id in rows:
            using.setdefault(career_id, set()).add(platform_id)
        return {career_id: frozenset(found) for career_id, found in using.items()}

    def careers_named(self, name: str) -> dict[str, bool]:
        return self._named("careers", "career_names", name)

    def skills_named(self, name: str) -> dict[str, bool]:
        return self._named("skills", "skill_names", name)

    def _named(self, table: str, names: str, name: str) -> dict[str, bool]:
        """Records of `table` with a name in `names` equal to `name` (an index finds them):
        id -> whether every such name of the record is only another name."""
        owner = names.split("_")[0]
        rows = self.all(
            f"SELECT {table}.id, min({names}.alias) FROM {names} JOIN {table} "
            f"ON {table}.position = {names}.{owner} WHERE {names}.name = ? "
            f"GROUP BY {table}.position ORDER BY {table}.position",
            (name,),
        )
        return {record_id: bool(alias) for record_id, alias in rows}

    def career_names_with_words(self, words: Sequence[str]) -> dict[str, list[NameEntry]]:
        return self._names_with_words("careers", "career_names", "career_name_words", words)

    def career_names(self) -> dict[str, list[NameEntry]]:
        return self._all_career_names

    @cached_property
    def _all_career_names(self) -> dict[str, list[NameEntry]]:
        return self._names("careers", "career_names", "")

    def skill_names_with_words(self, words: Sequence[str]) -> dict[str, list[NameEntry]]:
        return self._names_with_words("skills", "skill_names", "skill_name_words", words)

    def skill_names(self) -> dict[str, list[NameEntry]]:
        return self._all_skill_names

    @cached_property
    def _all_skill_names(self) -> dict[str, list[NameEntry]]:
        return self._names("skills", "skill_names", "")

    def _names_with_words(
        self, table: str, names: str, word_table: str, words: Sequence[str]
    ) -> dict[str, list[NameEntry]]:
        """Records of `table` with a name in which every one of `words` starts a word (its
        full-text index `word_table` finds them), each with all its names."""
        if not words:
            return {}
        found = (
            f"WHERE {table}.position IN (SELECT rowid / {NAMES_PER_RECORD} FROM {word_table} "
            f"WHERE {word_table} MATCH ?)"
        )
        return self._names(table, names, found, (_prefix_query(words),))

    def _names(
        self,
        table: str,
        names: str,
        where: str,
        parameters: Sequence[Any] = (),
    ) -> dict[str, list[NameEntry]]:
        """Records of `table` (those `where` picks) with their names from `names`, whose
        first column is the record's position."""
        owner = names.split("_")[0]
        found: dict[str, list[NameEntry]] = {}
        rows = self.all(
            f"SELECT {table}.id, {names}.name, {names}.alias FROM {table} JOIN {names} "
            f"ON {names}.{owner} = {table}.position {where} "
            f"ORDER BY {table}.position, {names}.name_no",
            parameters,
        )
        for record_id, name, alias in rows:
            found.setdefault(record_id, []).append((tuple(name.split()), bool(alias)))
        return found

    def complete_careers(self, incomplete: str) -> tuple[list[Completion], list[Completion]]:
        where, parameters = _starting("id", incomplete)
        ids = self.all(f"SELECT id, help FROM careers WHERE {where} ORDER BY position", parameters)
        where, parameters = _starting("title", incomplete)
        titles = self.all(
            "SELECT title, careers.id FROM career_alt_titles JOIN careers "
            f"ON careers.position = career_alt_titles.career WHERE {where} "
            "ORDER BY careers.position, title_no",
            parameters,
        )
        return [(str(a), str(b)) for a, b in ids], [(str(a), str(b)) for a, b in titles]

    def complete_skills(self, incomplete: str) -> tuple[list[Completion], list[Completion]]:
        where, parameters = _starting("id", incomplete)
        ids = self.all(f"SELECT id, help FROM skills WHERE {where} ORDER BY position", parameters)
        where, parameters = _starting("label_en", incomplete)
        labels = self.all(
            f"SELECT label_en, id FROM skills WHERE label_en != '' AND label_en != id AND {where} "
            "ORDER BY position",
            parameters,
        )
        return [(str(a), str(b)) for a, b in ids], [(str(a), str(b)) for a, b in labels]


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
    (normalised words hold letters, digits, `+`, `#` and `.` only; a double quote would be
    doubled)."""
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
