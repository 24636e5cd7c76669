"""An async manager builds a per-host task object; the task's __init__ (inherited) builds a metrics
recorder whose own __init__ asks a custom manager for this node's row: a query on the event loop,
two constructors down."""

from django.db import models


class NodeManager(models.Manager):
    def me(self):
        return self.get(hostname="local")


class Node(models.Model):
    hostname = models.CharField(max_length=100)
    objects = NodeManager()


class Metrics:
    def __init__(self, node_name=None):
        if node_name:
            self.node_name = node_name
        else:
            self.node_name = Node.objects.me().hostname


class PeerTask:
    def __init__(self, name, remote):
        self.name = name
        self.remote = remote
        self.metrics = Metrics()


class RelayPeerTask(PeerTask):
    async def run(self):
        return self.remote


class Manager:
    def __init__(self, local_name):
        self.local_name = local_name
        self.tasks = {}

    async def start(self, remotes):
        for remote in remotes:
            self.tasks[remote] = RelayPeerTask(self.local_name, remote)  # [missing-sync-to-async]
