"""Held-out reduction (holdout13), fixed shape: the ``aget()`` coroutine is awaited. Must stay silent."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.shortcuts import redirect

brackets = {}


@login_required
async def drop_player(request):
    me = await request.auser()
    bracket = brackets.get(me.id)
    raw = request.GET.get("id")
    if bracket is None or raw is None:
        return redirect("/")
    player = await User.objects.aget(id=int(raw))
    await bracket.drop(player)
    return redirect("/bracket/")
