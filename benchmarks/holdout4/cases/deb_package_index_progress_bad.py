"""A stage that completes package indices: a progress report model used as a sync context manager,
a freshly built artifact saved through the declarative wrapper that holds it, and the report's
counter method (which saves) called per unit, all inside the async stage."""

from django.db import models


class Artifact(models.Model):
    sha256 = models.CharField(max_length=64)


class ProgressReport(models.Model):
    message = models.TextField()
    done = models.IntegerField(default=0)

    def __enter__(self):
        self.save()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.save()

    def increment(self):
        self.done += 1
        self.save()


class DeclarativeArtifact:
    def __init__(self, artifact, url):
        self.artifact = artifact
        self.url = url


class UpdateIndexStage:
    async def items(self):
        yield None

    async def put(self, item):
        return None

    async def run(self):
        with ProgressReport(message="Update indices") as pb:
            async for d_content in self.items():
                if not d_content.d_artifacts:
                    continue
                da = DeclarativeArtifact(Artifact(sha256=d_content.sha256), d_content.url)
                d_content.d_artifacts.append(da)
                da.artifact.save()  # [sync-orm-call-in-async]
                pb.increment()  # [missing-sync-to-async]
                await self.put(d_content)
