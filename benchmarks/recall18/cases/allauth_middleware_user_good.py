"""Fixed form (recall18): the async path loads the user with ``await request.auser()`` (Django 5.0+),
as the maintainers' fix does."""

from django.http import HttpResponseRedirect
from django.utils.decorators import sync_and_async_middleware
from asgiref.sync import iscoroutinefunction


def _redirect_for(request, authenticated):
    if request.path.rstrip("/") == "/accounts" and authenticated:
        return HttpResponseRedirect("/accounts/email/")
    return None


@sync_and_async_middleware
def accounts_url_middleware(get_response):
    if iscoroutinefunction(get_response):
        async def middleware(request):
            user = await request.auser()
            redirect = _redirect_for(request, user.is_authenticated)
            if redirect:
                return redirect
            return await get_response(request)
    else:
        def middleware(request):
            redirect = _redirect_for(request, request.user.is_authenticated)
            if redirect:
                return redirect
            return get_response(request)
    return middleware
