"""Recall reduction (recall19): a Channels issue (#944, 'Cannot test synchronous consumer that includes
async_to_sync'): a SyncConsumer's connect handler writes
``async_to_sync(self.channel_layer.group_add(group, self.channel_name))``: the coroutine is created
in the consumer and handed to async_to_sync instead of the coroutine function, so the adapter has
nothing to call (TypeError) and the group is never joined. Our own minimal rewrite."""

from asgiref.sync import async_to_sync
from channels.consumer import SyncConsumer


class MyHandler(SyncConsumer):
    def websocket_connect(self, event):
        self.send({"type": "websocket.accept"})
        async_to_sync(self.channel_layer.group_add("group", self.channel_name))  # [sync-to-async-called-not-passed]
