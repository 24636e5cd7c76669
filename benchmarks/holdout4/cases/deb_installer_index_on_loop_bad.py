"""A sync stage creates an installer index unit, waits for the pipeline to save it, then walks the
unit's reverse relation to its artifacts in a plain for loop and reads each artifact's file through
the forward foreign key: a query per row and a lazy load, all on the event loop."""

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


class FirstStage:
    async def put(self, item):
        return None

    async def _create_unit(self, d_content):
        await self.put(d_content)
        return await d_content.resolution()

    async def _handle_index(self, path):
        unit = await self._create_unit(Declarative(IndexUnit(relative_path=path)))
        sums = {}
        for link in unit.unitartifact_set.all():  # [sync-queryset-evaluation-in-async]
            for line in link.artifact.file:  # [sync-orm-call-in-async]
                digest, name = line.decode().split(maxsplit=1)
                sums[name] = digest
        return sums
