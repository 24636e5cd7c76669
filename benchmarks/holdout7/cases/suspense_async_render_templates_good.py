"""Fixed shape: both renders run on a worker thread (`asyncio.to_thread`)."""

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
    content, tasks = await asyncio.to_thread(_render_base_template, context, request, template_name)
    yield content
    for task in asyncio.as_completed([asyncio.ensure_future(task()) for task in tasks]):
        uid, result = await task
        yield await asyncio.to_thread(_render_replacer, result, request, uid)
