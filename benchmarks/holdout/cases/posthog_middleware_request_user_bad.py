"""The async path of a hybrid analytics middleware reuses the sync tag extraction, which reads
request.user (through getattr) and so loads the session and user on the event loop."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction


class ContextMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def extract_user(self, request):
        user = getattr(request, "user", None)
        if user and getattr(user, "is_authenticated", False):
            return str(user.pk), str(user.email)
        return None, None

    def extract_tags(self, request) -> dict:
        user_id, email = self.extract_user(request)
        return {"user_id": user_id, "email": email, "path": request.path}

    def __call__(self, request):
        if self.is_async:
            return self.__acall__(request)
        request.tags = self.extract_tags(request)
        return self.get_response(request)

    async def __acall__(self, request):
        request.tags = self.extract_tags(request)  # [missing-sync-to-async]
        return await self.get_response(request)
