"""Held-out reduction (holdout13): when the main admin leaves, a bot coroutine picks a random admin
with ``afirst()`` and reads ``.user`` of the coroutine inside the awaited parentheses: AttributeError
('coroutine' object has no attribute 'user'), the coroutine itself is never awaited. Our own minimal
rewrite of the shape, not upstream code."""

from rota.models import Channel, Membership


async def leave_channel(channel_id: int, user_id: int):
    membership = await Membership.objects.aget(user_id=user_id, channel_id=channel_id)
    channel = await Channel.objects.aget(pk=channel_id)
    if channel.owner_id == user_id:
        channel.owner = await (Membership.objects.select_related("user")  # [async-call-not-awaited]
                               .filter(channel_id=channel_id, is_admin=True).order_by("?").afirst().user)
        await channel.asave()
    await membership.adelete()
