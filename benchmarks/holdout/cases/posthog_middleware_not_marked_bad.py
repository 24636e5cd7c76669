"""A middleware declared both sync- and async-capable keeps its async path in `__acall__` but never
marks the instance as a coroutine function and never routes to it: under ASGI Django calls the sync
`__call__`, which refuses the async chain."""

from asgiref.sync import iscoroutinefunction


class ContextMiddleware:  # [middleware-async-mode-mismatch]
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.is_async = iscoroutinefunction(get_response)
        self.get_response = get_response

    def __call__(self, request):
        if self.is_async:
            raise RuntimeError("sync call with an async get_response")
        request.tagged = True
        return self.get_response(request)

    async def __acall__(self, request):
        request.tagged = True
        return await self.get_response(request)
