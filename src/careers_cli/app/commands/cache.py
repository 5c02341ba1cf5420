"""The compiled stores: `careers cache`, `cache clear` and `cache build`."""

import sys
from collections.abc import Sequence
from typing import Any

import typer

from careers_cli.app.help import (
    CareersCommand,
    command_group,
)
from careers_cli.app.options import (
    CommonOptions,
    DebugOption,
    FormatOption,
    LangOption,
    NoColorOption,
    merge_options,
    with_common_options,
)
from careers_cli.app.session import (
    build_store,
    console_for,
    say_for,
)
from careers_cli.i18n.messages import message
from careers_cli.present.consoles import write_json

# --- careers cache ----------------------------------------------------------------------------

cache_app = command_group()


@cache_app.callback(invoke_without_command=True)
def cache_stores(
    ctx: typer.Context,
    output_format: FormatOption = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Show the compiled catalogues (stores): their folder, and each one's size, whether it is
    fresh, and the catalogue it was compiled from.

    A catalogue of your own (--data, $CAREERS_DATA) is compiled into a store in your cache
    folder the first time it is used, so later commands need not read the whole file again.
    $CAREERS_CACHE_DIR names another folder; CAREERS_NO_CACHE=1 reads catalogues from their
    files only. A stale store is rebuilt when its catalogue is next used.

    [bold]Examples[/bold]

    careers cache

    careers cache --format json

    careers cache clear

    careers cache build --data my-catalogue.json
    """
    options = merge_options(
        ctx, lang=lang, no_color=no_color, debug=debug, output_format=output_format
    )
    if ctx.invoked_subcommand is not None:
        ctx.obj = options  # what the subcommand is given is merged over these
        return
    from careers_cli.index import cache, cache_files

    stores = cache_files.list_stores()
    if options.chosen_format not in ("table", "svg"):
        _write_stores(stores, options)
        return
    language = options.output_language
    directory = cache.cache_directory()
    lines = [message("cache.directory", language, path=str(directory))]
    if cache.folder_untrusted_because(directory) is not None:
        lines.append(message("cache.untrusted_folder", language, path=str(directory)))
    lines.extend(_store_lines(stores, options))
    total = sum(store.size for store in stores)
    if stores:
        lines.append(message("cache.total", language, count=len(stores), size=human_size(total)))
    else:
        lines.append(message("cache.none", language))
    unfinished = cache_files.list_unfinished()
    if unfinished.files:
        size = human_size(unfinished.size)
        lines.append(message("cache.temporaries", language, count=unfinished.files, size=size))
    if options.chosen_format == "svg":
        from careers_cli.present.consoles import say
        from careers_cli.present.pages import write_svg

        width = console_for(options).width
        write_svg(sys.stdout, lambda console: say(console, lines), width, "careers cache")
        return
    say_for(options, lines)


@cache_app.command("clear", cls=CareersCommand)
@with_common_options(common=("rtl", "lang", "no_color", "debug"))
def clear_cache(*, options: CommonOptions) -> None:
    """Remove every compiled catalogue (store); each is compiled again when its catalogue is
    next used. A compilation in progress is waited for first; what compilations that did not
    finish left is removed too. Nothing else in the cache folder is touched.

    [bold]Example[/bold]

    careers cache clear
    """
    from careers_cli.index import cache_files

    language = options.output_language
    waiting = message("cache.waiting", language)
    cleared = cache_files.clear_stores(waiting=lambda: say_for(options, waiting, stderr=True))
    size = human_size(cleared.size)
    if cleared.unfinished:
        line = message(
            "cache.removed_temporaries",
            language,
            count=cleared.stores,
            unfinished=cleared.unfinished,
            size=size,
        )
    else:
        line = message("cache.removed", language, count=cleared.stores, size=size)
    say_for(options, line)


@cache_app.command("build", cls=CareersCommand)
@with_common_options(common=("rtl", "data", "lang", "no_color", "debug"))
def build_cache(*, options: CommonOptions) -> None:
    """Compile the store of a catalogue now, and say where it is. Commands compile it on their
    own, in the background, after the first one to use the catalogue has answered; this is for
    a script that wants it there before its next command. An up-to-date store is kept.

    [bold]Example[/bold]

    careers cache build --data my-catalogue.json
    """
    line = build_store(options)
    say_for(options, line)


def human_size(size: int) -> str:
    """A number of bytes as people read it: 512 B, 2.0 kB, 12.3 MB (powers of 1,000, as file
    managers count)."""
    units = ("B", "kB", "MB", "GB", "TB")
    value, unit = float(size), 0
    while value >= 999.95 and unit < len(units) - 1:
        value, unit = value / 1000, unit + 1
    return f"{size} B" if unit == 0 else f"{value:.1f} {units[unit]}"


# `stores` below are `cache_files.StoreInfo`s, typed Any: the cache module is imported only by the
# commands that use it, so that the others start without it.


def _store_lines(stores: Sequence[Any], options: CommonOptions) -> list[str]:
    """One line per store, in aligned columns: size, fresh or stale, its catalogue."""
    language = options.output_language
    sizes = [human_size(store.size) for store in stores]
    states = [message(_state_key(store), language) for store in stores]
    size_width, state_width = max(map(len, sizes), default=0), max(map(len, states), default=0)
    return [
        f"  {size:>{size_width}}  {state:<{state_width}}  {_origin(store, options)}"
        for size, state, store in zip(sizes, states, stores, strict=True)
    ]


def _state_key(store: Any) -> str:
    if store.untrusted is not None:
        return "cache.untrusted"
    return "cache.fresh" if store.fresh else "cache.stale"


def _origin(store: Any, options: CommonOptions) -> str:
    if store.catalogue is None:
        return message("cache.not_a_store", options.output_language, store=str(store.store))
    return str(store.catalogue)


def _write_stores(stores: Sequence[Any], options: CommonOptions) -> None:
    """The stores as data: JSON keeps types (`bytes` a number, `fresh` a boolean, `catalogue`
    and `version` null when unknown; `trusted` false for a store another user could have
    written, never used); CSV and Markdown have text cells."""
    records = [
        {
            "store": str(store.store),
            "bytes": store.size,
            "catalogue": None if store.catalogue is None else str(store.catalogue),
            "fresh": store.fresh,
            "trusted": store.untrusted is None,
            "version": store.version,
        }
        for store in stores
    ]
    if options.chosen_format == "json":
        write_json(sys.stdout, records)
        return
    from careers_cli.present.consoles import write_csv, write_markdown_table

    rows = [{key: _cell(value) for key, value in record.items()} for record in records]
    if options.chosen_format in ("csv", "csv-bom"):
        write_csv(sys.stdout, rows, bom=options.chosen_format == "csv-bom")
    elif options.chosen_format == "html":
        from careers_cli.present.pages import Page, PageTable, write_page

        table = PageTable(list(rows[0]) if rows else [], [list(row.values()) for row in rows])
        write_page(sys.stdout, Page("careers cache", options.output_language, table=table))
    else:
        write_markdown_table(sys.stdout, rows)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
