from typing import Any


class Permission:
    async def has_permission(self, scope: dict, consumer: Any, action: str) -> bool:
        return bool(scope.get("user"))


class Both:
    def __init__(self, first: "Permission", second: "Permission"):
        self.first = first
        self.second = second

    async def has_permission(self, scope: dict, consumer: Any, action: str):
        return await self.first.has_permission(scope, consumer, action) and await self.second.has_permission(scope, consumer, action)


async def can_run(scope: dict, consumer: Any) -> bool:
    check = Both(Permission(), Permission())
    return await check.has_permission(scope, consumer, "list")
