"""Fixed form of channels1017_jobs_consumer_save_called_bad.py: the saves are passed to the adapter
and awaited, and the Celery enqueue runs in a worker thread too."""

from asgiref.sync import sync_to_async
from celery import shared_task
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import models


class Job(models.Model):
    name = models.CharField(max_length=100)
    status = models.CharField(max_length=20)
    celery_id = models.CharField(max_length=64, blank=True)


@shared_task
def sec3(job_id, channel_name):
    return job_id


class JobsConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        if content and content.get("action") == "start_sec3":
            await self.start_sec3(job_name=content["job_name"])

    async def start_sec3(self, job_name):
        job = Job(name=job_name, status="started")
        await database_sync_to_async(job.save)()
        sec3_task = await sync_to_async(sec3.delay)(job.id, self.channel_name)
        job.celery_id = sec3_task.id
        await database_sync_to_async(job.save)()
        await self.send_json({"action": "started", "job_id": job.id})
