"""The content app renders a directory listing for a publication or a repository version passed in
by the caller (documented in the docstring, not annotated). The async method filters the
publication's related manager and a ContentArtifact QuerySet and walks both with plain `for` loops:
the queries run on the event loop."""

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
            for pa in publication.published_artifact.filter(relative_path__startswith=path):  # [sync-queryset-evaluation-in-async]
                listing.add(entry_name(pa.relative_path))
        if repo_version:
            cas = ContentArtifact.objects.filter(content__in=repo_version.content,
                                                 relative_path__startswith=path)
            for ca in cas:  # [sync-queryset-evaluation-in-async]
                listing.add(entry_name(ca.relative_path))
        return listing
