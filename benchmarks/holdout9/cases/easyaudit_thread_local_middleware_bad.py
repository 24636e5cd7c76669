"""An audit library's middleware keeps the current request in a threading.local for its model-signal
receivers; a plain class with no async mode."""

import contextlib
from threading import local

_state = local()


def current_request():
    return getattr(_state, "request", None)


class AuditMiddleware:  # [sync-only-middleware]
    """Makes the request available to the audit signal receivers."""

    def __init__(self, get_response=None):
        self.get_response = get_response

    def __call__(self, request):
        _state.request = request
        response = self.get_response(request)
        with contextlib.suppress(AttributeError):
            del _state.request
        return response
