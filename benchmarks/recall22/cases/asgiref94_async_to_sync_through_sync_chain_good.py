"""Fixed form of asgiref94_async_to_sync_through_sync_chain_bad.py (the maintainer's answer): the sync
chain runs in a worker thread through ``sync_to_async``, where ``async_to_sync`` hands the coroutine
back to the outer loop."""

import asyncio
import sys

from asgiref.sync import async_to_sync, sync_to_async


async def sleepy_square(n):
    await asyncio.sleep(1)
    return n * n


def sync2(n):
    return async_to_sync(sleepy_square)(n)


def sync1(n):
    return sync2(n - 1) + sync2(n + 1)


async def async_main():
    await asyncio.sleep(1)
    return await sync_to_async(sync1)(float(sys.argv[1]))


if __name__ == "__main__":
    print(asyncio.run(async_main()))
