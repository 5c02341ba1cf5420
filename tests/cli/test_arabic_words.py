"""Arabic all the way through: every usage error, every JSON error and every help page in Arabic
under `--lang ar` or `CAREERS_LANG=ar`, with no English word in it but ids, option names, paths
and commands (and the names of formats, standards and programs, which have no Arabic)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import string
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import typer
from rich.cells import cell_len

from careers_cli.app.main import app
from careers_cli.errors import os_error_reason
from careers_cli.i18n.help_text import arabic_command_help, command_paths, parameter_keys
from careers_cli.i18n.messages import (
    json_phrase,
    labels,
    message,
    message_templates,
    os_reason_in_arabic,
)
from careers_cli.text.bidi import visual_order
from tests.helpers import invoke, raw_catalogue

# Words that are not English but names: of formats and standards, of programs and shells, of
# the values a user types (`--format json`, `--lang ar`, `--limit all`, `CAREERS_DEBUG=yes`).
NAMES = {
    *("ESCO", "ISCO-08", "JSON", "Schema", "CSV", "UTF-8", "UTF-16", "MiB", "Markdown"),
    *("xterm", "kitty", "Alacritty", "Windows", "Terminal", "Konsole", "mlterm", "GNOME"),
    *("VTE", "Emacs", "Excel", "bash", "zsh", "fish", "ln"),
    *("en", "ar", "table", "json", "csv", "csv-bom", "markdown", "html", "svg", "logical"),
    *("visual", "all"),
    *("true", "false", "yes", "no", "on", "off", "a-z", "NaN", "Infinity", "zip", "SHELL"),
}
COMMAND_NAMES = {
    *("careers", "list", "show", "compare", "match", "next", "gap", "skills", "trends"),
    *("tips", "read", "validate", "schema", "profile", "import", "cache", "esco", "add"),
    *("remove", "clear", "build", "dir", "browse"),
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-/~]*")


def _catalogue_ids() -> set[str]:
    data = raw_catalogue()
    kinds = ("careers", "skills", "platforms", "trends", "tips", "sections")
    return {record["id"] for kind in kinds for record in data.get(kind, [])}


IDS = _catalogue_ids()


def english_words(text: str, typed: Sequence[str] = ()) -> list[str]:
    """The Latin-letter words of `text` that are not an id, an option name, a path, a command,
    an environment variable, a name from `NAMES` or a word the user `typed`: English left in
    Arabic text."""
    found = []
    for line in text.splitlines():
        line = line.strip(" │╭╮╰╯─")
        if line.startswith("careers "):  # an example: a command line
            continue
        line = re.sub(r"'[^']*'|\"[^\"]*\"", " ", line)  # a quoted command or value
        line = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", " ", line)  # option names
        line = re.sub(r"\$?\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\$[A-Z]+\b", " ", line)  # variables
        for match in LATIN_WORD.finditer(line):
            word = match.group().rstrip(".")
            if "/" in word or "." in word:  # a path or a file name
                continue
            if word in NAMES or word in COMMAND_NAMES or word in IDS or word in typed:
                continue
            found.append(word)
    return found


def test_the_scanner_finds_english_and_passes_what_may_stay() -> None:
    assert english_words("خطأ: No such command 'lst'") == ["No", "such", "command"]
    assert english_words("JSON غير صالح: Expecting value") == ["Expecting", "value"]
    kept = (
        "│ --format  -f  [table|json|csv|markdown]  table للقراءة؛ و'all' لعرضها $CAREERS_DATA\n"
        ' careers match -s analytics -s "content creation"\n'
        "من influencer إلى ~/.config/careers أو occupations_ar.csv (ESCO، ISCO-08)"
    )
    assert english_words(kept) == []


def _commands() -> Iterator[tuple[str, Any]]:
    root = typer.main.get_command(app)

    def walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}".strip())

    yield from walk(root, "")


COMMAND_PATHS = [path for path, _ in _commands()]


class TestArabicHelp:
    """`--help` in Arabic: every command's help, its options' help, the usage line's words
    and the panels' headings."""

    def test_every_command_and_parameter_has_its_arabic(self) -> None:
        """A command or option added without its Arabic would show English in Arabic help; an
        entry for one that is gone is text kept for nothing."""
        expected_parameters = set()
        for path, command in _commands():
            assert arabic_command_help(path), path
            for param in command.params:
                expected_parameters.add(f"{path}|{param.name}")
        shared = {key for key in parameter_keys() if key.startswith("*|")}
        own = set(parameter_keys()) - shared
        assert own <= expected_parameters
        names = {key.split("|")[1] for key in shared} - {"help"}
        missing = [key for key in expected_parameters - own if key.split("|")[1] not in names]
        assert missing == []
        assert set(command_paths()) == set(COMMAND_PATHS)

    @pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: p or "careers")
    def test_help_has_no_english_word(self, path: str) -> None:
        run = invoke([*path.split(), "--help"], {"CAREERS_LANG": "ar", "COLUMNS": "100"})
        assert run.exit_code == 0, run.stderr
        assert "الاستخدام: careers" in run.stdout
        assert english_words(run.stdout) == []

    @pytest.mark.parametrize("group", ["profile", "cache"])
    def test_lang_ar_after_a_group_gives_its_arabic_help(self, group: str) -> None:
        run = invoke([group, "--help", "--lang", "ar"], {"COLUMNS": "100"})
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.stdout.lstrip().startswith(f"الاستخدام: careers {group} [الخيارات] الأمر")

    def test_options_before_a_profile_subcommand_reach_it(self) -> None:
        run = invoke(["profile", "--lang", "ar", "list"])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith("ملفك الشخصي لهذا الكتالوج: ")

    def test_lang_ar_after_the_command_gives_arabic_help(self) -> None:
        run = invoke(["show", "--help", "--lang", "ar"], {"COLUMNS": "100"})
        lines = [line.strip() for line in run.stdout.splitlines()]
        assert lines[0] == "الاستخدام: careers show [الخيارات] المهنة"
        assert lines[2] == (
            "اعرض مهنة واحدة: مهامها ومهاراتها وأدواتها والتوجهات والنصائح والمهن ذات الصلة."
        )
        for heading in ("الوسائط", "الخيارات", "الخيارات المشتركة"):
            assert heading in lines
        assert "[مطلوب]" in lines and "[متغير البيئة: CAREERS_LANG]" in lines
        assert any(re.fullmatch(r"--lang \[en\|ar\]\s+لغة المخرجات: en .*", line) for line in lines)
        assert "Usage" not in run.stdout and "Options" not in run.stdout

    def test_the_group_lists_its_commands_in_arabic(self) -> None:
        text = invoke(["--lang=ar", "--help"], {"COLUMNS": "120"}).stdout
        lines = [line.strip() for line in text.splitlines()]
        assert lines[0] == "الاستخدام: careers [الخيارات] الأمر [الوسائط]..."
        assert "الأوامر" in lines
        assert any(re.fullmatch(r"list\s+اعرض المهن: المعرف والمسمى .*", line) for line in lines)
        assert any(re.fullmatch(r"gap\s+ما ينتقل معك من مهنتك الحالية .*", line) for line in lines)

    def test_visual_order_on_request(self) -> None:
        """With `--rtl visual` (the default on a terminal) the help is laid out as the other
        views are: shaped, in visual order, against the right edge; commands left to right."""
        run = invoke(["show", "--help", "--lang", "ar", "--rtl", "visual"], {"COLUMNS": "90"})
        lines = run.stdout.splitlines()
        assert lines[0].rstrip() == visual_order("الاستخدام: careers show [الخيارات] المهنة").rjust(
            90
        )
        assert "careers show influencer" in [line.strip() for line in lines]
        assert all(cell_len(line) <= 90 for line in lines)

    def test_english_help_is_unchanged_after_arabic(self) -> None:
        """The Arabic is put in place while help is written, and taken away after."""
        invoke(["gap", "--help"], {"CAREERS_LANG": "ar"})
        text = invoke(["gap", "--help"], {"COLUMNS": "120"}).stdout
        assert "Usage: careers gap [OPTIONS] FROM TO" in text
        assert "What carries over from FROM to TO" in text
        assert "─ Common options ─" in text and "[env var: CAREERS_RTL]" in text


# (command line, the Arabic error line, the Arabic hint line)
USAGE_ERRORS = [
    (["lst"], "لا يوجد أمر باسم lst؛ هل تقصد 'list'؟", "للمساعدة جرّب 'careers -h'"),
    (["profile", "lst"], "لا يوجد أمر باسم lst؛ هل تقصد 'list'؟", "'careers profile -h'"),
    (["cache", "xyzzy"], "لا يوجد أمر باسم xyzzy", "'careers cache -h'"),
    (["list", "--limti", "3"], "لا يوجد خيار باسم --limti؛ هل تقصد --limit؟", "'careers list -h'"),
    (["list", "--sort", "x"], "لا يوجد خيار باسم --sort", "'careers list -h'"),
    (["list", "--no-color=yes"], "الخيار --no-color لا يأخذ قيمة", "للمساعدة"),
    (["list", "--format"], "الخيار --format يحتاج إلى قيمة", "للمساعدة"),
    (["show"], "الوسيط المهنة مطلوب", "'careers show -h'"),
    (["gap", "influencer"], "الوسيط المقصودة مطلوب", "'careers gap -h'"),
    (["match"], "الخيار --skill / -s مطلوب", "'careers match -h'"),
    (["--no-color"], "الأمر ناقص: اذكر اسم أحد الأوامر", "'careers -h'"),
    (
        ["list", "--format", "xml"],
        "--format / -f يجب أن يكون أحد الخيارات 'table' أو 'json' أو 'csv' أو 'csv-bom' أو "
        "'markdown' أو 'html' أو 'svg' (القيمة 'xml')",
        "'careers list -h'",
    ),
    (["show", "influencer", "extra"], "كلمات غير متوقعة: extra؛", "'careers show -h'"),
    (["schema", "extra"], "كلمات غير متوقعة: extra؛", "'careers schema -h'"),
]


class TestArabicUsageErrors:
    """What the option parser would say in English, said in Arabic from its data."""

    @pytest.mark.parametrize(("args", "line", "hint"), USAGE_ERRORS, ids=lambda a: str(a))
    def test_usage_error_in_arabic(self, args: list[str], line: str, hint: str) -> None:
        run = invoke(args, {"CAREERS_LANG": "ar"})
        assert run.exit_code == 2
        first, second = run.stderr.splitlines()
        assert first.startswith("خطأ: ")
        assert line in first
        assert hint in second
        assert english_words(run.stderr, typed=args) == []

    def test_in_arabic_with_lang_ar_too(self) -> None:
        run = invoke(["lst", "--lang", "ar"])
        assert run.stderr.splitlines()[0] == "خطأ: لا يوجد أمر باسم lst؛ هل تقصد 'list'؟"

    def test_a_flag_variable_that_is_not_yes_or_no(self) -> None:
        run = invoke(["list"], {"CAREERS_LANG": "ar", "CAREERS_DEBUG": "maybe"})
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == (
            "خطأ: قيمة $CAREERS_DEBUG هي 'maybe': اجعلها 1 أو true أو yes أو on، أو 0 أو false "
            "أو no أو off"
        )

    @pytest.mark.parametrize(
        ("args", "english"),
        [
            (["lst"], "error: no such command: lst; did you mean 'list'?"),
            (["list", "--limti", "3"], "error: no such option: --limti; did you mean --limit?"),
            (["list", "--no-color=yes"], "error: option --no-color takes no value"),
            (["--no-color"], "error: missing command: name one of the commands"),
        ],
    )
    def test_english_says_the_same(self, args: list[str], english: str) -> None:
        run = invoke(args)
        assert run.exit_code == 2
        assert run.stderr.splitlines()[0] == english


def english_reason() -> str:
    return os.strerror(errno.ENOENT)


class TestArabicSystemErrors:
    """An operating system's reason (`Permission denied`) in Arabic, by its error number."""

    def test_an_unreadable_catalogue(self, tmp_path: Path) -> None:
        path = tmp_path / "missing" / "careers.json"
        run = invoke(["validate", str(tmp_path), "--lang", "ar"])
        assert run.exit_code == 3
        assert english_words(run.stderr.replace(str(tmp_path), "")) == []
        reason = os_error_reason(PermissionError(errno.EACCES, "Permission denied"))
        assert message("profile.unreadable", "ar", path="p.json", reason=reason) == (
            "تتعذر قراءة ملفك الشخصي p.json (الإذن مرفوض)"
        )
        assert message("profile.unreadable", "en", path="p.json", reason=reason) == (
            "your profile p.json cannot be read (Permission denied)"
        )
        at = reason.at(path)
        assert (
            message("output.failed", "ar", reason=at)
            == f"تتعذر كتابة المخرجات: {path}: الإذن مرفوض"
        )
        assert message("output.failed", "en", reason=at) == (
            f"cannot write the output: {path}: Permission denied"
        )

    def test_a_file_that_cannot_be_written(self, tmp_path: Path) -> None:
        output = tmp_path / "no-such-folder" / "esco.json"
        pack = Path(__file__).parents[1] / "data" / "esco-arabic-v1.2.1"
        run = invoke(["--lang", "ar", "import", "esco", str(pack), "-o", str(output)])
        assert run.exit_code == 74
        assert run.stderr == f"خطأ: {output}: تتعذر كتابة الملف (الملف أو المجلد غير موجود)\n"
        english = invoke(["import", "esco", str(pack), "-o", str(output)])
        assert english.stderr == f"error: {output}: cannot be written ({english_reason()})\n"

    def test_a_number_without_arabic_words_is_named_by_its_symbol(self) -> None:
        reason = os_error_reason(OSError(errno.ENOTSOCK, "Socket operation on non-socket"))
        assert os_reason_in_arabic(reason) == "خطأ في نظام التشغيل ENOTSOCK"


class TestArabicImportErrors:
    """What the CSV and zip readers say of a broken ESCO download, and the program of a pipe
    where a file should be, in Arabic."""

    def test_broken_csv_quoting(self, tmp_path: Path) -> None:
        pack = Path(__file__).parents[1] / "data" / "esco-arabic-v1.2.1"
        folder = tmp_path / "download"
        shutil.copytree(pack, folder)
        skills = folder / "skills_en.csv"
        lines = skills.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[2] = lines[2].replace(",", ',"x" y,', 1)
        skills.write_text("".join(lines), encoding="utf-8")
        run = invoke(["--lang", "ar", "import", "esco", str(folder), "-o", "-"])
        assert run.exit_code == 3
        assert run.stderr == (
            f"خطأ: {skills}:3: صيغة CSV معطوبة في الصف الذي يبدأ في هذا السطر: يُنتظر ',' بعد '\"'\n"
        )

    def test_a_broken_zip(self, tmp_path: Path) -> None:
        download = tmp_path / "esco.zip"
        download.write_bytes(b"PK\x03\x04 not really a zip")
        run = invoke(["--lang", "ar", "import", "esco", str(download), "-o", "-"])
        assert run.exit_code == 3
        assert run.stderr.startswith(f"خطأ: {download}: ملف zip تتعذر قراءته (")
        assert english_words(run.stderr.replace(str(download), "")) == []

    def test_a_pipe_where_a_file_of_the_download_should_be(self, tmp_path: Path) -> None:
        pack = Path(__file__).parents[1] / "data" / "esco-arabic-v1.2.1"
        folder = tmp_path / "download"
        shutil.copytree(pack, folder)
        (folder / "skills_en.csv").unlink()
        os.mkfifo(folder / "skills_en.csv")
        run = invoke(["--lang", "ar", "import", "esco", str(folder), "-o", "-"])
        assert run.exit_code == 3
        assert run.stderr.endswith("(ليس ملفاً عادياً (أنبوب مسمّى))\n")
        assert english_words(run.stderr.replace(str(folder), "")) == []


class TestArabicJsonErrors:
    """What the JSON parser says, in Arabic, with the line and column it gives."""

    @pytest.mark.parametrize(
        ("text", "place", "arabic"),
        [
            ("# a README\n", "1:1", "تُنتظر هنا قيمة JSON"),
            ('{"a": 1,}', "1:9", "يُنتظر هنا اسم مفتاح بين علامتي تنصيص مزدوجتين"),
            ('{"a" 1}', "1:6", "تُنتظر هنا النقطتان ':' بعد المفتاح"),
            ('{\n"a": 1 "b": 2}', "2:8", "تُنتظر هنا فاصلة ',' بين عنصرين"),
            ('{"a": "b', "1:7", "نص لم يُغلق بعلامة تنصيص"),
            ('{"a": "\\q"}', "1:8", "تهريب غير صالح بعد الشرطة المائلة العكسية"),
            ('{"a": "\\u12"}', "1:9", "تهريب يونيكود غير صالح: تلزمه أربعة أرقام ست عشرية"),
            ('{"a": "x\ty"}', "1:9", "محرف تحكم غير مسموح داخل النص"),
            ("{} {}", "1:4", "بيانات زائدة بعد نهاية كائن JSON"),
            ('{"a": NaN}', "1:7", "NaN ليس عدداً في JSON"),
        ],
    )
    def test_validate_says_it_in_arabic(
        self, tmp_path: Path, text: str, place: str, arabic: str
    ) -> None:
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
        run = invoke(["validate", str(path), "--lang", "ar"])
        assert run.exit_code == 3
        assert f"{path}:{place}: JSON غير صالح: {arabic}" in run.stderr
        assert english_words(run.stderr.replace(str(path), "")) == []

    def test_english_keeps_the_parser_words(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.json"
        path.write_text("# a README\n", encoding="utf-8")
        run = invoke(["validate", str(path)])
        assert f"{path}:1:1: invalid JSON: Expecting value" in run.stderr

    def test_a_message_of_a_later_python_still_has_arabic(self) -> None:
        phrase = json_phrase("Illegal trailing comma before end of object")
        assert phrase.arabic == "فاصلة زائدة قبل نهاية الكائن أو القائمة"
        assert json_phrase("Something new").arabic == "بنية JSON غير صالحة"
        assert json_phrase("Something new").english == "Something new"


# Kept in English in both languages: a stream that cannot show Arabic cannot show this in Arabic.
ENGLISH_ON_PURPOSE = {"output.narrow"}


def _without_fields(template: str) -> str:
    return "".join(text for text, _, _, _ in string.Formatter().parse(template))


@pytest.mark.parametrize(
    ("key", "arabic"),
    sorted(
        (key, texts[1])
        for key, texts in [*message_templates().items(), *labels().items()]
        if key not in ENGLISH_ON_PURPOSE
    ),
)
def test_no_arabic_message_or_label_has_an_english_word(key: str, arabic: str) -> None:
    text = _without_fields(arabic) if "{" in arabic and key != "help.envvar" else arabic
    # the fields of the catalogue format and ESCO's files, a placeholder, a variable, an escape
    fields = {"schema_version", "languages", "relationType", "SKILL", "SHELL", "ud800"}
    assert [word for word in english_words(text) if word not in fields] == [], key
