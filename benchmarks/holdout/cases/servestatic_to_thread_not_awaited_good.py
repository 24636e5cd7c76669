import asyncio

from asgiref.sync import iscoroutinefunction, markcoroutinefunction


class StaticFilesMiddleware:
    async_capable = True
    sync_capable = False

    def __init__(self, get_response, autorefresh: bool = False):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)
        self.autorefresh = autorefresh
        self.files: dict = {}

    def find_file(self, url: str):
        return self.files.get(url)

    async def __call__(self, request):
        if self.autorefresh:
            static_file = await asyncio.to_thread(self.find_file, request.path_info)
        else:
            static_file = self.files.get(request.path_info)
        if static_file is not None:
            return await self.serve(static_file, request)
        return await self.get_response(request)

    @staticmethod
    async def serve(static_file, request):
        return await static_file.aget_response(request.method, request.META)
