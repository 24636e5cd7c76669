"""Fixed form (recall18): the answer's first approach, ``select_related('inviter')`` on the ``aget()``."""

from django.conf import settings
from django.db import models
from django.http import JsonResponse


class Invite(models.Model):
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    email = models.EmailField()


async def invite_detail(request, invite_id):
    invite = await Invite.objects.select_related("inviter").aget(id=invite_id)
    inviter = invite.inviter
    return JsonResponse({"email": invite.email, "inviter": inviter.get_username()})
