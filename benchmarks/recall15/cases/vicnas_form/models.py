"""Models of the vicnas_form_fields_exists reductions."""

from django.db import models


class FormField(models.Model):
    server_id = models.BigIntegerField()
    label = models.CharField(max_length=100)
    order = models.IntegerField(default=0)
