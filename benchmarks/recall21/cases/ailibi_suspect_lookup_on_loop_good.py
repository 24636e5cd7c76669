"""Fixed form of ailibi_suspect_lookup_on_loop: the lookup runs in a worker thread. Our own minimal
rewrite, not upstream code."""

import json

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.apps import apps


class InterrogationConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.suspect_id = self.scope["url_route"]["kwargs"]["suspect_id"]
        self.suspect = await self.suspect_info(self.suspect_id)
        if not self.suspect:
            await self.close()
            return
        await self.accept()
        await self.send(json.dumps({"statement": self.suspect["statement"]}))

    @sync_to_async
    def suspect_info(self, suspect_id):
        suspect_model = apps.get_model("ailibi", "Suspect")
        try:
            suspect = suspect_model.objects.get(pk=suspect_id)
        except suspect_model.DoesNotExist:
            return None
        return {"name": suspect.name, "statement": suspect.opening_statement}
