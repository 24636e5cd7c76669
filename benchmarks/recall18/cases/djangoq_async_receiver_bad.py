"""Recall reduction (recall18): the README of a signals-offloading package shows an async
``post_save`` receiver that loops over ``instance.subscribers.all()`` with a sync ``for`` before
awaiting an async mailer: Django runs the async receiver on an event loop, where the iteration queries
(SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver


class Article(models.Model):
    title = models.CharField(max_length=200)
    subscribers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True)


async def send_email_async(address, subject):
    return (address, subject)


@receiver(post_save, sender=Article)
async def notify_subscribers(sender, instance, **kwargs):
    for subscriber in instance.subscribers.all():  # [sync-queryset-evaluation-in-async]
        await send_email_async(subscriber.email, f"New article: {instance.title}")
