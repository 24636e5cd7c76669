"""The project's own sync APIs: ``sync-apis`` (and the older ``blocking-calls``) in ``[tool.asynclint]``.

``sync-apis = ["acme.flags.is_on -> database -> await acme.flags.ais_on(...)"]``: a qualified function
name, what it does (one of ``EFFECTS``) and, optionally, what to write instead. Each entry becomes a
row of the table for the run, so the rule of its effect reports calls of it on the event loop
(``database``: sync-orm-call-in-async, ``cache``: sync-cache-call-in-async, ``template``:
sync-template-render-in-async, ``network``/``file``/``blocking``/``cpu``: blocking-call-in-async).
``blocking-calls = ["pkg.mod.func -> replacement"]`` is the same with the effect ``blocking``.
Entries are split on commas by pylint, so a replacement cannot contain one.
"""

from __future__ import annotations

import sys

from asynclint import django_api as api

#: The effects an entry may declare, and the table effect (hence the rule) each one selects.
EFFECTS = {
    "database": api.QUERY,
    "cache": api.CACHE_IO,
    "network": api.BLOCKING_IO,
    "file": api.BLOCKING_IO,
    "blocking": api.BLOCKING_IO,
    "template": api.TEMPLATE_RENDER,
    "cpu": api.CPU_BOUND,
}


class InvalidEntry(ValueError):
    pass


def _qualified(name: str, entry: str, option: str) -> str:
    if "." not in name or not all(part.isidentifier() for part in name.split(".")):
        raise InvalidEntry(f"invalid {option} entry {entry!r}: expected a qualified name such as "
                           f"'package.module.function'")
    return name


def _row(name: str, effect: str, replacement: str) -> api.SyncApi:
    short = name.rpartition(".")[2]
    return api.SyncApi(api.FUNCTION, name, effect, None, None, fix=None,
                       replacement=replacement or f"await sync_to_async({short})(...)")


def parse(sync_apis=(), blocking_calls=()) -> dict[str, api.SyncApi]:
    """Both options' entries as table rows, by qualified name (``InvalidEntry`` for a bad one)."""
    rows = {}
    for entry in blocking_calls or ():
        name, _, replacement = (part.strip() for part in str(entry).partition("->"))
        rows[_qualified(name, entry, "blocking-calls")] = _row(name, api.BLOCKING_IO, replacement)
    for entry in sync_apis or ():
        parts = [part.strip() for part in str(entry).split("->", 2)]
        if len(parts) < 2 or parts[1].lower() not in EFFECTS:
            raise InvalidEntry(f"invalid sync-apis entry {entry!r}: expected 'package.module.function -> "
                               f"<effect> -> what to write instead', the effect one of {', '.join(EFFECTS)}")
        name = _qualified(parts[0], entry, "sync-apis")
        rows[name] = _row(name, EFFECTS[parts[1].lower()], parts[2] if len(parts) > 2 else "")
    return rows


def declare(config) -> dict[str, api.SyncApi]:
    """Install the run's declared rows (from pylint's config) in the table; a bad entry exits 2."""
    try:
        rows = parse(getattr(config, "sync_apis", ()), getattr(config, "blocking_calls", ()))
    except InvalidEntry as error:
        print(f"asynclint: error: {error}", file=sys.stderr)
        sys.exit(2)
    api.DECLARED.clear()
    api.DECLARED.update(rows)
    return rows
