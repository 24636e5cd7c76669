"""Recall reduction (recall22): django-q issue #725 ('Calling `async_task` from an async function'):
a Channels websocket consumer's ``receive`` stores an answer with ``await answer.asave()`` and then
queues a follow-up job with django-q's ``async_task(...)``; with the ORM broker the enqueue is an
ORM write on the event loop (SynchronousOnlyOperation). Our own minimal rewrite."""

import json

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
        async_task(add_answer_to_vectorstore, new_answer.id)  # [blocking-call-in-async]
        await self.send(text_data=json.dumps({"id": new_answer.id}))
