"""Fixed shape of megagame_grid_service_execute_bad.py: the service runs in a worker thread."""

from asgiref.sync import sync_to_async
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
        await sync_to_async(EnqueueJob.execute)({"kind": "buttons", "payload": {"channel": message.channel.id}})
