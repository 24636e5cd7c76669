"""django-ninja 792b064: the async paginator returned queryset.all().acount() unawaited (the count
became a coroutine). Own reduction."""

from django.db.models import QuerySet


class AsyncPagination:
    async def items_count_before(self, queryset: QuerySet) -> int:
        try:
            return queryset.all().acount()  # [async-call-not-awaited]
        except AttributeError:
            return len(queryset)

    async def items_count_after(self, queryset: QuerySet) -> int:
        try:
            return await queryset.all().acount()
        except AttributeError:
            return len(queryset)
