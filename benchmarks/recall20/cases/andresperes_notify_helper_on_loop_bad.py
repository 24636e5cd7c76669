"""Recall reduction (recall20): a management command mirrors a Telegram channel with Telethon inside
``asyncio.run(main())``; for every new post, the nested ``async def`` calls the sibling module's plain
``notify_subscribers()`` (imported inside the function), which queries the alerts and posts with
requests: SynchronousOnlyOperation on the loop (caught and logged, so no alert is ever sent). Our own
minimal rewrite of the shape, not upstream code."""

import asyncio
import logging

from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    def handle(self, *args, **options):
        async def main():
            async def on_post(text):
                await asyncio.sleep(0)
                try:
                    from andre_bot.alerts import notify_subscribers
                    notify_subscribers(text)  # [missing-sync-to-async]
                except Exception as error:
                    logger.error("alerts failed: %s", error)

            await on_post("gpu deal")

        asyncio.run(main())
