"""Recall reduction (recall19): a tips page on streaming responses under ASGI: the async view's async
generator calls ``asyncio.sleep(0)`` without await "to release the loop" before its loop: the
coroutine is created and dropped (RuntimeWarning), nothing is released. Our own minimal rewrite."""

import asyncio

from django.http import StreamingHttpResponse


async def stream_view(request):
    async def generate():
        asyncio.sleep(0)  # [async-call-not-awaited]
        for i in range(8):
            yield f"chunk {i}\n"
            await asyncio.sleep(0.5)

    return StreamingHttpResponse(generate())
