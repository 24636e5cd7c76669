"""Middleware that wraps request.user in a lazy object: sync __call__ only, no mode flags."""

import functools

from django.utils.functional import SimpleLazyObject


class SecondFactorMiddleware:  # [sync-only-middleware]
    def __init__(self, get_response=None):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None:
            request.user = SimpleLazyObject(functools.partial(self._mark, request, user))
        return self.get_response(request)

    def _mark(self, request, user):
        user.second_factor = request.session.get("second_factor")
        return user
