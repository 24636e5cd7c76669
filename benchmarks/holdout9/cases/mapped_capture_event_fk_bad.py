"""An async model method reads a foreign key that was never loaded: a query on the event loop."""

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

    async def record_event(self, event):
        track(
            "feed",
            str(self.pk),
            {
                "name": self.name,
                "team_id": self.team.pk,  # [sync-orm-call-in-async]
                "team_name": self.team.name,
                "event": event,
            },
        )

    async def push_one(self, row):
        await self.record_event("push")
        return row
