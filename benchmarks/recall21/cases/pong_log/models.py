"""Models of the pong_log helper package: a player looked up by a school login through a classmethod."""

from django.db import models


class Player(models.Model):
    login = models.CharField(max_length=32, unique=True)
    nickname = models.CharField(max_length=32)

    @classmethod
    def by_login(cls, login):
        return cls.objects.filter(login=login).first()


class MatchLog(models.Model):
    started = models.DateTimeField()
    kind = models.IntegerField(default=0)


class PlayerMatchLog(models.Model):
    player = models.ForeignKey(Player, on_delete=models.CASCADE)
    match = models.ForeignKey(MatchLog, on_delete=models.CASCADE)
    score = models.IntegerField(default=0)
