"""Fixed shape of adalarf_transfer_by_name_sync_awaited_bad.py: upstream decorated the service with
``@sync_to_async`` (and built the text inside it); here the handler wraps it at the call."""

from asgiref.sync import sync_to_async

from adalarf_bank.favorites import accounts_of


def account_numbers(name):
    accounts = accounts_of(name)
    return accounts if isinstance(accounts, str) else [a.number for a in accounts]


async def accounts_by_name(update, context):
    numbers = await sync_to_async(account_numbers)(context.args[0])
    await update.message.reply_text(str(numbers))
