import asyncio
from typing import Any, Callable

from asgiref.sync import sync_to_async


async def fill_defaults(data: dict, defaults: dict[str, Callable[[], Any] | Any]) -> dict:
    for key, value in defaults.items():
        if key in data:
            continue
        if asyncio.iscoroutinefunction(value):
            data[key] = await value()
        elif callable(value):
            data[key] = await sync_to_async(value)()
        else:
            data[key] = value
    return data
