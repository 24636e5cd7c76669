"""django-ninja 1bb4117 (#916): for an async auth callback, the operation called it once, dropped that
coroutine after testing it against None, and called it again to await ("never awaited" warning, and
the callback's work is started twice); the fix keeps and awaits the one coroutine. Own reduction."""

from asgiref.sync import iscoroutinefunction


async def run_authentication_before(callback, request):
    if iscoroutinefunction(callback):
        result = callback(request)  # [async-call-not-awaited]
        if result is not None:
            result = await callback(request)
        return result
    return None


async def run_authentication_after(callback, request):
    if iscoroutinefunction(callback):
        coroutine = callback(request)
        return await coroutine
    return None
