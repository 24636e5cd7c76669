"""Fixed: the rows are fetched in a worker thread (a list, not a lazy QuerySet) and only then
formatted. (Upstream wrapped the method in sync_to_async but still sliced and printed the returned
QuerySet on the loop; this is the correct form.)"""

import datetime

from asgiref.sync import sync_to_async
from django.db import models
from django.db.models import QuerySet


class Reminder(models.Model):
    due = models.DateField()
    sent = models.BooleanField(default=False)


class ReminderSender:
    def due_reminders(self) -> QuerySet:
        return Reminder.objects.filter(sent=False, due__lt=datetime.date.today())


class Poller:
    def __init__(self):
        self.sender = ReminderSender()

    async def run(self) -> None:
        first = await sync_to_async(lambda: list(self.sender.due_reminders()[0:4]))()
        print(f"next up: {first}")
