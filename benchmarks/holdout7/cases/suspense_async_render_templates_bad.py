"""A streaming-render helper for async views: it renders the page's base template, streams it, then
streams a small replacer template for each deferred block as its data arrives. The async generator
rendered both templates with `render_to_string` directly, so template rendering, and any query a
template runs (lazy QuerySets, `request.user`), happened on the event loop."""

import asyncio

from django.template import loader


def _render_base_template(context, request, template_name):
    content = loader.render_to_string(template_name, context, request)
    tasks = getattr(request, "_deferred", [])
    return content, tasks


def _render_replacer(result, request, uid):
    return loader.render_to_string("deferred/replacer.html", {"uid": uid, "content": result}, request)


async def async_streaming_render(request, template_name, context=None):
    context = {**context} if context else {}
    content, tasks = _render_base_template(context, request, template_name)  # [missing-sync-to-async]
    yield content
    for task in asyncio.as_completed([asyncio.ensure_future(task()) for task in tasks]):
        uid, result = await task
        yield _render_replacer(result, request, uid)  # [missing-sync-to-async]
