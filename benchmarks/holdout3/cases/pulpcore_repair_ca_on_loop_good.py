"""Fixed: the emptiness test and the loop use the async QuerySet API (upstream first used an async
iterable wrapper over sync_to_async)."""

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
    if not await remote_artifacts.aexists():
        return False
    async for remote_artifact in remote_artifacts:
        downloader = Remote(url=remote_artifact.url).get_downloader(remote_artifact)
        result = await downloader.run()
        if result["sha256"]:
            return True
    return False


async def repair_all(pks):
    async for content_artifact in ContentArtifact.objects.filter(pk__in=pks):
        await _repair_ca(content_artifact)
