"""Fixed form (recall18): the async path uses the session's async API (``ahas_key``/``apop``,
Django 5.1+), the fix the write-up describes."""

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
        if await request.session.ahas_key("account_login"):
            await request.session.apop("account_login")
        return response
