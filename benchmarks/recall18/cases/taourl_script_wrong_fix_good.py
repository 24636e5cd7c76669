"""Fixed form (recall18): the list is built in the thread."""

import asyncio

from asgiref.sync import sync_to_async
from django.contrib.auth.models import User


def all_users():
    return list(User.objects.all())


async def fetch_users():
    users = await sync_to_async(all_users)()
    for user in users:
        print(user.username)


def main():
    asyncio.run(fetch_users())
