"""Package of the vicnas_help_registry_method reductions: the bot's command registry, a module-level
instance whose sync method reads the enabled commands from the database."""

from django.db import models


class EnabledCommand(models.Model):
    server_id = models.BigIntegerField()
    name = models.CharField(max_length=50)


class Registry:
    def __init__(self):
        self.commands = {}

    def commands_for(self, server_id):
        enabled = set(EnabledCommand.objects.filter(server_id=server_id).values_list("name", flat=True))
        return [name for name in self.commands if name in enabled]


registry = Registry()
