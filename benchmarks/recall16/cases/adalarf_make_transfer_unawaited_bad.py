"""Recall reduction (recall16): the transfer moved its two saves into a ``@sync_to_async`` +
``@transaction.atomic`` function of the same module, but the ``async def`` calls it without ``await``:
the coroutine is dropped, no money moves, and the bot answers that the transfer succeeded. Our own
minimal rewrite of the shape, not upstream code."""

from asgiref.sync import sync_to_async
from django.db import transaction

from adalarf_bank.models import Account


@sync_to_async
@transaction.atomic
def move_money(payer, payee, amount):
    payer.balance -= amount
    payee.balance += amount
    payer.save()
    payee.save()


async def transfer(payer_number, payee_number, amount):
    payer = await Account.objects.filter(number=payer_number).afirst()
    payee = await Account.objects.filter(number=payee_number).afirst()
    if payer is None or payee is None:
        return "no such account"
    move_money(payer, payee, amount)  # [async-call-not-awaited]
    return "transfer done"
