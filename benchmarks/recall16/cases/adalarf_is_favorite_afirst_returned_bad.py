"""Recall reduction (recall16): a coroutine function meant to answer whether a customer is a favourite
stores the related manager's ``afirst()`` in a name without ``await`` and returns it: its caller awaits
the function and gets a coroutine (always true) instead of a customer or None, and the lookup never
runs. Our own minimal rewrite of the shape, not upstream code."""

from adalarf_bank.models import Customer


async def favourite_of(customer: Customer, other: Customer):
    found = customer.favourites.filter(id=other.id).afirst()  # [async-call-not-awaited]
    return found
