"""A GraphQL-over-websocket consumer runs sync resolvers through sync_to_async; a resolver that
returns a lazy QuerySet hands it back to the event loop, where GraphQL iterates it."""

import asyncio
import inspect

from asgiref.sync import sync_to_async


async def resolver_middleware(next_resolver, root, info, *args, **kwargs):
    if asyncio.iscoroutinefunction(next_resolver):
        call = next_resolver
    else:
        call = sync_to_async(next_resolver)  # [lazy-queryset-from-sync-to-async]
    result = call(root, info, *args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result
