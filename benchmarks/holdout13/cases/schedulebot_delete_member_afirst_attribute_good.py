"""Held-out reduction (holdout13), fixed shape: the ``afirst()`` coroutine is awaited, then ``.user``
is read from the row. Must stay silent."""

from rota.models import Channel, Membership


async def leave_channel(channel_id: int, user_id: int):
    membership = await Membership.objects.aget(user_id=user_id, channel_id=channel_id)
    channel = await Channel.objects.aget(pk=channel_id)
    if channel.owner_id == user_id:
        channel.owner = (await Membership.objects.select_related("user")
                         .filter(channel_id=channel_id, is_admin=True).order_by("?").afirst()).user
        await channel.asave()
    await membership.adelete()
