"""Recall reduction (recall21): the Discord bot's ``/embed`` slash command calls the service module's
coroutine ``fetch_post()`` without await and reads ``post.spoiler`` on the coroutine (AttributeError):
the command always answers with the failure message. Our own minimal rewrite of the shape, not upstream
code."""

import logging

import discord

from embed_bot import service


class EmbedClient(discord.Client):
    async def command_embed(self, interaction: discord.Interaction, url: str, spoiler: bool = False) -> None:
        await interaction.response.defer()
        if not service.handles(url):
            return
        try:
            post = service.fetch_post(  # [async-call-not-awaited]
                url=url,
                server_uid=str(interaction.guild.id),
                author_uid=str(interaction.user.id),
            )
            if not post.spoiler:
                post.spoiler = spoiler
        except Exception as error:
            logging.error("failed fetching %s: %s", url, error)
            await interaction.followup.send(content=f"Failed fetching {url}")
            raise
        await interaction.followup.send(content=post.url)
