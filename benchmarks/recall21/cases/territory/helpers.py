"""Game helpers of the territory package: each query is wrapped in Channels' bridge, so every helper
returns a coroutine that the consumer must await."""

from channels.db import database_sync_to_async

from territory.models import ArenaMember


@database_sync_to_async
def is_host(arena, user):
    return ArenaMember.objects.filter(arena=arena, user=user, is_host=True).exists()


@database_sync_to_async
def leave(arena, user):
    ArenaMember.objects.filter(arena=arena, user=user).delete()


def start_position(width, height):
    return width // 2, height // 2
