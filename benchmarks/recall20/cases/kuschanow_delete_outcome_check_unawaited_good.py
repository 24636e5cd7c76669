"""Fixed form of kuschanow_delete_outcome_check_unawaited (recall20): the check is awaited."""

from aiogram import F, Router
from asgiref.sync import sync_to_async

router = Router()


@router.callback_query(F.data.contains("delete"))
async def delete_game(callback, game, member):
    if game.creator_id != member.id:
        await callback.answer("Only the host can delete the game")
        return
    if await sync_to_async(lambda: game.outcome is not None)():
        await callback.answer("A finished game cannot be deleted")
        return
    await game.adelete()
    await callback.answer("Deleted")
