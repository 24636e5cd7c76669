"""Default values for per-user data may be given as callables; the async loader awaits coroutine
functions but calls plain callables (which may query) directly on the event loop."""

import asyncio
from typing import Any, Callable


async def fill_defaults(data: dict, defaults: dict[str, Callable[[], Any] | Any]) -> dict:
    for key, value in defaults.items():
        if key in data:
            continue
        if asyncio.iscoroutinefunction(value):
            data[key] = await value()
        elif callable(value):
            data[key] = value()  # [missing-sync-to-async]
        else:
            data[key] = value
    return data
