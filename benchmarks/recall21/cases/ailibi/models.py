"""Models of the ailibi helper package."""

from django.db import models


class Suspect(models.Model):
    name = models.CharField(max_length=64)
    opening_statement = models.TextField(blank=True)
