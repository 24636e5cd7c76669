"""A repair task re-downloads a corrupted artifact from any remote that has it. The async helper
receives the content-artifact row as an unannotated parameter, takes its reverse-FK manager's
QuerySet, tests it for emptiness and loops over it: the queries run on the event loop (the worker
had set DJANGO_ALLOW_ASYNC_UNSAFE; removing it surfaced them)."""

from django.db import models


class Remote(models.Model):
    url = models.TextField()

    def get_downloader(self, remote_artifact):
        return Downloader(remote_artifact.url)


class Artifact(models.Model):
    sha256 = models.CharField(max_length=64)


class ContentArtifact(models.Model):
    artifact = models.ForeignKey(Artifact, null=True, on_delete=models.SET_NULL)


class RemoteArtifact(models.Model):
    url = models.TextField()
    remote = models.ForeignKey(Remote, on_delete=models.CASCADE)
    content_artifact = models.ForeignKey(ContentArtifact, on_delete=models.CASCADE)


class Downloader:
    def __init__(self, url):
        self.url = url

    async def run(self):
        return {"sha256": ""}


async def _repair_ca(content_artifact, repaired=None):
    remote_artifacts = content_artifact.remoteartifact_set.all()
    if not remote_artifacts:  # [sync-queryset-evaluation-in-async]
        return False
    for remote_artifact in remote_artifacts:  # [sync-queryset-evaluation-in-async]
        downloader = Remote(url=remote_artifact.url).get_downloader(remote_artifact)
        result = await downloader.run()
        if result["sha256"]:
            return True
    return False


async def repair_all(pks):
    async for content_artifact in ContentArtifact.objects.filter(pk__in=pks):
        await _repair_ca(content_artifact)
