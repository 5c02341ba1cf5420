"""Shell completion for bash, zsh and fish: the scripts, the protocol, and the candidates.

The installed scripts never evaluate what the program prints. The shell sends the command line
up to the cursor in `_CAREERS_COMPLETE_LINE`; `careers` answers one candidate per line:

- bash: the value quoted for the place it lands (unquoted, or inside the quote the word was
  opened with), read into `COMPREPLY` with `mapfile`, never word-split or evaluated;
- zsh: `value<TAB>help`, read into arrays and given to `compadd`, which quotes the value itself;
- fish: `value<TAB>help`, which fish reads as candidates and quotes itself.

A value with a control character, a tab or a newline is never offered, and help text is made
printable on one line. Scripts installed by earlier versions asked in another protocol (zsh's
evaluated the answer); they are answered with nothing but a reminder to reinstall.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, NamedTuple

COMPLETE_VAR = "_CAREERS_COMPLETE"
LINE_VAR = "_CAREERS_COMPLETE_LINE"
SHELLS = ("bash", "zsh", "fish")
# What scripts of earlier versions set: the Typer protocol, whose zsh script evaluates the answer.
_OUTDATED_REQUESTS = {"complete_bash", "complete_zsh", "complete_fish", "complete_powershell"}
# A constant, safe to evaluate: the only thing an outdated zsh script is ever given.
_OUTDATED_ZSH_ANSWER = (
    "_message 'careers: this completion script is outdated; run: careers --install-completion zsh'"
)

_BASH_SCRIPT = """\
# careers completion for bash: the answer is read as data, never evaluated.
_careers_completion() {
    local -a candidates
    mapfile -t candidates < <(%(env)s="${COMP_LINE:0:COMP_POINT}" %(var)s=bash \\
        careers 2>/dev/null)
    COMPREPLY=("${candidates[@]}")
    return 0
}
complete -o default -F _careers_completion careers
"""

_ZSH_SCRIPT = """\
#compdef careers
# careers completion for zsh: the answer is read as data, never evaluated.
_careers_completion() {
  local -a lines values shown
  local line
  lines=("${(@f)$(%(env)s="${words[1,CURRENT]}" %(var)s=zsh careers 2>/dev/null)}")
  for line in "${lines[@]}"; do
    [[ -n "$line" ]] || continue
    values+=("${line%%%%$'\\t'*}")
    if [[ "$line" == *$'\\t'* ]]; then
      shown+=("${line%%%%$'\\t'*}  -- ${line#*$'\\t'}")
    else
      shown+=("$line")
    fi
  done
  if (( ${#values} )); then
    compadd -l -d shown -a values
  else
    _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _careers_completion "$@"  # autoloaded from fpath, as --install-completion sets it up
else
  compdef _careers_completion careers  # sourced
fi
"""

_FISH_SCRIPT = """\
# careers completion for fish: the answer is read as data, never evaluated.
function __careers_complete
    set -l candidates (%(env)s=(commandline -cp | string collect) %(var)s=fish \\
        careers 2>/dev/null)
    if test (count $candidates) -gt 0
        printf '%%s\\n' $candidates
    else
        __fish_complete_path (commandline -ct)
    end
end
complete --command careers --erase
complete --command careers --no-files --arguments '(__careers_complete)'
"""

_SCRIPTS = {"bash": _BASH_SCRIPT, "zsh": _ZSH_SCRIPT, "fish": _FISH_SCRIPT}


def completion_script(shell: str) -> str:
    """The completion script for `shell` (one of `SHELLS`)."""
    return _SCRIPTS[shell] % {"env": f"env {LINE_VAR}", "var": COMPLETE_VAR}


class CommandLine(NamedTuple):
    """A command line up to the cursor, split as the shell would split it."""

    words: list[str]
    """The complete words, unquoted."""
    incomplete: str
    """The word being completed, unquoted ("" at the start of a new word)."""
    quote: str | None
    """The quote the word being completed is open in (' or "), if any."""


def split_command_line(line: str) -> CommandLine:
    """Split `line` into words as a POSIX shell does, tolerating an unfinished last word.

    Quotes and backslashes are removed; a quote left open, or a backslash at the end, belongs
    to the word being completed.
    """
    words: list[str] = []
    word: list[str] = []
    in_word = False
    quote: str | None = None
    position = 0
    while position < len(line):
        char = line[position]
        position += 1
        if quote == "'":
            if char == "'":
                quote = None
            else:
                word.append(char)
        elif quote == '"':
            if char == '"':
                quote = None
            elif char == "\\" and position < len(line) and line[position] in '"\\$`':
                word.append(line[position])
                position += 1
            else:
                word.append(char)
        elif char in " \t\n":
            if in_word:
                words.append("".join(word))
                word, in_word = [], False
        elif char in "'\"":
            quote, in_word = char, True
        elif char == "\\":
            in_word = True
            if position < len(line):
                word.append(line[position])
                position += 1
        else:
            word.append(char)
            in_word = True
    return CommandLine(words, "".join(word), quote)


# Characters bash never treats specially outside quotes; the rest of ASCII is escaped.
_BASH_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+,@%")


def quote_for_bash(value: str, quote: str | None) -> str | None:
    """`value` as it must be typed in bash at the cursor, or None where it cannot be.

    Unquoted, every ASCII character that bash could read as syntax gets a backslash (bash's
    metacharacters are all ASCII). Inside "...", the four characters that stay special get a
    backslash. A value that cannot be written inside the open quote is not offered: `!` inside
    "..." (history expansion), and a quote inside '...' (readline would not close the quote
    after it, leaving the command line unfinished).
    """
    if quote == "'":
        return None if "'" in value else value
    if quote == '"':
        if "!" in value:
            return None
        return "".join("\\" + c if c in '"\\$`' else c for c in value)
    return "".join(c if c in _BASH_PLAIN or not c.isascii() else "\\" + c for c in value)


def _offerable(value: str) -> bool:
    """A value with a control character (a tab, a newline, ESC, ...) or a bidi control is
    never offered: it could not be read back as one candidate, or would act on the terminal."""
    from careers_cli.text.terminal import printable_line

    return bool(value) and value == printable_line(value) and "\t" not in value


class ShellCandidate(NamedTuple):
    """A value the shell is offered, with the help text shells that show one print beside it."""

    value: str
    help: str


def format_candidates(shell: str, candidates: Iterable[ShellCandidate], quote: str | None) -> str:
    """The answer for `shell`: one line per candidate, as its script reads it."""
    from careers_cli.text.terminal import one_line

    lines: list[str] = []
    for candidate in candidates:
        if not _offerable(candidate.value):
            continue
        if shell == "bash":
            quoted = quote_for_bash(candidate.value, quote)
            if quoted is not None:
                lines.append(quoted)
        else:
            help_text = one_line(candidate.help, limit=80).replace("\t", " ")
            lines.append(f"{candidate.value}\t{help_text}" if help_text else candidate.value)
    return "".join(line + "\n" for line in lines)


def answer_request(
    request: str, line: str, complete: Callable[[list[str], str], Iterable[ShellCandidate]]
) -> str:
    """What `careers` prints for a completion request (`$_CAREERS_COMPLETE`).

    `complete(words, incomplete)` gives the candidates for the words after the program name.
    Nothing raised inside reaches the shell: a failure completes nothing.
    """
    if request in _OUTDATED_REQUESTS:
        return _OUTDATED_ZSH_ANSWER + "\n" if request == "complete_zsh" else ""
    if request not in SHELLS:
        return ""
    try:
        command_line = split_command_line(line)
        candidates = list(complete(command_line.words[1:], command_line.incomplete))
        return format_candidates(request, candidates, command_line.quote)
    except Exception:  # a broken catalogue, or anything else: nothing may reach the shell
        return ""


# --- installing ------------------------------------------------------------------------------


def detect_shell() -> str:
    """The user's shell, from $SHELL ("" when unset)."""
    return Path(os.environ.get("SHELL", "")).name


class Installation(NamedTuple):
    script: Path
    """Where the completion script was written."""
    startup: Path | None
    """The shell's start-up file that was told to load it, if one had to be."""


def install_completion(
    shell: str, home: Path, environment: Mapping[str, str] | None = None
) -> Installation:
    """Write the completion script for `shell` where that shell loads it, atomically.

    The places are those earlier versions used, so installing again replaces an outdated
    script, except where the shell itself looks elsewhere: zsh reads `$ZDOTDIR/.zshrc`, and
    fish reads `$XDG_CONFIG_HOME/fish`. bash and zsh need a line in their start-up file; it is
    added once, to the file a symbolic link there points to (the link is kept), whatever the
    file's encoding. Raises `OSError` (the start-up file's path as its filename) where a file
    cannot be read or written; a start-up file that is not a regular file (a pipe, a device) is
    neither read nor replaced.
    """
    environ = os.environ if environment is None else environment
    script = completion_script(shell)
    if shell == "bash":
        target = home / ".bash_completions" / "careers.sh"
        startup = home / ".bashrc"
        loader = f"source '{target}'"
    elif shell == "zsh":
        zdotdir = environ.get("ZDOTDIR", "").strip()
        if zdotdir:
            import shlex  # only when installing

            folder = Path(zdotdir).expanduser() / ".zfunc"
            target, startup = folder / "_careers", folder.parent / ".zshrc"
            loader = f"fpath+=({shlex.quote(str(folder))}); autoload -Uz compinit; compinit"
        else:
            target, startup = home / ".zfunc" / "_careers", home / ".zshrc"
            loader = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    else:
        config = environ.get("XDG_CONFIG_HOME", "").strip()
        config_home = Path(config).expanduser() if config else home / ".config"
        target = config_home / "fish" / "completions" / "careers.fish"
        _write_atomically(target, script.encode())
        return Installation(target, None)
    _write_atomically(target, script.encode())
    edited = _add_line(startup, loader.encode())
    return Installation(target, edited)


def _add_line(startup: Path, line: bytes) -> Path | None:
    """Add `line` to the start-up file (the file a symbolic link there points to), unless it
    has it; the file edited, or None. Its other bytes are kept as they are."""
    from careers_cli.userfiles.regular import read_regular

    real = Path(os.path.realpath(startup))
    try:
        current = read_regular(real, _MAX_STARTUP_BYTES)
    except FileNotFoundError:
        current = b""
    if len(current) > _MAX_STARTUP_BYTES:
        raise OSError(errno.EFBIG, "too large to edit", str(real))
    if line in current:
        return None
    separator = b"" if not current or current.endswith(b"\n") else b"\n"
    _write_atomically(real, current + separator + line + b"\n")
    return real


_MAX_STARTUP_BYTES = 16 * 1024 * 1024


def _write_atomically(path: Path, content: bytes) -> None:
    """Replace `path` with `content` in one step, keeping its permissions (a new file's are
    0644)."""
    from careers_cli.userfiles.atomic import write_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    write_atomically(path, content, mode=mode)


def click_candidates(command: Any, words: list[str], incomplete: str) -> list[ShellCandidate]:
    """The candidates Click's parser finds for `incomplete` after `words` (commands, options,
    option values and arguments, with the completion functions the commands declare)."""
    from careers_cli.app.options import click_module

    shell_complete = click_module("shell_completion").ShellComplete

    class Resolver(shell_complete):  # type: ignore[misc,valid-type]
        name = "careers"
        source_template = ""

        def format_completion(self, item: Any) -> str:
            return str(item.value)

        def get_completion_args(self) -> tuple[list[str], str]:
            return words, incomplete

        def source_vars(self) -> dict[str, Any]:
            return {}

    resolver = Resolver(command, {}, "careers", COMPLETE_VAR)
    return [
        ShellCandidate(str(item.value), str(item.help or ""))
        for item in resolver.get_completions(words, incomplete)
    ]


# --- candidates from the catalogue -----------------------------------------------------------


CatalogueKind = Literal["career", "skill", "trend", "tip", "section"]
"""What a word completes to from the catalogue."""


def catalogue_candidates(
    kind: CatalogueKind, data: Path | None, no_cache: bool, incomplete: str
) -> list[tuple[str, str]]:
    """The `kind`s that start with `incomplete`, each with its help, in the relevance order,
    from the catalogue `data` names (None: `$CAREERS_DATA`, else the built-in one): career ids
    and other names with their titles, skill ids and names, trend and tip ids with their titles,
    section ids with their headings."""
    from careers_cli.catalogue.reading import find_catalogue
    from careers_cli.index.opening import open_index
    from careers_cli.rules import completing

    index = open_index(find_catalogue(data), use_store=not no_cache)
    if kind == "career":
        return completing.complete_career_ids(index, incomplete)
    if kind == "skill":
        return completing.complete_skill_names(index, incomplete)
    if kind == "section":
        return completing.complete_section_ids(index, incomplete)
    return completing.complete_note_ids(index, "trends" if kind == "trend" else "tips", incomplete)


def complete_career(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Career ids that start with `incomplete`, with their titles, from the catalogue the
    command line names (`--data`, before or after the command) or `$CAREERS_DATA`."""
    return catalogue_candidates("career", data_option(ctx), no_cache(ctx), incomplete)


def complete_skill(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Skill ids and names that start with `incomplete`, from the same catalogue."""
    return catalogue_candidates("skill", data_option(ctx), no_cache(ctx), incomplete)


def complete_trend(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Trend ids that start with `incomplete`, with their titles."""
    return catalogue_candidates("trend", data_option(ctx), no_cache(ctx), incomplete)


def complete_tip(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Tip ids that start with `incomplete`, with their titles."""
    return catalogue_candidates("tip", data_option(ctx), no_cache(ctx), incomplete)


def complete_section(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Prose section ids that start with `incomplete`, with their headings."""
    return catalogue_candidates("section", data_option(ctx), no_cache(ctx), incomplete)


def no_cache(ctx: Any) -> bool:
    """Whether the command line being completed says `--no-cache`, after or before the
    command name ($CAREERS_NO_CACHE is read by the cache itself)."""
    while ctx is not None:
        if ctx.params.get("no_cache"):
            return True
        ctx = ctx.parent
    return False


def data_option(ctx: Any) -> Path | None:
    """The `--data` given on the command line being completed: after the command name, else
    before it; `~` is expanded, as the shell would when the command runs."""
    while ctx is not None:
        value = ctx.params.get("data")
        if value:
            return Path(os.path.expanduser(str(value)))
        ctx = ctx.parent
    return None
