"""Fixed: `async with` the report (async enter/exit), the save moved to a helper awaited through
sync_to_async, and the awaitable counter `aincrement()`."""

from asgiref.sync import sync_to_async
from django.db import models


class Artifact(models.Model):
    sha256 = models.CharField(max_length=64)


class ProgressReport(models.Model):
    message = models.TextField()
    done = models.IntegerField(default=0)

    async def __aenter__(self):
        await sync_to_async(self.save)()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await sync_to_async(self.save)()

    async def aincrement(self):
        self.done += 1
        await sync_to_async(self.save)()


class DeclarativeArtifact:
    def __init__(self, artifact, url):
        self.artifact = artifact
        self.url = url


@sync_to_async
def _save_artifact(d_artifact):
    d_artifact.artifact.save()


class UpdateIndexStage:
    async def items(self):
        yield None

    async def put(self, item):
        return None

    async def run(self):
        async with ProgressReport(message="Update indices") as pb:
            async for d_content in self.items():
                if not d_content.d_artifacts:
                    continue
                da = DeclarativeArtifact(Artifact(sha256=d_content.sha256), d_content.url)
                d_content.d_artifacts.append(da)
                await _save_artifact(da)
                await pb.aincrement()
                await self.put(d_content)
