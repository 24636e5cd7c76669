"""Fixed form of sentry3373_ai_track_on_async_view_bad.py (for the affected releases): the pipeline is
traced with a span inside the async view instead of the sync-only decorator."""

import sentry_sdk
from django.http import HttpResponse


async def trigger_ai_async(request):
    with sentry_sdk.start_transaction(op="ai-inference", name="async AI inference"):
        with sentry_sdk.start_span(op="ai.run", name="My async AI pipeline"):
            return HttpResponse(b"Hello, world.")
