"""Recall reduction (recall18): the same lesson's quiz: ``asyncio.sleep(3)`` in an async view without
await creates a coroutine that never runs (no delay; RuntimeWarning). Our own minimal rewrite."""

import asyncio

from django.http import JsonResponse


async def slow_view(request):
    asyncio.sleep(3)  # [async-call-not-awaited]
    return JsonResponse({"status": "done"})
