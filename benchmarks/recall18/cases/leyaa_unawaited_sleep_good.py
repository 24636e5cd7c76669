"""Fixed form (recall18): awaited."""

import asyncio

from django.http import JsonResponse


async def slow_view(request):
    await asyncio.sleep(3)
    return JsonResponse({"status": "done"})
