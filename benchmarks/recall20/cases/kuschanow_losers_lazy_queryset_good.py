"""Fixed form of kuschanow_losers_lazy_queryset (recall20): the lambda returns a list, so the query
runs in the worker thread."""

from datetime import datetime, timedelta

from aiogram import F, Router
from asgiref.sync import sync_to_async

from mute_games.services import finish

router = Router()


@router.callback_query(F.data.contains("start"))
async def start_game(callback, game, chat, bot):
    outcome = await finish(game)
    minutes = await sync_to_async(lambda: game.penalty.minutes)()
    for loser in await sync_to_async(lambda: list(outcome.losers.all()))():
        user_id = await sync_to_async(lambda: loser.member.user_id)()
        await bot.restrict_chat_member(chat_id=chat.id, user_id=user_id,
                                       until_date=datetime.now() + timedelta(minutes=minutes))
    await callback.answer()
