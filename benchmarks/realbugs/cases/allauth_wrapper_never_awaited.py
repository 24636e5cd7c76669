"""django-allauth 4037177 (#3634): the async middleware handed sync_to_async(check) to a sync helper
that called it, so the coroutine was never awaited and the check never ran; the fix awaits an async
check in the middleware. Own reduction."""

from asgiref.sync import sync_to_async


def _session_check(request):
    request.session.pop("account_login", None)


def _maybe_check(request, response, session_check):
    if response.status_code == 200:
        session_check(request)  # [async-call-not-awaited]


def _should_check(request, response):
    return response.status_code == 200


async def middleware_before(request, get_response):
    response = await get_response(request)
    _maybe_check(request, response, sync_to_async(_session_check))
    return response


async def middleware_after(request, get_response):
    response = await get_response(request)
    if _should_check(request, response):
        await sync_to_async(_session_check)(request)
    return response
