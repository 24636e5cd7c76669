"""Fixed: the query moves into a local sync function run in a thread."""

from asgiref.sync import sync_to_async
from django.db import models


class Distribution(models.Model):
    base_path = models.TextField(unique=True)


class Handler:
    distribution_model = None

    @staticmethod
    def render_html(paths):
        return "".join(f"<a href='{p}'>{p}</a>" for p in paths)

    async def list_distributions(self, request):
        def get_base_paths():
            if self.distribution_model is None:
                return list(Distribution.objects.values_list("base_path", flat=True))
            return list(self.distribution_model.objects.values_list("base_path", flat=True))

        base_paths = await sync_to_async(get_base_paths)()
        return self.render_html(f"{path}/" for path in base_paths)


class FileDistribution(Distribution):
    pass


class FileHandler(Handler):
    """A plugin's handler serves only its own distribution type."""

    distribution_model = FileDistribution
