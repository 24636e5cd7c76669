"""Models of the pong_rooms helper package."""

from django.conf import settings
from django.db import models


class Match(models.Model):
    started = models.DateTimeField(auto_now_add=True)


class Team(models.Model):
    users = models.ManyToManyField(settings.AUTH_USER_MODEL)


class MatchTeam(models.Model):
    match = models.ForeignKey(Match, on_delete=models.CASCADE)
    team = models.ForeignKey(Team, on_delete=models.CASCADE)
