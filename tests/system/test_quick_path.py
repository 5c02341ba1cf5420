"""The quick paths answer as the full command line does, and import only what they use.

Command lines of the commands that read the catalogue, and of `browse`, that the quick path
reads (`app.quick`), and completion requests for a word the catalogue completes
(`app.quick_completion`), run both on the quick path and through Typer and Click: stdout,
stderr and the exit status are the same, byte for byte, in English and Arabic, in every
format, on the built-in catalogue and on the ESCO release imported. Command lines the quick
path leaves to Typer are among them, to show that they are left (and answered alike).
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from benchmarks.relevance import RELEASE, unpack
from careers_cli.app.completion import split_command_line
from careers_cli.app.quick import read_command_line
from careers_cli.app.quick_completion import catalogue_position
from tests.helpers import BASE_ENV, CAREERS_SCRIPT, REPO, cache_env
from tests.support.quick_path import outcomes

HEAVY = ("typer", "click", "rich", "pydantic", "pydantic_core")
NOT_A_TERMINAL = "error: careers browse needs a terminal: its output and input are not one\n"


@pytest.fixture(scope="module")
def esco(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The ESCO release of tests/data, unpacked and imported with `careers import esco`."""
    folder = tmp_path_factory.mktemp("esco")
    unpack(RELEASE, folder)
    source = next(folder.rglob("occupations_en.csv")).parent
    output = folder / "esco.json"
    subprocess.run(
        [str(CAREERS_SCRIPT), "import", "esco", str(source), "-o", str(output)],
        check=True,
        capture_output=True,
        env={**os.environ},
    )
    yield output


def _env() -> dict[str, str]:
    return {**os.environ, **BASE_ENV, **cache_env()}


def _cases(argvs: list[list[str]], extra: dict[str, str] | None = None) -> list[dict[str, Any]]:
    return [{"argv": argv, "env": extra or {}} for argv in argvs]


def _same_everywhere(cases: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    env = _env()
    quick, full = outcomes("quick", cases, env), outcomes("full", cases, env)
    for case, fast, slow in zip(cases, quick, full, strict=True):
        assert fast == slow, case
    return quick


COMMON_VARIANTS = [
    [],
    ["--lang", "ar"],
    ["--format", "json"],
    ["-f", "csv", "--lang", "ar"],
    ["--format=markdown"],
    ["--lang=AR", "--rtl", "visual"],
    ["--no-color", "--no-cache"],
]


def _commands(
    data: list[str],
    careers: list[str],
    skills: list[str],
    text: str,
    variants: Sequence[list[str]] = COMMON_VARIANTS,
) -> list[list[str]]:
    career, other = careers
    matching = [a for s in skills[:3] for a in ("-s", s)]
    bases = [
        ["compare", career, other, "-n", "4"],
        ["next", career],
        ["gap", career, other, "--limit", "3"],
        ["trends"],
        ["tips", "networking"],
        ["read"],
        ["list"],
        ["list", "-n", "3"],
        ["list", "--skill", skills[0], "--limit", "all"],
        ["show", career],
        ["show", career, "--limit", "2"],
        ["skills", text],
        ["skills", "-n", "2"],
        ["match", *matching],
        ["match", *matching, "--all", "-n", "5"],
        ["match", "-s", skills[0], "--next-skills"],
    ]
    lines = [[*b, *v, *data] for b, v in itertools.product(bases, variants)]
    # Errors the commands themselves report: on the quick path too.
    lines += [
        ["show", "no such career at all", *data],
        ["show", "no such career at all", "--lang", "ar", *data],
        ["list", "-n", "0", *data],
        ["match", "-s", "nothing-of-the-kind", "-s", skills[0], *data],
        ["skills", "-n", "many", "--lang", "ar", *data],
        ["show", "caf\udce9", *data],
        ["match", "-s", "", *data],
        ["list", "-n", "", *data],
        ["compare", career, *data],
        ["next", career, "-n", "x", *data],
        ["read", "no such section", "--lang", "ar", *data],
    ]
    return lines


# `careers browse` where stdout is not a terminal (a file): the same usage error on both paths.
BROWSE_LINES = [
    ["browse"],
    ["browse", "--lang", "ar"],
    ["browse", "--lang=AR", "--rtl", "visual", "--data", "no-such-catalogue.json"],
    ["browse", "--no-color", "--no-cache", "--debug"],
]


# Left to Typer: help, usage errors, options not on the quick path's list, unusual forms.
LEFT_TO_TYPER = [
    ["show"],
    ["show", "--help"],
    ["show", "a", "b"],
    ["show", "influencer", "--format", "yaml"],
    ["show", "influencer", "--lang", "fr"],
    ["show", "influencer", "--format", "html"],
    ["list", "-f", "svg"],
    ["list", "--format=csv-bom"],
    ["show", "influencer", "--data", " "],
    ["show", "influencer", "--unknown"],
    ["--lang", "ar", "show", "influencer"],
    ["list", "-s"],
    ["list", "-n", "2", "-n", "3"],
    ["list", "-s=analytics"],
    ["list", "--", "-x"],
    ["match", "analytics"],
    ["match", "-s", "-n"],
    ["skills", "-h"],
    ["list", "--limit"],
    ["compare"],
    ["gap", "influencer"],
    ["next", "a", "b"],
    ["trends", "a", "b"],
    ["read", "--help"],
    ["show", "influencer", "--lang="],
    ["show", "influencer", "--format", ""],
    ["show", "influencer", "--data="],
    ["browse", "--help"],
    ["browse", "--format", "json"],
    ["browse", "influencer"],
]


def test_commands_answer_alike_on_both_paths_on_the_built_in_catalogue() -> None:
    careers = ["influencer", "digital-content-creator"]
    lines = _commands([], careers, ["analytics", "communication", "marketing"], "analysis")
    lines += BROWSE_LINES
    assert all(read_command_line(line) is not None for line in lines)
    assert all(read_command_line(line) is None for line in LEFT_TO_TYPER)
    found = _same_everywhere(_cases(lines + LEFT_TO_TYPER))
    # What was compared is the commands' answers, not errors of both alike.
    assert sum(status == 0 for _, _, status in found) >= len(COMMON_VARIANTS) * 14
    assert found[lines.index(["browse"])] == ("", NOT_A_TERMINAL, 2)
    assert found[lines.index(["show", "influencer"])][0].startswith(
        "Social Media Influencer  influencer\n"
    )


def test_commands_answer_alike_on_both_paths_on_the_esco_release(esco: Path) -> None:
    data = ["--data", str(esco)]
    skills = ["statistics", "data-mining", "python-computer-programming"]
    careers = ["nurse responsible for general care", "midwife"]
    variants = COMMON_VARIANTS[:4]  # English and Arabic, every format
    lines = _commands(data, careers, skills, "data mining", variants)
    found = _same_everywhere(_cases(lines))
    assert sum(status == 0 for _, _, status in found) >= len(variants) * 12
    shown = json.loads(found[lines.index(["show", careers[0], "--format", "json", *data])][0])
    assert shown["id"] == "nurse-responsible-for-general-care"


def test_the_environment_is_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [["show", "influencer"], ["match", "-s", "analytics"]]
    for extra in ({"CAREERS_LANG": "ar"}, {"CAREERS_RTL": "visual", "CAREERS_LANG": "AR"}):
        _same_everywhere(_cases(lines, extra))
        with monkeypatch.context() as patched:  # answered on the quick path
            for name, value in extra.items():
                patched.setenv(name, value)
            assert all(read_command_line(line) is not None for line in lines)
    # Left to Typer: values it reports, flags it reads.
    for extra in ({"CAREERS_LANG": "fr"}, {"CAREERS_NO_CACHE": "1"}, {"CAREERS_DEBUG": "yes"}):
        _same_everywhere(_cases(lines, extra))
        with monkeypatch.context() as patched:
            for name, value in extra.items():
                patched.setenv(name, value)
            assert all(read_command_line(line) is None for line in lines)


def _completion_lines(data: str, careers: list[str], skills: list[str]) -> list[str]:
    prefixes = ["", *careers]
    skill_prefixes = ["", *skills]
    lines = []
    for command in ("show", "next", "compare", "gap"):
        lines += [f"careers {command} {data}{p}" for p in prefixes]
    lines += [f"careers gap {data}influencer {p}" for p in prefixes[:3]]
    lines += [f"careers compare {data}a b {p}" for p in prefixes[:3]]
    for command in ("list", "match"):
        lines += [f"careers {command} {data}-s {p}" for p in skill_prefixes]
        lines += [f"careers {command} {data}--skill x --lang ar -s {p}" for p in skill_prefixes]
    lines += [
        f"careers {command} {data}{p}"
        for command in ("trends", "tips", "read")
        for p in ("", "a", "s")
    ]
    lines += [f"careers show --no-color {data}--format json '{careers[1]}" for _ in (1,)]
    return lines


# Left to Click: command and option names, choices, positions after the arguments.
COMPLETION_LEFT = [
    "careers ",
    "careers sh",
    "careers show -",
    "careers show --l",
    "careers show --lang ",
    "careers show --format=",
    "careers show influencer ",
    "careers skills ",
    "careers list -n ",
    "careers --data x show inf",
    "careers profile add ana",
    "careers show -- inf",
    "careers show --bogus inf",
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_answers_alike_on_the_built_in_catalogue(shell: str) -> None:
    careers = ["inf", "social", "مؤ", "مدير", "Data", "ana"]
    skills = ["ana", "Content", "تحل", "instagram", "x"]
    lines = _completion_lines("", careers, skills)
    assert all(_position(line) is not None for line in lines)
    assert all(_position(line) is None for line in COMPLETION_LEFT)
    found = _same_everywhere(_completion_cases(shell, lines + COMPLETION_LEFT))
    answers = dict(zip(lines, found, strict=False))
    assert answers["careers show inf"][0].split("\n")[0].split("\t")[0] == "influencer"
    assert sum(bool(out) for out, _, _ in found[: len(lines)]) >= len(lines) // 2


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_answers_alike_on_the_esco_release(shell: str, esco: Path) -> None:
    data = f"--data {esco} "
    careers = ["nur", "data sc", "Software", "مم", "ط", "zzz"]
    skills = ["data", "Python", "manage", "sta"]
    lines = _completion_lines(data, careers, skills)
    found = _same_everywhere(_completion_cases(shell, lines))
    assert sum(bool(out) for out, _, _ in found) >= len(lines) // 2


def _position(line: str) -> object:
    command_line = split_command_line(line)
    return catalogue_position(command_line.words[1:], command_line.incomplete)


def _completion_cases(shell: str, lines: list[str]) -> list[dict[str, Any]]:
    env = {"_CAREERS_COMPLETE": shell}
    return [{"argv": [], "env": {**env, "_CAREERS_COMPLETE_LINE": line}} for line in lines]


def _modules_after(argv: list[str], extra: dict[str, str], data: Path | None = None) -> set[str]:
    """The modules `careers ARGV` had imported when it ended (its stdout discarded)."""
    script = (
        "import json, sys\n"
        "from careers_cli.entry import main\n"
        "sys.argv = ['careers', *json.loads(sys.argv[1])]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('MODULES ' + json.dumps(sorted(sys.modules)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, json.dumps(argv)],
        capture_output=True,
        text=True,
        env={**_env(), **extra},
        cwd=REPO,
        check=True,
    )
    listed = run.stderr.rsplit("MODULES ", 1)[1]
    return set(json.loads(listed))


def _top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def _build_store(esco: Path) -> None:
    run = [str(CAREERS_SCRIPT), "list", "--data", str(esco)]
    subprocess.run(run, env=_env(), check=True, capture_output=True)


def test_completion_imports_neither_typer_click_rich_nor_pydantic(esco: Path) -> None:
    _build_store(esco)  # a catalogue of the user's own is validated (Pydantic) until it has one
    for line in (
        "careers show inf",
        "careers match -s ana",
        f"careers show --data {esco} nur",
        f"careers list --data {esco} -s data",
    ):
        extra = {"_CAREERS_COMPLETE": "bash", "_CAREERS_COMPLETE_LINE": line}
        modules = _modules_after([], extra)
        assert not _top_level(modules) & set(HEAVY), line
        assert "_hashlib" not in modules  # OpenSSL's library: 3.6 MB (index/digest.py)
        assert "careers_cli.index.opening" in modules  # it did read the catalogue
    # A command name is left to Click: Typer is imported then (what the test above would miss).
    extra = {"_CAREERS_COMPLETE": "bash", "_CAREERS_COMPLETE_LINE": "careers sh"}
    assert "typer" in _modules_after([], extra)


def test_warm_commands_import_neither_typer_click_nor_pydantic(esco: Path) -> None:
    data = ["--data", str(esco)]
    _build_store(esco)
    for argv in (
        ["show", "influencer"],
        ["list"],
        ["match", "-s", "analytics", "-s", "marketing"],
        ["show", "nurse responsible for general care", *data],
        ["skills", "data mining", *data],
        ["match", "-s", "statistics", "-s", "data-mining", *data],
        ["next", "nurse responsible for general care", *data],
        ["gap", "nurse responsible for general care", "midwife", *data],
        ["compare", "midwife", "nurse responsible for general care", *data],
        ["trends"],
    ):
        modules = _top_level(_modules_after(argv, {}))
        assert not modules & {"typer", "click", "pydantic", "pydantic_core"}, argv
    # JSON is written without Rich's tables and views; a table needs them.
    json_modules = _modules_after(["show", "influencer", "--format", "json"], {})
    table_modules = _modules_after(["show", "influencer"], {})
    assert {"rich.table", "careers_cli.present.views.explore"} <= table_modules
    assert not {"rich.table", "careers_cli.present.views.explore"} & json_modules
