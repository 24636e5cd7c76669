"""A profiling context around every request, written as a plain function middleware (no mode flags)."""

from contextlib import contextmanager


@contextmanager
def query_watch():
    yield


def query_watch_middleware(get_response):  # [sync-only-middleware]
    def middleware(request):
        with query_watch():
            response = get_response(request)
        return response

    return middleware
