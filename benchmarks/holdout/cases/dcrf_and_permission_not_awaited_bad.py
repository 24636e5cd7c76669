"""An `AND` combinator of permissions whose operands have async has_permission: the sync combinator
joins two coroutines with `and`, so the first check is never awaited (always truthy)."""

from typing import Any


class Permission:
    async def has_permission(self, scope: dict, consumer: Any, action: str) -> bool:
        return bool(scope.get("user"))


class Both:
    def __init__(self, first: "Permission", second: "Permission"):
        self.first = first
        self.second = second

    def has_permission(self, scope: dict, consumer: Any, action: str):
        return self.first.has_permission(scope, consumer, action) and self.second.has_permission(scope, consumer, action)  # [async-call-not-awaited]


async def can_run(scope: dict, consumer: Any) -> bool:
    check = Both(Permission(), Permission())
    return await check.has_permission(scope, consumer, "list")
