"""django-ninja-extra 0e6a147: the async operation computed the route parameters (which resolve the
request's user) on the loop; the fix uses sync_to_async. Own reduction."""

from contextlib import contextmanager

from asgiref.sync import sync_to_async


class RouteContext:
    def __init__(self, request):
        self.request = request
        self.kwargs = {}

    def compute_route_parameters(self):
        self.kwargs["user_id"] = self.request.user.pk


class AsyncOperation:
    @contextmanager
    def _prep_run(self, request):
        yield RouteContext(request)

    async def run_before(self, request):
        with self._prep_run(request) as ctx:
            ctx.compute_route_parameters()  # [missing-sync-to-async]
            return ctx.kwargs

    async def run_after(self, request):
        with self._prep_run(request) as ctx:
            await sync_to_async(ctx.compute_route_parameters)()
            return ctx.kwargs
