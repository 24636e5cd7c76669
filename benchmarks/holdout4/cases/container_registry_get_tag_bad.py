"""An aiohttp registry handler: the distribution is matched (a base-class helper that queries), its
repository version read through a model method that queries, and the tag fetched with
`Tag.objects.get`, all on the event loop; the tag's manifest is then read through the forward
foreign key, lazily loaded by another sync query."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models


class Content(models.Model):
    pulp_type = models.CharField(max_length=64)

    def cast(self):
        return Manifest.objects.get(pk=self.pk)


class Artifact(models.Model):
    file = models.FileField()


class Manifest(Content):
    digest = models.CharField(max_length=255)
    media_type = models.CharField(max_length=80)
    _artifacts = models.ManyToManyField(Artifact)


class Tag(Content):
    name = models.CharField(max_length=255)
    tagged_manifest = models.ForeignKey(Manifest, null=True, related_name="tags", on_delete=models.CASCADE)


class ContentArtifact(models.Model):
    artifact = models.ForeignKey(Artifact, null=True, on_delete=models.SET_NULL)
    content = models.ForeignKey(Content, on_delete=models.CASCADE)
    relative_path = models.TextField()


class RepositoryVersion(models.Model):
    number = models.IntegerField()
    contents = models.ManyToManyField(Content)

    @property
    def content(self):
        return self.contents.all()


class Distribution(models.Model):
    base_path = models.TextField(unique=True)
    repository_version = models.ForeignKey(RepositoryVersion, null=True, on_delete=models.SET_NULL)

    def get_repository_version(self):
        return RepositoryVersion.objects.get(pk=self.repository_version_id)


class PathNotResolved(Exception):
    pass


class Handler:
    def _match_distribution(self, path):
        return Distribution.objects.get(base_path=path)

    async def _dispatch(self, file, headers):
        return (file, headers)

    async def _stream(self, request, content_artifact):
        return content_artifact


class Registry(Handler):
    async def get_tag(self, request):
        path = request.match_info["path"]
        distribution = self._match_distribution(path)  # [missing-sync-to-async]
        repository_version = distribution.get_repository_version()  # [missing-sync-to-async]
        try:
            tag = Tag.objects.get(pk__in=repository_version.content, name=request.match_info["tag"])  # [sync-orm-call-in-async]
        except ObjectDoesNotExist:
            raise PathNotResolved(path)
        media_type = tag.tagged_manifest.media_type  # [sync-orm-call-in-async]
        return {"Content-Type": media_type, "Docker-Content-Digest": tag.tagged_manifest.digest}
