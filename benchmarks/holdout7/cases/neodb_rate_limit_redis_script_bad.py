"""A cross-process rate limiter reserves request slots with a Lua script on the shared Redis of the
job queue (`django_rq.get_connection(...)`, a sync redis-py client). Its async variant, awaited by
an `asyncio.gather` fan-out over external catalogue searches, calls the sync reservation helper
directly: each reservation is a blocking Redis round trip on the event loop that stalls every other
search of the fan-out."""

import asyncio
import threading
import time

import django_rq

RESERVE_SLOT = "return redis.call('INCR', KEYS[1])"


class RedisRateLimiter:
    def __init__(self, key, rate, queue="fetch"):
        self.key = key
        self.interval = 1.0 / rate
        self.queue = queue
        self._lock = threading.Lock()
        self._script = None

    def _load_script(self):
        with self._lock:
            if self._script is None:
                self._script = django_rq.get_connection(self.queue).register_script(RESERVE_SLOT)
            return self._script

    def _reserve(self, timeout):
        script = self._load_script()
        try:
            return float(script(keys=[self.key], args=[time.time(), self.interval, timeout]))
        except Exception:
            return None

    async def acquire_async(self, timeout=15.0):
        target = self._reserve(timeout)  # [missing-sync-to-async]
        if target is None:
            await asyncio.sleep(self.interval)
            return
        wait = target - time.time()
        if wait > 0:
            await asyncio.sleep(wait)
