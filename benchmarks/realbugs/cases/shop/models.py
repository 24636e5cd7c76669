"""The models every reduction shares (a small shop: items, tags, orders, a site configuration)."""

from django.conf import settings
from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=50)


class ItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.is_staff:
            return self
        return self.filter(owner_id__in=list(user.groups.values_list("id", flat=True)))


class Item(models.Model):
    slug = models.SlugField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    tags = models.ManyToManyField(Tag)
    body = models.TextField()

    objects = ItemQuerySet.as_manager()


class SiteConfiguration(models.Model):
    name = models.CharField(max_length=50)

    @classmethod
    def get_cached(cls):
        return cls.objects.first()
