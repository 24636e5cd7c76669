"""Fixed form of andresperes_notify_helper_on_loop (recall20): the helper runs in a worker thread."""

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
                    await asyncio.to_thread(notify_subscribers, text)
                except Exception as error:
                    logger.error("alerts failed: %s", error)

            await on_post("gpu deal")

        asyncio.run(main())
