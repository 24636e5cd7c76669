"""The registry of asynclint's rules: ``ALL`` lists every rule class, sorted by message id."""

from __future__ import annotations

from asynclint.rules.async_call_not_awaited import AsyncCallNotAwaited
from asynclint.rules.async_iterator_in_sync_loop import AsyncIteratorInSyncLoop
from asynclint.rules.base import Options
from asynclint.rules.sync_orm_call_in_async import SyncOrmCallInAsync
from asynclint.rules.sync_queryset_evaluation_in_async import SyncQuerysetEvaluationInAsync
from asynclint.rules.sync_transaction_in_async import SyncTransactionInAsync

ALL = (
    SyncOrmCallInAsync,
    SyncQuerysetEvaluationInAsync,
    SyncTransactionInAsync,
    AsyncCallNotAwaited,
    AsyncIteratorInSyncLoop,
)


def register_all(linter) -> None:
    linter.register_checker(Options(linter))
    for rule in ALL:
        linter.register_checker(rule(linter))
