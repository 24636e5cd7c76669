"""Fixed form (recall18): iterate asynchronously (Django 4.1+). The page's own fix is wrong: see
taourl_script_wrong_fix."""

import asyncio

from django.contrib.auth.models import User


async def fetch_users():
    async for user in User.objects.all():
        print(user.username)


def main():
    asyncio.run(fetch_users())
