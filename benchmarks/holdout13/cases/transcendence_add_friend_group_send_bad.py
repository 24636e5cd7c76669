"""Held-out reduction (holdout13): a synchronous Django view stores a friend request and notifies the
friend through the Channels layer, calling the layer's ``group_send()`` (a coroutine function) without
``await`` or ``async_to_sync``: the coroutine is created and dropped, no notification is ever sent.
Our own minimal rewrite of the shape, not upstream code."""

from channels.layers import get_channel_layer
from django.contrib.auth.models import User
from django.shortcuts import redirect

from social.models import Invitation


def invite(request):
    name = request.POST.get("username")
    other = User.objects.filter(username=name).first()
    if other is None or other.id == request.user.id:
        return redirect("/friends/?error=1")
    Invitation.objects.create(sender=request.user, receiver=other)
    layer = get_channel_layer()
    layer.group_send(f"{other.username}_inbox", {"type": "notify", "text": "invitation"})  # [async-call-not-awaited]
    return redirect("/friends/?sent=1")
