"""Usage errors (exit 2) and help, as a person reads them, in English and wholly in Arabic."""

from __future__ import annotations

import pytest

from tests.helpers import Run, invoke


def lines(run: Run) -> list[str]:
    return run.stderr.splitlines()


ARABIC_FORMS = [["--lang", "ar"], ["--lang=ar"], ["--lang", "AR"]]


class TestInEnglishAndArabic:
    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_a_limit_below_one_is_arabic_throughout(self, lang: list[str]) -> None:
        run = invoke(["match", "-s", "analytics", "--limit", "0", *lang])
        assert run.exit_code == 2
        assert lines(run) == [
            "خطأ: --limit يجب أن يكون عدداً صحيحاً لا يقل عن 1، أو 'all' (القيمة '0')",
            "للمساعدة جرّب 'careers match -h'",
        ]

    @pytest.mark.parametrize("value", ["0", "-3", "x", "1.5", "٣"])
    def test_a_limit_that_is_not_a_whole_number_of_at_least_one(self, value: str) -> None:
        run = invoke(["match", "-s", "analytics", "-n", value])
        assert run.exit_code == 2
        assert lines(run)[0] == (
            f"error: --limit must be a whole number of at least 1, or 'all' (got '{value}')"
        )

    def test_a_limit_of_one_works(self) -> None:
        run = invoke(["match", "-s", "analytics", "-n", "1", "-f", "csv"])
        assert run.exit_code == 0
        assert len(run.stdout.splitlines()) == 2

    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_compare_without_careers_names_the_argument(self, lang: list[str]) -> None:
        """`careers` is an argument, not an option (الوسيط, not الخيار)."""
        run = invoke(["compare", *lang])
        assert run.exit_code == 2
        assert lines(run) == ["خطأ: الوسيط CAREER... مطلوب", "للمساعدة جرّب 'careers compare -h'"]
        english = invoke(["compare"])
        assert lines(english) == [
            "error: missing argument CAREER...",
            "try 'careers compare -h' for help",
        ]

    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_a_missing_option(self, lang: list[str]) -> None:
        run = invoke(["match", *lang])
        assert run.exit_code == 2
        assert lines(run)[0] == "خطأ: الخيار --skill / -s مطلوب"
        english = invoke(["match"])
        assert (english.exit_code, lines(english)[0]) == (2, "error: missing --skill / -s")

    def test_an_option_without_its_value(self) -> None:
        run = invoke(["list", "--format"])
        assert run.exit_code == 2
        assert lines(run)[0] == "error: option --format needs a value"
        arabic = invoke(["list", "--lang=ar", "--data"])
        assert lines(arabic)[0] == "خطأ: الخيار --data يحتاج إلى قيمة"

    @pytest.mark.parametrize("lang", ARABIC_FORMS, ids=["space", "equals", "upper"])
    def test_an_unknown_option(self, lang: list[str]) -> None:
        run = invoke(["list", "--colour-scheme", *lang])
        assert run.exit_code == 2
        assert lines(run) == [
            "خطأ: لا يوجد خيار باسم --colour-scheme",
            "للمساعدة جرّب 'careers list -h'",
        ]


class TestChoices:
    def test_a_bad_value_typed_is_blamed_on_the_option(self) -> None:
        run = invoke(["list", "--lang", "xx"], env={"CAREERS_LANG": "en"})
        assert run.exit_code == 2
        assert lines(run) == [
            "error: --lang must be one of 'en' or 'ar' (got 'xx')",
            "try 'careers list -h' for help",
        ]

    def test_a_bad_value_from_the_environment_is_blamed_on_the_variable(self) -> None:
        run = invoke(["list"], env={"CAREERS_LANG": "fr"})
        assert run.exit_code == 2
        assert lines(run)[0] == "error: $CAREERS_LANG must be one of 'en' or 'ar' (got 'fr')"
        rtl = invoke(["list"], env={"CAREERS_RTL": "sideways"})
        assert lines(rtl)[0] == (
            "error: $CAREERS_RTL must be one of 'logical' or 'visual' (got 'sideways')"
        )

    def test_in_arabic(self) -> None:
        run = invoke(["list", "--lang", "ar", "-f", "xml"])
        assert lines(run) == [
            "خطأ: --format / -f يجب أن يكون أحد الخيارات 'table' أو 'json' أو 'csv' أو "
            "'markdown' (القيمة 'xml')",
            "للمساعدة جرّب 'careers list -h'",
        ]

    @pytest.mark.parametrize("value", ["JSON", "Json"])
    def test_choices_ignore_case(self, value: str) -> None:
        run = invoke(["list", "-f", value])
        assert run.exit_code == 0
        assert run.stdout.startswith("[")


class TestCommonOptionsBeforeTheCommand:
    def test_format_before_the_command(self) -> None:
        run = invoke(["--format", "json", "list"])
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith("[\n  {\n")

    def test_format_after_the_command_wins(self) -> None:
        run = invoke(["--format", "json", "list", "-f", "csv"])
        assert run.stdout.splitlines()[0] == "id,title,summary,skills"

    def test_rtl_before_the_command(self) -> None:
        before = invoke(["--rtl", "visual", "show", "influencer", "--lang", "ar"])
        after = invoke(["show", "influencer", "--lang", "ar", "--rtl", "visual"])
        logical = invoke(["show", "influencer", "--lang", "ar", "--rtl", "logical"])
        assert before.exit_code == 0
        assert before.stdout == after.stdout
        assert before.stdout != logical.stdout


class TestEmptyPath:
    @pytest.mark.parametrize("args", [["list", "--data", ""], ["--data", " ", "list"]])
    def test_an_empty_data_path_says_so(self, args: list[str]) -> None:
        run = invoke(args)
        assert run.exit_code == 2
        assert lines(run)[0] == "error: --data: the path is empty"

    def test_in_arabic(self) -> None:
        run = invoke(["list", "--lang", "ar", "--data", ""])
        assert lines(run)[0] == "خطأ: --data: المسار فارغ"
