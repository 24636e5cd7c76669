"""adrf c1ba5e1: the async serializer's create set many-to-many values with the sync related manager
(reached through getattr); the fix awaits aset(). Own reduction."""

from shop.models import Item


async def acreate_before(validated, many_to_many):
    instance = await Item.objects.acreate(**validated)
    for field_name, value in many_to_many.items():
        field = getattr(instance, field_name)
        field.set(value)  # [sync-orm-call-in-async]
    return instance


async def acreate_after(validated, many_to_many):
    instance = await Item.objects.acreate(**validated)
    for field_name, value in many_to_many.items():
        field = getattr(instance, field_name)
        await field.aset(value)
    return instance
