"""The fixed shape: the decorator gives coroutine functions an async wrapper that awaits inside the try."""

import functools
import inspect


class Interrupted(Exception):
    pass


def omit_errors(method):
    if inspect.iscoroutinefunction(method):
        @functools.wraps(method)
        async def awrapper(self, *args, **kwargs):
            try:
                return await method(self, *args, **kwargs)
            except Interrupted:
                return None

        return awrapper

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Interrupted:
            return None

    return wrapper


class Cache:
    @omit_errors
    async def aset(self, key, value):
        raise Interrupted(key)
