"""Runtime proof for the reverse one-to-one accessor of the user authentication loaded
(sync-orm-call-in-async's ``bad_reverse_one_to_one_read.py``, ``asynclint.core.django_kinds.reverse_one_to_one``):
for a logged-in reader, ``(await request.auser()).reader_card`` queries on the event loop
(SynchronousOnlyOperation: Django's ModelBackend loaded the user by pk, without relations), and the
same read in a thread completes. The calls harness runs these functions with an anonymous request."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async

from tests.runtime.support import file_environment, load_module

pytestmark = pytest.mark.django_runtime

FILE = "sync-orm-call-in-async/bad_reverse_one_to_one_read.py"


def _logged_in_request():
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.http import HttpResponse
    from django.test import AsyncRequestFactory, Client

    from cards.models import ReaderCard

    reader, _ = get_user_model().objects.get_or_create(username="reverse-reader")
    ReaderCard.objects.get_or_create(user=reader, defaults={"shelf": "A-1"})
    client = Client()
    client.force_login(reader)
    factory = AsyncRequestFactory()
    factory.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    request = factory.get("/")
    for middleware in (SessionMiddleware, AuthenticationMiddleware):
        middleware(lambda request: HttpResponse()).process_request(request)
    return request


@pytest.mark.parametrize("name", ["shelf_of_the_reader", "borrowed_by_the_reader", "borrowed_through_the_relation"])
def test_reverse_one_to_one_of_the_logged_in_user_queries_on_the_loop(name):
    import django
    from django.core.exceptions import SynchronousOnlyOperation
    from django.test.utils import override_settings

    if django.VERSION < (5, 0):
        pytest.skip("request.auser() arrives in Django 5.0")
    with file_environment(FILE), \
            override_settings(SESSION_ENGINE="django.contrib.sessions.backends.db"):
        function = getattr(load_module(FILE), name)
        request = _logged_in_request()
        with pytest.raises(SynchronousOnlyOperation):
            asyncio.run(function(request))

        async def in_a_thread():
            user = await request.auser()
            return await sync_to_async(getattr)(user, "reader_card")

        assert asyncio.run(in_a_thread()).shelf == "A-1"



def test_wrapping_only_the_method_still_reads_the_relation_on_the_loop():
    """Why missing-sync-to-async offers no fix for ``user.reader_card.borrowed()``: the would-be fix
    ``await sync_to_async(user.reader_card.borrowed)()`` evaluates ``user.reader_card`` on the loop (the
    same SynchronousOnlyOperation); the whole expression moved into the thread completes."""
    import django
    from django.core.exceptions import SynchronousOnlyOperation
    from django.test.utils import override_settings

    if django.VERSION < (5, 0):
        pytest.skip("request.auser() arrives in Django 5.0")
    with file_environment(FILE), \
            override_settings(SESSION_ENGINE="django.contrib.sessions.backends.db"):
        request = _logged_in_request()

        async def method_only():
            user = await request.auser()
            return await sync_to_async(user.reader_card.borrowed)()

        async def whole_expression():
            user = await request.auser()
            return await sync_to_async(lambda: user.reader_card.borrowed())()

        with pytest.raises(SynchronousOnlyOperation):
            asyncio.run(method_only())
        asyncio.run(whole_expression())
