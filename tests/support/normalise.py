"""What the normalise tests of several kinds share (each kind's tests are in
tests/unit, tests/cli, tests/system and tests/properties)."""

from __future__ import annotations

TASHKEEL = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]


BIDI_MARKS = [
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u061c",  # ARABIC LETTER MARK
    *(chr(c) for c in range(0x202A, 0x202F)),  # LRE RLE PDF LRO RLO
    *(chr(c) for c in range(0x2066, 0x206A)),  # LRI RLI FSI PDI
]


JOINERS = ["\u200c", "\u200d"]  # ZWNJ, ZWJ
