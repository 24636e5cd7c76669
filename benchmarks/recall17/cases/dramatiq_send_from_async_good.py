"""Fixed shape of dramatiq_send_from_async: the enqueue (and the broker middleware's queries) runs in a
worker thread."""

import dramatiq
from asgiref.sync import sync_to_async
from django.http import JsonResponse


@dramatiq.actor
def deliver_webhook(payload_id):
    print("delivering", payload_id)


async def gateway_callback(request, payload_id):
    await sync_to_async(deliver_webhook.send)(payload_id)
    return JsonResponse({"queued": payload_id})
