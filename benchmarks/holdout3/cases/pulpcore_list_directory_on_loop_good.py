"""Fixed: both QuerySets are iterated asynchronously (upstream: the listing moved into a sync
function run in the thread pool)."""

import re

from django.db import models


class ContentArtifact(models.Model):
    relative_path = models.TextField()
    content = models.ForeignKey("Content", on_delete=models.CASCADE)


class Content(models.Model):
    pass


class PublishedArtifact(models.Model):
    relative_path = models.TextField()
    publication = models.ForeignKey("Publication", related_name="published_artifact",
                                    on_delete=models.CASCADE)


class Publication(models.Model):
    pass_through = models.BooleanField(default=False)


class Handler:
    async def list_directory(self, repo_version, publication, path):
        """
        Args:
            repo_version (RepositoryVersion): the repository version
            publication (Publication): the publication
            path (str): the directory inside it
        """

        def entry_name(relative_path):
            match = re.match(r"({})([^/]*)(/*)".format(path), relative_path)
            return "{}{}".format(match.groups()[1], match.groups()[2])

        listing = set()
        if publication:
            async for pa in publication.published_artifact.filter(relative_path__startswith=path):
                listing.add(entry_name(pa.relative_path))
        if repo_version:
            cas = ContentArtifact.objects.filter(content__in=repo_version.content,
                                                 relative_path__startswith=path)
            async for ca in cas:
                listing.add(entry_name(ca.relative_path))
        return listing
