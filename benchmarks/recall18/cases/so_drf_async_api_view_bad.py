"""Recall reduction (recall18): a Stack Overflow asker turned a DRF function view into ``async def``
under ``@api_view``; DRF's sync dispatch calls it, gets a coroutine and fails its response check
(AssertionError: ... received a <class 'coroutine'>). Our own minimal rewrite of the shape."""

from rest_framework.decorators import api_view
from rest_framework.response import Response


async def get_data():
    return {"answer": 42}


@api_view(["GET"])  # [sync-only-decorator-on-async-view]
async def test_async_view(request):
    data = await get_data()
    return Response(data)
