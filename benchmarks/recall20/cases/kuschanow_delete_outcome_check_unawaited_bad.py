"""Recall reduction (recall20): an aiogram callback handler refuses to delete a finished game with
``if sync_to_async(lambda: game.outcome is not None)():`` -- the coroutine is never awaited and is always
true, so no game can ever be deleted. Our own minimal rewrite of the shape, not upstream code."""

from aiogram import F, Router
from asgiref.sync import sync_to_async

router = Router()


@router.callback_query(F.data.contains("delete"))
async def delete_game(callback, game, member):
    if game.creator_id != member.id:
        await callback.answer("Only the host can delete the game")
        return
    if sync_to_async(lambda: game.outcome is not None)():  # [async-call-not-awaited]
        await callback.answer("A finished game cannot be deleted")
        return
    await game.adelete()
    await callback.answer("Deleted")
