"""Recall reduction (recall16): a python-telegram-bot command handler awaits a sync service function of
another module that looks a customer up by name (``filter().first()``): the lookup runs on the event
loop (SynchronousOnlyOperation) before ``await`` can even complain that a QuerySet is not awaitable.
Our own minimal rewrite of the shape, not upstream code."""

from adalarf_bank.favorites import accounts_of


async def accounts_by_name(update, context):
    accounts = await accounts_of(context.args[0])  # [missing-sync-to-async]
    await update.message.reply_text(str(accounts))
