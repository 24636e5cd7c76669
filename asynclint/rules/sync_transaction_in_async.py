"""E5703 sync-transaction-in-async.

## What it does
Flags database transactions used from async code: `with transaction.atomic():` on the event loop,
`async with transaction.atomic()`, `@transaction.atomic` on an `async def`, and
`transaction.on_commit()`, `savepoint()`/`savepoint_commit()`/`savepoint_rollback()`,
`set_autocommit()`, `commit()`/`rollback()` called on the event loop.

## Why is this bad?
Transactions have no async form in any Django version. Entering `atomic()` on the loop reaches the
connection and raises `SynchronousOnlyOperation`; `async with` raises `TypeError` because `Atomic`
is not an async context manager; `@atomic` turns an `async def` into a sync function that returns
a coroutine and raises when called on the loop. Even where it could be entered, `a*` ORM calls run
on a worker thread's connection and would not join the transaction.

## Example
```python
async def transfer(request):
    with transaction.atomic():
        ...
```

## Use instead
```python
def _transfer():
    with transaction.atomic():
        ...

async def transfer(request):
    await sync_to_async(_transfer)()
```

## Fix safety
No automatic fix: the block has to become a sync function, which changes what runs where.

## Django versions
All versions (3.0 to 6.1).
"""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from asynclint import django_api as api
from asynclint.core import suggest
from asynclint.core.describe import describe
from asynclint.core.django_kinds import django_call
from asynclint.core.event_loop import runs_on_event_loop
from asynclint.core.imports import called_name
from asynclint.prefilter import ASYNC
from asynclint.rules.base import AsyncLintRule, DjangoVersions, Facts

_SYMBOL = "sync-transaction-in-async"


def _atomic_call(node: nodes.NodeNG) -> bool:
    """``transaction.atomic`` or ``transaction.atomic(...)``, however it was imported."""
    return called_name(node) == api.TRANSACTION_ATOMIC


class SyncTransactionInAsync(AsyncLintRule):
    msgid = "E5703"
    symbol = _SYMBOL
    prefilter = (ASYNC,)
    raises_on_loop = True
    django_versions = DjangoVersions("All versions (3.0 to 6.1)")
    summary = (
        "A database transaction is used from async code; transactions have no async form. Put the "
        "transactional block in a sync function and call it with sync_to_async."
    )

    @only_required_for_messages(_SYMBOL)
    def visit_with(self, node: nodes.With) -> None:
        if not runs_on_event_loop(node):
            return
        for manager, _alias in node.items:
            if _atomic_call(manager):
                self.report(node, f"'with {describe(manager)}' {api.EFFECT_VERBS[api.TRANSACTION]} on the "
                            f"event loop, where Django raises SynchronousOnlyOperation; "
                            f"{suggest.SYNC_TO_ASYNC_FUNCTION}")

    @only_required_for_messages(_SYMBOL)
    def visit_asyncwith(self, node: nodes.AsyncWith) -> None:
        for manager, _alias in node.items:
            if _atomic_call(manager):
                self.report(node, f"'async with {describe(manager)}' raises TypeError: Atomic is not an "
                            f"async context manager, and transactions have no async form; "
                            f"{suggest.SYNC_TO_ASYNC_FUNCTION}")

    @only_required_for_messages(_SYMBOL)
    def visit_asyncfunctiondef(self, node: nodes.AsyncFunctionDef) -> None:
        for decorator in node.decorators.nodes if node.decorators else ():
            if _atomic_call(decorator):
                self.report(decorator, f"@{describe(decorator)} on async function '{node.name}' makes it "
                            f"a sync function that enters the transaction on the event loop, where "
                            f"Django raises SynchronousOnlyOperation; move the transactional part into a "
                            f"sync function and call it with 'await sync_to_async(fn)()'")

    @only_required_for_messages(_SYMBOL)
    def visit_call(self, node: nodes.Call) -> None:
        if not runs_on_event_loop(node) or _atomic_call(node):
            return  # atomic() itself is reported where it is entered (with / decorator)
        found = django_call(node)
        if found is not None and found.row.effect == api.TRANSACTION:
            self.report(node, suggest.sync_call(found, self.target), facts=Facts(call=found))
