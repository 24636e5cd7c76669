from asgiref.sync import iscoroutinefunction, markcoroutinefunction


class RequestDetailsMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(self.get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.async_mode:
            return self.__acall__(request)
        request.details = True
        return self.get_response(request)

    async def __acall__(self, request):
        request.details = True
        return await self.get_response(request)
