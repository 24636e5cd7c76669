import asyncio
from pathlib import Path

from django.http import HttpResponse

MODULES = Path("/srv/modules")


async def module_file(request, name: str) -> HttpResponse:
    path = MODULES.joinpath(*name.split("/"))
    text = await asyncio.to_thread(path.read_text)
    return HttpResponse(text, content_type="text/javascript")
