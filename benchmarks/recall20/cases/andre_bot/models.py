"""Models of the andre_bot helper package: a user's keyword alert and a key/value settings row."""

from django.db import models


class KeywordAlert(models.Model):
    chat_id = models.BigIntegerField()
    keyword = models.CharField(max_length=200)
    active = models.BooleanField(default=True)


class Setting(models.Model):
    key = models.CharField(max_length=100, unique=True)
    value = models.TextField()

    @classmethod
    def read(cls, key, default=None):
        try:
            return cls.objects.get(key=key).value
        except cls.DoesNotExist:
            return default

    @classmethod
    def write(cls, key, value):
        cls.objects.update_or_create(key=key, defaults={"value": str(value)})
