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

    async def aextract_user(self, request):
        auser = getattr(request, "auser", None)
        user = await auser() if auser else None
        if user and getattr(user, "is_authenticated", False):
            return str(user.pk), str(user.email)
        return None, None

    def extract_tags(self, request) -> dict:
        user_id, email = self.extract_user(request)
        return {"user_id": user_id, "email": email, "path": request.path}

    async def aextract_tags(self, request) -> dict:
        user_id, email = await self.aextract_user(request)
        return {"user_id": user_id, "email": email, "path": request.path}

    def __call__(self, request):
        if self.is_async:
            return self.__acall__(request)
        request.tags = self.extract_tags(request)
        return self.get_response(request)

    async def __acall__(self, request):
        request.tags = await self.aextract_tags(request)
        return await self.get_response(request)
