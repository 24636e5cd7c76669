"""Fixed form (recall18): the related rows are iterated asynchronously (Django 4.1+)."""

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
    async for subscriber in instance.subscribers.all():
        await send_email_async(subscriber.email, f"New article: {instance.title}")
