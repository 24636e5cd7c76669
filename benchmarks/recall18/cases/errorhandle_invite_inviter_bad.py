"""Recall reduction (recall18): a Q&A answer on reading a foreign key in an async view: the invite is
loaded with ``aget()`` and ``invite.inviter`` (not selected) is then read on the loop, a sync query
(SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from django.conf import settings
from django.db import models
from django.http import JsonResponse


class Invite(models.Model):
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    email = models.EmailField()


async def invite_detail(request, invite_id):
    invite = await Invite.objects.aget(id=invite_id)
    inviter = invite.inviter  # [sync-orm-call-in-async]
    return JsonResponse({"email": invite.email, "inviter": inviter.get_username()})
