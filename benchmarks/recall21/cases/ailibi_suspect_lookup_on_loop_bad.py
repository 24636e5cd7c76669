"""Recall reduction (recall21): on connect the interrogation consumer calls its own plain method
``suspect_info()``, which fetches the model class by name (``apps.get_model``) and runs
``objects.get()`` -- a query on the event loop (SynchronousOnlyOperation): the socket never opens. Our
own minimal rewrite of the shape, not upstream code."""

import json

from channels.generic.websocket import AsyncWebsocketConsumer
from django.apps import apps


class InterrogationConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.suspect_id = self.scope["url_route"]["kwargs"]["suspect_id"]
        self.suspect = self.suspect_info(self.suspect_id)  # [missing-sync-to-async]
        if not self.suspect:
            await self.close()
            return
        await self.accept()
        await self.send(json.dumps({"statement": self.suspect["statement"]}))

    def suspect_info(self, suspect_id):
        suspect_model = apps.get_model("ailibi", "Suspect")
        try:
            suspect = suspect_model.objects.get(pk=suspect_id)
        except suspect_model.DoesNotExist:
            return None
        return {"name": suspect.name, "statement": suspect.opening_statement}
