"""An async gRPC servicer proxy calls the service's sync `before_action` hook on the event loop;
services override the hook to load what the action needs from the database."""

from django.contrib.auth.models import User


class Service:
    def before_action(self) -> None:
        """Hook for subclasses."""


class AccountService(Service):
    def before_action(self) -> None:
        self.owner = User.objects.get(pk=1)


class ServicerProxy:
    def __init__(self, service_class: type[Service]) -> None:
        self.service_class = service_class

    async def handle(self, request, context, action: str):
        service = self.service_class()
        service.request = request
        service.before_action()  # [missing-sync-to-async]
        return await getattr(service, action)(request, context)
