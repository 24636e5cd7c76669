"""Fixed form (recall19): the async path runs the whole sync helper (with the sync check) in a
thread and awaits it."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async


def _session_check(request):
    stage = request.session.get("account_login_stage")
    if stage and not request.path.startswith("/accounts/"):
        request.session.pop("account_login_stage")


def _remove_dangling_login(request, response, session_check):
    if getattr(response, "streaming", False):
        return
    if request.path.startswith("/static/"):
        return
    session_check(request)


class AccountMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        response = self.get_response(request)
        _remove_dangling_login(request, response, _session_check)
        return response

    async def __acall__(self, request):
        response = await self.get_response(request)
        await sync_to_async(_remove_dangling_login)(request, response, _session_check)
        return response
