"""Recall reduction (recall16): a python-telegram-bot service ``async def`` checks that the payee is
among the payer's favourites with a coroutine function of another module, called without ``await`` in
an ``if not``: the coroutine object is always true, so the check never refuses and the query never runs.
Our own minimal rewrite of the shape, not upstream code."""

from adalarf_bank.favorites import in_favourites
from adalarf_bank.models import Account


async def transfer(payer_number, payee_number, amount):
    payer = await Account.objects.select_related("holder").filter(number=payer_number).afirst()
    payee = await Account.objects.select_related("holder").filter(number=payee_number).afirst()
    if not in_favourites(payer.holder, payee.holder):  # [async-call-not-awaited]
        return "not a favourite"
    payer.balance -= amount
    payee.balance += amount
    await payer.asave()
    await payee.asave()
    return "done"
