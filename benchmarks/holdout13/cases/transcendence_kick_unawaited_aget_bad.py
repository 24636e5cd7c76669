"""Held-out reduction (holdout13): an async Django view removes a player from an in-memory tournament;
the player row is fetched with ``aget()`` without ``await``, so the tournament receives a coroutine
instead of a user (the comparison finds nobody, the coroutine is never awaited). Our own minimal
rewrite of the shape, not upstream code."""

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
    player = User.objects.aget(id=int(raw))  # [async-call-not-awaited]
    await bracket.drop(player)
    return redirect("/bracket/")
