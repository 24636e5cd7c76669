"""channels a0651d7: the consumer stored the coroutine of channel_layer.new_channel() as its channel
name instead of awaiting it. Own reduction."""

from channels.layers import get_channel_layer


class AsyncConsumer:
    async def setup_before(self):
        self.channel_layer = get_channel_layer()
        if self.channel_layer is not None:
            self.channel_name = self.channel_layer.new_channel()  # [async-call-not-awaited]

    async def setup_after(self):
        self.channel_layer = get_channel_layer()
        if self.channel_layer is not None:
            self.channel_name = await self.channel_layer.new_channel()
