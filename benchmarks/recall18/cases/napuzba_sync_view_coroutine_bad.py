"""Recall reduction (recall18): a blog post's sync Django view calls a coroutine function of another
module and puts its value in the response: the page shows the body '<coroutine object msg ...>' and
the coroutine never runs. Our own minimal rewrite of the shape."""

from django.http import HttpResponse

import napuzba_data as data


def hello(request):
    ss = data.msg()  # [async-call-not-awaited]
    return HttpResponse(ss, content_type="text/plain")
