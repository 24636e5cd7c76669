import asyncio
from typing import Any, Callable

from asgiref.sync import sync_to_async
from django.utils.decorators import sync_and_async_middleware


class Service:
    authentication_classes: list = []

    def __init__(self, context: Any) -> None:
        self.context = context
        self.done = False

    def resolve_user(self):
        answers = [auth().authenticate(self.context) for auth in self.authentication_classes]
        return answers[0] if answers else None

    def perform_authentication(self) -> None:
        if self.done:
            return
        found = self.resolve_user()
        self.context.user = found[0] if found else None
        self.done = True


class Call:
    service: Service


@sync_and_async_middleware
def auth_middleware(get_response: Callable):
    if asyncio.iscoroutinefunction(get_response):

        async def middleware(call: Call):
            await sync_to_async(call.service.perform_authentication)()
            return await get_response(call)

    else:

        def middleware(call: Call):
            call.service.perform_authentication()
            return get_response(call)

    return middleware
