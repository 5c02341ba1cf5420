"""`careers skills`, `trends`, `tips`, `--version`, help, narrow terminals, Arabic, and the
installed `careers` script run in a subprocess."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import pytest
from rich.cells import cell_len

import careers_cli
from tests.helpers import (
    SEVEN_IDS,
    invoke,
    raw_career,
    raw_catalogue,
    section,
    shows_id,
    squeeze,
)
from tests.support.explore_misc import match_headings


def skill_labels() -> dict[str, str]:
    return {s["id"]: s["label"]["en"] for s in raw_catalogue()["skills"]}


def needed_by_from_data() -> dict[str, list[str]]:
    """For each skill, the careers (catalogue order) with a required-skill line tagged with it."""
    careers = raw_catalogue()["careers"]
    return {
        skill["id"]: [
            c["id"]
            for c in careers
            if any(skill["id"] in line["skills"] for line in c["required_skills"])
        ]
        for skill in raw_catalogue()["skills"]
    }


class TestSkills:
    """`careers skills`: every skill by id, with its label, aliases and the careers needing it."""

    def blocks(self) -> dict[str, NoteBlock]:
        run = invoke(["skills"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        return {block.id: block for block in note_blocks(run.stdout, ("also", "needed by"))}

    def test_every_skill_sorted_by_id(self) -> None:
        ids = list(self.blocks())
        assert len(ids) == 25
        assert ids == sorted(s["id"] for s in raw_catalogue()["skills"])
        assert ids[:3] == ["analytics", "audience-engagement", "audience-understanding"]
        assert ids[-1] == "written-communication"

    def test_labels_and_english_aliases(self) -> None:
        aliases = {s["id"]: ", ".join(s["aliases"]["en"]) for s in raw_catalogue()["skills"]}
        shown = {sid: (block.title, block.text("also")) for sid, block in self.blocks().items()}
        assert shown["analytics"] == (
            "Data analysis",
            "analytics, data analysis, data analytics, metrics, insights, performance analysis,"
            " measurement, kpis, interpreting data",
        )
        assert shown == {sid: (label, aliases[sid]) for sid, label in skill_labels().items()}

    def test_careers_needing_each_skill(self) -> None:
        # By hand: communication is tagged in social-media-manager (line 1), the PR manager
        # (line 1), the influencer (line 2) and the community manager (line 1); analytics in the
        # manager, the marketing specialist and the analyst; credibility only in the influencer.
        shown = {sid: block.id_list("needed by") for sid, block in self.blocks().items()}
        assert shown["communication"] == [
            "social-media-manager",
            "social-media-pr-manager",
            "influencer",
            "online-community-manager",
        ]
        assert shown["analytics"] == [
            "social-media-manager",
            "social-media-marketing-specialist",
            "social-media-data-analyst",
        ]
        assert shown["credibility"] == ["influencer"]
        assert shown == needed_by_from_data()


TREND_IDS = [
    "ai-and-data-analysis",
    "visual-and-interactive-content",
    "virtual-and-augmented-reality",
    "social-commerce",
    "security-and-privacy",
]


TIP_IDS = [
    "learn-analytics-and-tools",
    "engage-with-the-audience",
    "renew-and-innovate",
    "build-a-network",
    "understand-the-target-audience",
]


@dataclass
class NoteBlock:
    """One block of `careers trends`, `tips` or `skills`: a heading line with the id (and, for
    skills, the label), indented lines, and labelled fields."""

    id: str
    title: str = ""
    lines: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)

    def id_list(self, name: str) -> list[str]:
        """A comma-separated list of ids, rejoined where a long id was folded."""
        return "".join(self.fields[name]).replace(" ", "").split(",")

    def text(self, name: str) -> str:
        return " ".join(self.fields[name])


def note_blocks(output: str, labels: tuple[str, ...] = ("careers", "skills")) -> list[NoteBlock]:
    """Blocks: an id at the left edge (with a title after two spaces, for skills), then
    indented lines, then `label  value` lines (a line with a blank label continues the one
    before)."""
    blocks: list[NoteBlock] = []
    name = ""
    field_line = re.compile(rf"^ {{3}}({'|'.join(labels)}) {{2,}}(\S.*)$")
    for line in output.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            block_id, _, title = line.strip().partition("  ")
            blocks.append(NoteBlock(block_id, title.strip()))
            name = ""
            continue
        labelled = field_line.match(line.rstrip())
        if labelled:
            name = labelled[1]
            blocks[-1].fields[name] = [labelled[2]]
        elif name:
            blocks[-1].fields[name].append(line.strip())
        else:
            blocks[-1].lines.append(line.strip())
    return blocks


@pytest.mark.parametrize(("command", "ids"), [("trends", TREND_IDS), ("tips", TIP_IDS)])
class TestTrendsAndTips:
    """Five notes each, in catalogue order: id, title and text, careers ids, skill labels."""

    def read(self, command: str) -> list[NoteBlock]:
        run = invoke([command])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        return note_blocks(run.stdout)

    def test_five_blocks_in_catalogue_order(self, command: str, ids: list[str]) -> None:
        assert [block.id for block in self.read(command)] == ids

    def test_title_and_text(self, command: str, ids: list[str]) -> None:
        notes = {n["id"]: n for n in raw_catalogue()[command]}
        for block in self.read(command):
            note = notes[block.id]
            assert block.lines[0] == note["title"]["en"]
            assert " ".join(block.lines[1:]) == note["text"]["en"]

    def test_career_ids_and_skill_labels(self, command: str, ids: list[str]) -> None:
        labels = skill_labels()
        notes = {n["id"]: n for n in raw_catalogue()[command]}
        for block in self.read(command):
            note = notes[block.id]
            assert block.id_list("careers") == note["careers"], block.id
            assert block.text("skills").split(", ") == [labels[s] for s in note["skills"]]


def test_first_trend_by_hand() -> None:
    # ai-and-data-analysis concerns the analyst, the marketing specialist and the manager, and
    # the skills analytics ("Data analysis") and strategy ("Strategy development").
    first = note_blocks(invoke(["trends"]).stdout)[0]
    assert first.id == "ai-and-data-analysis"
    assert first.lines[0] == "Artificial intelligence and data analysis"
    assert first.id_list("careers") == [
        "social-media-data-analyst",
        "social-media-marketing-specialist",
        "social-media-manager",
    ]
    assert first.text("skills") == "Data analysis, Strategy development"


def test_version() -> None:
    run = invoke(["--version"])
    assert run.exit_code == 0
    assert run.stdout == f"careers {careers_cli.__version__}\n"
    assert run.stderr == ""


COMMANDS = ["list", "show", "compare", "match", "skills", "trends", "tips"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_a_one_line_purpose_and_an_example(command: str) -> None:
    run = invoke([command, "--help"])
    assert run.exit_code == 0, run.stderr
    lines = [line.strip(" │") for line in run.stdout.splitlines()]
    usage = next(i for i, line in enumerate(lines) if line.startswith("Usage:"))
    purpose = next(line for line in lines[usage + 1 :] if line)
    assert purpose.endswith("."), purpose
    assert len(purpose.split()) >= 4, purpose
    heading = next(i for i, line in enumerate(lines) if line in ("Example", "Examples"))
    assert heading > usage
    example = next(line for line in lines[heading + 1 :] if line)
    assert example.startswith(f"careers {command}"), example


HELP_PAGES = [[], *([c] for c in [*COMMANDS, "validate", "schema"])]


def _prose_paragraphs(help_page: str) -> list[list[str]]:
    """The paragraphs above the first option panel, each as its lines without padding."""
    prose = help_page.split("╭")[0]
    paragraphs: list[list[str]] = [[]]
    for line in prose.splitlines():
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p and not p[0].startswith("Usage:")]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "careers")
def test_help_prose_wraps_to_the_terminal(command: list[str], width: int) -> None:
    """Each line of a help paragraph is as full as the width allows: the next word would not
    have fitted. A line break kept from the source would leave a short line mid-paragraph."""
    run = invoke([*command, "--help"], env={"COLUMNS": str(width)})
    assert run.exit_code == 0, run.stderr
    paragraphs = _prose_paragraphs(run.stdout)
    assert len(paragraphs) >= 2, run.stdout
    for lines in paragraphs:
        for line, following in itertools.pairwise(lines):
            next_word = following.split()[0]
            assert cell_len(line) + 1 + cell_len(next_word) > width - 2, (line, following)


@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "careers")
def test_help_shows_no_value_type_for_flags(command: list[str]) -> None:
    """`--all`, `--no-color`, `--help` take no value; a `<bool>` after them would say they do."""
    run = invoke([*command, "--help"], env={"COLUMNS": "100"})
    assert run.exit_code == 0, run.stderr
    assert "<bool>" not in run.stdout
    assert "BOOLEAN" not in run.stdout
    help_line = next(line for line in run.stdout.splitlines() if "--help" in line)
    assert re.search(r"--help\s+-h\s+Show this message and exit\.", help_line), help_line


NARROW_COMMANDS = [
    ["list"],
    ["show", "influencer"],
    ["match", "-s", "communication"],
    ["compare", "influencer", "analyst"],
    ["skills"],
]


@pytest.mark.parametrize("args", NARROW_COMMANDS, ids=lambda a: " ".join(a))
def test_at_40_columns_lines_fit_and_ids_are_shown(args: list[str]) -> None:
    run = invoke(args, env={"COLUMNS": "40"})
    assert run.exit_code == 0, run.stderr
    too_wide = [line for line in run.stdout.splitlines() if cell_len(line) > 40]
    assert too_wide == []
    assert shows_id(run.stdout, "influencer"), run.stdout


def test_at_40_columns_list_shows_every_id_whole_or_folded() -> None:
    run = invoke(["list"], env={"COLUMNS": "40"})
    assert [cid for cid in SEVEN_IDS if not shows_id(run.stdout, cid)] == []


def test_at_40_columns_match_shows_every_id_whole_or_folded() -> None:
    # -s communication: the manager, the PR manager, the influencer and the community manager.
    run = invoke(["match", "-s", "communication"], env={"COLUMNS": "40"})
    expected = [
        "influencer",
        "online-community-manager",
        "social-media-manager",
        "social-media-pr-manager",
    ]
    assert sorted(cid for cid in SEVEN_IDS if shows_id(run.stdout, cid)) == expected


def test_at_40_columns_compare_shows_both_ids_whole_or_folded() -> None:
    run = invoke(["compare", "influencer", "analyst"], env={"COLUMNS": "40"})
    assert shows_id(run.stdout, "influencer")
    assert shows_id(run.stdout, "social-media-data-analyst"), run.stdout


@pytest.mark.parametrize(
    "args",
    [*NARROW_COMMANDS, ["trends"], ["tips"], ["show", "social-media-marketing-specialist"]],
    ids=lambda a: " ".join(a),
)
def test_at_20_columns_nothing_crashes(args: list[str]) -> None:
    run = invoke(args, env={"COLUMNS": "20"})
    assert run.exit_code == 0, run.stderr
    assert "Traceback" not in run.stderr
    # "analyst" is a word of one title only (Social Media Data Analyst): found by its words, a
    # guess, which one line on stderr names (whole, however narrow the terminal). Ids are quiet.
    guesses = [
        f"using social-media-data-analyst, the closest match to '{arg}'\n"
        for arg in args
        if arg == "analyst"
    ]
    assert run.stderr == "".join(guesses)
    assert run.stdout.strip()


class TestArabic:
    """`--lang ar` or CAREERS_LANG=ar: the program's words and the catalogue's text in Arabic."""

    def test_show_has_the_arabic_description_and_headings(self) -> None:
        run = invoke(["show", "influencer", "--lang", "ar"])
        assert run.exit_code == 0, run.stderr
        influencer = raw_career("influencer")
        assert squeeze(section(run.stdout, "الوصف")) == squeeze(influencer["description"]["ar"])
        assert "المهارات المطلوبة" in [line.strip() for line in run.stdout.splitlines()]
        assert run.stdout.splitlines()[0].split()[:4] == influencer["title"]["ar"].split()[:4]
        for english in ("Description", "Required skills", influencer["description"]["en"][:30]):
            assert english not in run.stdout

    def test_show_arabic_required_skill_lines(self) -> None:
        run = invoke(["show", "influencer", "--lang", "ar"])
        text = squeeze(run.stdout)
        for line in raw_career("influencer")["required_skills"]:
            assert squeeze(line["text"]["ar"]) in text

    def test_environment_variable_and_option_before_the_command_give_the_same(self) -> None:
        after = invoke(["show", "influencer", "--lang", "ar"])
        before = invoke(["--lang", "ar", "show", "influencer"])
        by_env = invoke(["show", "influencer"], env={"CAREERS_LANG": "ar"})
        assert "المهارات المطلوبة" in after.stdout
        assert before.stdout == after.stdout
        assert by_env.stdout == after.stdout

    def test_list_in_arabic(self) -> None:
        run = invoke(["list", "--lang", "ar"])
        assert run.exit_code == 0, run.stderr
        header = run.stdout.splitlines()[0]
        assert "المعرف" in header and "id" not in header.split()
        for cid in SEVEN_IDS:
            record = raw_career(cid)
            assert record["title"]["ar"] in run.stdout
            assert record["title"]["en"] not in run.stdout

    def test_match_in_arabic_shows_arabic_labels(self) -> None:
        run = invoke(["match", "-s", "التحليل", "--lang", "ar"])
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""  # التحليل is an alias of analytics: a whole name, not a guess
        # analytics: 3 of the 7 careers, ln(1 + 7/3) = 1.20 each and one rank; on 2 of the data
        # analyst's 4 lines, 1 of 4 of the others' (then by id).
        assert match_headings(run.stdout) == [
            (1, "social-media-data-analyst", "1.20"),
            (1, "social-media-manager", "1.20"),
            (1, "social-media-marketing-specialist", "1.20"),
        ]
        assert "الدرجة 1.20 · 1/1 · 50%" in run.stdout.splitlines()[0]
        assert "تحليل البيانات" in run.stdout
        assert "Data analysis" not in run.stdout

    def test_errors_in_arabic(self) -> None:
        run = invoke(["show", "xyzzy", "--lang", "ar"])
        assert run.exit_code == 1
        assert "لا توجد مهنة تطابق 'xyzzy'" in run.stderr
