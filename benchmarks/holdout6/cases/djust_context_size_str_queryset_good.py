"""Fixed shape: the size estimate no longer stringifies the context (a shallow getsizeof per value
does not evaluate a QuerySet)."""

import sys

from asgiref.sync import sync_to_async
from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=100)


class ItemListView:
    def get_context_data(self):
        return {"items": Item.objects.all(), "title": "Items"}

    def render(self):
        return "<ul></ul>"


class PerformanceTracker:
    context_size = 0

    def track_context_size(self, context):
        total = sys.getsizeof(context)
        for value in context.values():
            total += sys.getsizeof(value)
        self.context_size = total


class LiveViewConsumer:
    view_instance = None

    async def handle_event(self, data):
        tracker = PerformanceTracker()

        def context_and_render():
            return self.view_instance.get_context_data(), self.view_instance.render()

        context, html = await sync_to_async(context_and_render)()
        tracker.track_context_size(context)
        return html
