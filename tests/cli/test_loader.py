"""Loading a catalogue file: where it comes from, and every way it can be wrong."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import (
    DATA,
    SEVEN_IDS,
    Run,
    catalogue_alone_in_a_folder,
    catalogue_json,
    folder_snapshot,
    format_1_catalogue,
    invoke,
    raw_catalogue,
    write_catalogue,
)
from tests.support.loader import BASE, INVALID_CATALOGUE, line_and_column, refusal

Loader = Callable[[Path], Run]


LOADERS: dict[str, Loader] = {
    "data-after-command": lambda path: invoke(["list", "--data", str(path)]),
    "data-before-command": lambda path: invoke(["--data", str(path), "list"]),
    "env-var": lambda path: invoke(["list"], env={"CAREERS_DATA": str(path)}),
}


@pytest.fixture(params=sorted(LOADERS))
def load(request: pytest.FixtureRequest) -> Loader:
    """`careers list` with the catalogue given by --data (after or before `list`) or the env."""
    loader: Loader = LOADERS[request.param]
    return loader


def listed_ids(run: Run) -> list[str]:
    """The career ids of `careers list`, in order (first word of each row after the header)."""
    words = [line.split()[0] for line in run.stdout.splitlines() if line[:1].isalpha()]
    return words[1:]


class TestFileProblems:
    """Files that cannot be read as a catalogue at all."""

    def test_missing_file(self, tmp_path: Path, load: Loader) -> None:
        """A path that does not exist is named, with 'no such file'."""
        path = tmp_path / "nowhere.json"
        assert refusal(load(path)) == f"error: {path}: no such file"

    def test_directory(self, tmp_path: Path, load: Loader) -> None:
        """A directory is refused as a directory."""
        assert refusal(load(tmp_path)) == (
            f"error: {tmp_path}: is a directory, not a catalogue file"
        )

    def test_relative_path_is_named_as_given(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The message names the path the user typed, not a resolved one."""
        monkeypatch.chdir(tmp_path)
        run = invoke(["list", "--data", "careers.json"])
        assert refusal(run) == "error: careers.json: no such file"

    @pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
    def test_empty_file(self, tmp_path: Path, load: Loader, content: bytes) -> None:
        """An empty or blank file is called empty."""
        path = tmp_path / "careers.json"
        path.write_bytes(content)
        assert refusal(load(path)) == (f"error: {path}: is empty; a catalogue is a JSON object")

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
    def test_utf16_with_bom(self, tmp_path: Path, load: Loader, encoding: str) -> None:
        """UTF-16 (either byte order, with its BOM) is refused with how to fix it."""
        path = tmp_path / "careers.json"
        path.write_bytes("\ufeff".encode(encoding) if encoding != "utf-16" else b"")
        with path.open("ab") as stream:
            stream.write(catalogue_json(BASE).encode(encoding))
        assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
        assert refusal(load(path)) == (f"error: {path}: is UTF-16; save the catalogue as UTF-8")

    def test_utf16_without_bom(self, tmp_path: Path, load: Loader) -> None:
        """UTF-16 without a BOM is still refused cleanly, naming the file."""
        path = tmp_path / "careers.json"
        path.write_bytes(catalogue_json(BASE).encode("utf-16-le"))
        assert refusal(load(path)).startswith(f"error: {path}:")

    def test_invalid_utf8_names_the_byte(self, tmp_path: Path, load: Loader) -> None:
        """A byte that is not UTF-8 is named by its offset in the file (from 0)."""
        raw = catalogue_json(BASE).encode("utf-8")
        offset = raw.index(b"Social Media Influencer")
        path = tmp_path / "careers.json"
        path.write_bytes(raw[:offset] + b"\xff" + raw[offset + 1 :])
        assert refusal(load(path)) == f"error: {path}: is not valid UTF-8 (byte {offset})"

    def test_invalid_utf8_after_a_bom_counts_the_bom(self, tmp_path: Path) -> None:
        """With a UTF-8 BOM, the offset is still the byte's offset in the file."""
        raw = b"\xef\xbb\xbf" + catalogue_json(BASE).encode("utf-8")
        offset = raw.index(b"Social Media Influencer")
        path = tmp_path / "careers.json"
        path.write_bytes(raw[:offset] + b"\xff" + raw[offset + 1 :])
        run = invoke(["list", "--data", str(path)])
        assert refusal(run) == f"error: {path}: is not valid UTF-8 (byte {offset})"

    def test_truncated_arabic_letter(self, tmp_path: Path, load: Loader) -> None:
        """A file cut in the middle of a two-byte Arabic letter is not valid UTF-8."""
        raw = catalogue_json(BASE).encode("utf-8")
        start = raw.index("مؤثر".encode())
        path = tmp_path / "careers.json"
        path.write_bytes(raw[: start + 1])
        assert refusal(load(path)) == f"error: {path}: is not valid UTF-8 (byte {start})"


class TestJsonSyntax:
    """Files that are not strict JSON: the error gives path:LINE:COLUMN."""

    def test_missing_comma(self, tmp_path: Path, load: Loader) -> None:
        """A missing comma is reported at the line and column where the comma was expected."""
        lines = catalogue_json(BASE).splitlines(keepends=True)
        broken_at = next(i for i, line in enumerate(lines) if '"id": "influencer",' in line)
        lines[broken_at] = lines[broken_at].replace('"influencer",', '"influencer"')
        next_line = lines[broken_at + 1]
        assert next_line.lstrip().startswith('"title"')
        line, column = broken_at + 2, len(next_line) - len(next_line.lstrip()) + 1
        path = tmp_path / "careers.json"
        path.write_text("".join(lines), encoding="utf-8")
        error = refusal(load(path))
        assert error.startswith(f"error: {path}:{line}:{column}: invalid JSON: ")
        assert "Expecting ',' delimiter" in error

    def test_column_counts_arabic_letters_as_characters(self, tmp_path: Path) -> None:
        """After Arabic text on the same line, the column counts characters, not bytes."""
        text = catalogue_json(BASE).replace(
            '"ar": "مؤثر وسائل التواصل الاجتماعي"', '"ar": "مؤثر وسائل التواصل الاجتماعي" @', 1
        )
        line, column = line_and_column(text, " @")
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}:{line}:{column + 1}: invalid JSON: ")

    def test_bom_does_not_shift_the_column(self, tmp_path: Path) -> None:
        """A UTF-8 BOM is not counted as a column of line 1."""
        path = tmp_path / "careers.json"
        path.write_bytes(b"\xef\xbb\xbf{,}")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}:1:2: invalid JSON: ")

    @staticmethod
    def _with_constant(tmp_path: Path, constant: str) -> tuple[Path, int, int]:
        text = catalogue_json(BASE)
        anchor = '"id": "influencer",'
        text = text.replace(anchor, f'"id": "influencer", "score": {constant},', 1)
        line, column = line_and_column(text, constant)
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        return path, line, column

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_nan_and_infinity_are_refused(
        self, tmp_path: Path, load: Loader, constant: str
    ) -> None:
        """NaN and Infinity are not JSON numbers: refused, and named."""
        path, _, _ = self._with_constant(tmp_path, constant)
        error = refusal(load(path))
        assert error.startswith(f"error: {path}:")
        assert error.endswith(f"{constant} is not a JSON number")

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_nan_and_infinity_are_placed(self, tmp_path: Path, constant: str) -> None:
        """NaN is a JSON syntax error, so it gets path:LINE:COLUMN like any other."""
        path, line, column = self._with_constant(tmp_path, constant)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}:{line}:{column}: "), error
        assert constant in error

    def test_duplicate_key_in_a_record(self, tmp_path: Path, load: Loader) -> None:
        """A key given twice in a record is named with the record's id."""
        text = catalogue_json(BASE).replace(
            '"id": "influencer",', '"id": "influencer", "title": {"en": "X", "ar": "س"},', 1
        )
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        assert refusal(load(path)) == (
            f"error: {path}: key 'title' appears twice in the record with id 'influencer'"
        )

    def test_duplicate_top_level_key(self, tmp_path: Path) -> None:
        """A key given twice at the top level is named."""
        text = catalogue_json(BASE).replace("{", '{\n  "schema_version": 2,', 1)
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: key 'schema_version' appears twice in one object"

    def test_duplicate_key_in_a_nested_object_names_its_place(self, tmp_path: Path) -> None:
        """A key twice in an object without an id still says where: its line or its record."""
        marker = '"en": "Social Media Influencer",'
        text = catalogue_json(BASE).replace(marker, marker + ' "en": "Influencer",', 1)
        line, _ = line_and_column(text, marker)
        path = tmp_path / "careers.json"
        path.write_text(text, encoding="utf-8")
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.startswith(f"error: {path}")
        assert "'en'" in error
        assert f"{path}:{line}:" in error or "'influencer'" in error, error

    @pytest.mark.parametrize(
        ("document", "found"),
        [("[]", "array"), ('"careers"', "string"), ("42", "number"), ("null", "null")],
    )
    def test_top_level_must_be_an_object(
        self, tmp_path: Path, load: Loader, document: str, found: str
    ) -> None:
        """Valid JSON that is not an object is refused, saying what it is."""
        path = tmp_path / "careers.json"
        path.write_text(document, encoding="utf-8")
        assert refusal(load(path)) == (
            f"error: {path}: the top level must be a JSON object, not {found}"
        )

    def test_catalogue_wrapped_in_an_array(self, tmp_path: Path) -> None:
        """The whole catalogue inside an array is still not an object."""
        path = write_catalogue(tmp_path / "careers.json", [BASE])
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: the top level must be a JSON object, not array"

    @pytest.mark.parametrize(
        "document",
        [
            "[" * 100_000 + "]" * 100_000,
            '{"schema_version": ' + "[" * 100_000 + "]" * 100_000 + "}",
            '{"a": ' * 100_000 + "1" + "}" * 100_000,
        ],
        ids=["array", "array-in-object", "objects"],
    )
    def test_deep_nesting(self, tmp_path: Path, load: Loader, document: str) -> None:
        """100,000 levels of nesting are refused, not a crash."""
        path = tmp_path / "careers.json"
        path.write_text(document, encoding="utf-8")
        assert refusal(load(path)) == f"error: {path}: JSON is nested too deeply"


class TestContentProblems:
    """Well-formed JSON that is not a valid catalogue: the error names the record and field."""

    def test_empty_title(self, tmp_path: Path, load: Loader) -> None:
        """An empty English title names careers[5] by its id and the field."""
        data = raw_catalogue()
        data["careers"][5]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(load(path))
        assert error.startswith(f"error: {path}: careers[5] (id 'influencer').title.en: ")
        assert error.endswith("text must not be empty or only white space")

    def test_blank_arabic_description(self, tmp_path: Path) -> None:
        """White space alone is not text, in Arabic either."""
        data = raw_catalogue()
        data["careers"][1]["description"]["ar"] = " \u00a0\t "
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        prefix = f"error: {path}: careers[1] (id 'social-media-marketing-specialist')"
        assert error.startswith(f"{prefix}.description.ar: ")

    def test_unknown_field_in_a_record(self, tmp_path: Path, load: Loader) -> None:
        """A key the format does not have is refused, by its path."""
        data = raw_catalogue()
        data["careers"][0]["salary"] = "high"
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[0] (id 'social-media-manager').salary: "
            "Extra inputs are not permitted"
        )

    def test_unknown_top_level_field(self, tmp_path: Path) -> None:
        """An unknown top-level key is refused too."""
        data = raw_catalogue()
        data["version"] = 2
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: version: Extra inputs are not permitted"

    def test_unknown_skill_reference(self, tmp_path: Path, load: Loader) -> None:
        """A required skill tagged with a skill that does not exist names the id and the field."""
        data = raw_catalogue()
        data["careers"][2]["required_skills"][0]["skills"][0] = "video-production"
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[2] (id 'digital-content-creator')"
            ".required_skills[0].skills[0]: unknown skill 'video-production': "
            "no skill has this id"
        )

    def test_unknown_career_in_a_trend(self, tmp_path: Path, load: Loader) -> None:
        """A trend linked to a career that does not exist names the trend and the id."""
        data = raw_catalogue()
        data["trends"][3]["careers"][1] = "ecommerce-manager"
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: trends[3] (id 'social-commerce').careers[1]: "
            "unknown career 'ecommerce-manager': no career has this id"
        )

    def test_unknown_platform_in_a_tip(self, tmp_path: Path) -> None:
        """A tip linked to a platform that does not exist is refused."""
        data = raw_catalogue()
        data["tips"][0]["platforms"].append("tiktok")
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == (
            f"error: {path}: tips[0] (id 'learn-analytics-and-tools').platforms[2]: "
            "unknown platform 'tiktok': no platform has this id"
        )

    def test_duplicate_career_id(self, tmp_path: Path, load: Loader) -> None:
        """A second career with an existing id is refused at the second one."""
        data = raw_catalogue()
        data["careers"].append(copy.deepcopy(data["careers"][5]))
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[7] (id 'influencer').id: "
            "id 'influencer' is used by an earlier record"
        )

    @pytest.mark.parametrize("bad_id", ["Influencer", "social_influencer", "influencer-", "a b"])
    def test_id_that_is_not_a_slug(self, tmp_path: Path, load: Loader, bad_id: str) -> None:
        """Ids are lowercase slugs; anything else is refused at that id, reported first."""
        data = raw_catalogue()
        data["careers"][5]["id"] = bad_id
        path = write_catalogue(tmp_path / "careers.json", data)
        # The trends and tips that link to 'influencer' now dangle: each is one more problem.
        notes = [*data["trends"], *data["tips"]]
        dangling = sum(note["careers"].count("influencer") for note in notes)
        assert dangling > 0
        run = load(path)
        error = refusal(run, lines=2)
        assert f"... plus {dangling} problems not shown" in run.stderr
        assert error == (
            f"error: {path}: careers[5] (id '{bad_id}').id: "
            "not an id: use lowercase letters a-z, digits and single hyphens"
        )

    def test_missing_arabic_title(self, tmp_path: Path, load: Loader) -> None:
        """In format 1, a title without `ar` is refused: both languages are required."""
        data = format_1_catalogue()
        del data["careers"][5]["title"]["ar"]
        path = write_catalogue(tmp_path / "careers.json", data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[5] (id 'influencer').title.ar: Field required"
        )

    def test_missing_arabic_required_skill(self, tmp_path: Path) -> None:
        """In format 1, a required-skill line without `ar` is refused, named down to the line."""
        data = format_1_catalogue()
        del data["careers"][1]["required_skills"][3]["text"]["ar"]
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == (
            f"error: {path}: careers[1] (id 'social-media-marketing-specialist')"
            ".required_skills[3].text.ar: Field required"
        )

    def test_wrong_schema_version(self, tmp_path: Path) -> None:
        """A catalogue of another format version is refused at schema_version."""
        data = raw_catalogue()
        data["schema_version"] = 3
        path = write_catalogue(tmp_path / "careers.json", data)
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error == f"error: {path}: schema_version: Input should be 1 or 2"

    def test_format_2_needs_one_language_per_text(self, tmp_path: Path, load: Loader) -> None:
        """In format 2 a title without `ar` loads, and one in no language is refused."""
        data = raw_catalogue()
        del data["careers"][5]["title"]["ar"]
        path = write_catalogue(tmp_path / "careers.json", data)
        assert load(path).exit_code == 0
        del data["careers"][5]["title"]["en"]
        write_catalogue(path, data)
        assert refusal(load(path)) == (
            f"error: {path}: careers[5] (id 'influencer').title: "
            "text needs at least one language: en or ar"
        )

    def test_several_problems_suggest_validate(self, tmp_path: Path, load: Loader) -> None:
        """With three problems, the first is shown and a second line points to validate."""
        data = raw_catalogue()
        for index in (0, 1, 2):
            data["careers"][index]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "careers.json", data)
        run = load(path)
        first = refusal(run, lines=2)
        assert first.startswith(f"error: {path}: careers[0] (id 'social-media-manager').title.en")
        assert run.stderr.splitlines()[1] == (
            f"... plus 2 problems not shown; run 'careers validate {path}' to see them all"
        )

    @pytest.mark.parametrize(
        ("broken", "english", "arabic"),
        [
            (2, "plus 1 problem not shown", "عدد المشكلات الأخرى غير المعروضة: 1"),
            (4, "plus 3 problems not shown", "عدد المشكلات الأخرى غير المعروضة: 3"),
        ],
    )
    def test_the_problems_not_shown_are_counted_in_each_language(
        self, tmp_path: Path, broken: int, english: str, arabic: str
    ) -> None:
        data = raw_catalogue()
        for index in range(broken):
            data["careers"][index]["title"]["en"] = ""
        path = write_catalogue(tmp_path / "careers.json", data)
        in_english = invoke(["list", "--data", str(path)])
        assert refusal(in_english, lines=2)
        assert in_english.stderr.splitlines()[1] == (
            f"... {english}; run 'careers validate {path}' to see them all"
        )
        in_arabic = invoke(["list", "--data", str(path), "--lang", "ar"])
        assert in_arabic.exit_code == INVALID_CATALOGUE
        assert in_arabic.stderr.splitlines()[1] == (
            f"... {arabic}؛ شغّل 'careers validate {path}' لعرضها كلها"
        )


class TestUntrustedPathText:
    """A path is echoed safely: one line, no terminal control codes."""

    def test_escape_sequence_in_path(self, tmp_path: Path) -> None:
        """ESC in a file name is not sent to the terminal."""
        path = tmp_path / "red\x1b[31m.json"
        run = invoke(["list", "--data", str(path)])
        error = refusal(run)
        assert "\x1b" not in run.stderr
        assert error.endswith(": no such file")

    def test_newline_in_path(self, tmp_path: Path) -> None:
        """A newline in a file name does not split the error over two lines."""
        path = tmp_path / "two\nlines.json"
        error = refusal(invoke(["list", "--data", str(path)]))
        assert error.endswith(": no such file")


class TestWhereTheCatalogueComesFrom:
    """--data, then $CAREERS_DATA, then the built-in catalogue."""

    @staticmethod
    def _renamed(tmp_path: Path) -> Path:
        data = raw_catalogue()
        data["careers"][5]["title"]["en"] = "Zeta Test Influencer"
        return write_catalogue(tmp_path / "renamed.json", data)

    def test_env_var_is_used(self, tmp_path: Path) -> None:
        """$CAREERS_DATA names the catalogue when --data is absent."""
        path = self._renamed(tmp_path)
        run = invoke(["list"], env={"CAREERS_DATA": str(path)})
        assert run.exit_code == 0, run.stderr
        assert "Zeta Test Influencer" in run.stdout
        assert listed_ids(run) == SEVEN_IDS

    @pytest.mark.parametrize("where", ["after", "before"])
    def test_data_option_wins_over_env_var(self, tmp_path: Path, where: str) -> None:
        """--data, before or after the command, wins over $CAREERS_DATA."""
        path = self._renamed(tmp_path)
        env = {"CAREERS_DATA": str(tmp_path / "missing.json")}
        args = ["list", "--data", str(path)] if where == "after" else ["--data", str(path), "list"]
        run = invoke(args, env=env)
        assert run.exit_code == 0, run.stderr
        assert "Zeta Test Influencer" in run.stdout
        assert run.stderr == ""

    def test_data_after_the_command_wins_over_data_before(self, tmp_path: Path) -> None:
        """Given twice, the --data after the command is the one used."""
        good = self._renamed(tmp_path)
        missing = tmp_path / "missing.json"
        run = invoke(["--data", str(missing), "list", "--data", str(good)])
        assert run.exit_code == 0, run.stderr
        assert "Zeta Test Influencer" in run.stdout
        run = invoke(["--data", str(good), "list", "--data", str(missing)])
        assert refusal(run) == f"error: {missing}: no such file"

    def test_empty_env_var_means_built_in(self) -> None:
        """An empty $CAREERS_DATA is treated as unset."""
        run = invoke(["list"], env={"CAREERS_DATA": ""})
        assert run.exit_code == 0, run.stderr
        assert listed_ids(run) == SEVEN_IDS
        assert "Social Media Influencer" in run.stdout

    def test_utf8_bom_loads(self, tmp_path: Path, load: Loader) -> None:
        """A UTF-8 file with a BOM (as some Windows editors save it) loads normally."""
        path = tmp_path / "careers.json"
        path.write_bytes(b"\xef\xbb\xbf" + DATA.read_bytes())
        run = load(path)
        assert run.exit_code == 0, run.stderr
        assert listed_ids(run) == SEVEN_IDS
        assert run.stderr == ""


def _valid(path: Path) -> None:
    path.write_bytes(DATA.read_bytes())


def _with_bom(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + DATA.read_bytes())


def _invalid_content(path: Path) -> None:
    data = raw_catalogue()
    data["careers"][0]["title"]["en"] = ""
    data["careers"][1]["title"]["en"] = ""
    write_catalogue(path, data)


def _bad_json(path: Path) -> None:
    path.write_text(catalogue_json(BASE)[:-3], encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "status"),
    [(_valid, 0), (_with_bom, 0), (_invalid_content, 3), (_bad_json, 3)],
    ids=["valid", "bom", "invalid-content", "bad-json"],
)
def test_loading_never_writes(
    tmp_path: Path, load: Loader, make: Callable[[Path], None], status: int
) -> None:
    """Loading leaves the file's bytes and mtime alone and creates nothing beside it."""
    path = catalogue_alone_in_a_folder(tmp_path, make)
    folder = path.parent
    before = folder_snapshot(folder)
    run = load(path)
    assert run.exit_code == status, run.stderr
    assert "Traceback" not in run.stderr
    assert folder_snapshot(folder) == before
    assert sorted(os.listdir(tmp_path)) == ["catalogues"]
