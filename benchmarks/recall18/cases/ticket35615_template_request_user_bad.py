"""Recall reduction (recall18): Django ticket #35615: an async view renders a template that shows
``{{ request.user }}``; ``render()`` runs the template on the loop and the lazy user loads the session
and the user row there (SynchronousOnlyOperation). Our own minimal rewrite of the shape."""

from django.shortcuts import render


async def profile(request):
    return render(request, "profile.html")  # [sync-template-render-in-async]
