"""Relevance: one order for every name lookup, and scores that favour the skills few careers
need."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tests.helpers import (
    CACHE_DIR_VAR,
    Run,
    run_installed,
    seen,
)
from tests.support import relevance as relevance_support
from tests.support.relevance import (
    Catalogue,
    ambiguous_lines,
    career_names,
    english_titles,
    every_way,
    expected_matches,
    reference_ranking,
    shown_matches,
    stderr_lines,
    tied_best,
)


def installed_every_way(catalogue: Catalogue, args: Sequence[str]) -> Run:
    """`every_way` with the installed `careers` script in a subprocess."""
    installed_cache = catalogue.cache.with_name("installed-cache")
    env = {CACHE_DIR_VAR: str(installed_cache)}
    command = [*args, "--data", str(catalogue.path)]
    from_file = run_installed([*command, "--no-cache"], env)
    compiled = run_installed(command, env)
    stored = run_installed(command, env)
    assert list(installed_cache.glob("*.sqlite")), "no store was compiled"
    assert seen(compiled) == seen(from_file), args
    assert seen(stored) == seen(from_file), args
    return from_file


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.builtin(tmp_path_factory)


@pytest.fixture(scope="module")
def esco(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.esco(tmp_path_factory)


@pytest.fixture(scope="module")
def symbols(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return relevance_support.symbols(tmp_path_factory)


class TestTheInstalledScript:
    def test_a_guess_on_the_built_in_catalogue(self, builtin: Catalogue) -> None:
        run = installed_every_way(builtin, ["show", "influenza", "--lang", "ar"])
        assert run.exit_code == 0
        assert run.stderr == "تم استخدام influencer، أقرب تطابق لـ 'influenza'\n"
        assert seen(run) == seen(every_way(builtin, ["show", "influenza", "--lang", "ar"]))

    def test_an_ambiguous_name_on_the_esco_sample(self, esco: Catalogue) -> None:
        run = installed_every_way(esco, ["show", "manager"])
        assert (run.exit_code, run.stdout) == (1, "")
        tied = tied_best(reference_ranking("manager", career_names(esco.data)))
        assert stderr_lines(run) == ambiguous_lines(
            "manager", "careers", tied, english_titles(esco.data)
        )

    def test_symbols_and_scores(self, symbols: Catalogue) -> None:
        run = installed_every_way(symbols, ["match", "-s", "C#", "-s", "F#", "-f", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        assert shown_matches(run) == expected_matches(symbols.data, ["c-sharp", "f-sharp"])
        assert seen(run) == seen(
            every_way(symbols, ["match", "-s", "C#", "-s", "F#", "-f", "json"])
        )
