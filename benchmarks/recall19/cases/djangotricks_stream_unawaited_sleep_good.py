"""Fixed form (recall19): the first sleep awaited like the one in the loop."""

import asyncio

from django.http import StreamingHttpResponse


async def stream_view(request):
    async def generate():
        await asyncio.sleep(0)
        for i in range(8):
            yield f"chunk {i}\n"
            await asyncio.sleep(0.5)

    return StreamingHttpResponse(generate())
