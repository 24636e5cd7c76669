"""Fixed shape: the member list comprehension iterates the QuerySet with `async for`."""

import aiohttp
from django.db import models
from django.db.models import Q


class Project(models.Model):
    organization_id = models.IntegerField()


class OrganizationUser(models.Model):
    organization_id = models.IntegerField()
    email = models.EmailField(null=True)


class Importer:
    def __init__(self, url, organization_id):
        self.url = url
        self.organization_id = organization_id

    async def get(self, url):
        async with aiohttp.ClientSession() as session:
            async with session.get(url) as response:
                return await response.json()

    async def import_teams(self):
        teams = await self.get(self.url + "/teams/")
        for team in teams:
            project_ids = [
                pk
                async for pk in Project.objects.filter(
                    organization_id=self.organization_id, pk__in=[int(d["id"]) for d in team["projects"]]
                ).values_list("id", flat=True)
            ]
            team["projects"] = ",".join(map(str, project_ids))
            members = await self.get(self.url + f"/teams/{team['slug']}/members/")
            emails = [m["email"] for m in members]
            team["members"] = ",".join(
                [
                    str(i)
                    async for i in OrganizationUser.objects.filter(organization_id=self.organization_id)
                    .filter(Q(email__in=emails))
                    .values_list("pk", flat=True)
                ]
            )
        return teams
