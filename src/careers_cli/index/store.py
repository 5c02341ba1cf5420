"""A catalogue compiled into SQLite, read a question at a time: `StoredIndex`.

A command reads only what it needs: `show` reads one career and its neighbours, `match` the
careers linked to the asked skills, name lookup and completion use indexes. Records are built
with the same `domain` functions as a catalogue read from its file, and every list comes in
catalogue order (`position`), so a `StoredIndex` answers exactly as a `MemoryIndex` does.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from careers_cli.catalogue.domain import (
    Career,
    LinkedNote,
    Platform,
    Section,
    Skill,
    bilingual_from_data,
    career_from_data,
    note_from_data,
    platform_from_data,
    section_from_data,
    skill_from_data,
)
from careers_cli.errors import StoreError
from careers_cli.index.compiler import NAMES_PER_RECORD
from careers_cli.index.query import (
    CatalogueIndex,
    Completion,
    NameEntry,
    NoteKind,
    Overlap,
    SkillFit,
    SkillNeighbour,
)
from careers_cli.text.language import Language
from careers_cli.text.normalise import completion_key

T = TypeVar("T")


class _Records(Mapping[str, T], Generic[T]):
    """Records of one table by id, read when first asked for and kept for the process."""

    def __init__(
        self,
        store: StoredIndex,
        table: str,
        build: Callable[[dict[str, Any]], T],
        order: str,
    ) -> None:
        self._store = store
        self._table = table
        self._build = build
        self._order = order
        self._found: dict[str, T] = {}

    def __getitem__(self, record_id: str) -> T:
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

    def from_rows(self, rows: Iterable[tuple[str, str]]) -> list[T]:
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

    def record(self, text: str, build: Callable[[Any], T]) -> T:
        """A record built from its JSON: a store whose rows are not records the format
        allows was not written by this program, and is treated as damaged."""
        try:
            return build(json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise self._damaged(error) from None

    def _damaged(self, error: Exception) -> StoreError:
        self._connection.close()
        self.path.unlink(missing_ok=True)
        from careers_cli.i18n.messages import store_phrase

        return StoreError("store.damaged", path=str(self.path), detail=store_phrase(str(error)))

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
            "SELECT position, id, requirements, skill_count - optional_count FROM careers "
            f"WHERE position IN (SELECT career FROM links WHERE skill_id IN {_EACH}) "
            "ORDER BY position",
            wanted,
        )
        return [
            SkillFit(
                career_id,
                frozenset(matched[position]),
                frozenset(optional.get(position, ())),
                covered.get(position, 0),
                requirements,
                essential,
            )
            for position, career_id, requirements, essential in rows
        ]

    def overlaps(self, skill_ids: Collection[str]) -> list[Overlap]:
        rows = self.all(
            "SELECT careers.id, count(*), careers.skill_count FROM links JOIN careers "
            f"ON careers.position = links.career WHERE links.skill_id IN {_EACH} "
            "GROUP BY links.career ORDER BY links.career",
            (_json_list(skill_ids),),
        )
        return [Overlap(career_id, shared, skills) for career_id, shared, skills in rows]

    def skill_neighbours(self, skill_ids: Collection[str]) -> list[SkillNeighbour]:
        shared: dict[int, dict[str, bool]] = {}
        links = f"SELECT career, skill_id, optional FROM links WHERE skill_id IN {_EACH}"
        for position, skill_id, optional in self.all(links, (_json_list(skill_ids),)):
            shared.setdefault(position, {})[skill_id] = bool(optional)
        rows = self.all(
            "SELECT position, id, skill_count, optional_count, isco FROM careers "
            f"WHERE position IN {_EACH} ORDER BY position",
            (json.dumps(list(shared)),),
        )
        return [
            SkillNeighbour(career_id, shared[position], count - optional, optional, str(isco))
            for position, career_id, count, optional, isco in rows
        ]

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
        key = completion_key(incomplete)
        where, parameters = _starting("id", incomplete)
        ids = self.all(f"SELECT id, help FROM careers WHERE {where} ORDER BY position", parameters)
        where, parameters = _starting("key", key)
        titles = self.all(
            "SELECT title, careers.id FROM career_completions JOIN careers "
            f"ON careers.position = career_completions.career WHERE {where} "
            "ORDER BY careers.position, title_no",
            parameters,
        )
        return [(str(a), str(b)) for a, b in ids], [(str(a), str(b)) for a, b in titles]

    def complete_skills(self, incomplete: str) -> tuple[list[Completion], list[Completion]]:
        key = completion_key(incomplete)
        where, parameters = _starting("id", incomplete)
        ids = self.all(f"SELECT id, help FROM skills WHERE {where} ORDER BY position", parameters)
        where, parameters = _starting("key", key)
        labels = self.all(
            "SELECT label, skills.id FROM skill_completions JOIN skills "
            f"ON skills.position = skill_completions.skill WHERE {where} "
            "ORDER BY skills.position, label_no",
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
