"""Fixed: the matching classmethod and the publication lookup run in a thread."""

import os

from asgiref.sync import sync_to_async
from django.core.exceptions import ObjectDoesNotExist
from django.db import models


class PathNotResolved(Exception):
    pass


class Distribution(models.Model):
    base_path = models.TextField(unique=True)
    repository = models.ForeignKey("Repository", null=True, on_delete=models.SET_NULL)

    def cast(self):
        return type(self).objects.get(pk=self.pk)


class Repository(models.Model):
    name = models.TextField()


class Publication(models.Model):
    repository = models.ForeignKey(Repository, on_delete=models.CASCADE)
    complete = models.BooleanField(default=False)


class Handler:
    distribution_model = None

    @staticmethod
    def _base_paths(path):
        tree = []
        while True:
            base = os.path.split(path)[0]
            if not base.lstrip("/"):
                return tree
            tree.append(base)
            path = base

    @classmethod
    def _match_distribution(cls, path):
        base_paths = cls._base_paths(path)
        try:
            if cls.distribution_model is None:
                return Distribution.objects.get(base_path__in=base_paths).cast()
            return cls.distribution_model.objects.get(base_path__in=base_paths)
        except ObjectDoesNotExist:
            raise PathNotResolved(path)

    async def _match_and_stream(self, path, request):
        distro = await sync_to_async(self._match_distribution)(path)

        def find_publication():
            repository = getattr(distro, "repository", None)
            if repository:
                publications = Publication.objects.filter(repository=repository, complete=True)
                return publications.latest("pk")
            return None

        publication = await sync_to_async(find_publication)()
        return distro, publication
