from asgiref.sync import sync_to_async
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
        await sync_to_async(reset_connections)()
        service = self.service_class()
        return await getattr(service, action)(request, context)
