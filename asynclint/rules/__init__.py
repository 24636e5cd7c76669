"""The registry of asynclint's rules: ``ALL`` lists every rule class, sorted by message id."""

from __future__ import annotations

from asynclint.rules.async_call_not_awaited import AsyncCallNotAwaited
from asynclint.rules.async_iterator_in_sync_loop import AsyncIteratorInSyncLoop
from asynclint.rules.async_to_sync_in_async import AsyncToSyncInAsync
from asynclint.rules.base import Options
from asynclint.rules.lazy_queryset_from_sync_to_async import LazyQuerysetFromSyncToAsync
from asynclint.rules.missing_sync_to_async import MissingSyncToAsync
from asynclint.rules.sync_to_async_called_not_passed import SyncToAsyncCalledNotPassed
from asynclint.rules.thread_insensitive_orm_call import ThreadInsensitiveOrmCall
from asynclint.rules.wrong_adapter_direction import WrongAdapterDirection
from asynclint.rules.blocking_call_in_async import BlockingCallInAsync
from asynclint.rules.middleware_async_mode_mismatch import MiddlewareAsyncModeMismatch
from asynclint.rules.mixed_sync_async_view_handlers import MixedSyncAsyncViewHandlers
from asynclint.rules.sync_auth_call_in_async import SyncAuthCallInAsync
from asynclint.rules.sync_cache_call_in_async import SyncCacheCallInAsync
from asynclint.rules.sync_iterator_in_streaming_response import SyncIteratorInStreamingResponse
from asynclint.rules.sync_only_middleware import SyncOnlyMiddleware
from asynclint.rules.sync_only_middleware_in_settings import SyncOnlyMiddlewareInSettings
from asynclint.rules.sync_only_decorator_on_async_view import SyncOnlyDecoratorOnAsyncView
from asynclint.rules.sync_session_access_in_async import SyncSessionAccessInAsync
from asynclint.rules.sync_signal_send_in_async import SyncSignalSendInAsync
from asynclint.rules.sync_template_render_in_async import SyncTemplateRenderInAsync
from asynclint.rules.sync_test_client_in_async_test import SyncTestClientInAsyncTest
from asynclint.rules.sync_orm_call_in_async import SyncOrmCallInAsync
from asynclint.rules.sync_queryset_evaluation_in_async import SyncQuerysetEvaluationInAsync
from asynclint.rules.sync_transaction_in_async import SyncTransactionInAsync

ALL = (
    SyncOrmCallInAsync,
    SyncQuerysetEvaluationInAsync,
    SyncTransactionInAsync,
    AsyncCallNotAwaited,
    AsyncIteratorInSyncLoop,
    SyncCacheCallInAsync,
    SyncTemplateRenderInAsync,
    BlockingCallInAsync,
    SyncAuthCallInAsync,
    SyncSessionAccessInAsync,
    SyncSignalSendInAsync,
    SyncIteratorInStreamingResponse,
    SyncTestClientInAsyncTest,
    MixedSyncAsyncViewHandlers,
    SyncOnlyDecoratorOnAsyncView,
    SyncOnlyMiddleware,
    MiddlewareAsyncModeMismatch,
    SyncOnlyMiddlewareInSettings,
    MissingSyncToAsync,
    SyncToAsyncCalledNotPassed,
    LazyQuerysetFromSyncToAsync,
    ThreadInsensitiveOrmCall,
    WrongAdapterDirection,
    AsyncToSyncInAsync,
)


def register_all(linter) -> None:
    linter.register_checker(Options(linter))
    for rule in ALL:
        linter.register_checker(rule(linter))
