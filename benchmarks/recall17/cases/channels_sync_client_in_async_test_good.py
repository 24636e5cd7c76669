"""Fixed shape of channels_sync_client_in_async_test: the async test client (Django 3.1+) awaits the
request, so the view runs in its own context."""

import json

import pytest
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.testing import WebsocketCommunicator
from django.test import AsyncClient

ENDPOINT = "/api/broadcast/"


class BroadcastConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        await self.channel_layer.group_add("broadcast", self.channel_name)
        await self.accept()


@pytest.mark.asyncio
async def test_broadcast_reaches_socket():
    client = AsyncClient(enforce_csrf_checks=True)
    communicator = WebsocketCommunicator(BroadcastConsumer.as_asgi(), "/testws")
    connected, _ = await communicator.connect()
    assert connected
    assert await communicator.receive_nothing()
    data = {"data": {"one": "1", "two": "2"}}
    res = await client.post(ENDPOINT, data=json.dumps(data), content_type="application/json")
    assert res.status_code == 200
    assert await communicator.receive_json_from()
    await communicator.disconnect()
