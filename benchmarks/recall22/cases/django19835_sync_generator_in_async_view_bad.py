"""Recall reduction (recall22): Django PR #19835 ('StreamingHttpResponse does not iterate when it is
ASGI and the iterator is synchronous', closed unmerged): an async class-based view returns a
StreamingHttpResponse over a nested sync generator that sleeps between server-sent events; under
ASGI Django (4.2+) consumes a sync iterator whole in a thread before sending, so nothing streams
(and warns). Django keeps the behaviour: stream from an async iterator. Our own minimal rewrite."""

import time

from django.http import StreamingHttpResponse
from django.views import View


class CounterSSEView(View):
    async def get(self, request):
        def event_stream():
            for i in range(3):
                yield f"data: {i}\n\n"
                time.sleep(1)
            yield "event: end\ndata: close\n\n"

        return StreamingHttpResponse(event_stream(), content_type="text/event-stream")  # [sync-iterator-in-streaming-response]
