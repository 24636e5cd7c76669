"""An async response cache (redis) finds a stale or malformed entry and means to drop it. The base
class's delete() is a coroutine method wrapped by an error-swallowing decorator; the subclass calls it
without await, so the entry is never deleted and the coroutine is discarded."""

import functools
import json
import time


def swallow_connection_errors(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        try:
            return await func(*args, **kwargs)
        except ConnectionError:
            return None

    return wrapper


class AsyncCache:
    default_base_key = "CACHE"

    def __init__(self, client):
        self.redis = client

    @swallow_connection_errors
    async def get(self, key, base_key=None):
        return await self.redis.hget(base_key or self.default_base_key, key)

    @swallow_connection_errors
    async def delete(self, key=None, base_key=None):
        return await self.redis.hdel(base_key or self.default_base_key, key)


class AsyncResponseCache(AsyncCache):
    async def make_response(self, key, base_key):
        entry = await self.get(key, base_key)
        if not entry:
            return None
        entry = json.loads(entry)
        expires = entry.pop("expires", -1)
        if expires and expires < time.time():
            self.delete(key, base_key)  # [async-call-not-awaited]
            return None
        return entry
