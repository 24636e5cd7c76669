"""Fixed: the async form is awaited."""

import asyncio

from django.db import models


class Claim(models.Model):
    literature = models.TextField(null=True)
    citations = models.TextField(null=True)


async def literature_for(claim):
    return "..."


async def citations_for(claim):
    return "..."


async def generate_letters(claim_id: int):
    claim = await Claim.objects.aget(pk=claim_id)
    try:
        literature, citations = await asyncio.gather(literature_for(claim), citations_for(claim))
    except Exception:
        await claim.arefresh_from_db()
        literature, citations = claim.literature, claim.citations
    yield f"{literature} {citations}"
