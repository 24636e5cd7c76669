import asyncio
import inspect

from asgiref.sync import sync_to_async
from django.db.models.query import QuerySet


async def resolver_middleware(next_resolver, root, info, *args, **kwargs):
    if asyncio.iscoroutinefunction(next_resolver):
        call = next_resolver
    else:
        def evaluated(*inner_args, **inner_kwargs):
            value = next_resolver(*inner_args, **inner_kwargs)
            if isinstance(value, QuerySet):
                value = list(value)
            return value

        call = sync_to_async(evaluated)
    result = call(root, info, *args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result
