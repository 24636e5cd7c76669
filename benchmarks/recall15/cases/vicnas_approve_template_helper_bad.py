"""Recall reduction (recall15): the bot's ``async def`` that approves an application formats its direct
message from a sync helper of another module, which reads the message text from the database: the
helper's queries run on the bot's event loop. Our own minimal rewrite of the shape, not upstream code."""

from vicnas_template_helper.texts import message_text


async def approve_application(application, member):
    text = message_text(member.guild.id, "APPROVED")  # [missing-sync-to-async]
    await member.send(text.format(server=member.guild.name))
