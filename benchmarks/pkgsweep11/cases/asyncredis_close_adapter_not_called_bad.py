"""A cache backend whose sync `close()` (what Django's request_finished handler calls) is meant to run
the async `aclose()` through `async_to_sync`, but only builds the adapter: without the call parentheses
the connections are never closed and the coroutine function is never run."""

from asgiref.sync import async_to_sync


class PoolCache:
    def __init__(self):
        self.closed = False

    async def aclose(self):
        self.closed = True

    def close(self, **kwargs):
        async_to_sync(self.aclose)  # missed: no rule flags an adapter built and dropped
