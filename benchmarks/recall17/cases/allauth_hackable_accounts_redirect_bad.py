"""Recall reduction (recall17, pennersr/django-allauth issue 3969, fixed in 888dce5): a hybrid
function middleware (``@sync_and_async_middleware``) returns, on its async path, the result of a sync
helper shared with the sync path. For a 404 on the accounts prefix the helper redirects by reading
``request.user.is_authenticated``, which loads the session and the user: SynchronousOnlyOperation under
ASGI. Our own minimal rewrite of the reported shape, not upstream code."""

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
            return _hackable_redirect(request, response)  # [missing-sync-to-async]

    else:

        def middleware(request):
            response = get_response(request)
            return _hackable_redirect(request, response)

    return middleware


def _hackable_redirect(request, response):
    if response.status_code != 404:
        return response
    try:
        login_path = reverse("account_login")
        email_path = reverse("account_email")
    except NoReverseMatch:
        return response
    prefix = os.path.commonprefix([login_path, email_path])
    if len(prefix) <= 1 or prefix != request.path:
        return response
    return HttpResponseRedirect(email_path if request.user.is_authenticated else login_path)
