"""adrf f75b31e: the async serializer read each field's attribute on the loop (a foreign key read
queries); the fix uses sync_to_async(field.get_attribute). Own reduction."""

from asgiref.sync import sync_to_async


class RelatedField:
    def __init__(self, source):
        self.source = source

    def get_attribute(self, instance):
        return getattr(instance, self.source)


class Serializer:
    fields = {"owner": RelatedField("owner")}

    async def ato_representation_before(self, instance):
        data = {}
        for name, field in self.fields.items():
            data[name] = field.get_attribute(instance)  # [missing-sync-to-async]
        return data

    async def ato_representation_after(self, instance):
        data = {}
        for name, field in self.fields.items():
            data[name] = await sync_to_async(field.get_attribute)(instance)
        return data
