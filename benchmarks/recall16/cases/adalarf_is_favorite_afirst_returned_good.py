"""Fixed shape of adalarf_is_favorite_afirst_returned_bad.py: the query is awaited."""

from adalarf_bank.models import Customer


async def favourite_of(customer: Customer, other: Customer):
    found = await customer.favourites.filter(id=other.id).aexists()
    return found
