"""Recall reduction (recall18): a blog post on async views that did not run concurrently under Uvicorn
after a Django 3.2 upgrade: a project's own request-logging middleware was sync-only, so Django ran
every request through a thread switch around it (the debug log names it). Our own minimal rewrite of
the shape."""

import logging
import time

logger = logging.getLogger(__name__)


class ApiLoggerMiddleware:  # [sync-only-middleware]
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        logger.info("%s %s %.3f", request.method, request.path, time.monotonic() - started)
        return response
