"""A chat history whose `messages` property reads the stored messages synchronously (a lazy
values_list handed to a conversion helper that iterates it); the async add method reads the
property on the event loop."""

from typing import Any, List, Sequence

from django.db import models
from langchain_core.messages import messages_from_dict


class Entry(models.Model):
    thread_id = models.IntegerField()
    payload = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "chat"


class History:
    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id

    def _entries(self):
        return Entry.objects.filter(thread_id=self.thread_id).order_by("created")

    def get_messages(self) -> List[Any]:
        return messages_from_dict(self._entries().values_list("payload", flat=True))

    async def aget_messages(self) -> List[Any]:
        items = [item async for item in self._entries().values_list("payload", flat=True)]
        return messages_from_dict(items)

    @property
    def messages(self) -> List[Any]:
        return self.get_messages()

    async def aadd_messages(self, messages: Sequence[Any]) -> None:
        existing = self.messages  # [missing-sync-to-async]
        new = [m for m in messages if m not in existing]
        await Entry.objects.abulk_create([Entry(thread_id=self.thread_id, payload={}) for _ in new])
