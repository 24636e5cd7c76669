"""Fixed shape of vicnas_help_registry_method_bad.py: the method runs through sync_to_async."""

from asgiref.sync import sync_to_async

from vicnas_registry import registry


async def help_command(message, server_id):
    names = await sync_to_async(registry.commands_for)(server_id)
    await message.channel.send(", ".join(names))
