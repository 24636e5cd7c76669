from asgiref.sync import iscoroutinefunction, markcoroutinefunction


class ContextMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.is_async = iscoroutinefunction(get_response)
        self.get_response = get_response
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.is_async:
            return self.__acall__(request)
        request.tagged = True
        return self.get_response(request)

    async def __acall__(self, request):
        request.tagged = True
        return await self.get_response(request)
