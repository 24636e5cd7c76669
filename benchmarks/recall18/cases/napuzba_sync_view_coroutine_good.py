"""Fixed form (recall18): the post's fix runs the coroutine to completion from the sync view."""

from asgiref.sync import async_to_sync
from django.http import HttpResponse

import napuzba_data as data


def hello(request):
    ss = async_to_sync(data.msg)()
    return HttpResponse(ss, content_type="text/plain")
