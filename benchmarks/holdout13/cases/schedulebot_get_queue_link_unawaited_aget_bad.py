"""Held-out reduction (holdout13): a bot coroutine builds a message link from a row fetched with
``aget()`` but without ``await``: reading an attribute of the coroutine raises AttributeError. Our own
minimal rewrite of the shape, not upstream code."""

from rota.models import Rota


async def rota_link(rota_id: int) -> str:
    rota = Rota.objects.aget(pk=rota_id)  # [async-call-not-awaited]
    return f"https://t.me/c/{abs(rota.chat_id)}/{rota.message_id}"
