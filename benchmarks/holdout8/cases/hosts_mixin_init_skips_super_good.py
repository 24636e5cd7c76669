"""The mixin's __init__ runs (it marks the instance as a coroutine function when the chain is async)."""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class SiteRoutingMiddleware(MiddlewareMixin):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.routes = dict(getattr(settings, "SITE_ROUTES", {}))

    def process_request(self, request):
        request.urlconf = self.routes.get(request.get_host())
