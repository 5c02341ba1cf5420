"""Visual mode against an independent implementation of the Unicode bidirectional algorithm.

`--rtl visual` reorders each line with python-bidi and mirrors the brackets a right-to-left run
reverses itself (python-bidi pairs them, rule N0, but leaves their glyphs). GNU FriBidi, a
separate implementation in C that applies rules N0 and L4 (mirroring) itself, is the reference
here, called through its shared library: every view, at several widths, on the built-in
catalogue and on the ESCO sample imported, is rendered twice, once as the program renders it and
once with each line reordered by FriBidi instead, and the two must be the same, byte for byte.

Both get the same line to reorder (`bidi.marked_for_reordering`): shaped by arabic-reshaper, harakat
kept (FriBidi finds the letters already in their presentation forms, so its own shaping changes
nothing), with the right-to-left mark the program puts after an Arabic comma and the isolates it
puts around option names, which both remove afterwards. FriBidi keeps harakat after their letter
itself (its REORDER_NSM flag, rule L3), as the program does by hand.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
from collections.abc import Iterator
from pathlib import Path

import arabic_reshaper
import pytest

from careers_cli.text.bidi import (
    has_right_to_left_letter,
    marked_for_reordering,
    unmarked,
    visual_order,
)
from tests.helpers import DATA_COMMANDS, imported_esco_sample, invoke

FRIBIDI_PAR_RTL = 0x00000111
"""FriBidi's right-to-left paragraph direction (FRIBIDI_PAR_RTL in fribidi-bidi-types.h)."""


def _fribidi() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("fribidi")
    for candidate in (name, "libfribidi.so.0", "libfribidi.0.dylib"):
        if candidate:
            try:
                return ctypes.CDLL(candidate)
            except OSError:
                continue
    return None


FRIBIDI = _fribidi()


pytestmark = pytest.mark.skipif(
    FRIBIDI is None, reason="GNU FriBidi's library (libfribidi0) is not installed"
)


def fribidi_log2vis(logical: str) -> str:
    """`logical` in display order, as `fribidi_log2vis` gives it for a right-to-left
    paragraph (with FriBidi's default flags: mirroring on)."""
    assert FRIBIDI is not None
    length = len(logical)
    source = (ctypes.c_uint32 * length)(*map(ord, logical))
    shown = (ctypes.c_uint32 * (length + 1))()
    direction = ctypes.c_uint32(FRIBIDI_PAR_RTL)
    levels = FRIBIDI.fribidi_log2vis(
        source, length, ctypes.byref(direction), shown, None, None, None
    )
    assert levels > 0, logical
    return "".join(map(chr, shown[:length]))


def visual_by_fribidi(line: str, *, right_to_left: bool | None = None) -> str:
    """`careers_cli.text.bidi.visual_order`, with FriBidi doing the reordering and the mirroring."""
    if not (has_right_to_left_letter(line) if right_to_left is None else right_to_left):
        return line
    return unmarked(fribidi_log2vis(marked_for_reordering(line)))


@pytest.mark.parametrize(
    "logical",
    [
        "المهن المعيارية (ESCO)",
        "مدون فيديو (ESCO) · ISCO-08 2642",
        "تحتاجها  social-media-manager، social-media-pr-manager،",
        "فهم أدوات التحليل مثل Google Analytics و Hootsuite يعد مهماً",
        "الدرجة 1.20 · 1/1 · 50%",
        "(اختيارية) [en] {a} «نص»",
        "(تحليل البيانات، تطوير",  # a pair wrapped over two lines: its first line
        "الاستراتيجيات) ai-and-data-analysis",  # and its second
        "الأدوات: Google Analytics (",
        "abc (def",
        "تُعرف أيضاً باسم: مؤثّر",  # harakat, tanween and shadda kept, after their letters
        "لا توجد قيمة للخيار --skill / -s",  # an option name, its hyphens before it
        "عرض 2 من 7 مهن؛ '--limit all' يعرضها كلها",
        "JSON غير صالح: /tmp/mine.json:1:35: Expecting value",  # a path, left to right
    ],
)
def test_the_reference_and_the_program_agree_on_single_lines(logical: str) -> None:
    assert visual_order(logical) == visual_by_fribidi(logical)


@pytest.mark.parametrize(
    ("logical", "shown"),
    [
        # at the right end, where it opens leftwards: ")"
        ("(تحليل البيانات", arabic_reshaper.reshape("تحليل البيانات")[::-1] + ")"),
        ("abc (def", "abc (def"),
    ],
)
def test_an_unpaired_bracket_is_mirrored_in_right_to_left_text(logical: str, shown: str) -> None:
    """A bracket whose pair is on another line still faces the text it opens: mirrored where
    it stands in right-to-left text (rule L4), left alone inside Latin text."""
    assert visual_order(logical, right_to_left=True) == shown
    assert visual_by_fribidi(logical, right_to_left=True) == shown


def test_the_reference_mirrors_and_pairs_brackets() -> None:
    """FriBidi is a real reference: it applies N0 and L4, which the raw python-bidi output
    lacks (`)ESCO(`)."""
    from bidi import get_display

    line = arabic_reshaper.reshape("المهن المعيارية (ESCO)")
    assert fribidi_log2vis(line).startswith("(ESCO)")
    assert str(get_display(line, base_dir="R")).startswith(")ESCO(")


def _views(data: list[str], career: str, other: str, skill: str) -> Iterator[list[str]]:
    for args in DATA_COMMANDS.values():
        yield [*args, *data]
    yield ["show", career, *data]
    yield ["compare", career, other, *data]
    yield ["match", "-s", skill, "--next-skills", *data]
    yield ["next", career, *data]
    yield ["gap", career, other, *data]
    yield ["skills", skill, *data]
    yield ["validate", *(data[1:] or [])]
    yield ["show", "xyzzy-no-such-career", *data]  # an error line and its suggestions


def _render_both(args: list[str], width: int, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    env = {"COLUMNS": str(width)}
    full = [*args, "--lang", "ar", "--rtl", "visual"]
    program = invoke(full, env)
    with monkeypatch.context() as patched:
        patched.setattr("careers_cli.present.layout.rtl.visual_order", visual_by_fribidi)
        reference = invoke(full, env)
    assert program.exit_code == reference.exit_code
    return program.stdout + program.stderr, reference.stdout + reference.stderr


@pytest.mark.parametrize("width", [40, 80, 160])
def test_every_view_of_the_built_in_catalogue_agrees_with_fribidi(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    for args in _views([], "influencer", "social-media-manager", "analytics"):
        program, reference = _render_both(args, width, monkeypatch)
        assert program == reference, args
        assert program.strip(), args


@pytest.mark.parametrize("width", [40, 120])
def test_every_view_of_the_esco_sample_agrees_with_fribidi(
    width: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = imported_esco_sample(tmp_path)
    data = ["--data", str(path)]
    catalogue = json.loads(path.read_text(encoding="utf-8"))
    first, second = catalogue["careers"][0], catalogue["careers"][1]
    skill = first["required_skills"][0]["skills"][0]
    brackets = 0
    for args in _views(data, first["id"], second["id"], skill):
        program, reference = _render_both(args, width, monkeypatch)
        assert program == reference, args
        brackets += program.count("(ESCO)")
    assert brackets  # the bracket pairs N0 and L4 are about were on screen
