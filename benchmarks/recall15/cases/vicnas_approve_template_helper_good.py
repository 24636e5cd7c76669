"""Fixed shape of vicnas_approve_template_helper_bad.py: the helper runs through sync_to_async."""

from asgiref.sync import sync_to_async

from vicnas_template_helper.texts import message_text


async def approve_application(application, member):
    text = await sync_to_async(message_text)(member.guild.id, "APPROVED")
    await member.send(text.format(server=member.guild.name))
