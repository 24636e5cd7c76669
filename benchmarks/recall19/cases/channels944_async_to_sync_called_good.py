"""Fixed form (recall19): the coroutine function passed, its arguments given to the adapter's call."""

from asgiref.sync import async_to_sync
from channels.consumer import SyncConsumer


class MyHandler(SyncConsumer):
    def websocket_connect(self, event):
        self.send({"type": "websocket.accept"})
        async_to_sync(self.channel_layer.group_add)("group", self.channel_name)
