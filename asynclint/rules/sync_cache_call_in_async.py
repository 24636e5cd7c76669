"""W5710 sync-cache-call-in-async.

## What it does
Flags sync calls of Django's cache API on the event loop: `get`, `set`, `add`, `delete`, `get_many`,
`set_many`, `delete_many`, `incr`, `decr`, `touch`, `has_key`, `get_or_set`, `clear`,
`incr_version`, `decr_version`, `close` on `django.core.cache.cache`, on `caches[alias]`, and on any
name bound to them.

## Why is this bad?
With `DatabaseCache` the call reaches the database connection and raises `SynchronousOnlyOperation`;
with file, memcached or Redis backends it runs, but blocks the event loop for the whole I/O. Django
4.0 added the `a*` forms.

Silent when the project's settings give the alias an in-process backend for certain (`LocMemCache`,
`DummyCache`, or no `CACHES` at all, Django's default LocMemCache): those do no I/O, and their `a*`
forms only add a thread hop. Certain means the module lies in a folder with `manage.py` whose
settings module (outside test folders) is read, and every statement there that sets `CACHES` is a
literal; a backend chosen per environment or read from it keeps the finding.
When the call's result is awaited (`await cache.get(...)`), silent unless the settings give the alias,
for certain as above, only backends whose methods are sync and do I/O (Django's Redis, memcached, file
and database backends, django-redis's `RedisCache`): that code is right only with a backend whose
methods are coroutine functions (django-valkey's `AsyncValkeyCache`). On a sync backend the call
blocks the loop (or raises `SynchronousOnlyOperation`), and awaiting the value it returns then raises
`TypeError`; the fix renames it to its `a*` form, keeping the `await`.
Silent on a loop that runs one chain of awaits in a project that sets `DJANGO_ALLOW_ASYNC_UNSAFE`
for production (`asynclint.core.own_loop.single_chain_loop_reason`; the criterion is the one
sync-orm-call-in-async describes): nothing else waits on that loop.

## Example
```python
async def book_count(request):
    count = cache.get("book-count")
```

## Use instead
```python
async def book_count(request):
    count = await cache.aget("book-count")
```

## Fix safety
Safe from Django 4.0: `await cache.a<name>(...)` takes the same arguments. (Built-in backends still
run the I/O in a worker thread, but the loop is free meanwhile.)

## Django versions
4.0+ for the replacement; below, `await sync_to_async(cache.get)(...)`.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule


class SyncCacheCallInAsync(SyncCallRule):
    msgid = "W5710"
    symbol = "sync-cache-call-in-async"
    prefilter = (ASYNC,)
    fix_safety = "safe or unsafe"
    fix_title = "Await the cache's a* method (sync_to_async below Django 4.0)"
    django_versions = DjangoVersions("4.0+ for the replacement", since=(4, 0))
    summary = "A sync Django cache call runs on the event loop; await its a* form (cache.aget...)."
    effects = (api.CACHE_IO,)

    @only_required_for_messages("sync-cache-call-in-async")
    def visit_call(self, node: nodes.Call) -> None:
        self.check_sync_call(node)
