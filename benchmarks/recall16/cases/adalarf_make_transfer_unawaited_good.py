"""Fixed shape of adalarf_make_transfer_unawaited_bad.py: upstream made the whole transfer one
``@sync_to_async`` function that calls the atomic helper directly."""

from asgiref.sync import sync_to_async
from django.db import transaction

from adalarf_bank.models import Account


@transaction.atomic
def move_money(payer, payee, amount):
    payer.balance -= amount
    payee.balance += amount
    payer.save()
    payee.save()


@sync_to_async
def transfer(payer_number, payee_number, amount):
    payer = Account.objects.filter(number=payer_number).first()
    payee = Account.objects.filter(number=payee_number).first()
    if payer is None or payee is None:
        return "no such account"
    move_money(payer, payee, amount)
    return "transfer done"
