"""The same middleware declared for both modes, with an async path when the chain is async."""

from contextlib import contextmanager

from asgiref.sync import iscoroutinefunction
from django.utils.decorators import sync_and_async_middleware


@contextmanager
def query_watch():
    yield


@sync_and_async_middleware
def query_watch_middleware(get_response):
    if iscoroutinefunction(get_response):

        async def async_middleware(request):
            with query_watch():
                response = await get_response(request)
            return response

        return async_middleware

    def middleware(request):
        with query_watch():
            response = get_response(request)
        return response

    return middleware
