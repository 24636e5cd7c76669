"""An async view reads a file from disk with pathlib's blocking read_text()."""

from pathlib import Path

from django.http import HttpResponse

MODULES = Path("/srv/modules")


async def module_file(request, name: str) -> HttpResponse:
    path = MODULES.joinpath(*name.split("/"))
    return HttpResponse(path.read_text(), content_type="text/javascript")  # [blocking-call-in-async]
