"""Recall reduction (recall22): asgiref issue #94 ('Dealing with "async -> sync1 -> sync2 -> ... syncN
-> async" call chains'): an async entry point calls a sync helper, which calls a second sync helper
that runs a coroutine function through ``async_to_sync``: RuntimeError ('You cannot use AsyncToSync in
the same thread as an async event loop'). The maintainer's answer: call the first sync helper
through ``sync_to_async``. Our own minimal rewrite."""

import asyncio
import sys

from asgiref.sync import async_to_sync


async def sleepy_square(n):
    await asyncio.sleep(1)
    return n * n


def sync2(n):
    return async_to_sync(sleepy_square)(n)


def sync1(n):
    return sync2(n - 1) + sync2(n + 1)


async def async_main():
    await asyncio.sleep(1)
    return sync1(float(sys.argv[1]))  # [async-to-sync-in-async]


if __name__ == "__main__":
    print(asyncio.run(async_main()))
