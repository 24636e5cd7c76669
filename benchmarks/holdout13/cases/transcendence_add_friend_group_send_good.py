"""Held-out reduction (holdout13), fixed shape as the maintainers wrote it: the view became ``async
def``, uses the async ORM twins and awaits ``group_send()``. Must stay silent."""

from channels.layers import get_channel_layer
from django.contrib.auth.models import User
from django.shortcuts import redirect

from social.models import Invitation


async def invite(request):
    me = await request.auser()
    name = request.POST.get("username")
    other = await User.objects.filter(username=name).afirst()
    if other is None or other.id == me.id:
        return redirect("/friends/?error=1")
    await Invitation.objects.acreate(sender=me, receiver=other)
    layer = get_channel_layer()
    await layer.group_send(f"{other.username}_inbox", {"type": "notify", "text": "invitation"})
    return redirect("/friends/?sent=1")
