"""Fixed: the reverse relation is walked with `async for`, and the file is fetched through a helper
run in a thread (sync_to_async)."""

from asgiref.sync import sync_to_async
from django.db import models


class Artifact(models.Model):
    file = models.FileField()


class IndexUnit(models.Model):
    relative_path = models.TextField()


class UnitArtifact(models.Model):
    artifact = models.ForeignKey(Artifact, null=True, on_delete=models.SET_NULL)
    content = models.ForeignKey(IndexUnit, on_delete=models.CASCADE)
    relative_path = models.TextField()


class Declarative:
    def __init__(self, content):
        self.content = content

    async def resolution(self):
        return self.content


@sync_to_async
def _artifact_file(link):
    return link.artifact.file


class FirstStage:
    async def put(self, item):
        return None

    async def _create_unit(self, d_content):
        await self.put(d_content)
        return await d_content.resolution()

    async def _handle_index(self, path):
        unit = await self._create_unit(Declarative(IndexUnit(relative_path=path)))
        sums = {}
        async for link in unit.unitartifact_set.all():
            for line in await _artifact_file(link):
                digest, name = line.decode().split(maxsplit=1)
                sums[name] = digest
        return sums
