"""A Celery task (sync) loads agents with `.only(...)` leaving out `agent_id`, then runs each agent's
messaging coroutine with `asyncio.run`. The coroutine reads `self.agent_id` on its event loop: a
deferred field, so Django loads it with a query there and raises SynchronousOnlyOperation."""

import asyncio
import datetime

import msgpack
import nats
from celery import shared_task
from django.db import models
from django.utils import timezone


class Agent(models.Model):
    agent_id = models.CharField(max_length=200, unique=True)
    hostname = models.CharField(max_length=255)
    last_seen = models.DateTimeField(null=True, blank=True)
    overdue_time = models.PositiveIntegerField(default=30)
    offline_time = models.PositiveIntegerField(default=4)

    @property
    def status(self):
        offline = timezone.now() - datetime.timedelta(minutes=self.offline_time)
        if self.last_seen is not None and self.last_seen > offline:
            return "online"
        return "offline"

    async def nats_cmd(self, data, timeout=30):
        nc = await nats.connect(servers=["tls://localhost:4222"])
        msg = await nc.request(self.agent_id, msgpack.dumps(data), timeout=timeout)
        await nc.close()
        return msgpack.loads(msg.data)


class AutomatedTask(models.Model):
    agent = models.ForeignKey(Agent, related_name="autotasks", on_delete=models.CASCADE)
    win_task_name = models.CharField(max_length=255)


@shared_task
def remove_orphaned_win_tasks():
    agents = Agent.objects.only("pk", "last_seen", "overdue_time", "offline_time").prefetch_related("autotasks")
    online = [i for i in agents if i.status == "online"]
    for agent in online:
        listed = asyncio.run(agent.nats_cmd({"func": "listschedtasks"}, timeout=10))  # [sync-orm-call-in-async]
        if not isinstance(listed, list):
            return
        known = {task.win_task_name for task in agent.autotasks.all()}
        for name in listed:
            if name not in known:
                asyncio.run(agent.nats_cmd({"func": "delschedtask", "schedtaskpayload": {"name": name}}))
