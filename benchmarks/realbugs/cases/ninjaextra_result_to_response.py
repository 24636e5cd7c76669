"""django-ninja-extra 1030038: the async operation turned the view's result (a lazy QuerySet) into a
response on the loop; the fix runs _result_to_response through sync_to_async. Own reduction."""

from asgiref.sync import sync_to_async

from shop.models import Item


async def list_items(request):
    return Item.objects.filter(owner_id=1)


class AsyncOperation:
    view_func = staticmethod(list_items)

    def _result_to_response(self, request, result):
        return {"items": [item.slug for item in result]}

    async def run_before(self, request):
        result = await self.view_func(request)
        return self._result_to_response(request, result)  # [missing-sync-to-async]

    async def run_after(self, request):
        result = await self.view_func(request)
        return await sync_to_async(self._result_to_response)(request, result)
