"""Recall reduction (recall15): the bot's ``async def`` help command imports the module-level command
registry inside the function (``from . import registry``) and calls its sync method, which reads the
enabled commands from the database: the query runs on the bot's event loop. Our own minimal rewrite of
the shape, not upstream code (the registry is imported at module level here: a relative import needs a
package)."""

from vicnas_registry import registry


async def help_command(message, server_id):
    names = registry.commands_for(server_id)  # [missing-sync-to-async]
    await message.channel.send(", ".join(names))
