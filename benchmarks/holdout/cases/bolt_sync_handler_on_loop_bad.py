"""An API router records at registration whether each handler is a coroutine function; the async
dispatcher then calls sync handlers (which typically use the ORM) directly on the event loop."""

import inspect
from typing import Any, Callable


class Router:
    def __init__(self) -> None:
        self.meta: dict[Callable, dict[str, Any]] = {}

    def get(self, path: str):
        def register(fn: Callable) -> Callable:
            self.meta[fn] = {"path": path, "is_async": inspect.iscoroutinefunction(fn)}
            return fn

        return register

    async def dispatch(self, handler: Callable, request: Any) -> Any:
        info = self.meta[handler]
        if info.get("is_async", True):
            return await handler(request)
        return handler(request)  # [missing-sync-to-async]
