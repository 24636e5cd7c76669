"""Recall reduction (recall18): the fix the same page publishes, ``users = await
sync_to_async(User.objects.all)()``, still iterates a lazy QuerySet on the loop: ``all()`` ran in the
thread but built no rows, and ``for user in users`` queries on the loop (SynchronousOnlyOperation).
Our own minimal rewrite of the shape."""

import asyncio

from asgiref.sync import sync_to_async
from django.contrib.auth.models import User


async def fetch_users():
    users = await sync_to_async(User.objects.all)()  # [lazy-queryset-from-sync-to-async]
    for user in users:  # [sync-queryset-evaluation-in-async]
        print(user.username)


def main():
    asyncio.run(fetch_users())
