"""Models of the mute_games helper package: a game, its players, its result and the result's losers."""

from django.db import models


class Member(models.Model):
    user_id = models.BigIntegerField()


class Penalty(models.Model):
    minutes = models.PositiveIntegerField(default=5)


class Game(models.Model):
    creator = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="created_games")
    penalty = models.ForeignKey(Penalty, on_delete=models.CASCADE)
    players = models.ManyToManyField(Member, through="Seat", related_name="games")


class Seat(models.Model):
    game = models.ForeignKey(Game, on_delete=models.CASCADE)
    member = models.ForeignKey(Member, on_delete=models.CASCADE)


class Outcome(models.Model):
    game = models.OneToOneField(Game, related_name="outcome", on_delete=models.CASCADE)
    losers = models.ManyToManyField(Seat, through="Loss")


class Loss(models.Model):
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE)
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE)
