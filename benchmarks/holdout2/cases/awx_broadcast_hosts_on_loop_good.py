"""Fixed: the helper is wrapped with sync_to_async and awaited."""

import asyncio

from asgiref.sync import sync_to_async
from django.apps import apps


@sync_to_async
def peer_hosts():
    Node = apps.get_model("cluster", "Node")
    return dict(Node.objects.exclude(hostname="me").values_list("hostname", "address"))


class Broadcaster:
    def __init__(self):
        self.tasks = {}

    async def watch_peers(self):
        while True:
            hosts = await peer_hosts()
            for gone in set(self.tasks) - set(hosts):
                self.tasks.pop(gone).cancel()
            await asyncio.sleep(10)
