"""The coroutine function of the napuzba_sync_view_coroutine reductions: a module of its own, as on the
page (where the view imports its sibling module `data`)."""

import asyncio


async def msg():
    await asyncio.sleep(2)
    return "hello"
