"""The fixed shape: the adapter is called, so `close()` runs `aclose()` to the end."""

from asgiref.sync import async_to_sync


class PoolCache:
    def __init__(self):
        self.closed = False

    async def aclose(self):
        self.closed = True

    def close(self, **kwargs):
        async_to_sync(self.aclose)()
