"""Fixed: the payload is built in a worker thread."""

from asgiref.sync import sync_to_async
from django.db import models


class Emoji(models.Model):
    shortcode = models.CharField(max_length=50)

    @classmethod
    def used_in(cls, text: str) -> list:
        codes = {word.strip(":") for word in text.split() if word.startswith(":")}
        return list(cls.objects.filter(shortcode__in=codes))


class Profile(models.Model):
    name = models.CharField(max_length=100)
    bio = models.TextField()

    def to_document(self):
        doc = {"name": self.name, "bio": self.bio}
        emojis = Emoji.used_in(self.name + " " + self.bio)
        if emojis:
            doc["tag"] = [emoji.shortcode for emoji in emojis]
        return doc

    def to_update_document(self):
        return {"type": "Update", "object": self.to_document()}


class Delivery(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE)
    inbox = models.URLField()


async def send_profile_update(delivery_id: int, client):
    delivery = await Delivery.objects.select_related("profile").aget(pk=delivery_id)
    document = await sync_to_async(delivery.profile.to_update_document)()
    await client.post(delivery.inbox, json=document)
