"""Recall reduction (recall19): a tutorial chapter on async Django: its first async view gathers two
httpx calls and then returns ``render(request, "dashboard.html", ...)``: the template is rendered
(with the request's context processors, including the lazy user) on the loop. Our own minimal
rewrite."""

import asyncio

import httpx
from django.shortcuts import render


async def dashboard(request):
    async with httpx.AsyncClient() as client:
        stripe_task = client.get("https://api.stripe.com/v1/balance")
        analytics_task = client.get("https://analytics.example.com/summary")
        stripe_resp, analytics_resp = await asyncio.gather(stripe_task, analytics_task)
    return render(request, "dashboard.html", {  # [sync-template-render-in-async]
        "stripe": stripe_resp.json(),
        "analytics": analytics_resp.json(),
    })
