"""Recall reduction (recall20): in the same service, the rejoin helper asks its own coroutine method for the
player's tournament code without await -- ``code`` is a coroutine, always true -- and hands it to the
group helper: the group name is built from a coroutine's repr. Our own minimal rewrite of the shape, not
upstream code."""

from channels.layers import get_channel_layer


class TournamentService:
    def __init__(self, redis):
        self.redis = redis
        self.channel_layer = get_channel_layer()

    async def init(self, client):
        self.channel_name = (await self.redis.hget(f"client:{client.id}", "tournament")).decode()
        await self._rejoin(client)
        return True

    async def _rejoin(self, client):
        code = self._queue_code(client)  # [async-call-not-awaited]
        if code:
            await self._join_group(code)

    async def _queue_code(self, client):
        queue = await self.redis.get(f"queue:{client.id}")
        return queue.decode().rsplit(":", 1)[-1] if queue else None

    async def _join_group(self, code):
        await self.channel_layer.group_add(f"tournament_{code}", self.channel_name)
