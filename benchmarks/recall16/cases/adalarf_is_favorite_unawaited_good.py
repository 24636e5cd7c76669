"""Fixed shape of adalarf_is_favorite_unawaited_bad.py: the favourite check is awaited."""

from adalarf_bank.favorites import in_favourites
from adalarf_bank.models import Account


async def transfer(payer_number, payee_number, amount):
    payer = await Account.objects.select_related("holder").filter(number=payer_number).afirst()
    payee = await Account.objects.select_related("holder").filter(number=payee_number).afirst()
    if not await in_favourites(payer.holder, payee.holder):
        return "not a favourite"
    payer.balance -= amount
    payee.balance += amount
    await payer.asave()
    await payee.asave()
    return "done"
