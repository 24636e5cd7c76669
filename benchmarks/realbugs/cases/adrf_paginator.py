"""adrf 0c68f1b: the async list view paginated the QuerySet on the loop through the view's paginator
(a property building the pagination class); the fix uses sync_to_async. Own reduction."""

from asgiref.sync import sync_to_async
from django.core.paginator import Paginator

from shop.models import Item


class PageNumberPagination:
    page_size = 10

    def paginate_queryset(self, queryset, request):
        paginator = Paginator(queryset, self.page_size)
        return list(paginator.page(int(request.GET.get("page", 1))))


class ListView:
    pagination_class = PageNumberPagination

    @property
    def paginator(self):
        return self.pagination_class()

    async def list_before(self, request):
        queryset = Item.objects.all()
        return self.paginator.paginate_queryset(queryset, request)  # [missing-sync-to-async]

    async def list_after(self, request):
        queryset = Item.objects.all()
        return await sync_to_async(self.paginator.paginate_queryset)(queryset, request)
