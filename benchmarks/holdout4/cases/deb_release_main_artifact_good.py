"""Fixed: the property is read in a thread by a sync_to_async helper; only the file is used on the
loop."""

from asgiref.sync import sync_to_async
from django.db import models


class Artifact(models.Model):
    sha256 = models.CharField(max_length=64)
    file = models.FileField()


class ReleaseFile(models.Model):
    sha256 = models.CharField(max_length=64)
    relative_path = models.TextField()
    _artifacts = models.ManyToManyField(Artifact)

    @property
    def main_artifact(self):
        return self._artifacts.get(sha256=self.sha256)


class Declarative:
    def __init__(self, content):
        self.content = content

    async def resolution(self):
        return self.content


def parse_release(fileobj):
    return dict(line.split(b":", 1) for line in fileobj)


@sync_to_async
def _main_artifact(content):
    return content.main_artifact


class FirstStage:
    async def put(self, item):
        return None

    async def _create_unit(self, d_content):
        await self.put(d_content)
        return await d_content.resolution()

    async def _handle_distribution(self, path, sha256):
        release_file = await self._create_unit(
            Declarative(ReleaseFile(relative_path=path, sha256=sha256))
        )
        if release_file is None:
            return None
        artifact = await _main_artifact(release_file)
        return parse_release(artifact.file)
