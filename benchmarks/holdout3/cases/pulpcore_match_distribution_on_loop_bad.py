"""The content app's async request handler first matches the URL to a distribution through a sync
classmethod (`_match_distribution`) that queries either the base distribution model (and casts it to
its detail model, another query) or the plugin's `distribution_model`. The async handler calls the
classmethod directly, then looks up the newest publication with a QuerySet's latest(): queries on
the event loop for every download."""

import os

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
        distro = self._match_distribution(path)  # [missing-sync-to-async]
        repository = getattr(distro, "repository", None)
        publication = None
        if repository:
            publications = Publication.objects.filter(repository=repository, complete=True)
            publication = publications.latest("pk")  # [sync-orm-call-in-async]
        return distro, publication
