"""Fixed form of jollyray_close_unawaited. Our own minimal rewrite, not upstream code."""

from channels.generic.websocket import AsyncWebsocketConsumer


class SudokuConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.room_code = self.scope["url_route"]["kwargs"].get("room_name")
        if not self.room_code:
            await self.close()
            return
        self.nick = self.scope["cookies"].get("nick")
        if not self.nick:
            await self.close()
            return
        await self.channel_layer.group_add(self.room_code, self.channel_name)
        await self.accept()
