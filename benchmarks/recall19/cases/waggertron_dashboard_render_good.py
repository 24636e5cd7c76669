"""Fixed form (recall19): a TemplateResponse, which Django's async handler renders in a worker
thread."""

import asyncio

import httpx
from django.template.response import TemplateResponse


async def dashboard(request):
    async with httpx.AsyncClient() as client:
        stripe_task = client.get("https://api.stripe.com/v1/balance")
        analytics_task = client.get("https://analytics.example.com/summary")
        stripe_resp, analytics_resp = await asyncio.gather(stripe_task, analytics_task)
    return TemplateResponse(request, "dashboard.html", {
        "stripe": stripe_resp.json(),
        "analytics": analytics_resp.json(),
    })
