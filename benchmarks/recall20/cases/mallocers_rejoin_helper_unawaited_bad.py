"""Recall reduction (recall20): a tournament service that a Channels consumer drives calls its own
coroutine method ``self._rejoin(client)`` as a statement from ``async def init``: the coroutine is
dropped, so a reconnecting player is never put back into the tournament group. Our own minimal rewrite
of the shape, not upstream code."""

from channels.layers import get_channel_layer


class TournamentService:
    def __init__(self, redis):
        self.redis = redis
        self.channel_layer = get_channel_layer()

    async def init(self, client):
        self.channel_name = (await self.redis.hget(f"client:{client.id}", "tournament")).decode()
        self._rejoin(client)  # [async-call-not-awaited]
        return True

    async def _rejoin(self, client):
        code = await self._queue_code(client)
        if code:
            await self.channel_layer.group_add(f"tournament_{code}", self.channel_name)

    async def _queue_code(self, client):
        queue = await self.redis.get(f"queue:{client.id}")
        return queue.decode().rsplit(":", 1)[-1] if queue else None
