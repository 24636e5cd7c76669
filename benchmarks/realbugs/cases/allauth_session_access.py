"""django-allauth 4a09c07: the async branch of AccountMiddleware ran the dangling-login check, which
reads and writes request.session, on the loop; the fix passes it through sync_to_async. Own
reduction."""

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.utils.decorators import sync_and_async_middleware


def _drop_dangling_login(request, response):
    if response.status_code // 100 != 2:
        return
    if "account_login" in request.session:
        request.session.pop("account_login")


@sync_and_async_middleware
def account_middleware_before(get_response):
    if iscoroutinefunction(get_response):

        async def middleware(request):
            response = await get_response(request)
            _drop_dangling_login(request, response)  # [missing-sync-to-async]
            return response

        return middleware

    def sync_middleware(request):
        response = get_response(request)
        _drop_dangling_login(request, response)
        return response

    return sync_middleware


@sync_and_async_middleware
def account_middleware_after(get_response):
    if iscoroutinefunction(get_response):

        async def middleware(request):
            response = await get_response(request)
            await sync_to_async(_drop_dangling_login)(request, response)
            return response

        return middleware

    def sync_middleware(request):
        response = get_response(request)
        _drop_dangling_login(request, response)
        return response

    return sync_middleware
