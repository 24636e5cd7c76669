"""The sync stage opens a progress report (a model used as a sync context manager) and hands it to
a mirror object's constructor; the mirror keeps it as an attribute and calls its counter method (which
saves) from its async per-package coroutine, on the event loop. The attribute's kind is known only from
the caller."""

from django.db import models


class ProgressReport(models.Model):
    message = models.TextField()
    code = models.TextField()
    total = models.IntegerField(null=True)
    done = models.IntegerField(default=0)

    def __enter__(self):
        self.save()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.save()

    def increment(self):
        self.done += 1
        self.save()


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
        self.progress_report.increment()  # [missing-sync-to-async]
        await self.python_stage.put(package)


class PythonStage:
    def __init__(self, remote):
        self.remote = remote

    async def put(self, item):
        return None

    async def run(self):
        with ProgressReport(message="Fetching project metadata", code="sync.fetching.project") as p:
            mirror = PulpMirror(master=self.remote.url, workers=4, python_stage=self, progress_report=p)
            await mirror.synchronize(self.remote.includes)
