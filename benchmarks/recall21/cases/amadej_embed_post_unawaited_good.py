"""Fixed form of amadej_embed_post_unawaited. Our own minimal rewrite, not upstream code."""

import logging

import discord

from embed_bot import service


class EmbedClient(discord.Client):
    async def command_embed(self, interaction: discord.Interaction, url: str, spoiler: bool = False) -> None:
        await interaction.response.defer()
        if not service.handles(url):
            return
        try:
            post = await service.fetch_post(
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
