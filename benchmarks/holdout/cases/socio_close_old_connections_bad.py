"""An async gRPC handler resets stale database connections before each call through the project's
own sync helper, which asks each connection for its autocommit state (a connection operation
Django refuses on the event loop)."""

from django import db


def reset_connections():
    for conn in db.connections.all():
        if conn.get_autocommit():
            conn.close_if_unusable_or_obsolete()


class ServicerProxy:
    def __init__(self, service_class) -> None:
        self.service_class = service_class

    async def handle(self, request, context, action: str):
        db.reset_queries()
        reset_connections()  # [missing-sync-to-async]
        service = self.service_class()
        return await getattr(service, action)(request, context)
