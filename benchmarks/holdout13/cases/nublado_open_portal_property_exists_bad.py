"""Held-out reduction (holdout13): a Django model used by a python-telegram-bot (v20, asyncio) bot has
a property that runs an ``exists()`` query on a reverse relation; the model's own ``async def`` method
reads that property on the event loop: SynchronousOnlyOperation. Our own minimal rewrite of the shape,
not upstream code."""

from django.core.exceptions import ValidationError
from django.db import models


class Round(models.Model):
    status = models.CharField(max_length=10, default="draft")

    @property
    def has_questions(self):
        return self.questions.exists()

    async def start(self):
        if not self.has_questions:  # [missing-sync-to-async]
            raise ValidationError("A round needs at least one question.")
        self.status = "open"
        await self.asave(update_fields=["status"])


class Question(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
