"""django-ninja f5adb2b: the async branch of a hybrid middleware returned get_response(request)
without awaiting it. Own reduction."""

from asgiref.sync import iscoroutinefunction
from django.utils.decorators import sync_and_async_middleware


@sync_and_async_middleware
def files_middleware_before(get_response):
    if iscoroutinefunction(get_response):

        async def middleware(request):
            request.method = request.method.upper()
            return get_response(request)  # [async-call-not-awaited]

        return middleware

    def sync_middleware(request):
        return get_response(request)

    return sync_middleware


@sync_and_async_middleware
def files_middleware_after(get_response):
    if iscoroutinefunction(get_response):

        async def middleware(request):
            request.method = request.method.upper()
            return await get_response(request)

        return middleware

    def sync_middleware(request):
        return get_response(request)

    return sync_middleware
