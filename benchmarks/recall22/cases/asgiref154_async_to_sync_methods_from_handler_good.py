"""Fixed form of asgiref154_async_to_sync_methods_from_handler_bad.py: the sync game runs in a worker
thread through ``sync_to_async``, where the ``@async_to_sync`` methods hand their coroutines back to
the server's loop."""

from asgiref.sync import async_to_sync, sync_to_async


class Player:
    def __init__(self, websocket):
        self.websocket = websocket

    @async_to_sync
    async def send(self, msg):
        await self.websocket.send(msg)

    @async_to_sync
    async def receive(self):
        return await self.websocket.recv()


class Game:
    def __init__(self, players):
        self.players = players

    def start_game(self):
        self.players[0].send("hello")
        return self.players[0].receive()


class Server:
    players = []

    async def register(self, websocket):
        self.players.append(Player(websocket))
        if len(self.players) >= 2:
            await sync_to_async(Game(self.players[:2]).start_game)()
            self.players = self.players[2:]
