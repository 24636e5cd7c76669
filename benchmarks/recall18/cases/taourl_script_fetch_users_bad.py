"""Recall reduction (recall18): a Q&A page ('Why does this Python script hang?') runs a coroutine with
``asyncio.run`` that loops over ``User.objects.all()``: the iteration queries on the running loop
(SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

import asyncio

from django.contrib.auth.models import User


async def fetch_users():
    users = User.objects.all()
    for user in users:  # [sync-queryset-evaluation-in-async]
        print(user.username)


def main():
    asyncio.run(fetch_users())
