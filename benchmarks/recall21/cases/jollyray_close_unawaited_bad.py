"""Recall reduction (recall21): the sudoku consumer's ``connect`` rejects a socket without a room code or
a nickname cookie with ``self.close()`` as a statement: the inherited coroutine method is dropped, the
handshake is neither accepted nor refused and hangs. Our own minimal rewrite of the shape, not upstream
code."""

from channels.generic.websocket import AsyncWebsocketConsumer


class SudokuConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.room_code = self.scope["url_route"]["kwargs"].get("room_name")
        if not self.room_code:
            self.close()  # [async-call-not-awaited]
            return
        self.nick = self.scope["cookies"].get("nick")
        if not self.nick:
            self.close()  # [async-call-not-awaited]
            return
        await self.channel_layer.group_add(self.room_code, self.channel_name)
        await self.accept()
