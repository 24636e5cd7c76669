"""Recall reduction (recall17, vitalik/django-ninja issue 1251, django-ninja 1.2.2): an async operation
declares ``auth=django_auth``. Before 1.5.0 ``AsyncOperation._run_authentication`` calls the sync
``SessionAuth`` callback directly on the loop, and it reads ``request.user`` (the session and the user
are loaded): SynchronousOnlyOperation whenever the request carries a session cookie. Our own minimal
rewrite of the reported shape, not upstream code; ``requirements.txt`` next to it pins the reporter's
django-ninja."""

from ninja import NinjaAPI
from ninja.security import django_auth

api = NinjaAPI(urls_namespace="ninja_django_auth_async_route_bad")


@api.get("/foobar", auth=django_auth)  # [sync-auth-call-in-async]
async def foobar(request) -> str:
    return "foobar"
