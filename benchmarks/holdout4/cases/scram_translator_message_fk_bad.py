"""A Channels consumer announces the active routes to a translator on connect. The sequence elements
are loaded into a list in a thread, but each element's message is then read through its forward
foreign key on the event loop (a lazy sync query), and the result is wrapped in
`sync_to_async(partial(...))` that is awaited without being called."""

from functools import partial

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import models


class WebSocketMessage(models.Model):
    msg_type = models.CharField(max_length=50)
    msg_data = models.JSONField(default=dict)
    msg_data_route_field = models.CharField(max_length=25)


class SequenceElement(models.Model):
    websocketmessage = models.ForeignKey(WebSocketMessage, on_delete=models.CASCADE)
    action_name = models.CharField(max_length=30)
    order_num = models.SmallIntegerField(default=0)


class Entry(models.Model):
    route = models.CharField(max_length=50)
    is_active = models.BooleanField(default=True)


class TranslatorConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.actiontype = self.scope["url_route"]["kwargs"]["actiontype"]
        await self.accept()
        elements = await sync_to_async(list)(
            SequenceElement.objects.filter(action_name=self.actiontype).order_by("order_num")
        )
        if not elements:
            return
        routes = await sync_to_async(list)(Entry.objects.filter(is_active=True).values_list("route", flat=True))
        for route in routes:
            for element in elements:
                msg = await sync_to_async(partial(element.websocketmessage))  # [sync-orm-call-in-async]
                msg.msg_data[msg.msg_data_route_field] = str(route)
                await self.send_json({"type": msg.msg_type, "message": msg.msg_data})
