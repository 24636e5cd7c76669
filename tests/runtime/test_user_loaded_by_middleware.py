"""Runtime proof for sync-auth-call-in-async's silence when the project's middleware loads the user
(asynclint.core.middleware.user_resolved_before_views).

Each mini-project's async views are served through Django's real ASGIHandler (``AsyncClient``) with
the project's ``MIDDLEWARE`` (read from its settings module) and database sessions, for a logged-in
reader:

- user-loaded-by-middleware/: LastSeenMiddleware (sync-only, run in a worker thread under ASGI)
  reads ``request.user`` before every view, so the views' ``request.user`` is already loaded: 200.
- user-loaded-after-the-view/: its middleware reads ``request.user`` only after the view or on a
  branch, so the view loads the user on the event loop: SynchronousOnlyOperation.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import types

import pytest
from asgiref.sync import sync_to_async
from django.core.exceptions import SynchronousOnlyOperation

from tests.runtime.support import seed

pytestmark = pytest.mark.django_runtime

CASES = {
    "readinglog": ("readinglog.good_views_after_user_middleware", ["profile", "whoami", "quota"], None),
    "shelfnotes": ("shelfnotes.bad_views_user_loaded_after_the_view", ["profile", "quota"], SynchronousOnlyOperation),
}


def _served(project: str, name: str):
    from django.contrib.auth import get_user_model
    from django.test import AsyncClient
    from django.test.utils import override_settings
    from django.urls import path

    module_name, _views, _raises = CASES[project]
    views = importlib.import_module(module_name)
    urlconf = types.ModuleType(f"asynclint_{project}_urls")
    urlconf.urlpatterns = [path(f"{name}/", getattr(views, name))]
    sys.modules[urlconf.__name__] = urlconf
    middleware = importlib.import_module(f"{project}.settings").MIDDLEWARE
    reader = get_user_model().objects.create_user("reader", password="pages")

    async def request():
        client = AsyncClient()
        await sync_to_async(client.force_login)(reader)  # AsyncClient.aforce_login is Django 5.0+
        return await client.get(f"/{name}/")

    with override_settings(ROOT_URLCONF=urlconf.__name__, MIDDLEWARE=list(middleware),
                           SESSION_ENGINE="django.contrib.sessions.backends.db"):
        return asyncio.run(request())


@pytest.mark.parametrize(("project", "name"), [(p, n) for p, (_m, names, _r) in CASES.items() for n in names])
def test_views_behind_the_projects_middleware(project, name):
    seed()
    raises = CASES[project][2]
    if raises is None:
        response = _served(project, name)
        assert response.status_code == 200 and response.json() == {"reader": "reader"}
    else:
        with pytest.raises(raises):
            _served(project, name)
