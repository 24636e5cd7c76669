"""Recall reduction (recall22): a comment on Channels issue #1017 (RajaParikshit's JobsConsumer): an
async JSON consumer's helper saves a Job with ``database_sync_to_async(job.save())`` (twice): the
save runs on the event loop and the adapter only wraps its ``None`` result, which is never called;
between the two saves it starts a Celery task with ``sec3.delay(...)``, a broker round trip on the
loop. The stored thread ends before any answer, so the cause is our reading of the code (the
wrapper's contract and Django's SynchronousOnlyOperation, 3.0+). Our own minimal rewrite."""

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
        database_sync_to_async(job.save())  # [sync-to-async-called-not-passed]
        sec3_task = sec3.delay(job.id, self.channel_name)  # [blocking-call-in-async]
        job.celery_id = sec3_task.id
        database_sync_to_async(job.save())  # [sync-to-async-called-not-passed]
        await self.send_json({"action": "started", "job_id": job.id})
