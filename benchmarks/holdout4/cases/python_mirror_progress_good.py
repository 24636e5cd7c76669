"""Fixed: `async with` the report and `await self.progress_report.aincrement()`."""

from asgiref.sync import sync_to_async
from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    code = models.TextField()
    total = models.IntegerField(null=True)
    done = models.IntegerField(default=0)

    async def __aenter__(self):
        await self.asave()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.asave()

    async def aincrement(self):
        self.done += 1
        await sync_to_async(self.save)()


class Mirror:
    def __init__(self, master, workers):
        self.master = master
        self.workers = workers

    async def synchronize(self, names):
        for name in names or []:
            await self.process_package(name)


class PulpMirror(Mirror):
    def __init__(self, master, workers, python_stage, progress_report):
        super().__init__(master=master, workers=workers)
        self.python_stage = python_stage
        self.progress_report = progress_report

    async def process_package(self, package):
        await self.progress_report.aincrement()
        await self.python_stage.put(package)


class PythonStage:
    def __init__(self, remote):
        self.remote = remote

    async def put(self, item):
        return None

    async def run(self):
        async with ProgressReport(message="Fetching project metadata", code="sync.fetching.project") as p:
            mirror = PulpMirror(master=self.remote.url, workers=4, python_stage=self, progress_report=p)
            await mirror.synchronize(self.remote.includes)
