"""An async list action runs the service's sync filter_queryset(): each filter backend validates
its filter form (choice filters look rows up) on the event loop."""

from asgiref.sync import sync_to_async
from django_filters.rest_framework import DjangoFilterBackend


class GenericService:
    queryset = None
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        return self.queryset.all()

    def filter_queryset(self, queryset):
        for backend in list(self.filter_backends):
            queryset = backend().filter_queryset(self.context, queryset, self)
        return queryset


class AsyncListMixin(GenericService):
    async def List(self, request, context):
        queryset = self.filter_queryset(self.get_queryset())  # [missing-sync-to-async]
        return await sync_to_async(list)(queryset)
