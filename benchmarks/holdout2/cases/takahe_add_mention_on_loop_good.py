"""Fixed: the classmethod runs through sync_to_async, like its neighbour."""

from asgiref.sync import sync_to_async
from django.db import models


class Entry(models.Model):
    owner_id = models.IntegerField()
    post_id = models.IntegerField()
    kind = models.CharField(max_length=20)

    @classmethod
    def add_post(cls, owner_id, post_id):
        return cls.objects.get_or_create(owner_id=owner_id, post_id=post_id, kind="post")[0]

    @classmethod
    def add_mention(cls, owner_id, post_id):
        return cls.objects.get_or_create(owner_id=owner_id, post_id=post_id, kind="mention")[0]


class Delivery:
    @classmethod
    async def handle_new(cls, owner_id: int, post_id: int, mentioned: set):
        await sync_to_async(Entry.add_post)(owner_id, post_id)
        if owner_id in mentioned:
            await sync_to_async(Entry.add_mention)(owner_id, post_id)
