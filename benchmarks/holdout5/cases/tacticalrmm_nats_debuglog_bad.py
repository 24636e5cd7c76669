"""An agent model's messaging coroutine logs an undecodable reply through the debug-log model's
classmethod, which reads the configured level and inserts a row: both queries run on the event loop
of whoever awaits the coroutine."""

import msgpack
import nats
from django.db import models


class CoreSettings(models.Model):
    agent_debug_level = models.CharField(max_length=20, default="info")


def get_debug_level():
    return CoreSettings.objects.first().agent_debug_level


class DebugLog(models.Model):
    agent = models.ForeignKey("Agent", null=True, on_delete=models.CASCADE)
    log_level = models.CharField(max_length=50)
    log_type = models.CharField(max_length=50)
    message = models.TextField()

    @classmethod
    def error(cls, message, agent=None, log_type="system_issues"):
        if get_debug_level() in ["info", "warning", "error"]:
            cls.objects.create(log_level="error", agent=agent, log_type=log_type, message=message)


class Agent(models.Model):
    agent_id = models.CharField(max_length=200, unique=True)

    async def nats_cmd(self, data, timeout=30):
        try:
            nc = await nats.connect(servers=["tls://localhost:4222"])
        except Exception:
            return "natsdown"
        try:
            msg = await nc.request(self.agent_id, msgpack.dumps(data), timeout=timeout)
        except nats.errors.TimeoutError:
            ret = "timeout"
        else:
            try:
                ret = msgpack.loads(msg.data)
            except Exception as e:
                ret = str(e)
                DebugLog.error(agent=self, log_type="agent_issues", message=ret)  # [missing-sync-to-async]
        await nc.close()
        return ret
