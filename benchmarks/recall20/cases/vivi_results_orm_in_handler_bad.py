"""Recall reduction (recall20): an e-voting bot (python-telegram-bot v20, the ``Application`` built and
polled inside ``asyncio.run()`` by a management command) answers /results from an ``async def`` method
that tests, iterates and counts QuerySets directly: SynchronousOnlyOperation at the first test. Our own
minimal rewrite of the shape, not upstream code."""

import asyncio

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from telegram.ext import Application, CommandHandler

from ballot.models import Candidate, Election, Vote


class Command(BaseCommand):
    def handle(self, *args, **options):
        asyncio.run(self.run_bot())

    async def run_bot(self):
        application = Application.builder().token(settings.TELEGRAM_BOT_TOKEN).build()
        application.add_handler(CommandHandler("results", self.results))
        await application.run_polling()

    async def results(self, update, context):
        elections = Election.objects.all()
        if not elections:  # [sync-queryset-evaluation-in-async]
            await update.message.reply_text("No elections found.")
            return
        for election in elections:
            if election.status == "ended" or timezone.now() >= election.end_time:
                lines = []
                for candidate in Candidate.objects.filter(election=election):
                    votes = Vote.objects.filter(candidate=candidate).count()  # [sync-orm-call-in-async]
                    lines.append(f"{candidate.name}: {votes}")
                await update.message.reply_text("\n".join(lines) or "No votes yet.")
