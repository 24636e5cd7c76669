import asyncio
import os


class StaticFiles:
    def __init__(self, application, directories: list[tuple[str, str]], autorefresh: bool = False):
        self.application = application
        self.directories = directories
        self.autorefresh = autorefresh
        self.files: dict = {}

    def candidate_paths(self, url: str):
        for root, prefix in self.directories:
            if url.startswith(prefix):
                yield os.path.join(root, url[len(prefix):])

    def find_file(self, url: str):
        for path in self.candidate_paths(url):
            if os.path.exists(path) and os.path.isfile(path):
                return path, os.stat(path).st_size
        return None

    async def __call__(self, scope, receive, send):
        static_file = None
        if scope["type"] == "http":
            if self.autorefresh:
                static_file = await asyncio.to_thread(self.find_file, scope["path"])
            else:
                static_file = self.files.get(scope["path"])
        if static_file is None:
            await self.application(scope, receive, send)
