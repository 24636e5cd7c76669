"""Recall reduction (recall20): in the same aiogram handler, the muted user's id is read with
``sync_to_async(lambda: loser.member.user_id)()`` and never awaited: ``user_id`` is a coroutine, the
admin check compares a coroutine, and the Telegram call gets a coroutine as the user id. Our own minimal
rewrite of the shape, not upstream code."""

from datetime import datetime, timedelta

from aiogram import F, Router
from asgiref.sync import sync_to_async
from django.conf import settings

from mute_games.services import finish

router = Router()


@router.callback_query(F.data.contains("start"))
async def start_game(callback, game, chat, bot):
    outcome = await finish(game)
    minutes = await sync_to_async(lambda: game.penalty.minutes)()
    for loser in await sync_to_async(lambda: list(outcome.losers.all()))():
        user_id = sync_to_async(lambda: loser.member.user_id)()  # [async-call-not-awaited]
        if user_id in settings.ADMINS:
            continue
        await bot.restrict_chat_member(chat_id=chat.id, user_id=user_id,
                                       until_date=datetime.now() + timedelta(minutes=minutes))
    await callback.answer()
