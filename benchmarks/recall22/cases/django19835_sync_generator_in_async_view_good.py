"""Fixed form of django19835_sync_generator_in_async_view_bad.py: the events come from an async
generator that awaits its pauses."""

import asyncio

from django.http import StreamingHttpResponse
from django.views import View


class CounterSSEView(View):
    async def get(self, request):
        async def event_stream():
            for i in range(3):
                yield f"data: {i}\n\n"
                await asyncio.sleep(1)
            yield "event: end\ndata: close\n\n"

        return StreamingHttpResponse(event_stream(), content_type="text/event-stream")
