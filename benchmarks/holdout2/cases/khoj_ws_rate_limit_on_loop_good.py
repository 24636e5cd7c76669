"""Fixed: the check is a coroutine using the async ORM, and is awaited."""

from datetime import timedelta

from django.db import models
from django.utils import timezone


class UserRequest(models.Model):
    user_id = models.IntegerField()
    slug = models.CharField(max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)


class RateLimited(Exception):
    pass


class RateLimiter:
    def __init__(self, requests: int, window: int, slug: str):
        self.requests = requests
        self.window = window
        self.slug = slug

    async def check(self, user_id: int) -> None:
        cutoff = timezone.now() - timedelta(seconds=self.window)
        count = await UserRequest.objects.filter(user_id=user_id, created_at__gte=cutoff, slug=self.slug).acount()
        if count >= self.requests:
            raise RateLimited(self.slug)
        await UserRequest.objects.acreate(user_id=user_id, slug=self.slug)


async def chat_socket(socket, user_id: int):
    per_minute = RateLimiter(requests=20, window=60, slug="chat_minute")
    async for message in socket.iter_text():
        await per_minute.check(user_id)
        await socket.send_text(f"echo {message}")
