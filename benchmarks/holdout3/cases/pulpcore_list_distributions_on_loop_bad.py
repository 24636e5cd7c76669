"""The content app's index page lists the base paths of all distributions. The handler class has a
`distribution_model` class attribute that plugins may set (None means the base model); the async
aiohttp handler evaluates `values_list(...)` of whichever model it is with list(): a query on the
event loop."""

from django.db import models


class Distribution(models.Model):
    base_path = models.TextField(unique=True)


class Handler:
    distribution_model = None

    @staticmethod
    def render_html(paths):
        return "".join(f"<a href='{p}'>{p}</a>" for p in paths)

    async def list_distributions(self, request):
        if self.distribution_model is None:
            base_paths = list(Distribution.objects.values_list("base_path", flat=True))  # [sync-queryset-evaluation-in-async]
        else:
            base_paths = list(self.distribution_model.objects.values_list("base_path", flat=True))  # [sync-queryset-evaluation-in-async]
        return self.render_html(f"{path}/" for path in base_paths)


class FileDistribution(Distribution):
    pass


class FileHandler(Handler):
    """A plugin's handler serves only its own distribution type."""

    distribution_model = FileDistribution
