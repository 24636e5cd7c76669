"""Fixed form (recall18). The ticket's workaround (``request.user = await request.auser()`` then
``render()``) still renders the template on the loop, which blocks (asynclint's W5711 is right to
report it); this is the form that neither loads the user nor renders on the loop: a TemplateResponse,
which Django's async handler renders in a worker thread."""

from django.template.response import TemplateResponse


async def profile(request):
    return TemplateResponse(request, "profile.html")
