"""A LiveView consumer renders in one thread hop that also returns the view's context dict (whose
values include lazy QuerySets), then, back on the loop, hands the dict to a sync profiling helper
that estimates its size with sys.getsizeof(str(context)): str() calls QuerySet.__repr__, which
queries the database on the event loop."""

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
        self.context_size = sys.getsizeof(str(context))


class LiveViewConsumer:
    view_instance = None

    async def handle_event(self, data):
        tracker = PerformanceTracker()

        def context_and_render():
            return self.view_instance.get_context_data(), self.view_instance.render()

        context, html = await sync_to_async(context_and_render)()
        tracker.track_context_size(context)  # [missing-sync-to-async]
        return html
