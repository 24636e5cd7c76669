"""E5701 sync-orm-call-in-async.

## What it does
Flags calls on the event loop that run a database query or write through Django's sync ORM:
QuerySet and manager methods that do not return a QuerySet (`get`, `count`, `create`, `update`,
`delete`, `iterator`...), model instance `save`/`delete`/`refresh_from_db`/`full_clean`,
related-manager `add`/`remove`/`clear`/`set`/`create`, `get_object_or_404`/`get_list_or_404`,
`prefetch_related_objects`, `Paginator(qs).page()`/`get_page()` and `connection.cursor()`.
The receiver is recognised through variables, custom managers, custom QuerySet methods, related
managers, loop variables and annotated parameters.

## Why is this bad?
Every query path reaches `connection.cursor()`, which Django guards with `@async_unsafe`: on a
thread that runs an event loop it raises `SynchronousOnlyOperation`. The call never works in an
`async def`.

## Example
```python
async def book_detail(request, pk):
    book = Book.objects.get(pk=pk)
```

## Use instead
```python
async def book_detail(request, pk):
    book = await Book.objects.aget(pk=pk)
```

## Fix safety
Replacing `x.name(...)` with `await x.aname(...)` is safe where the async method exists in the
targeted Django version (QuerySet methods 4.1, instance and related-manager methods 4.2, shortcuts
5.0, `AsyncPaginator` 6.0). Below that version, or for calls with no async form (`full_clean`,
`connection.cursor`), the work has to move into a sync function called with `sync_to_async`.

## Django versions
Fires for every version (the sync ORM has raised on the event loop since 3.0); the suggested
replacement follows `django-version`.
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.prefilter import ASYNC
from asynclint.rules.base import DjangoVersions, SyncCallRule


class SyncOrmCallInAsync(SyncCallRule):
    msgid = "E5701"
    symbol = "sync-orm-call-in-async"
    prefilter = (ASYNC,)
    fix_safety = "safe"
    fix_title = "Await the async form of the call (aget, asave, aget_object_or_404...)"
    django_versions = DjangoVersions(
        "Fires for every version (the sync ORM has raised on the event loop since 3.0)")
    summary = (
        "A sync ORM query or write is called on the event loop, where Django raises "
        "SynchronousOnlyOperation. Await its async form (aget, acount, asave...) or run it in "
        "sync_to_async."
    )
    effects = (api.QUERY, api.WRITE, api.RAW_SQL)

    @only_required_for_messages("sync-orm-call-in-async")
    def visit_call(self, node: nodes.Call) -> None:
        self.check_sync_call(node)
