"""Helper module of the vicnas_approve_template_helper reductions: a sync function that reads a
server's custom message text from the database, falling back to the default row."""

from django.db import models


class MessageText(models.Model):
    kind = models.CharField(max_length=40)
    server_id = models.BigIntegerField(null=True)
    body = models.TextField()


def message_text(server_id, kind):
    custom = MessageText.objects.filter(server_id=server_id, kind=kind).first()
    if custom is not None:
        return custom.body
    return MessageText.objects.get(server_id=None, kind=kind).body
