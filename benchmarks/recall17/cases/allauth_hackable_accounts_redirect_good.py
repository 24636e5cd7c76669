"""Fixed shape of allauth_hackable_accounts_redirect (as 888dce5 does): a sync predicate that reads no
user, and an async redirect that loads the user with ``await request.auser()`` (Django 5.0+)."""

import os

from asgiref.sync import iscoroutinefunction
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import sync_and_async_middleware


@sync_and_async_middleware
def AccountsMiddleware(get_response):
    if iscoroutinefunction(get_response):

        async def middleware(request):
            response = await get_response(request)
            if _should_redirect(request, response):
                response = await _aredirect(request)
            return response

    else:

        def middleware(request):
            response = get_response(request)
            if _should_redirect(request, response):
                response = _redirect(request)
            return response

    return middleware


def _should_redirect(request, response):
    if response.status_code != 404:
        return False
    try:
        login_path = reverse("account_login")
        email_path = reverse("account_email")
    except NoReverseMatch:
        return False
    prefix = os.path.commonprefix([login_path, email_path])
    return len(prefix) > 1 and prefix == request.path


async def _aredirect(request):
    user = await request.auser()
    return HttpResponseRedirect(reverse("account_email") if user.is_authenticated else reverse("account_login"))


def _redirect(request):
    user = request.user
    return HttpResponseRedirect(reverse("account_email") if user.is_authenticated else reverse("account_login"))
