from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    async def serve(self, server) -> None:
        hook = import_string(settings.GRPC_ROOT_HANDLERS_HOOK)
        await sync_to_async(hook)(server)
        await server.start()
        await server.wait_for_termination()
