"""Writes docs/libraries.md from the library tables: ``python -m asynclint.libraries.docs``.

tests/test_libraries.py fails when the page is stale, like the rule pages of ``asynclint.docs``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from asynclint import django_api as api
from asynclint.libraries import table

PAGE = Path(__file__).resolve().parents[2] / "docs" / "libraries.md"

#: Which rule reports a row, by its effect.
RULE_OF_EFFECT = {
    api.QUERY: "sync-orm-call-in-async", api.WRITE: "sync-orm-call-in-async",
    api.RAW_SQL: "sync-orm-call-in-async", api.CONNECTION_IO: "sync-orm-call-in-async",
    api.BLOCKING_IO: "blocking-call-in-async", api.TASK_QUEUE: "blocking-call-in-async",
    api.CPU_BOUND: "blocking-call-in-async", api.CACHE_IO: "sync-cache-call-in-async",
    api.TEMPLATE_RENDER: "sync-template-render-in-async", api.AUTH: "sync-auth-call-in-async",
}

INTRO = """# Libraries asynclint knows

Generated from `asynclint/libraries/` by `python -m asynclint.libraries.docs`; do not edit by hand.

Async Django views do not reach the database and the network only through Django's API. Each library
family below is one table module under `asynclint/libraries/`, merged into the same table
(`asynclint/django_api.py`) that every rule reads: a row names the sync call, what it does (its effect
picks the rule) and the async replacement, with the library release that added it. Names resolve by
import path through the project's imports, so the result is the same with and without the library
installed (pre-commit environments have none); a call asynclint cannot tie to a row stays silent.

Projects add their own functions, or a library's that is not listed, with `sync-apis` in
`[tool.asynclint]`:

```toml
[tool.asynclint]
sync-apis = ["acme.flags.is_on -> database -> await acme.flags.ais_on(...)"]
```

The effect is one of `database` (sync-orm-call-in-async), `cache` (sync-cache-call-in-async),
`template` (sync-template-render-in-async), `network`, `file`, `blocking` or `cpu`
(blocking-call-in-async); the replacement is optional (default: `await sync_to_async(f)(...)`). The
older `blocking-calls = ["pkg.mod.f -> replacement"]` is the same with the effect `blocking`.
Entries are comma-separated by pylint, so a replacement cannot contain a comma.

## How the DB-backed packages were chosen

The criterion: among the most downloaded Django packages on PyPI, those whose documented, commonly
called *functions* (not views, admin, management commands or middleware) read the database or the
cache on every call, so that an async view calling them runs a query or a cache round trip on the
event loop. Feature flags (django-waffle), runtime settings stores (django-constance) and object
permissions (django-guardian) meet it. Considered and left out: django-allauth (its public API is
views, forms and adapters that Django runs in threads), django-taggit (its manager would need
taggit-specific replacements, Django's `aadd()` does not exist there), django-simple-history and
django-reversion (history managers are lazy QuerySets, already covered by the ORM rows), and
django-filter (its FilterSet queries only through a form's model choice fields: not certain enough).
The download ranking was not re-measured in this session; the list is the one above.

## Proofs

Fixtures for every family live under `tests/fixtures/<rule>/` (bad and good). Runtime proofs, under
the real package: urllib3 and Django's file storage (a blocking socket connect or `open()` in the
loop's thread), DRF and adrf (SynchronousOnlyOperation), `ContentType.objects.get_for_model()`,
`sync-apis` declarations (tests/test_runtime.py); Celery's `delay()`, `apply_async()` and
`send_task()` against a local broker (tests/test_runtime_libraries.py). Fixtures only (the package or
its service is not available to the tests): boto3, redis, psycopg, elasticsearch, stripe, openai,
anthropic, dramatiq, RQ, django-q, django-constance, django-waffle, django-guardian, and
`Site.objects.get_current()` (django.contrib.sites is not in the runtime project), django-filter,
grpc.aio, redis.asyncio and aiohttp. DRF permissions checked by hand are proven under real DRF
(tests/fixtures/sync-auth-call-in-async/bad_drf_permissions.py), httpx.AsyncClient and Channels'
in-memory layer left unawaited too (tests/fixtures/async-call-not-awaited/bad_async_client_coroutines.py).

## Not covered yet

GraphQL servers (strawberry, graphene-django, ariadne: sync resolvers run by an async schema),
Channels' old two-step ASGI
middleware (`__call__(scope)` returning an inner coroutine), a view's `filter_queryset()` and
`check_permissions()` (see asynclint/libraries/drf.py for why), serializer `.data` of a single object. Channels' `BaseMiddleware` and
`async def __call__(self, scope, receive, send)` are async functions, so the ORM rules already
cover them (tests/fixtures/sync-orm-call-in-async/bad_channels_middleware.py).

django-ninja needs no rows today: its async operations run sync auth callbacks through
`sync_to_async` (`AsyncOperation._run_authentication`) and paginate with the paginator's
`apaginate_queryset()` (a paginator without one is refused when the route is built), as read in
vitalik/django-ninja at d524516 (2026-08). Older releases were not checked.
"""


def _calls(rows: list[api.SyncApi]) -> str:
    row = rows[0]
    if row.receiver == api.FUNCTION:
        return ", ".join(f"`{r.name}()`" for r in rows)
    if row.name == api.WILDCARD:
        return f"every public {'attribute' if row.attribute else 'method'} of a {row.receiver}"
    names = ", ".join(f"`.{r.name}`" if r.attribute else f"`.{r.name}()`" for r in rows)
    return f"{names} of a {row.receiver}"


def _replacement(row: api.SyncApi) -> str:
    if row.replacement:
        use = "`" + row.replacement.replace("{func}", "f").replace("{receiver}", "x") + "`"
    else:
        use = f"`await x.{row.async_name}(...)`" if row.async_name else ""
    return use + (f" ({row.library} {row.library_since}+)" if row.library_since else "")


def _groups(rows: list[api.SyncApi]) -> list[list[api.SyncApi]]:
    """Consecutive rows that differ only by name share one line of the page."""
    groups: list[list[api.SyncApi]] = []
    for row in rows:
        key = (row.receiver, row.effect, row.replacement, row.async_name is None, row.library_since, row.attribute)
        last = groups[-1][0] if groups else None
        if last is not None and row.name != api.WILDCARD and last.name != api.WILDCARD and key == (
                last.receiver, last.effect, last.replacement, last.async_name is None, last.library_since,
                last.attribute) and row.async_name is None:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def render() -> str:
    by_library: dict[str, list[api.SyncApi]] = defaultdict(list)
    for row in table.SYNC_APIS:
        by_library[row.library].append(row)
    out = [INTRO, "## Covered calls\n"]
    for library in sorted(by_library, key=str.lower):
        out.append(f"### {library}\n")
        out.append("| call | effect | rule | use instead |")
        out.append("| --- | --- | --- | --- |")
        for rows in _groups(by_library[library]):
            row = rows[0]
            out.append(f"| {_calls(rows)} | {row.effect} | {RULE_OF_EFFECT.get(row.effect, '')} | "
                       f"{_replacement(row)} |")
        out.append("")
    out.append(_async_clients())
    return "\n".join(out).rstrip() + "\n"


def _async_clients() -> str:
    """The library objects whose methods return coroutines (``ASYNC_METHODS``), and how each is known."""
    out = ["## Async clients whose calls must be awaited\n",
           "A call of one of these methods whose result is dropped or used as a value is "
           "async-call-not-awaited: the coroutine never runs. The object is known from its constructor, "
           "its factory or a parameter's annotation.\n",
           "| object | known from | methods |", "| --- | --- | --- |"]
    for kind, names in table.ASYNC_METHODS.items():
        known = ", ".join([f"`{name}`" for name, result in table.CALL_RESULT_KINDS.items() if result == kind]
                          + [f"`self.{name}` in a subclass of {', '.join(sorted(f'`{b}`' for b in bases))}"
                             for name, (bases, result) in table.INHERITED_ATTRIBUTE_KINDS.items() if result == kind])
        if api.WILDCARD in names:
            shown = "every public method but " + ", ".join(f"`{n}()`" for n in sorted(table.NO_IO_METHODS[kind]))
        else:
            shown = ", ".join(f"`{n}()`" for n in sorted(names))
        out.append(f"| {kind} | {known} | {shown} |")
    return "\n".join(out) + "\n"


def summary() -> list[dict[str, str]]:
    """One entry per library: how many calls are covered, by which rules, and the async form's release."""
    by_library: dict[str, list[api.SyncApi]] = defaultdict(list)
    for row in table.SYNC_APIS:
        by_library[row.library].append(row)
    return [{
        "library": library,
        "calls": str(len(rows)) if all(r.name != api.WILDCARD for r in rows) else "all methods",
        "rules": ", ".join(sorted({RULE_OF_EFFECT[r.effect] for r in rows})),
        "async since": ", ".join(sorted({r.library_since for r in rows if r.library_since})) or "-",
    } for library, rows in sorted(by_library.items(), key=lambda item: item[0].lower())]


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
