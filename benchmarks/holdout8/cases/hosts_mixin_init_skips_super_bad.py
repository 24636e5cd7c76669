"""A MiddlewareMixin subclass whose __init__ replaces the mixin's without calling it."""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class SiteRoutingMiddleware(MiddlewareMixin):  # [middleware-async-mode-mismatch]
    def __init__(self, get_response=None):
        self.get_response = get_response
        self.routes = dict(getattr(settings, "SITE_ROUTES", {}))

    def process_request(self, request):
        request.urlconf = self.routes.get(request.get_host())
