"""Fixed form of mallocers_queue_code_unawaited (recall20): the lookup is awaited."""

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
        code = await self._queue_code(client)
        if code:
            await self._join_group(code)

    async def _queue_code(self, client):
        queue = await self.redis.get(f"queue:{client.id}")
        return queue.decode().rsplit(":", 1)[-1] if queue else None

    async def _join_group(self, code):
        await self.channel_layer.group_add(f"tournament_{code}", self.channel_name)
