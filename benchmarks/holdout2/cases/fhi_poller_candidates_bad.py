"""The same polling actor logs the first due reminders: a project method returns a lazy QuerySet,
which is sliced and formatted into an f-string (QuerySet.__repr__ runs the query) on the loop. The
sender is built in __init__ after a function-local import, as the real actor does."""

import datetime

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
        print(f"next up: {self.sender.due_reminders()[0:4]}")  # [sync-queryset-evaluation-in-async]
