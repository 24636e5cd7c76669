"""The tag is handed to a second coroutine of the handler (a parameter with no annotation; the only
caller passes a Tag fetched with select_related("tagged_manifest")), which reads the manifest's
artifact with the many-to-many manager's `.get()` and, when there is none, indexes the reverse
relation's QuerySet: both queries on the event loop."""

from asgiref.sync import sync_to_async

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
        distribution = await sync_to_async(self._match_distribution)(request.match_info["path"])
        repository_version = await sync_to_async(distribution.get_repository_version)()
        tag = await sync_to_async(Tag.objects.select_related("tagged_manifest").get)(
            pk__in=repository_version.content, name=request.match_info["tag"]
        )
        return await self.dispatch_tag(request, tag, {"Content-Type": tag.tagged_manifest.media_type})

    async def dispatch_tag(self, request, tag, response_headers):
        try:
            artifact = tag.tagged_manifest._artifacts.get()  # [sync-orm-call-in-async]
        except ObjectDoesNotExist:
            ca = tag.tagged_manifest.contentartifact_set.all()[0]  # [sync-queryset-evaluation-in-async]
            return await self._stream(request, ca)
        return await self._dispatch(artifact.file, response_headers)
