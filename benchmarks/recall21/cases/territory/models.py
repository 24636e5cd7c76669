"""Models of the territory helper package."""

from django.conf import settings
from django.db import models


class Arena(models.Model):
    code = models.CharField(max_length=8, unique=True)


class ArenaMember(models.Model):
    arena = models.ForeignKey(Arena, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    is_host = models.BooleanField(default=False)
