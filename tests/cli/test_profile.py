"""The skill profile: `careers profile add|remove|list|clear`, and `match` without --skill."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from careers_cli.text.bidi import visual_order
from tests.helpers import (
    CACHE_DIR_VAR,
    DATA,
    TEST_DATA,
    folder_snapshot,
    invoke,
)
from tests.support.arabic import ARABIC_LETTER
from tests.support.profile import CONFIG_VAR, config_of_its_own, read


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return config_of_its_own(tmp_path, monkeypatch)


def built_in_profile(config: Path) -> Path:
    return config / "profiles" / "built-in.json"


def profile_document(skills: list[str], platforms: list[str], catalogue: str = "built-in") -> Any:
    return {"format": 1, "catalogue": catalogue, "skills": skills, "platforms": platforms}


class TestRoundTrip:
    """What is added is kept, listed, matched and removed."""

    def test_add_list_remove_clear(self, config: Path) -> None:
        path = built_in_profile(config)
        added = invoke(["profile", "add", "analytics", "content creation", "instagram"])
        assert (added.exit_code, added.stdout) == (0, "added 3 skills; your profile has 3 skills\n")
        assert read(path) == profile_document(["analytics", "content-creation"], ["instagram"])
        assert path.read_text(encoding="utf-8").endswith("\n")

        again = invoke(["profile", "add", "analytics", "metrics"])  # both name analytics
        assert again.stdout == "added 0 skills; your profile has 3 skills\n"

        listed = invoke(["profile", "list", "-f", "json"])
        assert [(s["id"], s["kind"], s["label"]["en"]) for s in json.loads(listed.stdout)] == [
            ("analytics", "skill", "Data analysis"),
            ("content-creation", "skill", "Content creation"),
            ("instagram", "platform", "Instagram"),
        ]
        table = invoke(["profile", "list"]).stdout.splitlines()
        assert table[0] == f"your profile for this catalogue: {path}"
        assert [line.split()[0] for line in table[3:]] == [
            "analytics",
            "content-creation",
            "instagram",
        ]

        removed = invoke(["profile", "remove", "Data analysis"])
        assert removed.stdout == "removed 1 skill; your profile has 2 skills\n"
        assert read(path) == profile_document(["content-creation"], ["instagram"])

        cleared = invoke(["profile", "clear"])
        assert cleared.stdout == f"your profile is empty now ({path} removed)\n"
        assert not path.exists()
        assert invoke(["profile", "clear"]).stdout == "your profile was already empty\n"
        empty = invoke(["profile", "list"])
        assert empty.stdout.splitlines()[-1] == (
            "your profile is empty; add your skills with 'careers profile add SKILL...'"
        )

    def test_it_is_written_whole_with_no_temporary_file_left(self, config: Path) -> None:
        invoke(["profile", "add", "analytics"])
        assert os.listdir(config / "profiles") == ["built-in.json"]

    def test_an_unknown_skill_writes_nothing(self, config: Path) -> None:
        invoke(["profile", "add", "analytics"])
        before = folder_snapshot(config / "profiles")
        run = invoke(["profile", "add", "strategy", "quantum knitting"])
        assert run.exit_code == 1
        assert run.stdout == ""
        assert run.stderr.startswith("error: no skill matches 'quantum knitting'\n")
        assert folder_snapshot(config / "profiles") == before
        never = invoke(["profile", "add", "quantum knitting"])
        assert never.exit_code == 1

    def test_removing_a_skill_not_kept_says_so(self, config: Path) -> None:
        invoke(["profile", "add", "analytics"])
        run = invoke(["profile", "remove", "strategy"])
        assert run.exit_code == 0
        assert run.stderr == "'strategy' (strategy) is not in your profile\n"
        assert run.stdout == "removed 0 skills; your profile has 1 skill\n"

    def test_in_arabic(self) -> None:
        run = invoke(["profile", "add", "تحليل البيانات", "--lang", "ar"])
        assert run.stdout == "أُضيف مهارة واحدة؛ في ملفك الشخصي الآن مهارة واحدة\n"

    def test_each_catalogue_has_its_own(self, config: Path, tmp_path: Path) -> None:
        copy = tmp_path / "mine.json"
        shutil.copyfile(DATA, copy)
        invoke(["profile", "add", "analytics", "--data", str(copy)])
        key = hashlib.sha256(os.fsencode(str(copy.resolve()))).hexdigest()[:32]
        assert read(config / "profiles" / f"{key}.json") == profile_document(
            ["analytics"], [], str(copy.resolve())
        )
        assert not built_in_profile(config).exists()
        assert set(os.listdir(tmp_path)) == {"config", "mine.json"}  # nothing beside it


class TestMatchUsesTheProfile:
    def test_match_without_skills_matches_the_profile(self) -> None:
        invoke(["profile", "add", "analytics", "content-creation"])
        kept = invoke(["match", "-f", "json"])
        asked = invoke(["match", "-s", "analytics", "-s", "content-creation", "-f", "json"])
        assert kept.exit_code == 0
        assert kept.stdout == asked.stdout
        assert kept.stderr == "using the 2 skills of your profile\n"

    def test_next_skills_from_the_profile(self) -> None:
        invoke(["profile", "add", "analytics"])
        kept = invoke(["match", "--next-skills", "-f", "csv"])
        asked = invoke(["match", "-s", "analytics", "--next-skills", "-f", "csv"])
        assert kept.stdout == asked.stdout
        assert kept.stdout.splitlines()[1].startswith("1,strategy,")

    def test_no_profile_and_no_skill_is_the_usage_error_it_was(self) -> None:
        run = invoke(["match"])
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == "error: missing --skill / -s"

    def test_skills_the_catalogue_no_longer_has_are_named_and_skipped(self, config: Path) -> None:
        path = built_in_profile(config)
        path.parent.mkdir(parents=True)
        document = profile_document(["quantum-knitting", "analytics"], ["myspace"])
        path.write_text(json.dumps(document), encoding="utf-8")
        run = invoke(["match", "-f", "csv"])
        assert run.exit_code == 0
        assert run.stderr.splitlines() == [
            "your profile names 2 skills this catalogue does not have: quantum-knitting "
            "myspace; 'careers profile remove quantum-knitting myspace' removes them",
            "using the 1 skill of your profile",
        ]
        assert run.stdout == invoke(["match", "-s", "analytics", "-f", "csv"]).stdout
        removed = invoke(["profile", "remove", "quantum-knitting", "myspace"])
        assert removed.exit_code == 0
        assert read(path) == profile_document(["analytics"], [])


BROKEN = {
    "not-json": '{"format": 1,',
    "not-an-object": "[]",
    "no-format": json.dumps({"catalogue": "built-in", "skills": [], "platforms": []}),
    "extra-key": json.dumps({**profile_document([], []), "theme": "dark"}),
    "not-ids": json.dumps(profile_document(["Data Analysis"], [])),
    "twice": json.dumps(profile_document(["analytics", "analytics"], [])),
    "not-utf8": '{"format": 1, "catalogue": "\xff"}',
    "too-deep": "[" * 1_000 + "]" * 1_000,  # 2 KB nested past what the parser goes
}


class TestAFileThatIsNotAProfile:
    """It is reported naming the file (exit 3), and never written over but by clear --force."""

    @pytest.mark.parametrize("content", list(BROKEN.values()), ids=list(BROKEN))
    @pytest.mark.parametrize(
        "args",
        [
            ["profile", "add", "analytics"],
            ["profile", "remove", "analytics"],
            ["profile", "list"],
            ["profile", "clear"],
            ["match"],
            ["match", "--next-skills"],
        ],
        ids=["add", "remove", "list", "clear", "match", "next-skills"],
    )
    def test_exit_3_and_the_file_unchanged(
        self, config: Path, content: str, args: list[str]
    ) -> None:
        path = built_in_profile(config)
        path.parent.mkdir(parents=True)
        path.write_bytes(content.encode("latin-1"))
        before = folder_snapshot(path.parent)
        run = invoke(args)
        assert run.exit_code == 3
        assert run.stdout == ""
        first, hint = run.stderr.splitlines()
        assert first.startswith(f"error: your profile {path} is not a valid profile (")
        assert first.endswith("); it was left as it is")
        assert hint == "correct it, delete it, or start afresh with 'careers profile clear --force'"
        assert folder_snapshot(path.parent) == before

    def test_a_newer_format(self, config: Path) -> None:
        path = built_in_profile(config)
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps({**profile_document([], []), "format": 2}), encoding="utf-8")
        run = invoke(["profile", "list"])
        assert run.exit_code == 3
        assert run.stderr.splitlines()[0] == (
            f"error: your profile {path} is in format 2, written by a newer careers; "
            "it was left as it is"
        )

    def test_clear_force_replaces_it(self, config: Path) -> None:
        path = built_in_profile(config)
        path.parent.mkdir(parents=True)
        path.write_text("{", encoding="utf-8")
        run = invoke(["profile", "clear", "--force"])
        assert run.exit_code == 0
        assert not path.exists()
        assert invoke(["profile", "add", "analytics"]).exit_code == 0

    def test_a_folder_in_its_place_cannot_be_read(self, config: Path) -> None:
        path = built_in_profile(config)
        path.mkdir(parents=True)
        run = invoke(["profile", "list"])
        assert run.exit_code == 3
        assert run.stderr.splitlines()[0] == (
            f"error: your profile {path} cannot be read (Is a directory)"
        )

    def test_in_arabic(self, config: Path) -> None:
        path = built_in_profile(config)
        path.parent.mkdir(parents=True)
        path.write_text("[]", encoding="utf-8")
        run = invoke(["profile", "list", "--lang", "ar"])
        assert run.exit_code == 3
        assert run.stderr.splitlines() == [
            f"خطأ: ملفك الشخصي {path} ليس ملفاً شخصياً صالحاً (not a JSON object)؛ تُرك كما هو",
            "صحّحه أو احذفه، أو ابدأ من جديد بالأمر 'careers profile clear --force'",
        ]


class TestAFolderThatCannotBeWritten:
    """Writing fails in one line with exit 74 and changes nothing; reading still works."""

    def test_a_read_only_file_system(self, config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        invoke(["profile", "add", "analytics"])
        before = folder_snapshot(config / "profiles")

        def read_only(source: Any, target: Any) -> None:
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr("careers_cli.userfiles.atomic.os.replace", read_only)
        path = built_in_profile(config)
        run = invoke(["profile", "add", "strategy"])
        assert run.exit_code == 74
        assert run.stdout == ""
        assert run.stderr == (
            f"error: cannot write your profile {path} (Read-only file system); "
            "nothing was changed\n"
        )
        assert folder_snapshot(config / "profiles") == before
        listed = invoke(["profile", "list", "-f", "csv"])
        assert (listed.exit_code, listed.stdout) == (
            0,
            "id,kind,label\nanalytics,skill,Data analysis\n",
        )
        assert invoke(["match", "-f", "csv"]).exit_code == 0

    def test_a_config_folder_under_a_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Refused even to root, whom permission bits do not stop."""
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        folder = tmp_path / "a-file" / "config"
        monkeypatch.setenv(CONFIG_VAR, str(folder))
        run = invoke(["profile", "add", "analytics"])
        assert run.exit_code == 74
        path = folder / "profiles" / "built-in.json"
        assert run.stderr == (
            f"error: cannot write your profile {path} (Not a directory); nothing was changed\n"
        )


class TestEsco:
    """The profile with the ESCO sample: per catalogue, from the file and from the store."""

    def test_match_from_the_profile(self, tmp_path: Path, config: Path) -> None:
        catalogue = tmp_path / "esco.json"
        assert (
            invoke(
                ["import", "esco", str(TEST_DATA / "esco-sample"), "-o", str(catalogue)]
            ).exit_code
            == 0
        )
        data = json.loads(catalogue.read_text(encoding="utf-8"))
        skill = data["skills"][0]
        added = invoke(["profile", "add", skill["label"]["en"], "--data", str(catalogue)])
        assert added.exit_code == 0, added.stderr
        env = {CACHE_DIR_VAR: str(tmp_path / "cache")}
        outputs = []
        for extra in (["--no-cache"], [], []):
            run = invoke(["match", "--data", str(catalogue), "-f", "json", *extra], env)
            assert run.exit_code == 0, run.stderr
            outputs.append(run.stdout)
        assert outputs[0] == outputs[1] == outputs[2]
        asked = invoke(["match", "-s", skill["id"], "--data", str(catalogue), "-f", "json"])
        assert outputs[0] == asked.stdout
        needing = [
            c["id"]
            for c in data["careers"]
            if any(skill["id"] in line["skills"] for line in c["required_skills"])
        ]
        assert sorted(m["id"] for m in json.loads(outputs[0])) == sorted(needing)


class TestVisualMode:
    """`--rtl` is taken by every profile command, as `--lang` is, and its messages are laid
    out as every line the program says in visual mode."""

    def test_add_remove_clear_and_list(self) -> None:
        visual = ["--lang", "ar", "--rtl", "visual"]
        added = invoke(["profile", "add", "analytics", *visual])
        assert added.exit_code == 0, added.stderr
        sentence = "أُضيف مهارة واحدة؛ في ملفك الشخصي الآن مهارة واحدة"
        assert added.stdout.strip() == visual_order(sentence)
        assert "\u064f" in added.stdout  # the damma of أُضيف kept
        removed = invoke(["profile", "remove", "analytics", *visual])
        assert removed.exit_code == 0, removed.stderr
        assert not ARABIC_LETTER.search(removed.stdout)
        cleared = invoke(["profile", "clear", *visual])
        assert cleared.exit_code == 0, cleared.stderr
        assert not ARABIC_LETTER.search(cleared.stdout)
        empty = invoke(["profile", "list", *visual]).stdout.splitlines()
        assert empty[-1].strip() == "careers profile add SKILL..."  # whole, on its own line
        assert not ARABIC_LETTER.search(empty[-2])

    def test_logical_by_default_outside_a_terminal(self) -> None:
        run = invoke(["profile", "add", "analytics", "--lang", "ar"])
        assert run.stdout == "أُضيف مهارة واحدة؛ في ملفك الشخصي الآن مهارة واحدة\n"
