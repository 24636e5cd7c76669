"""Recall reduction (recall16): the transfer ``async def`` loads both accounts with ``afirst()`` (no
``select_related``) and then reads their ``holder`` foreign keys to check favourites: each read is a
query on the event loop (SynchronousOnlyOperation). Our own minimal rewrite of the shape, not upstream
code."""

from asgiref.sync import sync_to_async

from adalarf_bank.models import Account


@sync_to_async
def are_favourites(customer, other):
    return customer.favourites.filter(id=other.id).exists()


async def transfer(payer_number, payee_number, amount):
    payer = await Account.objects.filter(number=payer_number).afirst()
    payee = await Account.objects.filter(number=payee_number).afirst()
    if payer is None or payee is None:
        return "no such account"
    if not await are_favourites(payer.holder, payee.holder):  # [sync-orm-call-in-async]
        return "not a favourite"
    return "ok"
