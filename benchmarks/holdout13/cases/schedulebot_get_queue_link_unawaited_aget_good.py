"""Held-out reduction (holdout13), fixed shape: the ``aget()`` coroutine is awaited. Must stay silent."""

from rota.models import Rota


async def rota_link(rota_id: int) -> str:
    rota = await Rota.objects.aget(pk=rota_id)
    return f"https://t.me/c/{abs(rota.chat_id)}/{rota.message_id}"
