"""Fixed form (recall18): the article's fix awaits the inner view."""

from django.http import HttpResponse


async def my_view(request):
    return HttpResponse("Hello, World!")


async def my_handler(request):
    response = await my_view(request)
    return response
