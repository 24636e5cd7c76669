"""Recall reduction (recall18): an article on Django's 'returned an unawaited coroutine instead' error:
an async handler view calls another async view without await and returns what it got, a coroutine
(Django raises ValueError in check_response). Our own minimal rewrite of the shape."""

from django.http import HttpResponse


async def my_view(request):
    return HttpResponse("Hello, World!")


async def my_handler(request):
    response = my_view(request)  # [async-call-not-awaited]
    return response
