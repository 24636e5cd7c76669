"""An async generator gathers two context lookups; when they fail it re-reads the row (one of them
may have saved a partial result) with the sync refresh_from_db() on the event loop."""

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
        claim.refresh_from_db()  # [sync-orm-call-in-async]
        literature, citations = claim.literature, claim.citations
    yield f"{literature} {citations}"
