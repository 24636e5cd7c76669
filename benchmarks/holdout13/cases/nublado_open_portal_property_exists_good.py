"""Held-out reduction (holdout13), fixed shape: the property became an ``async def`` using the async
twin ``aexists()``, awaited by the caller. Must stay silent."""

from django.core.exceptions import ValidationError
from django.db import models


class Round(models.Model):
    status = models.CharField(max_length=10, default="draft")

    async def ahas_questions(self):
        return await self.questions.aexists()

    async def start(self):
        if not await self.ahas_questions():
            raise ValidationError("A round needs at least one question.")
        self.status = "open"
        await self.asave(update_fields=["status"])


class Question(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
