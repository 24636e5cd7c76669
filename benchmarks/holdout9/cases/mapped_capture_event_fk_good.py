"""The method is sync again and the async caller runs it in a thread."""

from asgiref.sync import sync_to_async
from django.db import models


def track(group, key, properties):
    """Stand-in for an analytics client call."""


class Team(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField()

    class Meta:
        app_label = "holdout9"


class Feed(models.Model):
    name = models.CharField(max_length=100)
    team = models.ForeignKey(Team, on_delete=models.CASCADE)

    class Meta:
        app_label = "holdout9"

    def record_event(self, event):
        track(
            "feed",
            str(self.pk),
            {
                "name": self.name,
                "team_id": self.team.pk,
                "team_name": self.team.name,
                "event": event,
            },
        )

    async def push_one(self, row):
        await sync_to_async(self.record_event)("push")
        return row
