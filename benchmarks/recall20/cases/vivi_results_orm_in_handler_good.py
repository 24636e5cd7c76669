"""Fixed form of vivi_results_orm_in_handler (recall20): the queries run in a ``@sync_to_async``
method that returns plain tuples."""

import asyncio

from asgiref.sync import sync_to_async
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

    @sync_to_async
    def tally(self):
        out = []
        for election in Election.objects.all():
            if election.status == "ended" or timezone.now() >= election.end_time:
                out.append([(c.name, Vote.objects.filter(candidate=c).count())
                            for c in Candidate.objects.filter(election=election)])
        return out

    async def results(self, update, context):
        tallies = await self.tally()
        if not tallies:
            await update.message.reply_text("No elections found.")
            return
        for lines in tallies:
            await update.message.reply_text("\n".join(f"{name}: {votes}" for name, votes in lines) or "No votes yet.")
