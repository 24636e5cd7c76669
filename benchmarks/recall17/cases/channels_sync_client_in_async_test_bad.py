"""Recall reduction (recall17, django/channels issue 1026): an ``@pytest.mark.asyncio`` test opens a
``WebsocketCommunicator`` and then posts to a Django view with the sync ``django.test.Client``; the
view broadcasts with ``async_to_sync(channel_layer.group_send)``, which fails on the test's event loop
(RuntimeError: You cannot use AsyncToSync in the same thread as an async event loop). Our own minimal
rewrite of the reported shape, not upstream code."""

import json

import pytest
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.testing import WebsocketCommunicator
from django.test import Client

ENDPOINT = "/api/broadcast/"


class BroadcastConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        await self.channel_layer.group_add("broadcast", self.channel_name)
        await self.accept()


@pytest.mark.asyncio
async def test_broadcast_reaches_socket():
    client = Client(enforce_csrf_checks=True)
    communicator = WebsocketCommunicator(BroadcastConsumer.as_asgi(), "/testws")
    connected, _ = await communicator.connect()
    assert connected
    assert await communicator.receive_nothing()
    data = {"data": {"one": "1", "two": "2"}}
    res = client.post(ENDPOINT, data=json.dumps(data), content_type="application/json")  # [sync-test-client-in-async-test]
    assert res.status_code == 200
    assert await communicator.receive_json_from()
    await communicator.disconnect()
