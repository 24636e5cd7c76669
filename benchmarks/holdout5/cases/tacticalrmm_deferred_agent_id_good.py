"""Fixed: the online agents are loaded with `agent_id` among the selected fields, so the coroutine
reads a loaded value."""

import asyncio
import datetime

import msgpack
import nats
from celery import shared_task
from django.db import models
from django.utils import timezone

ONLINE_AGENTS = ("pk", "agent_id", "last_seen", "overdue_time", "offline_time")


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

    @classmethod
    def online_agents(cls):
        return [i for i in cls.objects.only(*ONLINE_AGENTS) if i.status == "online"]

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
    for agent in Agent.online_agents():
        listed = asyncio.run(agent.nats_cmd({"func": "listschedtasks"}, timeout=10))
        if not isinstance(listed, list):
            return
        known = {task.win_task_name for task in agent.autotasks.all()}
        for name in listed:
            if name not in known:
                asyncio.run(agent.nats_cmd({"func": "delschedtask", "schedtaskpayload": {"name": name}}))
