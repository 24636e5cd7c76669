"""The bookshop's middleware: one that works in both modes, one that is sync only.

Django calls each middleware factory with the next layer's ``get_response``, which is a
coroutine function when the layer below runs async (under ASGI, when nothing sync sits
between this middleware and the view). A middleware declared sync-and-async must then
return a callable of the same kind; a sync-only one is always given a sync
``get_response`` and is run in a worker thread under ASGI.
"""

from asgiref.sync import iscoroutinefunction
from django.utils.decorators import sync_and_async_middleware, sync_only_middleware


@sync_and_async_middleware
def shop_header_middleware(get_response):
    """Add ``X-Bookshop-Mode``, naming the mode Django picked for this middleware."""
    if iscoroutinefunction(get_response):

        async def middleware(request):
            response = await get_response(request)
            response["X-Bookshop-Mode"] = "async"
            return response

    else:

        def middleware(request):
            response = get_response(request)
            response["X-Bookshop-Mode"] = "sync"
            return response

    return middleware


@sync_only_middleware
def staff_header_middleware(get_response):
    """Mark responses to staff users. ``request.user`` may query the database, which is
    fine here: a sync-only middleware never runs on the event loop."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_staff:
            response["X-Staff"] = "yes"
        return response

    return middleware
