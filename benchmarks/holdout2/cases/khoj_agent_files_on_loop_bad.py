"""An async endpoint describes a conversation's agent; the agent comes from a project async adapter,
and whether it has files is asked with the sync related manager's exists() on the loop."""

from django.db import models


class Agent(models.Model):
    slug = models.SlugField()
    name = models.CharField(max_length=100)


class AgentFile(models.Model):
    agent = models.ForeignKey(Agent, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)


class Agents:
    @staticmethod
    async def aget_by_slug(slug: str):
        return await Agent.objects.filter(slug=slug).afirst()


async def describe_agent(slug: str) -> dict:
    agent = await Agents.aget_by_slug(slug)
    if agent is None:
        return {"error": "not found"}
    has_files = agent.agentfile_set.exists()  # [sync-orm-call-in-async]
    return {"slug": agent.slug, "name": agent.name, "has_files": has_files}
