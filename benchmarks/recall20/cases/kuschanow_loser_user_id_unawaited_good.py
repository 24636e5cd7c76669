"""Fixed form of kuschanow_loser_user_id_unawaited (recall20): the read is awaited."""

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
        user_id = await sync_to_async(lambda: loser.member.user_id)()
        if user_id in settings.ADMINS:
            continue
        await bot.restrict_chat_member(chat_id=chat.id, user_id=user_id,
                                       until_date=datetime.now() + timedelta(minutes=minutes))
    await callback.answer()
