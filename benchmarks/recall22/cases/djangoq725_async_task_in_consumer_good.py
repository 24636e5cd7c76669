"""Fixed form of djangoq725_async_task_in_consumer_bad.py (the thread's own workaround): the enqueue
runs in a worker thread through ``sync_to_async(async_task)``."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import models
from django_q.tasks import async_task


class Answer(models.Model):
    answer = models.TextField()


def add_answer_to_vectorstore(answer_id):
    return Answer.objects.get(pk=answer_id).answer


class AnswerConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        payload = json.loads(text_data)
        new_answer = Answer(answer=payload["answer"])
        await new_answer.asave()
        await sync_to_async(async_task)(add_answer_to_vectorstore, new_answer.id)
        await self.send(text_data=json.dumps({"id": new_answer.id}))
