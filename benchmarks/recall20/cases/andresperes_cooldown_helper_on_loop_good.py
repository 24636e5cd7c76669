"""Fixed form of andresperes_cooldown_helper_on_loop (recall20): both helpers run in worker threads."""

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
                    allowed, reason = await asyncio.to_thread(may_publish)
                    if not allowed:
                        logger.info("story postponed: %s", reason)
                    elif await asyncio.to_thread(publisher.post_story, text, photo):
                        await asyncio.to_thread(record_publication)
                except Exception as error:
                    logger.error("instagram failed: %s", error)

            await on_post("gpu deal", None)

        asyncio.run(main(options["publisher"]))
