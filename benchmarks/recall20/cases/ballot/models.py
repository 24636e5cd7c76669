"""Models of the ballot helper package."""

from django.db import models


class Election(models.Model):
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, default="pending")
    end_time = models.DateTimeField()


class Candidate(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)


class Vote(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE)
