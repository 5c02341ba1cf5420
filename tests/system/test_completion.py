"""Shell completion: what `careers` answers, how each shell's script reads it, and real shells."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from careers_cli.app.completion import SHELLS, completion_script, quote_for_bash
from tests.helpers import (
    CAREERS_SCRIPT,
    DATA,
    REPO,
    SEVEN_IDS,
    Run,
    raw_catalogue,
    raw_controls,
    run_command,
    terminal_env,
    write_catalogue,
)
from tests.support.import_esco import ARABIC_PACK
from tests.support.shell import complete

# Each payload would run `touch CANARY...` if it reached a shell as code. The first ran `touch`
# through the zsh script Typer installs, which evaluates the program's answer.
PAYLOADS = {
    "content-creation": 'Dx Analyst\\"); touch CANARY0; (\\"',
    "analytics": 'Data Analyst"); touch CANARY1; ("',
    "audience-engagement": "$(touch CANARY2)",
    "audience-understanding": "`touch CANARY3`",
    "budget-management": "Zed; touch CANARY4 | b & c",
    "campaign-management": "Quote's \\ back $HOME",
    "communication": "Wq'; touch CANARY5; '",
    "community-management": "Bang!(touch CANARY6) {a,b} *",
}


TITLES = {
    "social-media-manager": '"); touch CANARY7; ("',
    "influencer": "$(touch CANARY8) `touch CANARY9`",
}


def hostile_catalogue(tmp_path: Path) -> Path:
    data = raw_catalogue()
    for skill in data["skills"]:
        if skill["id"] in PAYLOADS:
            skill["label"]["en"] = PAYLOADS[skill["id"]]
    for career in data["careers"]:
        if career["id"] in TITLES:
            career["title"]["en"] = TITLES[career["id"]]
    return write_catalogue(tmp_path / "hostile.json", data)


class TestCandidates:
    """What `careers` answers for a command line, in each shell's form."""

    def test_show_completes_a_career_id(self) -> None:
        run = complete("bash", "careers show infl")
        assert (run.exit_code, run.stdout, run.stderr) == (0, "influencer\n", "")

    def test_compare_completes_the_first_and_the_second_career(self) -> None:
        assert complete("bash", "careers compare social-media-d").stdout == (
            "social-media-data-analyst\n"
        )
        second = complete("bash", "careers compare influencer social-media-d")
        assert second.stdout == "social-media-data-analyst\n"

    @pytest.mark.parametrize("option", ["--skill", "-s"])
    def test_match_completes_a_skill_id(self, option: str) -> None:
        assert complete("bash", f"careers match {option} analy").stdout == "analytics\n"

    def test_an_arabic_skill_label_of_an_esco_import_completes(self, tmp_path: Path) -> None:
        """Skill labels from ESCO's Arabic file (skills_ar.csv) complete as the built-in
        catalogue's do: `careers match --skill تحر<TAB>`."""
        path = tmp_path / "esco.json"
        run = run_command(
            [str(CAREERS_SCRIPT), "import", "esco", str(ARABIC_PACK), "-o", str(path)],
            terminal_env(),
        )
        assert run.exit_code == 0, run.stderr
        data = str(path)
        assert complete("bash", "careers match --skill تحر", CAREERS_DATA=data).stdout == (
            "تحرير\\ الفيديو\n"
        )
        assert complete("bash", "careers match -s 'موا", CAREERS_DATA=data).stdout == (
            "مواكبة وسائل التواصل الاجتماعي\n"
        )
        zsh = complete("zsh", "careers match -s تقني", CAREERS_DATA=data).stdout
        assert zsh == "تقنيات الإشراف على المحتوى عبر الإنترنت\tonline-moderation-techniques\n"

    def test_a_label_with_a_space_comes_back_escaped_for_bash(self) -> None:
        """`Aud<TAB>` must give a word bash reads back as one argument."""
        assert complete("bash", "careers match -s Aud").stdout == "Audience\\ engagement\n"

    def test_inside_a_double_quote_bash_gets_the_value_as_it_is(self) -> None:
        assert complete("bash", 'careers match -s "Aud').stdout == "Audience engagement\n"

    @pytest.mark.parametrize("shell", ["zsh", "fish"])
    def test_zsh_and_fish_get_the_value_and_its_help(self, shell: str) -> None:
        """They quote the value themselves; the help (a skill's id, a career's title) follows
        a tab."""
        assert complete(shell, "careers match -s Aud").stdout == (
            "Audience engagement\taudience-engagement\n"
        )
        # Ids first, each with its English title; then the other names (English alternative
        # titles, then the Arabic title and its forms), each with its career's id. Each group
        # shortest first (all fit the empty word equally), then A to Z: influencer (10
        # characters), social-media-manager (20), digital-content-creator and
        # social-media-pr-manager (23), online-community-manager (24), ...-data-analyst (25),
        # ...-marketing-specialist (33); "PR manager" (10), "content maker" (13), ...
        shown = complete(shell, "careers show ").stdout.splitlines()
        assert shown[:7] == [
            "influencer\tSocial Media Influencer",
            "social-media-manager\tSocial Media Manager",
            "digital-content-creator\tDigital Content Creator",
            "social-media-pr-manager\tSocial Media Public Relations Manager",
            "online-community-manager\tOnline Community Manager",
            "social-media-data-analyst\tSocial Media Data Analyst",
            "social-media-marketing-specialist\tSocial Media Marketing Specialist",
        ]
        careers = json.loads(DATA.read_text(encoding="utf-8"))["careers"]
        others = {
            name: career["id"]
            for career in careers
            for name in (
                *career.get("alt_titles", {}).get("en", []),
                career["title"]["ar"],
                *career.get("alt_titles", {}).get("ar", []),
            )
        }
        assert shown[7:] == [f"{n}\t{others[n]}" for n in sorted(others, key=lambda n: (len(n), n))]
        # The shortest other name is the Arabic title of the influencer, مؤثر (4 letters);
        # the shortest English one "PR manager" (10).
        assert shown[7] == "مؤثر\tinfluencer"
        assert next(line for line in shown[7:] if line.isascii()) == (
            "PR manager\tsocial-media-pr-manager"
        )
        assert sorted(line.split("\t")[0] for line in shown[:7]) == sorted(SEVEN_IDS)

    def test_option_values_and_command_names_complete(self) -> None:
        assert complete("bash", "careers list --format j").stdout == "json\n"
        assert complete("bash", "careers list --lang ").stdout == "en\nar\n"
        assert complete("bash", "careers sh").stdout == "show\n"

    @pytest.mark.parametrize(
        "line",
        [
            "careers show --data {path} ",
            "careers show --data={path} ",
            "careers --data {path} show ",
            "careers --data ~/{name} show ",
        ],
        ids=["after", "after-with-equals", "before", "tilde"],
    )
    def test_the_catalogue_named_by_data_on_the_line_is_the_one_completed(self, line: str) -> None:
        example = REPO / "examples" / "small-catalogue.json"
        ids = [c["id"] for c in json.loads(example.read_text(encoding="utf-8"))["careers"]]
        text = line.format(path=example, name=example.name)
        run = complete("bash", text, HOME=str(example.parent))
        assert run.stdout.splitlines()[: len(ids)] == ids  # then its careers' Arabic titles

    def test_careers_data_is_honoured(self) -> None:
        example = REPO / "examples" / "small-catalogue.json"
        run = complete("bash", "careers show ", CAREERS_DATA=str(example))
        careers = json.loads(example.read_text(encoding="utf-8"))["careers"]
        assert run.stdout.splitlines()[: len(careers)] == [c["id"] for c in careers]

    @pytest.mark.parametrize(
        "content",
        ["{}", '{"careers": [{"id": 5}], "skills": []}', '{"careers": [', "[1, 2]", "\u0000"],
        ids=["empty-object", "career-without-fields", "cut-off", "array", "nul"],
    )
    @pytest.mark.parametrize("shell", SHELLS)
    def test_a_broken_catalogue_completes_nothing_silently(
        self, tmp_path: Path, content: str, shell: str
    ) -> None:
        path = tmp_path / "careers.json"
        path.write_text(content, encoding="utf-8")
        run = complete(shell, "careers show infl", CAREERS_DATA=str(path))
        assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")

    @pytest.mark.parametrize("shell", SHELLS)
    def test_control_characters_never_reach_the_shell(self, tmp_path: Path, shell: str) -> None:
        """Help text is made printable on one line; a label with a control character, a tab
        or a newline is not offered at all."""
        data = raw_catalogue()
        influencer = next(c for c in data["careers"] if c["id"] == "influencer")
        influencer["title"]["en"] = "Influencer \x1b]0;pwned\x07\u202e\nevil"
        data["skills"][0]["label"]["en"] = "Analytics\x1b[2J"
        data["skills"][1]["label"]["en"] = "Audience\tengagement"
        data["skills"][2]["label"]["en"] = "Audience\nunderstanding"
        data["skills"][3]["label"]["en"] = "Audit"  # the one clean label that "A" reaches
        path = write_catalogue(tmp_path / "hostile.json", data)
        shown = complete(shell, "careers show infl", CAREERS_DATA=str(path))
        assert shown.stdout.rstrip("\n").split("\t")[0] == "influencer"
        assert raw_controls(shown.stdout) == set()
        assert shown.stdout.count("\n") == 1
        skills = complete(shell, "careers match -s A", CAREERS_DATA=str(path))
        offered = [line.split("\t")[0] for line in skills.stdout.splitlines()]
        assert offered == ["Audit"]
        assert skills.stderr == ""

    def test_an_outdated_zsh_script_gets_only_a_reminder(self, tmp_path: Path) -> None:
        """Scripts installed by earlier versions evaluated the answer (zsh) or split it on
        white space (bash): they are given nothing from the catalogue, only a constant."""
        path = hostile_catalogue(tmp_path)
        env = {"CAREERS_DATA": str(path), "_TYPER_COMPLETE_ARGS": "careers match -s Zed"}
        zsh = complete("complete_zsh", "", **env)
        assert zsh.stdout == (
            "_message 'careers: this completion script is outdated; "
            "run: careers --install-completion zsh'\n"
        )
        for request in ("complete_bash", "complete_fish"):
            old = complete(request, "", COMP_WORDS="careers match -s Zed", COMP_CWORD="3", **env)
            assert (old.exit_code, old.stdout, old.stderr) == (0, "", "")

    def test_an_unknown_request_is_answered_with_nothing(self) -> None:
        run = complete("powershell", "careers show ")
        assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")


HOSTILE_VALUES = [
    *PAYLOADS.values(),
    "plain",
    "مدون فيديو / مدونة فيديو",
    "a  b\u00a0c",
    "~user",
    "=x:y",
    "#hash",
    "semi;colon",
    "glob*?[a]",
    "{a,b}",
    "tab-less but 'quoted' and \"double\"",
]


def bash_reads_back(words: Sequence[str]) -> list[str]:
    """What bash makes of each typed word: `printf '%s\\0' WORD` in a non-interactive bash."""
    script = "".join(f"printf '%s\\0' {word}\n" for word in words)
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        capture_output=True,
        check=True,
        timeout=60,
        cwd="/",
    )
    return done.stdout.decode("utf-8").split("\0")[:-1]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
class TestBashQuoting:
    """Each value, quoted for where it lands, is read back by bash as exactly that value."""

    def test_unquoted(self) -> None:
        quoted = [quote_for_bash(value, None) for value in HOSTILE_VALUES]
        assert None not in quoted
        assert bash_reads_back([q for q in quoted if q is not None]) == HOSTILE_VALUES

    def test_inside_double_quotes(self) -> None:
        kept = [v for v in HOSTILE_VALUES if quote_for_bash(v, '"') is not None]
        assert kept == [v for v in HOSTILE_VALUES if "!" not in v]
        words = [f'"{quote_for_bash(value, chr(34))}"' for value in kept]
        assert bash_reads_back(words) == kept

    def test_inside_single_quotes(self) -> None:
        kept = [v for v in HOSTILE_VALUES if quote_for_bash(v, "'") is not None]
        assert kept == [v for v in HOSTILE_VALUES if "'" not in v]
        words = [f"'{quote_for_bash(value, chr(39))}'" for value in kept]
        assert bash_reads_back(words) == kept


class TestScripts:
    """The installed scripts read the answer as data."""

    @pytest.mark.parametrize("shell", SHELLS)
    def test_show_completion_prints_the_script(self, shell: str) -> None:
        run = run_command([str(CAREERS_SCRIPT), "--show-completion", shell], terminal_env())
        assert (run.exit_code, run.stdout, run.stderr) == (0, completion_script(shell), "")


def install(home: Path, *args: str, shell_env: str = "", **more_env: str) -> Run:
    env = terminal_env(HOME=str(home), SHELL=shell_env)
    for name in ("ZDOTDIR", "XDG_CONFIG_HOME"):  # where zsh and fish look, unless a test says
        env.pop(name, None)
    env.update(more_env)
    return run_command([str(CAREERS_SCRIPT), "--install-completion", *args], env)


def shell_output(argv: list[str], home: Path, **more_env: str) -> str:
    """What a new shell prints, started as a user's would be, with `home` as its home."""
    env = terminal_env(HOME=str(home))
    for name in ("ZDOTDIR", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    env.update(more_env)
    env["PATH"] = f"{CAREERS_SCRIPT.parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        argv, env=env, capture_output=True, stdin=subprocess.DEVNULL, timeout=60, cwd=home
    )
    return done.stdout.decode("utf-8", "replace")


class TestInstall:
    """`careers --install-completion [SHELL]` writes each shell's own script."""

    def test_zsh_gets_its_script_and_one_line_in_zshrc(self, tmp_path: Path) -> None:
        (tmp_path / ".zshrc").write_text("alias ll='ls -l'", encoding="utf-8")
        run = install(tmp_path, "zsh", shell_env="/bin/bash")
        assert run.exit_code == 0, run.stderr
        script = tmp_path / ".zfunc" / "_careers"
        assert run.stdout.splitlines() == [
            f"zsh completion installed in {script}; it works in shells started from now on",
            f"{tmp_path / '.zshrc'} now loads it",
        ]
        assert script.read_text(encoding="utf-8") == completion_script("zsh")
        loader = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
        expected_rc = f"alias ll='ls -l'\n{loader}\n"
        assert (tmp_path / ".zshrc").read_text(encoding="utf-8") == expected_rc
        again = install(tmp_path, "zsh")
        assert again.stdout.splitlines() == [run.stdout.splitlines()[0]]
        assert (tmp_path / ".zshrc").read_text(encoding="utf-8") == expected_rc

    def test_bash_gets_its_script_and_a_source_line(self, tmp_path: Path) -> None:
        run = install(tmp_path, "bash")
        assert run.exit_code == 0, run.stderr
        script = tmp_path / ".bash_completions" / "careers.sh"
        assert script.read_text(encoding="utf-8") == completion_script("bash")
        bashrc = (tmp_path / ".bashrc").read_text(encoding="utf-8")
        assert bashrc == f"source '{script}'\n"

    def test_fish_gets_its_script_and_no_startup_file(self, tmp_path: Path) -> None:
        run = install(tmp_path, "fish")
        assert run.exit_code == 0, run.stderr
        script = tmp_path / ".config" / "fish" / "completions" / "careers.fish"
        assert run.stdout.splitlines() == [
            f"fish completion installed in {script}; it works in shells started from now on"
        ]
        assert script.read_text(encoding="utf-8") == completion_script("fish")
        assert sorted(os.listdir(tmp_path)) == [".config"]

    def test_without_a_name_the_shell_in_shell_is_used(self, tmp_path: Path) -> None:
        run = install(tmp_path, shell_env="/usr/bin/fish")
        assert run.exit_code == 0, run.stderr
        assert run.stdout.startswith("fish completion installed in ")

    @pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
    def test_zsh_with_zdotdir_installs_where_zsh_reads_and_a_new_shell_loads_it(
        self, tmp_path: Path
    ) -> None:
        zdotdir = tmp_path / "zsh config"
        zdotdir.mkdir()
        (zdotdir / ".zshrc").write_text("PS1='> '\n", encoding="utf-8")
        run = install(tmp_path, "zsh", ZDOTDIR=str(zdotdir))
        assert run.exit_code == 0, run.stderr
        script = zdotdir / ".zfunc" / "_careers"
        assert run.stdout.splitlines() == [
            f"zsh completion installed in {script}; it works in shells started from now on",
            f"{zdotdir / '.zshrc'} now loads it",
        ]
        assert not (tmp_path / ".zshrc").exists() and not (tmp_path / ".zfunc").exists()
        argv = ["zsh", "-i", "-c", "print -r -- LOADED=$_comps[careers]"]
        assert "LOADED=_careers" in shell_output(argv, tmp_path, ZDOTDIR=str(zdotdir))
        assert "LOADED=_careers" not in shell_output(argv, tmp_path)  # it is not in ~

    @pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
    def test_fish_with_xdg_config_home_installs_where_fish_reads_and_it_completes(
        self, tmp_path: Path
    ) -> None:
        config = tmp_path / "xdg"
        run = install(tmp_path, "fish", XDG_CONFIG_HOME=str(config))
        assert run.exit_code == 0, run.stderr
        script = config / "fish" / "completions" / "careers.fish"
        assert script.read_text(encoding="utf-8") == completion_script("fish")
        assert not (tmp_path / ".config").exists()
        argv = ["fish", "-c", "complete -C 'careers lis'"]
        assert shell_output(argv, tmp_path, XDG_CONFIG_HOME=str(config)).split("\t")[0] == "list"

    def test_a_symlinked_startup_file_is_edited_where_it_points_and_stays_a_link(
        self, tmp_path: Path
    ) -> None:
        dotfiles = tmp_path / "dotfiles"
        dotfiles.mkdir()
        (dotfiles / "bashrc").write_text("export EDITOR=vi\n", encoding="utf-8")
        (tmp_path / ".bashrc").symlink_to(dotfiles / "bashrc")
        run = install(tmp_path, "bash")
        assert run.exit_code == 0, run.stderr
        assert run.stdout.splitlines()[1] == f"{dotfiles / 'bashrc'} now loads it"
        assert os.readlink(tmp_path / ".bashrc") == str(dotfiles / "bashrc")
        script = tmp_path / ".bash_completions" / "careers.sh"
        assert (dotfiles / "bashrc").read_text(encoding="utf-8") == (
            f"export EDITOR=vi\nsource '{script}'\n"
        )

    def test_a_startup_file_in_another_encoding_keeps_its_bytes(self, tmp_path: Path) -> None:
        latin1 = "# café, naïve\nalias ll='ls -l'".encode("latin-1")
        (tmp_path / ".bashrc").write_bytes(latin1)
        run = install(tmp_path, "bash")
        assert (run.exit_code, run.stderr) == (0, "")
        script = tmp_path / ".bash_completions" / "careers.sh"
        expected = latin1 + f"\nsource '{script}'\n".encode()
        assert (tmp_path / ".bashrc").read_bytes() == expected
        assert install(tmp_path, "bash").exit_code == 0  # once only
        assert (tmp_path / ".bashrc").read_bytes() == expected

    def test_a_pipe_as_startup_file_is_refused_at_once(self, tmp_path: Path) -> None:
        os.mkfifo(tmp_path / ".bashrc")
        started = time.monotonic()
        run = install(tmp_path, "bash")
        assert time.monotonic() - started < 20  # not waiting for a writer that never comes
        assert run.exit_code == 74
        assert run.stderr == (
            f"error: cannot install completion: {tmp_path / '.bashrc'}: "
            "not a regular file (a named pipe)\n"
        )
        assert stat.S_ISFIFO(os.lstat(tmp_path / ".bashrc").st_mode)

    def test_an_outdated_script_is_replaced(self, tmp_path: Path) -> None:
        old = tmp_path / ".zfunc" / "_careers"
        old.parent.mkdir()
        old.write_text("_careers_completion() { eval $(careers) }\n", encoding="utf-8")
        assert install(tmp_path, "zsh").exit_code == 0
        assert old.read_text(encoding="utf-8") == completion_script("zsh")

    def test_an_unsupported_shell_is_a_usage_error(self, tmp_path: Path) -> None:
        run = install(tmp_path, "powershell")
        assert run.exit_code == 2
        assert run.stderr == (
            "error: cannot install completion for 'powershell': "
            "careers completes bash, zsh or fish\n"
        )
        assert os.listdir(tmp_path) == []

    def test_no_shell_named_or_known_is_a_usage_error(self, tmp_path: Path) -> None:
        run = install(tmp_path)
        assert run.exit_code == 2
        assert run.stderr.startswith("error: cannot tell which shell you use")
        assert os.listdir(tmp_path) == []

    def test_in_arabic(self, tmp_path: Path) -> None:
        run = install(tmp_path, "tcsh", "--lang", "ar")
        assert run.exit_code == 2
        assert run.stderr == (
            "خطأ: يتعذر تثبيت الإكمال التلقائي لـ 'tcsh': "
            "يدعم careers الأصداف bash أو zsh أو fish\n"
        )
        assert os.listdir(tmp_path) == []


class Terminal:
    """An interactive shell on a pseudo-terminal: type into it, read what it shows."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        self.pid, self.master = pty.fork()
        if self.pid == 0:  # the child: the shell, with the terminal as its controlling tty
            os.chdir(cwd)
            os.execvpe(argv[0], argv, env)
        self.screen = b""

    def read_until_quiet(self, quiet: float = 1.0, limit: float = 30.0) -> None:
        """Read until nothing has come for `quiet` seconds (at most `limit` seconds)."""
        deadline = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - last < quiet:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.screen += chunk
                last = time.monotonic()

    def read_until(self, marker: bytes, limit: float = 60.0) -> bool:
        deadline = time.monotonic() + limit
        while marker not in self.screen and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                self.screen += chunk
        return marker in self.screen

    def type(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.master)


SHELL_ARGV = {"bash": ["bash", "-i"], "zsh": ["zsh", "-i"], "fish": ["fish", "-i"]}


# What each shell needs typed to start the word; completion must do the rest.
TYPED_PREFIXES: list[tuple[str, str]] = [
    ("Dx", "content-creation"),
    ("Zed", "budget-management"),
    ("Quo", "campaign-management"),
    ("Wq", "communication"),
    ("Data\\ A", "analytics"),
    ("\\$\\(", "audience-engagement"),
    ("\\`", "audience-understanding"),
    ("Bang", "community-management"),
]


@pytest.fixture(scope="module")
def shell_home(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One home per shell with completion installed as the README says, and the hostile
    catalogue in $CAREERS_DATA."""
    base = tmp_path_factory.mktemp("shells")
    catalogue = hostile_catalogue(base)
    homes: dict[str, Any] = {"catalogue": catalogue}
    for shell in SHELLS:
        home = base / shell
        home.mkdir()
        run = install(home, shell)
        assert run.exit_code == 0, run.stderr
        homes[shell] = home
    return homes


def shell_env(home: Path, catalogue: Path) -> dict[str, str]:
    return {
        "PATH": f"{CAREERS_SCRIPT.parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TERM": "xterm",
        "COLUMNS": "200",
        "CAREERS_DATA": str(catalogue),
        "NO_COLOR": "1",
        "fish_greeting": "",
    }


def complete_and_run(shell: str, homes: dict[str, Any], typed: str) -> tuple[Path, bytes]:
    """Type `careers match -s TYPED`, press TAB, then run the command line with `-f json`
    into out.json; return the home folder and what the terminal showed."""
    home: Path = homes[shell]
    for leftover in home.glob("CANARY*"):
        leftover.unlink()
    (home / "out.json").unlink(missing_ok=True)
    terminal = Terminal(SHELL_ARGV[shell], shell_env(home, homes["catalogue"]), home)
    try:
        terminal.read_until_quiet()
        terminal.type(f"careers match -s {typed}")
        terminal.read_until_quiet(0.3)
        terminal.type("\t")
        terminal.read_until_quiet()
        terminal.type(" -f json > out.json; printf 'END%s\\n' MARK\r")
        assert terminal.read_until(b"ENDMARK"), terminal.screen[-2000:]
        return home, terminal.screen
    finally:
        terminal.close()


def completed_match(shell: str, homes: dict[str, Any], typed: str) -> tuple[Any, bytes]:
    """`complete_and_run` in SHELL (the test skipped where it is not installed), checked to have
    run nothing: the first skill the command matched, and what the terminal showed."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it where apt-get works)")
    home, screen = complete_and_run(shell, homes, typed)
    assert sorted(p.name for p in home.glob("CANARY*")) == []
    results = json.loads((home / "out.json").read_text(encoding="utf-8"))
    return results[0]["matched"][0], screen


@pytest.mark.slow
@pytest.mark.parametrize("shell", SHELLS)
class TestRealShells:
    """Interactive shells, a hostile catalogue, TAB: the value arrives whole, nothing runs."""

    @pytest.mark.parametrize(("typed", "skill_id"), TYPED_PREFIXES)
    def test_a_hostile_label_is_inserted_literally_and_runs_nothing(
        self, shell: str, shell_home: dict[str, Any], typed: str, skill_id: str
    ) -> None:
        matched, screen = completed_match(shell, shell_home, typed)
        assert (matched["skill"], matched["query"]) == (skill_id, PAYLOADS[skill_id]), screen

    @pytest.mark.parametrize(
        ("typed", "skill_id", "query"),
        [
            ("zed", "budget-management", "zed; touch CANARY4 | b & c"),  # in the case typed
            ("تحل", "analytics", "تحليل البيانات"),  # an Arabic label
        ],
    )
    def test_a_label_completes_in_any_case_and_in_arabic(
        self, shell: str, shell_home: dict[str, Any], typed: str, skill_id: str, query: str
    ) -> None:
        matched, screen = completed_match(shell, shell_home, typed)
        assert (matched["skill"], matched["query"]) == (skill_id, query), screen

    def test_listing_hostile_titles_runs_nothing(
        self, shell: str, shell_home: dict[str, Any]
    ) -> None:
        """Titles are shown beside the ids (zsh, fish) when TAB lists the careers."""
        if shutil.which(shell) is None:
            pytest.skip(f"{shell} is not installed (.ci/run installs it where apt-get works)")
        home: Path = shell_home[shell]
        terminal = Terminal(SHELL_ARGV[shell], shell_env(home, shell_home["catalogue"]), home)
        try:
            terminal.read_until_quiet()
            terminal.type("careers show ")
            terminal.type("\t")
            terminal.read_until_quiet()
            terminal.type("\t")
            terminal.read_until_quiet()
            terminal.type("\x03")  # Ctrl-C: abandon the line
            terminal.read_until_quiet(0.5)
            terminal.type("printf 'END%s\\n' MARK\r")
            assert terminal.read_until(b"ENDMARK")
        finally:
            terminal.close()
        assert b"social-media-data-analyst" in terminal.screen
        if shell != "bash":  # bash lists values only; zsh and fish show each title beside its id
            assert b"touch CANARY7" in terminal.screen
        assert sorted(p.name for p in home.glob("CANARY*")) == []
