"""Recall reduction (recall22): sentry-python issue #3373 ('`@ai_track()` for asynchronous
functions'): a Django async view decorated with ``@ai_track(...)``; the decorator's wrapper was a
plain function, so the view stops being async and Django raises ValueError ('It returned an
unawaited coroutine instead'). Fixed in the SDK: 2.12.0 wraps coroutine functions with an async
wrapper (read in 2.10.0, 2.11.0: sync wrapper only; 2.12.0, 2.13.0: both); the case holds for
releases before 2.12.0. Our own minimal rewrite."""

import sentry_sdk
from django.http import HttpResponse
from sentry_sdk.ai.monitoring import ai_track


@ai_track("My async AI pipeline")  # [sync-only-decorator-on-async-view]
async def trigger_ai_async(request):
    with sentry_sdk.start_transaction(op="ai-inference", name="async AI inference"):
        return HttpResponse(b"Hello, world.")
