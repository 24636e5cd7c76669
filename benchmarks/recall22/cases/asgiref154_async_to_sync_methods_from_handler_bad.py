"""Recall reduction (recall22): asgiref issue #154 ('Using async_to_sync from a sync inside an
async'): a websockets server's async ``register`` handler starts a sync ``Game`` whose
``start_game`` calls a player's ``send``/``receive``, methods declared ``async def`` and decorated
with ``@async_to_sync``: RuntimeError ('You cannot use AsyncToSync in the same thread as an async
event loop'). The stored thread has no answer; the error's own advice (and asgiref's rule) is to run
the sync game through ``sync_to_async`` or await the player's coroutines. Our own minimal
rewrite."""

from asgiref.sync import async_to_sync


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
            Game(self.players[:2]).start_game()  # [async-to-sync-in-async]
            self.players = self.players[2:]
