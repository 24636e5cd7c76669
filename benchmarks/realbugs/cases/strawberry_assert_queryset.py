"""strawberry-django 1086f6c (#504): a filter resolver object checked `assert queryset`, which
evaluates a lazy QuerySet (a query) when it is called from an async resolver; the fix tests
`is not None`. Own reduction."""

from shop.models import Item


class FilterResolver:
    def __call__(self, source, queryset=None):
        assert queryset
        return queryset.filter(slug=source)


class FilterResolverFixed:
    def __call__(self, source, queryset=None):
        assert queryset is not None
        return queryset.filter(slug=source)


resolver_before = FilterResolver()
resolver_after = FilterResolverFixed()


async def resolve_before(source):
    return [item async for item in resolver_before(source, queryset=Item.objects.all())]  # [missing-sync-to-async]


async def resolve_after(source):
    return [item async for item in resolver_after(source, queryset=Item.objects.all())]
