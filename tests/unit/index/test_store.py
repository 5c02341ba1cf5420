"""The compiled store: one set of answers with and without it."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from careers_cli.app import completion
from careers_cli.catalogue.format import check_catalogue
from careers_cli.index import cache as cache
from careers_cli.index.query import CatalogueIndex
from careers_cli.rules import completing, names
from tests.support import store as store_support
from tests.support.store import (
    FORMAT_2,
    INDEX_CATALOGUES,
    Indexes,
    cache_in_tmp,
    format_2_alone,
    identity,
    memory_index,
    read_json,
    rewrite_in_place,
    same_outcome,
    store_in,
    stored_index,
)


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_in_tmp(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def esco_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_support.esco_file(tmp_path_factory)


@pytest.fixture(scope="module", params=INDEX_CATALOGUES)
def indexes(request: pytest.FixtureRequest, esco_file: Path) -> Iterator[Indexes]:
    yield from store_support.indexes(request, esco_file)


def completion_context(data: Path, *, no_cache: bool = False) -> Any:
    """What the completion functions read of Click's context: the command's parameters, and
    its parent's."""
    root = SimpleNamespace(params={"data": None, "no_cache": False}, parent=None)
    return SimpleNamespace(params={"data": str(data), "no_cache": no_cache}, parent=root)


class TestCompletionUsesTheStore:
    @pytest.mark.parametrize("incomplete", ["", "v", "vl", "web", "p", "zz", "م"])
    def test_the_same_candidates(self, incomplete: str, tmp_path: Path) -> None:
        path = format_2_alone(tmp_path)
        without = completion_context(path, no_cache=True)
        expected_careers = completion.complete_career(without, incomplete)
        expected_skills = completion.complete_skill(without, incomplete)
        assert not (tmp_path / "cache").exists()
        ctx = completion_context(path)
        assert completion.complete_career(ctx, incomplete) == expected_careers  # compiles
        store = store_in(tmp_path / "cache")
        built = identity(store)
        assert completion.complete_career(ctx, incomplete) == expected_careers  # the store
        assert completion.complete_skill(ctx, incomplete) == expected_skills
        assert identity(store) == built

    def test_candidates_come_from_the_store(self, tmp_path: Path) -> None:
        path = format_2_alone(tmp_path)
        ctx = completion_context(path)
        assert completion.complete_career(ctx, "vlog") == [("vlogger", "video-blogger")]
        store_in(tmp_path / "cache")
        rewrite_in_place(path, b'["vlogger",', b'["vloggex",')
        assert completion.complete_career(ctx, "vlog") == [("vlogger", "video-blogger")]
        fresh = completion_context(path, no_cache=True)
        assert completion.complete_career(fresh, "vlog") == [("vloggex", "video-blogger")]
        assert completion.complete_skill(ctx, "edit") == [("edit video", "video-editing")]


class TestQueriesAtTheLimits:
    def test_names_at_the_limits_of_the_format(self) -> None:
        """600 other names per language (the most a record may have), names of 200 characters
        in one word, and names that normalise to nothing."""
        data = read_json(FORMAT_2)
        career, skill = data["careers"][0], data["skills"][0]
        career["alt_titles"] = {
            "en": [f"alt title {n}" for n in range(599)] + ["x" * 200],
            "ar": [f"مسمى {n}" for n in range(599)] + ["م" * 200],
        }
        skill["aliases"] = {
            "en": [f"alias {n}" for n in range(599)] + ["y" * 200],
            "ar": [f"اسم {n}" for n in range(599)] + ["---"],
        }
        data["careers"][1]["title"]["en"] = "!!!"
        check_catalogue(data)
        memory, stored = memory_index(data), stored_index(data)
        questions: list[Callable[[CatalogueIndex], object]] = [
            lambda index: index.career_names(),
            lambda index: index.skill_names(),
            lambda index: index.complete_careers("alt title 59"),
            lambda index: index.complete_careers("x" * 150),
        ]
        for words in (["title", "598"], ["x" * 199], ["x" * 200], ["م" * 120], ["مسمي", "5"]):
            questions.append(operator.methodcaller("career_names_with_words", words))
        for words in (["alias", "598"], ["y" * 200], ["اسم", "59"]):
            questions.append(operator.methodcaller("skill_names_with_words", words))
        for question in questions:
            same_outcome(memory, stored, question)
        assert list(stored.career_names_with_words(["x" * 200])) == ["video-blogger"]
        assert list(stored.skill_names_with_words(["alias", "598"])) == ["video-editing"]
        assert names.resolve_career(stored, "مسمى 598").record_id == "video-blogger"


class TestArgumentsAndStoresNoStoreWasMadeFor:
    """Differences found while these tests were written, and fixed since."""

    @pytest.mark.parametrize(
        "question",
        [
            partial(names.resolve_career, query="zz\udc9b"),
            partial(names.resolve_career, query="video-blogger\udc9b"),
            partial(names.resolve_skill, query="photography\udc9b"),
            partial(completing.complete_career_ids, incomplete="v\udc9b"),
            partial(completing.complete_skill_names, incomplete="\udc9b"),
            operator.methodcaller("career_names_with_words", ["\udc9b"]),
            operator.methodcaller("careers_with_any", ["photography", "\udc9b"]),
            operator.methodcaller("skill_fits", {"photography", "\udc9b"}),
            operator.methodcaller("notes_about", "tips", "\udc9b"),
            lambda index: "\udc9b" in index.careers_by_id,
            lambda index: index.skills_by_id.get("\udc9b"),
        ],
        ids=[
            "career",
            "career-id",
            "skill",
            "complete-career",
            "complete-skill",
            "starting",
            "with-any",
            "fits",
            "notes",
            "in",
            "get",
        ],
    )
    def test_a_lone_surrogate_in_process(
        self, question: Callable[[CatalogueIndex], object]
    ) -> None:
        data = read_json(FORMAT_2)
        same_outcome(memory_index(data), stored_index(data), question)


def test_prefixes_at_the_edges_of_unicode_complete_alike() -> None:
    """Completion finds values by an index range (the prefix up to its last character's
    successor): a prefix ending in U+D7FF (whose successor skips the surrogates), in U+10FFFF
    (which has none) or in an astral character completes as the scan in memory does."""
    data = read_json(FORMAT_2)
    titles = ["\ud7ff first", "\ud7ffx", "\U0010ffff last", "\U0001f600 smile", "zz", "zzz"]
    data["careers"][0]["alt_titles"]["en"] = titles
    check_catalogue(data)
    memory, stored = memory_index(data), stored_index(data)
    for prefix in ["\ud7ff", "\ud7ffx", "\U0010ffff", "\U0001f600", "\U0001f5ff", "z", "zz", ""]:
        assert stored.complete_careers(prefix) == memory.complete_careers(prefix), prefix
    assert [t for t, _ in stored.complete_careers("\ud7ff")[1]] == ["\ud7ff first", "\ud7ffx"]


def test_compiling_shows_progress_only_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """A store compiled in under a second shows nothing; past a second, each report reaches
    the progress bar under its stage's name in the reader's language."""
    from contextlib import contextmanager

    from careers_cli.app import session
    from careers_cli.present import progress

    shown: list[tuple[str, int, int]] = []

    @contextmanager
    def recording_bar(**_: object) -> Iterator[Callable[[str, int, int], None]]:
        yield lambda stage, done, total: shown.append((stage, done, total))

    monkeypatch.setattr(progress, "progress_bar", recording_bar)
    now = [100.0]
    monkeypatch.setattr("careers_cli.app.session.time.monotonic", lambda: now[0])
    with session.CompilingProgress("ar", no_color=True) as report:
        report("careers", 0, 3039)
        now[0] += 0.9
        report("careers", 2000, 3039)
        assert shown == []
        now[0] += 0.2
        report("careers", 3039, 3039)
        report("skills", 0, 13900)
    assert shown == [("تجميع المهن", 3039, 3039), ("تجميع المهارات", 0, 13900)]
