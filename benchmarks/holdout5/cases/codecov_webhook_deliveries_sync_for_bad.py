"""A cron task (sync) of a Django-configured worker runs a nested coroutine with async_to_sync; the
coroutine pages through a provider client's webhook deliveries with a plain `for`, but the client's
method is an async generator, so the loop raises TypeError before the first page. (The client is a
library class in the upstream code; a minimal stand-in is defined here.)"""

import asyncio

from asgiref.sync import async_to_sync


class GithubClient:
    """Stand-in for the provider client: an async generator of pages, and an async request."""

    def __init__(self, token):
        self.token = token

    async def list_webhook_deliveries(self):
        page = 0
        while page < 3:
            page += 1
            yield [{"id": page, "status_code": 500}]

    async def request_webhook_redelivery(self, delivery_id):
        return True


class WebhooksCheckTask:
    def apply_filters(self, deliveries):
        return [d for d in deliveries if d["status_code"] >= 400]

    async def request_redeliveries(self, client, deliveries):
        results = await asyncio.gather(*(client.request_webhook_redelivery(d["id"]) for d in deliveries))
        return sum(results)

    def run_cron_task(self, token):
        client = GithubClient(token=token)
        requested = 0

        async def process_deliveries():
            nonlocal requested
            for deliveries in client.list_webhook_deliveries():  # [async-iterator-in-sync-loop]
                wanted = self.apply_filters(deliveries)
                requested += await self.request_redeliveries(client, wanted)

        async_to_sync(process_deliveries)()
        return {"redeliveries_requested": requested}
