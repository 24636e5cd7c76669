"""Recall reduction (recall20): a Channels presence consumer starts a countdown task when a user's
socket closes; when it runs out, the task marks the user offline with ``database_sync_to_async(user.save)()``
but never awaits the wrapper's coroutine, so the write never happens and the user stays online forever
(the broadcast that follows says offline). Our own minimal rewrite of the shape, not upstream code."""

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
    database_sync_to_async(user.save)()  # [async-call-not-awaited]
    await announce(user.username, "offline")
