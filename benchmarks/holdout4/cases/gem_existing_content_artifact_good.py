"""Fixed: the reverse-relation get awaited through sync_to_async, with select_related("artifact") so
the foreign key read needs no query."""

from asgiref.sync import sync_to_async
from django.db import models


class Artifact(models.Model):
    sha256 = models.CharField(max_length=64)


class Content(models.Model):
    pulp_type = models.CharField(max_length=64)


class ContentArtifact(models.Model):
    artifact = models.ForeignKey(Artifact, null=True, on_delete=models.SET_NULL)
    content = models.ForeignKey(Content, on_delete=models.CASCADE)
    relative_path = models.TextField()


class Stage:
    async def items(self):
        yield None

    async def put(self, item):
        return None


class UpdateExistingContentArtifacts(Stage):
    async def run(self):
        async for d_content in self.items():
            if d_content.content.pk is not None:
                for d_artifact in d_content.d_artifacts:
                    content_artifact = await sync_to_async(
                        d_content.content.contentartifact_set.select_related("artifact").get
                    )(relative_path=d_artifact.relative_path)
                    if content_artifact.artifact is not None:
                        d_artifact.artifact = content_artifact.artifact
            await self.put(d_content)
