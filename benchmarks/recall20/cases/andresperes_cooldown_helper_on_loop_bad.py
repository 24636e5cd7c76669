"""Recall reduction (recall20): before publishing an Instagram story, the channel mirror's nested
``async def`` asks the sibling module's plain ``may_publish()`` (imported inside the function), which
reads the last publication time through a settings model's classmethod, and then records the publication
with ``record_publication()``: both query on the event loop (SynchronousOnlyOperation). Our own minimal
rewrite of the shape, not upstream code."""

import asyncio
import logging

from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    def handle(self, *args, **options):
        async def main(publisher):
            async def on_post(text, photo):
                try:
                    from andre_bot.cooldown import may_publish, record_publication
                    allowed, reason = may_publish()  # [missing-sync-to-async]
                    if not allowed:
                        logger.info("story postponed: %s", reason)
                    elif await asyncio.to_thread(publisher.post_story, text, photo):
                        record_publication()  # [missing-sync-to-async]
                except Exception as error:
                    logger.error("instagram failed: %s", error)

            await on_post("gpu deal", None)

        asyncio.run(main(options["publisher"]))
