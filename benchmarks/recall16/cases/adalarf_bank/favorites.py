"""Service functions of the adalarf_bank helper package: a coroutine function that asks whether one
customer is another's favourite, and a sync lookup of a customer's accounts by name."""

from .models import Account, Customer


async def in_favourites(customer, other):
    return await customer.favourites.filter(id=other.id).aexists()


def accounts_of(name):
    customer = Customer.objects.filter(name=name).first()
    if customer is None:
        return "no such customer"
    return Account.objects.filter(holder=customer)
