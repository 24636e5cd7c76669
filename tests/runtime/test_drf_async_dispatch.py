"""Runtime proof for a gap asynclint leaves on purpose (docs/libraries.md, "Not covered yet"): a
project's own ``async def dispatch`` on a DRF ``APIView`` that awaits whatever handler the method
names. For OPTIONS that handler is DRF's sync ``options()``, whose ``Response`` is not awaitable:
TypeError. (``http_method_not_allowed()`` raises MethodNotAllowed before anything is awaited: a 405
once the dispatch hands exceptions to ``handle_exception()``, no TypeError.) The sync call itself
does no I/O, so it is no table row (a row is a call that does I/O or CPU work on the loop); what fails
is awaiting a non-awaitable, which no rule models. adrf's ``APIView`` dispatches the same view
correctly: its ``async_dispatch`` runs a sync handler through ``sync_to_async`` (read in adrf 0.1.14).
"""

from __future__ import annotations

import asyncio

import pytest

pytestmark = pytest.mark.django_runtime


def _project_async_view():
    """The project's own async dispatch over DRF's APIView (the shape the audit describes); DRF needs
    the settings, so the class is made once they are configured."""
    from rest_framework.response import Response
    from rest_framework.views import APIView

    class ProjectAsyncView(APIView):
        async def get(self, request):
            return Response({"ok": True})

        async def dispatch(self, request, *args, **kwargs):
            self.args, self.kwargs = args, kwargs
            request = self.initialize_request(request, *args, **kwargs)
            self.request, self.headers = request, self.default_response_headers
            handler = getattr(self, request.method.lower(), self.http_method_not_allowed)
            return await handler(request, *args, **kwargs)

    return ProjectAsyncView


def _call(view_class, method: str):
    from django.test import RequestFactory

    request = getattr(RequestFactory(), method)("/books/")
    return asyncio.run(view_class().dispatch(request))


def test_awaiting_drf_sync_handlers_in_a_project_dispatch_raises_type_error():
    view_class = _project_async_view()
    assert _call(view_class, "get").data == {"ok": True}
    with pytest.raises(TypeError, match="can't be used in 'await' expression"):
        _call(view_class, "options")
    # http_method_not_allowed() raises before anything is awaited: the 405 of a dispatch that hands
    # exceptions to handle_exception(), as DRF's does; awaiting it never happens.
    from rest_framework.exceptions import MethodNotAllowed

    with pytest.raises(MethodNotAllowed):
        _call(view_class, "put")


def test_adrf_runs_the_same_sync_handlers_through_sync_to_async():
    from django.test import RequestFactory
    from rest_framework.response import Response

    adrf_views = pytest.importorskip("adrf.views")

    class AdrfView(adrf_views.APIView):
        async def get(self, request):
            return Response({"ok": True})

    view = AdrfView.as_view()
    for method, status in (("get", 200), ("options", 200), ("put", 405)):
        response = asyncio.run(view(getattr(RequestFactory(), method)("/books/")))
        assert response.status_code == status
