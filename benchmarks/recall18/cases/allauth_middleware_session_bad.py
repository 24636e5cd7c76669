"""Recall reduction (recall18): a blog analysis of django-allauth's AccountMiddleware after 60.x under
ASGI: its async path checks ``"account_login" in request.session``, which loads the session from the
database on the loop (SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction


class AccountMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(self.get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        response = self.get_response(request)
        if "account_login" in request.session:
            request.session.pop("account_login")
        return response

    async def __acall__(self, request):
        response = await self.get_response(request)
        if "account_login" in request.session:  # [sync-session-access-in-async]
            request.session.pop("account_login")  # [sync-session-access-in-async]
        return response
