"""Runtime proof for the async clients a gRPC service holds (asynclint.libraries.clients'
``ASYNC_METHODS``): grpc.aio's servicer context and redis.asyncio.

The fixture servicers are served by a real ``grpc.aio`` server on 127.0.0.1 and called through a
``grpc.aio`` channel, so ``context`` is the server's own ``ServicerContext``; the servicer's
redis.asyncio client is swapped for fakeredis' ``FakeAsyncRedis`` (a ``redis.asyncio.Redis``
subclass: the same methods, no server). A bad servicer's unawaited calls leave exactly the
"coroutine ... was never awaited" warnings of its annotated lines, and what they were to do does not
happen (the stream is empty, the abort does not abort, the counter stays unset); the good servicer
leaves none and does it all.

bad_grpc_unannotated_context.py is not run here: its proxy needs django-socio-grpc.
"""

from __future__ import annotations

import asyncio
import gc
import types
import warnings

import pytest

from tests.runtime.support import load_module

grpc = pytest.importorskip("grpc")
pytest.importorskip("grpc.aio")
fakeredis = pytest.importorskip("fakeredis")

pytestmark = pytest.mark.django_runtime

BAD = "async-call-not-awaited/bad_grpc_and_redis_coroutines.py"
GOOD = "async-call-not-awaited/good_grpc_and_redis_awaited.py"


def _request(data: bytes):
    return types.SimpleNamespace(pk=int(data or b"0"))


def _reply(value) -> bytes:
    return value if isinstance(value, bytes) else str(value if value is not None else "").encode()


async def _serve(servicer, method: str, streaming: bool, pk: int):
    """Serve ``servicer.<method>`` on a fresh grpc.aio server, call it once with ``pk``: (the replies, the
    status code)."""
    handler = getattr(servicer, method)
    kind = grpc.unary_stream_rpc_method_handler if streaming else grpc.unary_unary_rpc_method_handler
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("books.Books", {
        method: kind(handler, request_deserializer=_request, response_serializer=_reply)}),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            path = f"/books.Books/{method}"
            request = str(pk).encode()
            try:
                if streaming:
                    call = channel.unary_stream(path)(request, timeout=10)
                    replies = [reply async for reply in call]
                else:
                    call = channel.unary_unary(path)(request, timeout=10)
                    replies = [await call]
                return replies, await call.code()
            except grpc.aio.AioRpcError as error:
                return [], error.code()
    finally:
        await server.stop(None)


def _run(relative: str, method: str, streaming: bool, pk: int = 1):
    """The replies, status, unawaited coroutines and the servicer's ``streams`` counter after one call."""
    module = load_module(relative)

    async def call():
        servicer = module.BookStream()
        servicer.redis = fakeredis.FakeAsyncRedis()  # made in the loop it is used in
        replies, code = await _serve(servicer, method, streaming, pk)
        return replies, code, await servicer.redis.get("streams")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        replies, code, streams = asyncio.run(call())
        gc.collect()
    unawaited = sorted(str(w.message) for w in caught if "never awaited" in str(w.message))
    return replies, code, unawaited, streams


def test_unawaited_context_writes_and_redis_commands_do_nothing():
    replies, code, unawaited, streams = _run(BAD, "ListBooks", streaming=True)
    assert code == grpc.StatusCode.OK
    assert replies == [], "context.write() without await must send nothing"
    assert unawaited == ["coroutine 'Redis.execute_command' was never awaited",
                         "coroutine '_ServicerContext.write' was never awaited",
                         "coroutine '_ServicerContext.write' was never awaited"]
    assert streams is None, "redis.incr() without await must not count"


def test_unawaited_abort_does_not_abort():
    replies, code, unawaited, _streams = _run(BAD, "GetBook", streaming=False, pk=0)
    assert unawaited == ["coroutine '_ServicerContext.abort' was never awaited"]
    assert code == grpc.StatusCode.OK, "context.abort() without await must leave the call to succeed"
    assert replies == [b""]


def test_awaited_context_and_redis_calls_run():
    replies, code, unawaited, streams = _run(GOOD, "ListBooks", streaming=True)
    assert unawaited == []
    assert code == grpc.StatusCode.OK
    assert replies == [b"The Dispossessed", b"The Word for World Is Forest"]
    assert streams == b"1"
