"""Models of the sudoku_race helper package."""

from django.db import models


class RaceSession(models.Model):
    status = models.CharField(max_length=16, default="waiting")
    started_at = models.DateTimeField(null=True)


class RaceMove(models.Model):
    session = models.ForeignKey(RaceSession, on_delete=models.CASCADE)
    player_id = models.IntegerField()
    cell = models.IntegerField()
    value = models.IntegerField()
