"""Fixed shape of ninja_django_auth_async_route (the reporter's workaround, in spirit): an async auth
callback that loads the user with ``await request.auser()`` (Django 5.0+; the report ran 5.0.7)."""

from ninja import NinjaAPI

api = NinjaAPI(urls_namespace="ninja_django_auth_async_route_good")


async def async_django_auth(request):
    user = await request.auser()
    return user if user.is_authenticated else None


@api.get("/foobar", auth=async_django_auth)
async def foobar(request) -> str:
    return "foobar"
