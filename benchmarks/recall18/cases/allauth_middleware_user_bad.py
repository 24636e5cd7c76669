"""Recall reduction (recall18): a blog analysis of a django-allauth middleware added for its
'hackable' account URLs: under ASGI (Daphne, Django 5.x) its async path reads
``request.user.is_authenticated``, which loads the session and the user on the loop
(SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

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
            redirect = _redirect_for(request, request.user.is_authenticated)  # [sync-auth-call-in-async]
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
