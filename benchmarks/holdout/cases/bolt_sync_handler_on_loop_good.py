import inspect
from typing import Any, Callable

from asgiref.sync import sync_to_async


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
        return await sync_to_async(handler)(request)
