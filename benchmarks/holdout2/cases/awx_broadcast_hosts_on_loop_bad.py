"""A long-running async broadcaster polls the list of peer hosts through a module-level sync helper
that looks the model up with apps.get_model() and queries it: the query runs on the event loop."""

import asyncio

from django.apps import apps


def peer_hosts():
    Node = apps.get_model("cluster", "Node")
    return dict(Node.objects.exclude(hostname="me").values_list("hostname", "address"))


class Broadcaster:
    def __init__(self):
        self.tasks = {}

    async def watch_peers(self):
        while True:
            hosts = peer_hosts()  # [missing-sync-to-async]
            for gone in set(self.tasks) - set(hosts):
                self.tasks.pop(gone).cancel()
            await asyncio.sleep(10)
