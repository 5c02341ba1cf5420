"""Exploring the catalogue on the full screen: `careers browse` (what it does is
`app.browse.start`, which the quick path runs too)."""

from __future__ import annotations

from careers_cli.app.browse import start
from careers_cli.app.options import CommonOptions, with_common_options


@with_common_options(common=("rtl", "data", "lang", "no_color", "no_cache", "debug"))
def browse(*, options: CommonOptions) -> None:
    """Browse the careers full screen: type to narrow them, open one, follow its skills and
    related careers, back and forward; your skills and the careers they match; next moves and
    gap plans; each page saved as Markdown or HTML. ? shows the keys, q quits.

    [bold]Examples[/bold]

    careers browse

    careers browse --lang ar

    careers browse --data esco.json
    """
    start.browse(options)
