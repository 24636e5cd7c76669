"""Fixed form (recall18): the second answer's fix, adrf's ``api_view`` (awaits an ``async def`` view).
The accepted answer (a sync view under sync_to_async) left the question's async helper unexplained."""

from adrf.decorators import api_view
from rest_framework.response import Response


async def get_data():
    return {"answer": 42}


@api_view(["GET"])
async def test_async_view(request):
    data = await get_data()
    return Response(data)
