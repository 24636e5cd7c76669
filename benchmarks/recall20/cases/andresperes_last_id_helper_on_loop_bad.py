"""Recall reduction (recall20): the channel mirror keeps the last processed message id in the database
through same-module plain functions that read and write a settings row with the model's classmethods;
its nested ``async def`` polling loop calls them directly: the query raises SynchronousOnlyOperation,
the helper swallows it and returns 0, and every old post is mirrored again. Our own minimal rewrite of
the shape, not upstream code."""

import asyncio
import logging

from django.core.management.base import BaseCommand

from andre_bot.models import Setting

logger = logging.getLogger(__name__)
_cache = {"loaded": False, "value": 0}


def load_last_id():
    if _cache["loaded"]:
        return _cache["value"]
    try:
        _cache["value"] = int(Setting.read("last_id", "0"))
    except Exception as error:
        logger.warning("could not read last_id: %s", error)
        _cache["value"] = 0
    _cache["loaded"] = True
    return _cache["value"]


def save_last_id(message_id):
    _cache["value"] = message_id
    try:
        Setting.write("last_id", message_id)
    except Exception as error:
        logger.error("could not save last_id: %s", error)


class Command(BaseCommand):
    def handle(self, *args, **options):
        async def main(client):
            async def poll():
                while True:
                    last_id = load_last_id()  # [missing-sync-to-async]
                    for message in await client.get_messages("deals", min_id=last_id):
                        save_last_id(message.id)  # [missing-sync-to-async]
                    await asyncio.sleep(30)

            await poll()

        asyncio.run(main(options["client"]))
