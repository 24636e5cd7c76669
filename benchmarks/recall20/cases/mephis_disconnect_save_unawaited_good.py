"""Fixed form of mephis_disconnect_save_unawaited (recall20): the wrapper's coroutine is awaited."""

import asyncio

from channels.db import database_sync_to_async


async def announce(username, status):
    await asyncio.sleep(0)


def start_countdown(user):
    asyncio.create_task(countdown(user), name=f"{user.username}_away")


async def countdown(user):
    remaining = 5
    while remaining > 0:
        remaining -= 1
        await asyncio.sleep(1)
    user.is_online = False
    await database_sync_to_async(user.save)(update_fields=["is_online"])
    await announce(user.username, "offline")
