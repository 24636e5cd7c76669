"""An async server command calls the project's configured root-handlers hook (a dotted path in
settings, loaded with import_string); the hook builds services whose querysets are evaluated."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    async def serve(self, server) -> None:
        hook = import_string(settings.GRPC_ROOT_HANDLERS_HOOK)
        hook(server)  # [missing-sync-to-async]
        await server.start()
        await server.wait_for_termination()
