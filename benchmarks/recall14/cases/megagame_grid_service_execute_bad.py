"""Recall reduction (recall14): an ``async def`` bot handler queues a task through a django-service-objects
``Service``: the inherited classmethod ``execute()`` validates the input and runs the project's
``process()`` (inside ``transaction.atomic``), which inserts a row: SynchronousOnlyOperation on the loop.
Our own minimal rewrite of the shape, not upstream code."""

from django import forms
from django.db import models
from service_objects.fields import DictField
from service_objects.services import Service


class Job(models.Model):
    kind = models.CharField(max_length=20)
    payload = models.JSONField(default=dict)


class EnqueueJob(Service):
    kind = forms.CharField()
    payload = DictField()

    def process(self):
        return Job.objects.create(kind=self.cleaned_data["kind"], payload=self.cleaned_data["payload"])


async def on_message(message):
    if message.content.startswith("!grid"):
        EnqueueJob.execute({"kind": "buttons", "payload": {"channel": message.channel.id}})  # [missing-sync-to-async]
