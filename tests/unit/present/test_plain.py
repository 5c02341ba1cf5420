"""Output without colour is laid out without Rich rendering it (`present.layout.plain`, and a
table's rows in `layout.TableRows`): it must be, character for character, what Rich prints."""

from __future__ import annotations


def test_cell_widths_are_rich_s_for_every_character_of_the_basic_plane() -> None:
    from rich.cells import cell_len

    from careers_cli.present.layout.widths import cell_width

    for code in range(0x20, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        text = f"a{chr(code)}\u0628"
        assert cell_width(text) == cell_len(text), hex(code)
