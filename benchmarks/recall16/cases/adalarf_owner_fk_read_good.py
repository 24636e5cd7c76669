"""Fixed shape of adalarf_owner_fk_read_bad.py: upstream ran the whole check in one ``@sync_to_async``
function, where the foreign key reads are allowed."""

from asgiref.sync import sync_to_async

from adalarf_bank.models import Account


@sync_to_async
def transfer(payer_number, payee_number, amount):
    payer = Account.objects.filter(number=payer_number).first()
    payee = Account.objects.filter(number=payee_number).first()
    if payer is None or payee is None:
        return "no such account"
    if not payer.holder.favourites.filter(id=payee.holder.id).exists():
        return "not a favourite"
    return "ok"
