"""A receiver of django-cors-headers' check_request_enabled signal runs a query. The library's
CorsMiddleware (async-capable) sends the signal with the sync send() from its async path, so under
ASGI this receiver runs on the event loop."""

from corsheaders.signals import check_request_enabled
from django.contrib.sites.models import Site


def cors_allowed(sender, request, **kwargs):
    if request.path.startswith("/api/"):
        return True
    return Site.objects.filter(domain=request.headers["origin"]).exists()  # [sync-orm-call-in-async]


check_request_enabled.connect(cors_allowed)
