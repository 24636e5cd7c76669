"""Fixed form of andresperes_last_id_helper_on_loop (recall20): the helpers are coroutine functions whose
queries run in ``@sync_to_async`` functions."""

import asyncio
import logging

from asgiref.sync import sync_to_async
from django.core.management.base import BaseCommand

from andre_bot.models import Setting

logger = logging.getLogger(__name__)
_cache = {"loaded": False, "value": 0}


@sync_to_async
def _read_last_id():
    return Setting.read("last_id", "0")


@sync_to_async
def _write_last_id(message_id):
    Setting.write("last_id", message_id)


async def load_last_id():
    if _cache["loaded"]:
        return _cache["value"]
    try:
        _cache["value"] = int(await _read_last_id())
    except Exception as error:
        logger.warning("could not read last_id: %s", error)
        _cache["value"] = 0
    _cache["loaded"] = True
    return _cache["value"]


async def save_last_id(message_id):
    _cache["value"] = message_id
    try:
        await _write_last_id(message_id)
    except Exception as error:
        logger.error("could not save last_id: %s", error)


class Command(BaseCommand):
    def handle(self, *args, **options):
        async def main(client):
            async def poll():
                while True:
                    last_id = await load_last_id()
                    for message in await client.get_messages("deals", min_id=last_id):
                        await save_last_id(message.id)
                    await asyncio.sleep(30)

            await poll()

        asyncio.run(main(options["client"]))
