"""Recall reduction (recall20): an aiogram 3 callback handler of a chat game (Django models, the bot run
by a management command) hands ``sync_to_async`` a lambda that returns ``outcome.losers.all()``: the lazy
QuerySet comes back unevaluated and the ``for`` loop runs its query on the event loop
(SynchronousOnlyOperation), so nobody is ever muted. Our own minimal rewrite of the shape, not upstream
code."""

from datetime import datetime, timedelta

from aiogram import F, Router
from asgiref.sync import sync_to_async

from mute_games.services import finish

router = Router()


@router.callback_query(F.data.contains("start"))
async def start_game(callback, game, chat, bot):
    outcome = await finish(game)
    minutes = await sync_to_async(lambda: game.penalty.minutes)()
    for loser in await sync_to_async(lambda: outcome.losers.all())():  # [lazy-queryset-from-sync-to-async]
        user_id = await sync_to_async(lambda: loser.member.user_id)()
        await bot.restrict_chat_member(chat_id=chat.id, user_id=user_id,
                                       until_date=datetime.now() + timedelta(minutes=minutes))
    await callback.answer()
