"""The private names of Rich that `present.layout` draws tables with are there in the Rich that is
installed, and none is used without being listed here.

`pyproject.toml` holds Rich to the major version these were checked against; a new Rich that
renames one fails here, by name, before any table does.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from rich.table import Column, Table

import careers_cli.present.layout as layout_package

LAYOUT = Path(layout_package.__file__).parent

PRIVATE_MODULE_NAMES = {("rich._pick", "pick_bool"), ("rich._wrap", "divide_line")}
"""Functions imported from Rich's private modules."""
TABLE_NAMES = {"_calculate_column_widths", "_extra_width", "_get_padding_width", "_measure_column"}
"""A `Table`'s private methods and properties."""
COLUMN_NAMES = {"_cells", "_index"}
"""A `Column`'s private fields."""


def private_names_used() -> tuple[set[tuple[str, str]], set[str]]:
    """What the layout modules import from Rich's private modules, and the private attributes
    they read of objects other than their own (`self`)."""
    imported: set[tuple[str, str]] = set()
    attributes: set[str] = set()
    for path in LAYOUT.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rich._"):
                imported |= {(node.module or "", alias.name) for alias in node.names}
            elif (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and ast.unparse(node.value) not in ("self", "cls")
                and node.attr != "_replace"  # a named tuple's public method
            ):
                attributes.add(node.attr)
    return imported, attributes


def test_every_private_name_used_is_listed() -> None:
    imported, attributes = private_names_used()
    assert imported == PRIVATE_MODULE_NAMES
    assert attributes == TABLE_NAMES | COLUMN_NAMES


def test_the_private_functions_exist() -> None:
    for module, name in sorted(PRIVATE_MODULE_NAMES):
        assert callable(getattr(importlib.import_module(module), name)), f"{module}.{name}"


def test_a_table_and_its_columns_have_them() -> None:
    table = Table("a", "b")
    table.add_row("1", "2")
    for name in sorted(TABLE_NAMES):
        assert hasattr(table, name), f"Table.{name}"
    column = table.columns[0]
    assert isinstance(column, Column)
    for name in sorted(COLUMN_NAMES):
        assert hasattr(column, name), f"Column.{name}"
    assert list(column._cells) == ["1"]
    assert column._index == 0
