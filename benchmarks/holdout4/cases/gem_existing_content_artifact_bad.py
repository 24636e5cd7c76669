"""A stage that reuses artifacts of content already in the database: for every declarative unit
coming down the pipeline whose content has a primary key, it queries the content's reverse relation
with `.get()` and then reads the row's forward foreign key (a second lazy query), on the event loop.
The unit's kind comes from the pipeline (`async for d_content in self.items()`), not from an
annotation."""

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
                    content_artifact = d_content.content.contentartifact_set.get(  # [sync-orm-call-in-async]
                        relative_path=d_artifact.relative_path
                    )
                    if content_artifact.artifact is not None:  # [sync-orm-call-in-async]
                        d_artifact.artifact = content_artifact.artifact
            await self.put(d_content)
